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
}

export function defineStatusMachine<S extends string, A extends string>(
  transitions: Transitions<S, A>,
  labels: Record<S, string>,
): StatusMachine<S, A> {
  const table = transitions as Record<string, Partial<Record<A, S>> | undefined>;
  return {
    transitions,
    labels,
    allows: (status, action) => table[status]?.[action] !== undefined,
    next: (status, action) => table[status]?.[action],
    actions: (status) => Object.keys(table[status] ?? {}) as A[],
    statusesAllowing: (action) => (Object.keys(table) as S[]).filter((s) => table[s]?.[action] !== undefined),
    label: (status) => (labels as Record<string, string>)[status] ?? status,
  };
}
