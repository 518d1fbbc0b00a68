// 数据库备份 pages (administrator): the backups with 立即备份, download, upload,
// delete after 确认删除?, and 恢复 after a confirmation naming the backup's time. On SQL Server the
// page explains its own backup tooling and offers nothing that changes data.
import { Request, Response, Router } from 'express';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/handle';
import { currentUser, requireRight } from '../auth/middleware';
import { act, flash, page } from '../http/page';
import { ConflictError, ValidationError } from '../shared/errors';
import { pageNumber, toPage, pageWindow } from '../shared/paging';
import { viewHelpers } from '../http/view-helpers';
import { BACKUP_KINDS, backupName, BackupMaker, listBackups, readBackup } from './backup-files';
import { backupPlace, BackupPlace, deleteBackup, makeBackup, restoreBackup, storeUploadedBackup } from './backups';
import { UPLOAD_PATH, uploadProblem } from './upload';

const LIST = '/admin/backups';

function maker(req: Request): BackupMaker {
  const { id, username, name } = currentUser(req);
  return { id, username, name };
}

/** The embedded database's place, or the refusal on SQL Server. */
function embedded(place: BackupPlace | null): BackupPlace {
  if (!place) throw new ConflictError('SQL Server 数据库请用 SQL Server 自己的备份工具备份和恢复');
  return place;
}

/** Logs the user out in this response: the restored database knows no session. */
function endSession(req: Request, res: Response): Promise<void> {
  delete res.locals.csrfToken;
  delete res.locals.user;
  return new Promise((resolve) => req.session.destroy(() => resolve()));
}

export function backupRoutes(database: DatabaseHandle, config: Config): Router {
  const router = Router();
  const guard = requireRight('manage', 'backup');
  const place = backupPlace(config);
  const db = database.db;

  router.get(LIST, guard, async (req, res) => {
    if (!place) return page(res, 'backup/sqlserver', { title: '数据库备份' });
    const all = listBackups(place.dir);
    const number = pageNumber(req.query.page);
    const { skip, take } = pageWindow(number);
    const result = toPage(all.slice(skip, skip + take), all.length, number);
    await page(res, 'backup/list', {
      title: '数据库备份',
      result,
      query: req.query,
      kinds: BACKUP_KINDS,
      schedule: config.backupSchedule,
      keep: config.backupKeep,
    });
  });

  router.post(LIST, guard, async (req, res) => {
    await act(req, res, () => makeBackup(db, embedded(place), 'manual', maker(req)), {
      success: ({ backup }) => `备份成功：${viewHelpers.dateTime(backup.createdAt)}`,
      redirect: LIST,
    });
  });

  router.get(`${LIST}/:name/download`, guard, async (req, res) => {
    const { dir } = embedded(place);
    const name = backupName(dir, req.params.name);
    // root: the folder may lie under a dot-folder, which a plain path would refuse.
    res.download(name, name, { root: dir });
  });

  router.post(UPLOAD_PATH, guard, async (req, res) => {
    const target = embedded(place);
    const problem = uploadProblem(req) ?? (req.file ? undefined : '请选择要上传的备份文件');
    if (problem) {
      flash(req, problem, 'error');
      return res.redirect(LIST);
    }
    const file = req.file!;
    await act(req, res, () => storeUploadedBackup(db, target, file.path, file.originalname, maker(req)), {
      success: '上传成功，该文件已列入备份。请确认是否用它恢复数据库',
      // Straight on to the confirmation of its restore.
      redirect: (backup) => `${LIST}/${backup.name}/restore`,
      back: LIST,
    });
  });

  router.get(`${LIST}/:name/delete`, guard, async (req, res) => {
    const target = embedded(place);
    const backup = readBackup(target.dir, backupName(target.dir, req.params.name));
    await page(res, 'shared/confirm-delete', {
      title: '删除备份',
      what: `${viewHelpers.dateTime(backup.createdAt)} 的备份（${backup.name}）将被删除，不能恢复。`,
      action: `${LIST}/${backup.name}/delete`,
      back: LIST,
    });
  });

  router.post(`${LIST}/:name/delete`, guard, async (req, res) => {
    const target = embedded(place);
    const name = backupName(target.dir, req.params.name);
    await act(req, res, () => deleteBackup(db, target, name, maker(req)), { success: '删除成功', redirect: LIST });
  });

  router.get(`${LIST}/:name/restore`, guard, async (req, res) => {
    const target = embedded(place);
    const backup = readBackup(target.dir, backupName(target.dir, req.params.name));
    await page(res, 'backup/confirm-restore', { title: '恢复数据库', backup, kinds: BACKUP_KINDS });
  });

  router.post(`${LIST}/:name/restore`, guard, async (req, res) => {
    const target = embedded(place);
    const name = backupName(target.dir, req.params.name);
    try {
      const outcome = await restoreBackup(database, target, name, maker(req), req);
      await endSession(req, res);
      await page(res, 'backup/restored', { title: '数据库已恢复', outcome, kinds: BACKUP_KINDS });
    } catch (err) {
      if (!(err instanceof ValidationError || err instanceof ConflictError)) throw err;
      flash(req, err.message, 'error');
      res.redirect(LIST);
    }
  });

  return router;
}
