// The home page's to-dos of marketing: opportunities waiting to be assigned
// (for whoever may assign) and those waiting for the user's development (the
// assignee's 已指派 ones: develop is an "own" right).
import { can, CurrentUser, ownedWhere } from '../auth/can';
import type { Db, Prisma } from '../db/client';
import type { Todo, TodoProvider } from '../shared/todos';
import { OPPORTUNITY_STATUS, STEP_RIGHT } from './opportunity-status';

const waitingFor = (step: 'assign' | 'succeed') => ({ in: OPPORTUNITY_STATUS.statusesAllowing(step) });

const MARKETING_TODOS: { step: 'assign' | 'succeed'; label: string; href: string; mine: boolean }[] = [
  { step: 'assign', label: '待指派的销售机会', href: '/opportunities?status=unassigned', mine: false },
  { step: 'succeed', label: '待开发的销售机会', href: '/plans?status=assigned', mine: true },
];

async function todos(db: Db, user: CurrentUser): Promise<Todo[]> {
  const todos = MARKETING_TODOS.filter(({ step }) => can(user, STEP_RIGHT[step].action, STEP_RIGHT[step].resource));
  const counts = await Promise.all(
    todos.map(({ step, mine }) => {
      const { action, resource } = STEP_RIGHT[step];
      const where: Prisma.OpportunityWhereInput = {
        status: waitingFor(step),
        ...(mine ? ownedWhere<Prisma.OpportunityWhereInput>(user, action, resource) : {}),
      };
      return db.opportunity.count({ where });
    }),
  );
  return todos
    .map((todo, i) => ({ label: todo.label, href: todo.href, count: counts[i] }))
    .filter((todo) => todo.count > 0);
}

/** Counted from the opportunities alone. */
export const marketingTodos: TodoProvider = { tables: ['Opportunity'], todos };
