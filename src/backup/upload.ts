// Reading an uploaded backup file (multipart) — before the CSRF check, which
// needs the form's fields, and only for a user who may manage backups, on the
// upload route (anyone else's upload is not read, and refused later). The file goes to the backup folder's incoming/ and is removed once
// the response is sent (a valid one has been copied into the folder by then).
import fs from 'fs';
import path from 'path';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { Config } from '../config';
import { can } from '../auth/can';

export const UPLOAD_PATH = '/admin/backups/upload';
/** The largest backup file accepted. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const problems = new WeakMap<Request, string>();

/** Why the upload could not be read (too large …), if it could not. */
export function uploadProblem(req: Request): string | undefined {
  return problems.get(req);
}

function describe(err: unknown): string {
  if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return `文件超过 ${MAX_UPLOAD_BYTES / 1024 ** 3} GB，不能上传`;
  return '上传的文件未能读取，请重新上传';
}

/** Whether this request is an upload by someone who may manage backups (the user loaded by loadUser): only theirs is read. */
function mayUpload(req: Request): boolean {
  const wanted = req.method === 'POST' && req.path === UPLOAD_PATH && Boolean(req.is('multipart/form-data'));
  return wanted && req.user !== undefined && can(req.user, 'manage', 'backup');
}

export function backupUpload(config: Config) {
  const dir = path.join(config.backupDir, 'incoming');
  const parse = multer({
    // The folder is made when a file comes, not when the application starts.
    storage: multer.diskStorage({ destination: (_req, _file, done) => fs.mkdir(dir, { recursive: true }, (err) => done(err, dir)) }),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 },
    // Browsers send a Chinese file name as UTF-8.
    defParamCharset: 'utf8',
  }).single('file');
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!mayUpload(req)) return next();
    res.on('close', () => {
      // Opening a file in write-ahead-log mode, even read-only, leaves its -wal and -shm beside it.
      for (const suffix of ['', '-wal', '-shm']) if (req.file) fs.rm(req.file.path + suffix, { force: true }, () => undefined);
    });
    parse(req, res, (err: unknown) => {
      if (err) problems.set(req, describe(err));
      req.body ??= {};
      next();
    });
  };
}
