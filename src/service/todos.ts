// The home page's to-dos of the service tickets: what waits for this user's
// assignment, handling or feedback (the same filters as the lists of each step).
import { can, CurrentUser } from '../auth/can';
import type { TicketRight } from './ticket-status';
import type { Db } from '../db/client';
import type { Todo, TodoProvider } from '../shared/todos';
import { WAITING_ORDER, waitingFor } from './queries';

const STEP_TODOS: { right: TicketRight; label: string; href: string }[] = [
  { right: 'assign', label: '待分配的服务', href: '/service/assign' },
  { right: 'handle', label: '待处理的服务', href: '/service/handle' },
  { right: 'feedback', label: '待反馈的服务', href: '/service/feedback' },
];

async function todos(db: Db, user: CurrentUser): Promise<Todo[]> {
  const steps = STEP_TODOS.filter((step) => can(user, step.right, 'ticket'));
  const counts = await Promise.all(steps.map((step) => db.serviceTicket.count({ where: waitingFor(user, step.right), orderBy: WAITING_ORDER })));
  return steps
    .map((step, i) => ({ label: step.label, href: step.href, count: counts[i] }))
    .filter((todo) => todo.count > 0);
}

/** The steps' to-dos, counted from the tickets alone. */
export const serviceTodos: TodoProvider = { tables: ['ServiceTicket'], todos };
