// The backup folder (BACKUP_DIR): one SQLite file per backup, and beside it a
// small JSON file saying when, how and by whom it was made. The record lives in
// the folder, not in the database, so that it survives a restore of an older one.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import { NotFoundError } from '../shared/errors';

export const BACKUP_KINDS = { manual: '手动', daily: '定时', safety: '恢复前自动', upload: '上传' } as const;
export type BackupKind = keyof typeof BACKUP_KINDS;

export interface BackupMaker {
  id: number;
  username: string;
  name: string;
}

export interface Backup {
  /** the file's name in the folder: crm-20261201T045100Z-manual-1a2b3c.db */
  name: string;
  createdAt: Date;
  kind: BackupKind;
  by: BackupMaker | null;
  size: number;
  /** an uploaded file's own name */
  originalName?: string;
}

const NAME = /^crm-\d{8}T\d{6}Z-(manual|daily|safety|upload)-[0-9a-f]{6}\.db$/;

export function newBackupName(kind: BackupKind, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `crm-${stamp}-${kind}-${crypto.randomBytes(3).toString('hex')}.db`;
}

/** The name of a backup named in a request; anything but an existing backup's name is the missing backup. */
export function backupName(dir: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME.test(value) || !fs.existsSync(path.join(dir, value))) {
    throw new NotFoundError('该备份不存在');
  }
  return value;
}

const sidecar = (file: string) => `${file}.json`;

export function writeBackupRecord(dir: string, backup: Omit<Backup, 'size'>): void {
  fs.writeFileSync(sidecar(path.join(dir, backup.name)), JSON.stringify(backup, null, 2));
}

export function readBackup(dir: string, name: string): Backup {
  const file = path.join(dir, name);
  const size = fs.statSync(file).size;
  const kind = (NAME.exec(name)?.[1] ?? 'manual') as BackupKind;
  try {
    const record = JSON.parse(fs.readFileSync(sidecar(file), 'utf8')) as Omit<Backup, 'size'>;
    return { ...record, name, kind, createdAt: new Date(record.createdAt), size };
  } catch {
    // A file copied into the folder by hand: what its name and the file say.
    return { name, kind, createdAt: fs.statSync(file).mtime, by: null, size };
  }
}

/** Every backup in the folder, newest first. */
export function listBackups(dir: string): Backup[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .map((name) => readBackup(dir, name))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

export function removeBackup(dir: string, name: string): void {
  const file = path.join(dir, name);
  fs.rmSync(file, { force: true });
  fs.rmSync(sidecar(file), { force: true });
}

/** Keeps the newest `keep` backups of the kind, removes the older ones; returns their names. */
export function pruneBackups(dir: string, kind: BackupKind, keep: number): string[] {
  // At least the newest one stays, whatever the setting says.
  const kept = Number.isInteger(keep) && keep > 0 ? keep : 1;
  const old = listBackups(dir)
    .filter((b) => b.kind === kind)
    .slice(kept);
  for (const backup of old) removeBackup(dir, backup.name);
  return old.map((b) => b.name);
}
