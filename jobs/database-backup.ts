// The daily backup of the embedded database (BACKUP_SCHEDULE, keeping the
// newest BACKUP_KEEP): one backup per scheduled slot however many processes
// fire, since the first to claim the slot makes it. Its record is the backup
// list itself (and the audit log), which survives a restore.
import type { Config } from '../src/config';
import type { Db } from '../src/db/client';
import { backupPlace, makeBackup } from '../src/backup/backups';
import { claimSlot, lockHolder } from './job-lock';

export const BACKUP_JOB = 'database-backup';
const SLOT_KEEP_MS = 24 * 60 * 60_000;

/** A message for the log: what the run did. */
export async function runDailyBackup(db: Db, config: Config, scheduledFor: Date): Promise<string> {
  const place = backupPlace(config);
  if (!place) return '使用 SQL Server，不做内置数据库备份';
  if (!(await claimSlot(db, BACKUP_JOB, scheduledFor, lockHolder(), SLOT_KEEP_MS))) return '本次定时备份已由其他进程完成';
  const { backup, removed } = await makeBackup(db, place, 'daily', null, config.backupKeep);
  return `定时备份完成：${backup.name}${removed.length ? `，删除较早的定时备份 ${removed.length} 份` : ''}`;
}
