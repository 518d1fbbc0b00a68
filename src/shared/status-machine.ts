// A status machine written as data: for each status, the actions allowed in it
// and the status each leads to. The same table guards every change (through
// conditional updates on the current status), says why a step is refused, and
// decides which buttons show.

export type Transitions<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

/**
 * The conditional update of a step: spread `where` into the update's where (it
 * matches only while the record is still in the status the decision was read
 * from, so whoever comes second updates nothing) and `data` into its data.
 */
export interface Move<S extends string> {
  where: { status: { in: S[] } };
  data: { status: S };
}

/** A step decided on the status read: its conditional update, or why it is refused. */
export type StepDecision<S extends string> = ({ allowed: true } & Move<S>) | { allowed: false; refusal: string };

export interface StatusMachine<S extends string, A extends string> {
  transitions: Transitions<S, A>;
  labels: Record<S, string>;
  allows(status: string, action: A): boolean;
  /** the status after the action, or undefined when the action is not allowed */
  next(status: string, action: A): S | undefined;
  /** actions allowed in a status, for deciding which buttons a page shows */
  actions(status: string): A[];
  /** statuses in which the action is allowed: the `where` of a list of what waits for it */
  statusesAllowing(action: A): S[];
  label(status: string): string;
  /** why a record in this status refuses the action (also when someone else acted first) */
  refusal(action: A, status: string): string;
  /** the step taken from the status read: the conditional update and the refusal together */
  moveBy(status: string, action: A): StepDecision<S>;
}

export function defineStatusMachine<S extends string, A extends string>(
  transitions: Transitions<S, A>,
  labels: Record<S, string>,
  refusal: (action: A, status: string) => string = (_action, status) => `当前状态为「${label(status)}」，不能进行此操作`,
): StatusMachine<S, A> {
  const table = transitions as Record<string, Partial<Record<A, S>> | undefined>;
  const next = (status: string, action: A) => table[status]?.[action];
  const statusesAllowing = (action: A) => (Object.keys(table) as S[]).filter((s) => table[s]?.[action] !== undefined);
  function label(status: string): string {
    return (labels as Record<string, string>)[status] ?? status;
  }
  function moveBy(status: string, action: A): StepDecision<S> {
    const after = next(status, action);
    if (after === undefined) return { allowed: false, refusal: refusal(action, status) };
    return { allowed: true, where: { status: { in: [status as S] } }, data: { status: after } };
  }
  return {
    transitions,
    labels,
    allows: (status, action) => next(status, action) !== undefined,
    next,
    actions: (status) => Object.keys(table[status] ?? {}) as A[],
    statusesAllowing,
    label,
    refusal,
    moveBy,
  };
}
