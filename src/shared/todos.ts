// The home page's to-dos (我的待办): each module says what waits for the user,
// as counts with links, through a provider of its own (src/<module>/todos.ts).
// app.ts hands the providers to the layout, which only shows them.
import type { CurrentUser } from '../auth/can';
import type { Db } from '../db/client';

export interface Todo {
  label: string;
  count: number;
  href: string;
}

export type TodoProvider = (db: Db, user: CurrentUser) => Promise<Todo[]>;

/** Every provider's to-dos for the user, in the providers' order. */
export async function todosFor(providers: readonly TodoProvider[], db: Db, user: CurrentUser): Promise<Todo[]> {
  const lists = await Promise.all(providers.map((provider) => provider(db, user)));
  return lists.flat();
}
