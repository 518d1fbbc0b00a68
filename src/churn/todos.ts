// The home page's to-do of churn: the unfinished warnings (预警, 暂缓流失) of the
// customers the user manages, for whoever may handle them.
import { can, CurrentUser } from '../auth/can';
import type { Db } from '../db/client';
import type { Todo, TodoProvider } from '../shared/todos';
import { openWarningsToHandle } from './queries';

async function todos(db: Db, user: CurrentUser): Promise<Todo[]> {
  if (!can(user, 'handle', 'churn')) return [];
  const count = await db.churnWarning.count({ where: openWarningsToHandle(user) });
  return count > 0 ? [{ label: '待处理的流失预警', count, href: '/churn?status=open' }] : [];
}

/** Counted from the warnings and their customers (whose 客户经理 handles them). */
export const churnTodos: TodoProvider = { tables: ['ChurnWarning', 'Customer'], todos };
