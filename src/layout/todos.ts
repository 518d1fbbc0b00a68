// The home page's to-dos: each module says what waits for the user, as counts
// with links. Modules add their provider to TODO_PROVIDERS.
import type { CurrentUser } from '../auth/can';
import type { Db } from '../db/client';
import { serviceTodos } from '../service/todos';
import { marketingTodos } from '../marketing/todos';
import { churnTodos } from '../churn/todos';

export interface Todo {
  label: string;
  count: number;
  href: string;
}

export type TodoProvider = (db: Db, user: CurrentUser) => Promise<Todo[]>;

export const TODO_PROVIDERS: TodoProvider[] = [
  serviceTodos,
  marketingTodos,
  churnTodos,
];

export async function todosFor(db: Db, user: CurrentUser): Promise<Todo[]> {
  const lists = await Promise.all(TODO_PROVIDERS.map((provider) => provider(db, user)));
  return lists.flat();
}
