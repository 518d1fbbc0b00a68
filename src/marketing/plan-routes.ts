// 客户开发计划 pages: the list of the user's plans, 制定计划 (items added,
// edited, deleted), 执行计划 (执行效果 per item), 开发成功 and 终止开发. Only the
// assignee changes a plan; managers read every plan; finished ones are read-only.
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { can } from '../auth/can';
import { currentUser, requireRight } from '../auth/middleware';
import { act, invalid, page } from '../http/page';
import { viewHelpers } from '../http/view-helpers';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import { hasPlan, OPPORTUNITY_STATUS, opportunityActionsFor, PLAN_STATUSES } from './opportunity-status';
import { loadOpportunity, opportunityForStepPage, opportunityId, planItemId, show } from './pages';
import { addPlanItem, deletePlanItem, editPlanItem, failOpportunity, recordPlanResult, succeedOpportunity } from './plans';
import { OpportunityWithPlan, planList } from './queries';
import { planItemEditForm, planItemForm, planResultForm, planSearch } from './schemas';

const LIST = '/plans';
const planOf = (id: number) => `${LIST}/${id}`;
const executeOf = (id: number) => `${LIST}/${id}/execute`;

const statusOptions = PLAN_STATUSES.map((value) => ({ value, label: OPPORTUNITY_STATUS.label(value) }));

type PlanView = 'plan' | 'execute';
const PLAN_TITLES: Record<PlanView, string> = { plan: '制定计划', execute: '执行计划' };

/** An item's own form that failed: which item, and what was entered. */
interface ItemError {
  itemId: number;
  error: ValidationError;
}

export function planRoutes(db: Db): Router {
  const router = Router();

  // ------------------------------------------------------------ list

  router.get(LIST, requireRight('view', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const search = parseForm(planSearch, req.query);
    const locals = { title: '客户开发计划', query: req.query, statusOptions };
    if (!search.ok) {
      return show(res, 'plans', { ...locals, result: emptyPage(), rows: [], error: search.error.message }, 422);
    }
    const result = await planList(db, user, search.data, pageNumber(req.query.page));
    const rows = result.items.map((o) => ({ ...o, actions: opportunityActionsFor(user, o) }));
    await show(res, 'plans', { ...locals, result, rows });
  });

  // ------------------------------------------------------------ one plan: 制定计划 and 执行计划

  /** The plan the user may read (the assignee's, or any for a manager); 404 before it has one. */
  async function readablePlan(req: Request): Promise<OpportunityWithPlan> {
    const opportunity = await loadOpportunity(db, req);
    if (!hasPlan(opportunity)) throw new NotFoundError('该销售机会尚未指派，还没有开发计划');
    if (!can(currentUser(req), 'view', 'plan', opportunity)) throw new ForbiddenError('只能查看指派给自己的开发计划');
    return opportunity;
  }

  async function showPlan(
    req: Request,
    res: Response,
    view: PlanView,
    failed?: { newItem: ValidationError } | ItemError,
  ): Promise<void> {
    const opportunity = await readablePlan(req);
    const actions = opportunityActionsFor(currentUser(req), opportunity);
    const locals = {
      title: `${PLAN_TITLES[view]}：${opportunity.customerName}`,
      opportunity,
      actions,
      editable: actions.includes('plan'),
      // the add form's values and errors; an item's own form shows its entered text
      ...(failed && 'newItem' in failed ? invalid(failed.newItem, req.body) : {}),
      ...(failed && 'itemId' in failed ? { error: failed.error.message, failedItem: failed.itemId, failedValues: req.body } : {}),
    };
    await show(res, view, locals, failed ? 422 : 200);
  }

  router.get(`${LIST}/:id`, requireRight('view', 'plan'), (req, res) => showPlan(req, res, 'plan'));
  router.get(`${LIST}/:id/execute`, requireRight('view', 'plan'), (req, res) => showPlan(req, res, 'execute'));

  /** Before a plan's form is read: 404, 403, or back to the plan when it is no longer 已指派. */
  const workablePlan = (req: Request, res: Response, back: string) =>
    opportunityForStepPage(db, req, res, 'plan', back);

  router.post(`${LIST}/:id/items`, requireRight('develop', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    if (!(await workablePlan(req, res, planOf(id)))) return;
    const form = parseForm(planItemForm, req.body);
    if (!form.ok) return showPlan(req, res, 'plan', { newItem: form.error });
    await act(req, res, () => db.$transaction((tx) => addPlanItem(tx, id, form.data, user)), {
      success: '保存成功',
      redirect: planOf(id),
    });
  });

  router.post(`${LIST}/:id/items/:itemId`, requireRight('develop', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    const itemId = planItemId(req);
    if (!(await workablePlan(req, res, planOf(id)))) return;
    const form = parseForm(planItemEditForm, req.body);
    if (!form.ok) return showPlan(req, res, 'plan', { itemId, error: form.error });
    await act(req, res, () => db.$transaction((tx) => editPlanItem(tx, id, itemId, form.data.content, user)), {
      success: '保存成功',
      redirect: planOf(id),
    });
  });

  router.get(`${LIST}/:id/items/:itemId/delete`, requireRight('develop', 'plan'), async (req, res) => {
    const id = opportunityId(req);
    const itemId = planItemId(req);
    const opportunity = await workablePlan(req, res, planOf(id));
    if (!opportunity) return;
    const item = opportunity.planItems.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError('该计划项不存在');
    await page(res, 'shared/confirm-delete', {
      title: '删除计划项',
      what: `「${opportunity.customerName}」开发计划中的计划项「${viewHelpers.day(item.date)} ${item.content}」将被删除。`,
      action: `${planOf(id)}/items/${itemId}/delete`,
      back: planOf(id),
    });
  });

  router.post(`${LIST}/:id/items/:itemId/delete`, requireRight('develop', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    const itemId = planItemId(req);
    await act(req, res, () => db.$transaction((tx) => deletePlanItem(tx, id, itemId, user)), {
      success: '删除成功',
      redirect: planOf(id),
    });
  });

  router.post(`${LIST}/:id/items/:itemId/result`, requireRight('develop', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    const itemId = planItemId(req);
    if (!(await workablePlan(req, res, executeOf(id)))) return;
    const form = parseForm(planResultForm, req.body);
    if (!form.ok) return showPlan(req, res, 'execute', { itemId, error: form.error });
    await act(req, res, () => db.$transaction((tx) => recordPlanResult(tx, id, itemId, form.data.result, user)), {
      success: '保存成功',
      redirect: executeOf(id),
    });
  });

  // ------------------------------------------------------------ 开发成功 and 终止开发

  router.post(`${LIST}/:id/succeed`, requireRight('develop', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    await act(req, res, () => db.$transaction((tx) => succeedOpportunity(tx, id, user)), {
      success: '操作成功',
      redirect: LIST,
    });
  });

  router.post(`${LIST}/:id/fail`, requireRight('develop', 'plan'), async (req, res) => {
    const user = currentUser(req);
    const id = opportunityId(req);
    await act(req, res, () => db.$transaction((tx) => failOpportunity(tx, id, user)), {
      success: '操作成功',
      redirect: LIST,
    });
  });

  return router;
}
