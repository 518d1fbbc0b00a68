// A status machine written as data: for each status, the actions allowed in it
// and the status each leads to. The same table guards every change (through
// conditional updates on the current status) and decides which buttons show.

export type Transitions<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

export interface StatusMachine<S extends string, A extends string> {
  transitions: Transitions<S, A>;
  labels: Record<S, string>;
  allows(status: string, action: A): boolean;
  /** the status after the action, or undefined when the action is not allowed */
  next(status: string, action: A): S | undefined;
  /** actions allowed in a status, for deciding which buttons a page shows */
  actions(status: string): A[];
  /** statuses in which the action is allowed: the `where` of a conditional update */
  statusesAllowing(action: A): S[];
  label(status: string): string;
  /**
   * The conditional update that takes the action from `status`: spread `where`
   * into the update's where (it matches only while the action is still allowed,
   * so whoever comes second updates nothing) and `data` into its data.
   */
  move(status: string, action: A): { where: { status: { in: S[] } }; data: { status: S | undefined } };
}

export function defineStatusMachine<S extends string, A extends string>(
  transitions: Transitions<S, A>,
  labels: Record<S, string>,
): StatusMachine<S, A> {
  const table = transitions as Record<string, Partial<Record<A, S>> | undefined>;
  const next = (status: string, action: A) => table[status]?.[action];
  const statusesAllowing = (action: A) => (Object.keys(table) as S[]).filter((s) => table[s]?.[action] !== undefined);
  return {
    transitions,
    labels,
    allows: (status, action) => next(status, action) !== undefined,
    next,
    actions: (status) => Object.keys(table[status] ?? {}) as A[],
    statusesAllowing,
    label: (status) => (labels as Record<string, string>)[status] ?? status,
    move: (status, action) => ({ where: { status: { in: statusesAllowing(action) } }, data: { status: next(status, action) } }),
  };
}
