// The one way a workflow step is guarded, in every module: the record (as the
// caller loaded it), the actor's right on it, then its status machine's word on
// the step. Each refusal carries its reason: unknown 404, not the actor's 403,
// a status that does not allow the step 409 — also when someone else acted
// first, which the record read again explains.
import type { CurrentUser } from '../auth/can';
import { ConflictError, ForbiddenError, NotFoundError } from './errors';
import type { Move, StatusMachine } from './status-machine';

/** What a module says of its records to have their steps guarded. */
export interface StepGuard<R extends { status: string }, A extends string, S extends string = string> {
  /** the record in words, as the refusals name it: 该销售机会, 该客户 … */
  noun: string;
  machine: StatusMachine<S, A>;
  /** whether the actor holds the step's right on this record, whatever its status */
  mayTake(actor: CurrentUser, step: A, record: R): boolean;
  /** why not, when the record is not the actor's (a general 403 message when undefined) */
  notYours?(step: A): string | undefined;
}

/**
 * The record and the step's conditional update on it, if the actor may take the
 * step on it and its status allows the step; otherwise the refusal is thrown.
 */
export function checkStep<R extends B, B extends { status: string }, A extends string, S extends string>(
  guard: StepGuard<B, A, S>,
  record: R | null | undefined,
  actor: CurrentUser,
  step: A,
): { record: R; move: Move<S> } {
  if (!record) throw new NotFoundError(`${guard.noun}不存在`);
  if (!guard.mayTake(actor, step, record)) throw new ForbiddenError(guard.notYours?.(step));
  const decision = guard.machine.moveBy(record.status, step);
  if (!decision.allowed) throw new ConflictError(decision.refusal);
  return { record, move: { where: decision.where, data: decision.data } };
}

/**
 * Why a conditional update found nothing, from the record read again: gone,
 * no longer the actor's, or no longer in a status that allows the step; and
 * when it would allow the step again, that someone else changed it meanwhile.
 */
export function refusalOnceStale<R extends B, B extends { status: string }, A extends string, S extends string>(
  guard: StepGuard<B, A, S>,
  current: R | null | undefined,
  actor: CurrentUser,
  step: A,
): Error {
  if (!current) return new ConflictError(`${guard.noun}已被删除`);
  try {
    checkStep(guard, current, actor, step);
  } catch (refusal) {
    return refusal as Error;
  }
  return new ConflictError(`${guard.noun}刚被他人修改，请重试`);
}

/**
 * Takes the step on the record by a conditional update: `write` gets the move
 * to spread into its where and data and says how many rows it changed; none,
 * and the record read back by `readBack` explains the refusal.
 */
export async function takeStep<R extends B, B extends { status: string }, A extends string, S extends string>(
  guard: StepGuard<B, A, S>,
  record: R,
  actor: CurrentUser,
  step: A,
  write: (move: Move<S>) => Promise<{ count: number }>,
  readBack: () => Promise<R | null>,
): Promise<void> {
  const { count } = await write(checkStep(guard, record, actor, step).move);
  if (count === 0) throw refusalOnceStale(guard, await readBack(), actor, step);
}
