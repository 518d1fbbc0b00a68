// 数据库备份 of the embedded database: a backup made at once or daily, an
// uploaded backup file, a backup deleted, and a restore. Each holds the backup lock, so none
// interleaves with another; each writes an audit entry.
//
// A restore prepares the chosen backup beside the database first (a copy,
// migrated to this version, its sessions ended, its audit entry written), so
// that a failure there changes nothing. Only then, with the requests in flight
// finished and the client closed, a safety backup of the current database is
// taken and the prepared file takes its place; the client is opened again.
import fs from 'fs';
import path from 'path';
import type { Request } from 'express';
import type { Config } from '../config';
import { createDb, databaseKind, Db, sqliteFile } from '../db/client';
import type { DatabaseHandle } from '../db/handle';
import { useWriteAheadLog } from '../db/prepare';
import { ensureReferenceData } from '../db/reference-data';
import { fillMissingNamePieces } from '../customers/name-pieces';
import { applyMigrations } from '../db/schema-engine';
import { forgetRights } from '../auth/rights-cache';
import { recordAudit } from '../audit/audit';
import {
  Backup,
  backupName,
  BackupKind,
  BackupMaker,
  newBackupName,
  pruneBackups,
  readBackup,
  removeBackup,
  writeBackupRecord,
} from './backup-files';
import { announceDatabaseReplaced } from './announce';
import { withBackupLock } from './backup-lock';
import { checkDatabaseFile, copyDatabase } from './database-file';

const ENTITY = 'Backup';

/** The embedded database's file and the backup folder; null on SQL Server (its own tools back it up). */
export interface BackupPlace {
  databaseFile: string;
  dir: string;
}

export function backupPlace(config: Config): BackupPlace | null {
  if (databaseKind(config.databaseUrl) !== 'sqlite') return null;
  return { databaseFile: path.resolve(sqliteFile(config.databaseUrl)), dir: config.backupDir };
}

interface CopyOptions {
  from?: string;
  name?: string;
  originalName?: string;
}

/** A consistent copy of the database (or of `from`) in the folder, with its record. */
async function copyInto(place: BackupPlace, kind: BackupKind, maker: BackupMaker | null, options: CopyOptions = {}) {
  fs.mkdirSync(place.dir, { recursive: true });
  const { from = place.databaseFile, name = newBackupName(kind), originalName } = options;
  const part = path.join(place.dir, `${name}.part`);
  try {
    await copyDatabase(from, part);
    fs.renameSync(part, path.join(place.dir, name));
  } finally {
    fs.rmSync(part, { force: true });
  }
  writeBackupRecord(place.dir, { name, createdAt: new Date(), kind, by: maker, originalName });
  return readBackup(place.dir, name);
}

function auditOf(backup: Backup) {
  return { kind: backup.kind, createdAt: backup.createdAt, size: backup.size, originalName: backup.originalName };
}

/** 立即备份 (manual) or the daily backup, which keeps the newest `keep` daily ones. */
export function makeBackup(db: Db, place: BackupPlace, kind: 'manual' | 'daily', maker: BackupMaker | null, keep = 0) {
  return withBackupLock(place.dir, async () => {
    const backup = await copyInto(place, kind, maker);
    await recordAudit(db, { userId: maker?.id ?? null, action: 'backup', entity: ENTITY, entityId: backup.name, after: auditOf(backup) });
    const removed = kind === 'daily' ? pruneBackups(place.dir, 'daily', keep) : [];
    return { backup, removed };
  });
}

/** An uploaded file becomes a backup of the list, if it is a database this version can restore. */
export function storeUploadedBackup(db: Db, place: BackupPlace, file: string, originalName: string, maker: BackupMaker) {
  return withBackupLock(place.dir, async () => {
    checkDatabaseFile(file);
    const backup = await copyInto(place, 'upload', maker, { from: file, originalName: originalName.slice(0, 200) });
    await recordAudit(db, { userId: maker.id, action: 'upload', entity: ENTITY, entityId: backup.name, after: auditOf(backup) });
    return backup;
  });
}

/** Removes a backup (file and record); audited. */
export function deleteBackup(db: Db, place: BackupPlace, name: string, maker: BackupMaker) {
  return withBackupLock(place.dir, async () => {
    const backup = readBackup(place.dir, backupName(place.dir, name));
    removeBackup(place.dir, backup.name);
    await recordAudit(db, { userId: maker.id, action: 'delete', entity: ENTITY, entityId: backup.name, before: auditOf(backup) });
  });
}

export interface RestoreOutcome {
  backup: Backup;
  safety: Backup;
  migrationsApplied: string[];
}

/**
 * The restored database as it must start: this version's reference data, its customers' name
 * pieces (a backup of an older version has none), no sessions, the restore's audit entry.
 */
async function finishRestoredFile(file: string, entry: { backup: Backup; safetyName: string; maker: BackupMaker; migrationsApplied: string[] }) {
  const restored = createDb(`file:${file}`);
  try {
    await ensureReferenceData(restored);
    await fillMissingNamePieces(restored);
    await restored.$transaction(async (tx) => {
      await tx.session.deleteMany({});
      // The maker may not exist in an older database, or another user may have their id there.
      const known = await tx.user.findFirst({ where: { id: entry.maker.id, username: entry.maker.username } });
      await recordAudit(tx, {
        userId: known ? entry.maker.id : null,
        action: 'restore',
        entity: ENTITY,
        entityId: entry.backup.name,
        after: {
          ...auditOf(entry.backup),
          restoredBy: entry.maker.username,
          safetyBackup: entry.safetyName,
          migrationsApplied: entry.migrationsApplied,
        },
      });
    });
  } finally {
    await restored.$disconnect();
  }
}

export function restoreBackup(handle: DatabaseHandle, place: BackupPlace, name: string, maker: BackupMaker, caller?: Request) {
  return withBackupLock(place.dir, async (): Promise<RestoreOutcome> => {
    const source = path.join(place.dir, backupName(place.dir, name));
    const backup = readBackup(place.dir, name);
    const { pendingMigrations } = checkDatabaseFile(source);
    const staging = `${place.databaseFile}.restoring`;
    const safetyName = newBackupName('safety');
    let safety: Backup | undefined;
    try {
      await copyDatabase(source, staging);
      const migrationsApplied = pendingMigrations.length > 0 ? await applyMigrations(staging) : [];
      await finishRestoredFile(staging, { backup, safetyName, maker, migrationsApplied });
      await handle.replace(async () => {
        safety = await copyInto(place, 'safety', maker, { name: safetyName });
        for (const suffix of ['-wal', '-shm']) fs.rmSync(place.databaseFile + suffix, { force: true });
        fs.renameSync(staging, place.databaseFile);
        useWriteAheadLog(place.databaseFile);
      }, caller);
      forgetRights(handle.db);
      announceDatabaseReplaced();
      return { backup, safety: safety!, migrationsApplied };
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(staging + suffix, { force: true });
    }
  });
}
