// The home page's to-dos (我的待办): each module says what waits for the user,
// as counts with links, through a provider of its own (src/<module>/todos.ts).
// app.ts hands the providers to the layout, which only shows them.
import type { CurrentUser } from '../auth/can';
import type { Db } from '../db/client';
import { keptRead } from '../db/kept-reads';

export interface Todo {
  label: string;
  count: number;
  href: string;
}

export interface TodoProvider {
  /** every table its counts read (a relation's too): the to-dos are kept while none of them changes */
  tables: string[];
  todos(db: Db, user: CurrentUser): Promise<Todo[]>;
}

/**
 * Every provider's to-dos for the user, in the providers' order. Kept per user and rights while
 * the tables they count are unchanged (db/kept-reads.ts): each visit to the home page would
 * count them again, five counts through Prisma, half of the page's cost.
 */
export function todosFor(providers: readonly TodoProvider[], db: Db, user: CurrentUser): Promise<readonly Todo[]> {
  const tables = [...new Set(providers.flatMap((provider) => provider.tables))];
  const key = `todos:${user.id}:${[...user.rights].sort().join(',')}`;
  return keptRead(db, tables, key, async () => (await Promise.all(providers.map((provider) => provider.todos(db, user)))).flat());
}
