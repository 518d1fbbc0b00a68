// The pages of a simple kind of record the administrator keeps (数据字典条目,
// 产品, 库存): a searchable, paged list for whoever may view them; add, edit
// and delete after 确认删除? for whoever may manage them. Each kind says its
// words, its form, its queries and its domain steps (each one transaction,
// with its audit entry); this file is the one way the pages work.
import { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client';
import type { CurrentUser } from '../auth/can';
import { currentUser, passes, RightGuard } from '../auth/middleware';
import { act, invalid, moduleViews, page, pathId } from './page';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { emptyPage, Page, pageNumber } from '../shared/paging';

export interface RecordKind<R extends { id: number }, S, F> {
  /** the list's path, e.g. /products */
  path: string;
  /** views/<folder>/list.ejs, form.ejs */
  folder: string;
  /** 产品, 库存记录 … */
  noun: string;
  /** the list page's title */
  title: string;
  view: RightGuard;
  manage: RightGuard;
  search: z.ZodType<S>;
  list(db: Db, search: S, page: number): Promise<Page<R>>;
  /** the choices of the list's search (selects), if any */
  filters?(db: Db): Promise<Record<string, unknown>>;
  /** the choices of the form (selects), if any */
  choices?(db: Db): Promise<Record<string, unknown>>;
  /** the form, checked against the current choices */
  form(db: Db): Promise<z.ZodType<F>>;
  find(db: Tx, id: number): Promise<R | null>;
  formValues(record: R): Record<string, unknown>;
  /** what the edit form says above the fields about the record (e.g. where it is in use) */
  notice?(db: Db, record: R): Promise<string | null>;
  /** whether the record may be changed at all (the list shows no edit or delete otherwise) */
  changeable?(record: R): boolean;
  create(tx: Tx, input: F, actor: CurrentUser): Promise<unknown>;
  update(tx: Tx, id: number, input: F, actor: CurrentUser): Promise<unknown>;
  remove(tx: Tx, id: number, actor: CurrentUser): Promise<unknown>;
  /** the record in words, for 确认删除? */
  describe(record: R): string;
}

export function recordRoutes<R extends { id: number }, S, F>(db: Db, kind: RecordKind<R, S, F>): Router {
  const router = Router();
  const show = moduleViews(kind.folder, { path: kind.path, noun: kind.noun });
  const missing = `该${kind.noun}不存在`;

  /** The record about to change: one that may not is refused, whatever the page showed. */
  async function load(req: Request): Promise<R> {
    const record = await kind.find(db, pathId(req.params.id, missing));
    if (!record) throw new NotFoundError(missing);
    if (kind.changeable && !kind.changeable(record)) throw new ForbiddenError(`该${kind.noun}不可修改或删除`);
    return record;
  }

  router.get(kind.path, kind.view, async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const user = currentUser(req);
    const canManage = passes(kind.manage, user);
    // A row shows edit and delete only to whoever may manage, and only when the record may change.
    const changeable = (record: R) => canManage && (kind.changeable?.(record) ?? true);
    const locals = { title: kind.title, query, ...(await kind.filters?.(db)), canManage, changeable };
    const search = parseForm(kind.search, query);
    if (!search.ok) return show(res, 'list', { ...locals, result: emptyPage(), error: search.error.message }, 422);
    const result = await kind.list(db, search.data, pageNumber(query.page));
    await show(res, 'list', { ...locals, result });
  });

  async function showForm(res: Response, record: R | null, values: unknown, error?: ValidationError) {
    const locals = {
      title: `${record ? '编辑' : '新建'}${kind.noun}`,
      record,
      action: record ? `${kind.path}/${record.id}/edit` : `${kind.path}/new`,
      back: kind.path,
      values: values ?? {},
      notice: record && kind.notice ? await kind.notice(db, record) : null,
      ...(await kind.choices?.(db)),
      ...(error ? invalid(error, values) : {}),
    };
    await show(res, 'form', locals, error ? 422 : 200);
  }

  /** Validates the form, then runs the step; bad input shows the form again. */
  async function save(req: Request, res: Response, record: R | null, step: (tx: Tx, input: F) => Promise<unknown>) {
    const form = parseForm(await kind.form(db), req.body);
    if (!form.ok) return showForm(res, record, req.body, form.error);
    await act(req, res, () => db.$transaction((tx) => step(tx, form.data)), {
      success: '保存成功',
      redirect: kind.path,
      invalid: (error) => showForm(res, record, req.body, error),
    });
  }

  router.get(`${kind.path}/new`, kind.manage, async (_req, res) => showForm(res, null, {}));

  router.post(`${kind.path}/new`, kind.manage, async (req, res) => {
    const user = currentUser(req);
    await save(req, res, null, (tx, input) => kind.create(tx, input, user));
  });

  router.get(`${kind.path}/:id/edit`, kind.manage, async (req, res) => {
    const record = await load(req);
    await showForm(res, record, kind.formValues(record));
  });

  router.post(`${kind.path}/:id/edit`, kind.manage, async (req, res) => {
    const record = await load(req);
    const user = currentUser(req);
    await save(req, res, record, (tx, input) => kind.update(tx, record.id, input, user));
  });

  router.get(`${kind.path}/:id/delete`, kind.manage, async (req, res) => {
    const record = await load(req);
    await page(res, 'shared/confirm-delete', {
      title: `删除${kind.noun}`,
      what: kind.describe(record),
      action: `${kind.path}/${record.id}/delete`,
      back: kind.path,
    });
  });

  router.post(`${kind.path}/:id/delete`, kind.manage, async (req, res) => {
    const record = await load(req);
    const user = currentUser(req);
    await act(req, res, () => db.$transaction((tx) => kind.remove(tx, record.id, user)), {
      success: '删除成功',
      redirect: kind.path,
    });
  });

  return router;
}
