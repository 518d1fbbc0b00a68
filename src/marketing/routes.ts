// 销售机会管理 pages: the list with its search, create, detail, edit, delete
// (after 确认删除?) and assign; the 客户开发计划 pages come from plan-routes.ts.
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { can } from '../auth/can';
import { currentUser, requireRight } from '../auth/middleware';
import { act, flash, invalid, page } from '../http/page';
import { ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import { assignOpportunity, createOpportunity, deleteOpportunity, editOpportunity } from './opportunities';
import { hasPlan, OPPORTUNITY_STATUS, OPPORTUNITY_STATUSES, opportunityActionsFor } from './opportunity-status';
import { loadOpportunity, opportunityForStepPage, opportunityId, show } from './pages';
import { planRoutes } from './plan-routes';
import { opportunityList, OpportunityWithPlan, salesAssignees } from './queries';
import { assignForm, opportunityForm, opportunitySearch } from './schemas';

const LIST = '/opportunities';
const detailOf = (id: number) => `${LIST}/${id}`;

const statusOptions = OPPORTUNITY_STATUSES.map((value) => ({ value, label: OPPORTUNITY_STATUS.label(value) }));

export function marketingRoutes(db: Db): Router {
  const router = Router();
  router.use(opportunityRoutes(db));
  router.use(planRoutes(db));
  return router;
}

function opportunityRoutes(db: Db): Router {
  const router = Router();

  // ------------------------------------------------------------ list

  router.get(LIST, requireRight('view', 'opportunity'), async (req, res) => {
    const user = currentUser(req);
    const search = parseForm(opportunitySearch, req.query);
    const locals = { title: '销售机会管理', query: req.query, statusOptions, canCreate: can(user, 'create', 'opportunity') };
    if (!search.ok) {
      return show(res, 'list', { ...locals, result: emptyPage(), rows: [], error: search.error.message }, 422);
    }
    const result = await opportunityList(db, search.data, pageNumber(req.query.page));
    const rows = result.items.map((o) => ({ ...o, actions: opportunityActionsFor(user, o) }));
    await show(res, 'list', { ...locals, result, rows });
  });

  // ------------------------------------------------------------ create and edit

  async function showForm(res: Response, opportunity: OpportunityWithPlan | null, values: unknown, error?: ValidationError) {
    const locals = {
      title: opportunity ? '编辑销售机会' : '新建销售机会',
      opportunity,
      values: values ?? {},
      ...(error ? invalid(error, values) : {}),
    };
    await show(res, 'form', locals, error ? 422 : 200);
  }

  router.get(`${LIST}/new`, requireRight('create', 'opportunity'), (_req, res) => showForm(res, null, {}));

  router.post(LIST, requireRight('create', 'opportunity'), async (req, res) => {
    const user = currentUser(req);
    const form = parseForm(opportunityForm, req.body);
    if (!form.ok) return showForm(res, null, req.body, form.error);
    await db.$transaction((tx) => createOpportunity(tx, form.data, user));
    flash(req, '保存成功');
    res.redirect(LIST);
  });

  router.get(`${LIST}/:id/edit`, requireRight('edit', 'opportunity'), async (req, res) => {
    const opportunity = await opportunityForStepPage(db, req, res, 'edit', detailOf(opportunityId(req)));
    if (opportunity) await showForm(res, opportunity, opportunity);
  });

  router.post(`${LIST}/:id/edit`, requireRight('edit', 'opportunity'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    const opportunity = await opportunityForStepPage(db, req, res, 'edit', detailOf(id));
    if (!opportunity) return;
    const form = parseForm(opportunityForm, req.body);
    if (!form.ok) return showForm(res, opportunity, req.body, form.error);
    await act(req, res, () => db.$transaction((tx) => editOpportunity(tx, id, form.data, user)), {
      success: '保存成功',
      redirect: LIST,
      back: detailOf(id),
    });
  });

  // ------------------------------------------------------------ delete

  router.get(`${LIST}/:id/delete`, requireRight('delete', 'opportunity'), async (req, res) => {
    const id = opportunityId(req);
    const opportunity = await opportunityForStepPage(db, req, res, 'delete', detailOf(id));
    if (!opportunity) return;
    await page(res, 'shared/confirm-delete', {
      title: '删除销售机会',
      what: `销售机会 ${opportunity.id}「${opportunity.customerName}：${opportunity.summary}」将被删除，不能恢复。`,
      action: `${LIST}/${id}/delete`,
      back: detailOf(id),
    });
  });

  router.post(`${LIST}/:id/delete`, requireRight('delete', 'opportunity'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    await act(req, res, () => db.$transaction((tx) => deleteOpportunity(tx, id, user)), {
      success: '删除成功',
      redirect: LIST,
    });
  });

  // ------------------------------------------------------------ assign

  async function showAssign(req: Request, res: Response, opportunity: OpportunityWithPlan, error?: ValidationError) {
    const assignees = await salesAssignees(db);
    const locals = { title: '指派销售机会', opportunity, assignees, ...(error ? invalid(error, req.body) : {}) };
    await show(res, 'assign', locals, error ? 422 : 200);
  }

  router.get(`${LIST}/:id/assign`, requireRight('assign', 'opportunity'), async (req, res) => {
    const opportunity = await opportunityForStepPage(db, req, res, 'assign', LIST);
    if (opportunity) await showAssign(req, res, opportunity);
  });

  router.post(`${LIST}/:id/assign`, requireRight('assign', 'opportunity'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    const opportunity = await opportunityForStepPage(db, req, res, 'assign', LIST);
    if (!opportunity) return;
    const assignees = await salesAssignees(db);
    const form = parseForm(assignForm(assignees.map((a) => a.id)), req.body);
    if (!form.ok) return showAssign(req, res, opportunity, form.error);
    await act(req, res, () => db.$transaction((tx) => assignOpportunity(tx, id, form.data.assigneeId, user)), {
      success: '指派成功',
      redirect: LIST,
    });
  });

  // ------------------------------------------------------------ detail

  router.get(`${LIST}/:id`, requireRight('view', 'opportunity'), async (req, res) => {
    const user = currentUser(req);
    const opportunity = await loadOpportunity(db, req);
    await show(res, 'detail', {
      title: `销售机会 ${opportunity.id}`,
      opportunity,
      actions: opportunityActionsFor(user, opportunity),
      canViewPlan: hasPlan(opportunity) && can(user, 'view', 'plan', opportunity),
    });
  });

  return router;
}
