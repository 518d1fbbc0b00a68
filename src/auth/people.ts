// The people a record names — 创建人, 指派给, 处理人, 客户经理 — by the ids it holds.
// A list page names two or three users per row: read as Prisma relations, each
// costs a query of its own (0.1–0.2 ms a relation for ten rows), while a
// company's users are a few hundred. On the embedded database they are read
// once per version of the User table (db/kept-reads.ts); elsewhere the page's
// people are read by their ids.
import type { Tx } from '../db/client';
import { keepsReads, keptRead } from '../db/kept-reads';

/** A user as a record names them. */
export interface Person {
  id: number;
  name: string;
  status: string;
}

type People = Readonly<Record<number, Person>>;

const PERSON = { id: true, name: true, status: true } as const;

/** Every user, kept while the User table is unchanged; without kept reads, the users of `ids` alone. */
async function peopleOf(db: Tx, ids: number[]): Promise<People> {
  const read = (where?: { id: { in: number[] } }) => db.user.findMany({ where, select: PERSON });
  if (keepsReads(db)) return keptRead(db, ['User'], 'people', async () => byId(await read()));
  return byId(await read({ id: { in: [...new Set(ids)] } }));
}

function byId(users: Person[]): People {
  return Object.fromEntries(users.map((user) => [user.id, user]));
}

/** Which id field of a row names which person: `{ createdBy: 'createdById' }`. */
type PeopleFields<R> = Record<string, keyof R>;

/** The row with each person its fields name; null where the field is. */
export type WithPeople<R, F extends PeopleFields<R>> = R & { [K in keyof F]: null extends R[F[K]] ? Person | null : Person };

/** The rows, each with the people its id fields name, as a Prisma relation would give them. */
export async function withPeople<R extends object, const F extends PeopleFields<R>>(db: Tx, rows: R[], fields: F): Promise<WithPeople<R, F>[]> {
  if (rows.length === 0) return [];
  const idOf = (row: R, field: keyof R) => row[field] as unknown as number | null;
  const ids = rows.flatMap((row) => Object.values(fields).map((field) => idOf(row, field))).filter((id): id is number => id !== null);
  const people = await peopleOf(db, ids);
  return rows.map((row) => {
    const named: Record<string, Person | null> = {};
    for (const [as, field] of Object.entries(fields)) {
      const id = idOf(row, field);
      named[as] = id === null ? null : (people[id] ?? null);
    }
    return { ...row, ...named } as WithPeople<R, F>;
  });
}
