// 审计日志 (administration): the search, newest first, and one entry's before/after.
import { Router } from 'express';
import type { Db } from '../db/client';
import { requireRight } from '../auth/middleware';
import { moduleViews, pathId } from '../http/page';
import { parseForm } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import { fieldChanges, recordLabel, referencedIds } from './changes';
import { actionName, ACTION_NAMES, entityName, ENTITY_NAMES } from './labels';
import { auditEntry, auditPage, AuditRow, auditUsers, referenceNames } from './queries';
import { auditSearch } from './schemas';

const asOptions = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
const show = moduleViews('audit', { actionName, entityName, recordLabel });

export function auditRoutes(db: Db): Router {
  const router = Router();
  const view = requireRight('view', 'audit');

  router.get('/audit', view, async (req, res) => {
    const search = parseForm(auditSearch, req.query);
    const result = search.ok ? await auditPage(db, search.data, pageNumber(req.query.page)) : emptyPage<AuditRow>();
    const users = (await auditUsers(db)).map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }));
    await show(res, 'list', {
      title: '审计日志',
      result,
      query: req.query,
      users,
      entities: asOptions(ENTITY_NAMES),
      actions: asOptions(ACTION_NAMES),
      ...(search.ok ? {} : { error: search.error.message }),
    }, search.ok ? 200 : 422);
  });

  router.get('/audit/:id', view, async (req, res) => {
    const entry = await auditEntry(db, pathId(req.params.id, '该审计记录不存在'));
    const names = await referenceNames(db, referencedIds(entry.before, entry.after));
    const changes = fieldChanges(entry.entity, entry.before, entry.after, names);
    await show(res, 'detail', { title: `审计日志 - ${entityName(entry.entity)} ${entry.entityId}`, entry, changes });
  });

  return router;
}
