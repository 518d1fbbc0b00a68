// Running a job once across app instances, with the JobLock table:
// - a lease (`<job>`): held while a run goes on, by any trigger; a crashed
//   holder's lease ends at `lockedUntil` and is then taken over;
// - a slot (`<job>:<scheduled minute>`): claimed by the first instance whose
//   scheduler fires for that minute. The row stays, so an instance firing a
//   little later (after the first has finished) does not run the slot again.
// Both rely on the primary key: of two inserts of one name, the second fails.
import os from 'os';
import crypto from 'crypto';
import type { Db } from '../src/db/client';
import { isUniqueViolation } from '../src/shared/errors';

/** Who holds a lock: this process, recognisable in the table. */
export function lockHolder(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`.slice(0, 100);
}

/** Inserts the row; false when a row of that name exists already. */
async function insertLock(db: Db, name: string, holder: string, lockedUntil: Date): Promise<boolean> {
  try {
    await db.jobLock.create({ data: { name, holder, lockedUntil } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Takes the lease unless someone holds it until later than now. */
export async function acquireLease(db: Db, name: string, holder: string, durationMs: number, now = new Date()): Promise<boolean> {
  const lockedUntil = new Date(now.getTime() + durationMs);
  // Taking over an ended lease is one conditional update: of two instances, one wins.
  const { count } = await db.jobLock.updateMany({ where: { name, lockedUntil: { lt: now } }, data: { holder, lockedUntil } });
  return count > 0 || insertLock(db, name, holder, lockedUntil);
}

/** Ends the lease at once, if still ours. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLock.updateMany({ where: { name, holder }, data: { lockedUntil: new Date(0) } });
}

/** The name of a scheduled slot: the job and the minute it was scheduled for (UTC). */
export function slotName(job: string, scheduledFor: Date): string {
  return `${job}:${scheduledFor.toISOString().slice(0, 16)}`;
}

/**
 * Claims a scheduled slot; false when another instance has it. Old slots are
 * removed as new ones are claimed (they only matter around their minute).
 */
export async function claimSlot(db: Db, job: string, scheduledFor: Date, holder: string, keepMs: number): Promise<boolean> {
  const now = new Date();
  await db.jobLock.deleteMany({ where: { name: { startsWith: `${job}:` }, lockedUntil: { lt: now } } });
  return insertLock(db, slotName(job, scheduledFor), holder, new Date(scheduledFor.getTime() + keepMs));
}
