// 客户流失管理 pages: the list of warnings, one warning with its measures, and
// the POST of each step (暂缓流失: a measure; 确认流失).
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { can, hasAnyAccess } from '../auth/can';
import { currentUser, requireRight } from '../auth/middleware';
import { act, moduleViews, pathId } from '../http/page';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { parseForm } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import { accountManagerChoices, churnWarningDetail, churnWarningList } from './queries';
import { confirmForm, listQuery, measureForm, STATUS_FILTERS } from './schemas';
import { confirmChurn, deferChurn } from './warnings';
import { CHURN_STEPS, CHURN_WARNING_STATUS, churnStepsFor } from './warning-status';

const show = moduleViews('churn', { statusLabel: (s: string) => CHURN_WARNING_STATUS.label(s), stepTable: CHURN_STEPS });

const warningId = (req: Request) => pathId(req.params.id, '该流失预警不存在');

export function churnRoutes(db: Db): Router {
  const router = Router();

  router.get('/churn', requireRight('view', 'churn'), async (req, res) => {
    const user = currentUser(req);
    const allManagers = hasAnyAccess(user, 'view', 'churn');
    const managers = allManagers ? await accountManagerChoices(db) : [];
    const locals = { title: '客户流失管理', query: req.query, managers, statusFilters: STATUS_FILTERS };
    const query = parseForm(listQuery, req.query);
    if (!query.ok) {
      return show(res, 'list', { ...locals, result: emptyPage(), error: query.error.message }, 422);
    }
    const result = await churnWarningList(db, user, query.data, pageNumber(req.query.page));
    await show(res, 'list', { ...locals, result });
  });

  /** A warning's page; after bad input, with the message and the entered values. */
  async function showWarning(req: Request, res: Response, error?: ValidationError): Promise<void> {
    const user = currentUser(req);
    const warning = await churnWarningDetail(db, warningId(req));
    if (!warning) throw new NotFoundError('该流失预警不存在');
    const owner = warning.customer.accountManager?.id ?? null;
    if (!can(user, 'view', 'churn', { accountManagerId: owner })) throw new ForbiddenError();
    // Bad input of a step: only its owner gets the form back.
    if (error && !can(user, 'handle', 'churn', { accountManagerId: owner })) throw new ForbiddenError();
    const invalid = error ? { error: error.message, errors: error.fieldErrors, values: req.body ?? {} } : {};
    await show(
      res,
      'detail',
      { title: `客户流失预警 - ${warning.customer.name}`, warning, steps: churnStepsFor(user, warning.status, owner), ...invalid },
      error ? 422 : 200,
    );
  }

  router.get('/churn/:id', requireRight('view', 'churn'), (req, res) => showWarning(req, res));

  router.post('/churn/:id/measures', requireRight('handle', 'churn'), async (req, res) => {
    const user = currentUser(req);
    const id = warningId(req);
    const form = parseForm(measureForm, req.body);
    if (!form.ok) return showWarning(req, res, form.error);
    await act(req, res, () => db.$transaction((tx) => deferChurn(tx, id, form.data.content, user)), {
      success: '保存成功，状态为暂缓流失',
      redirect: `/churn/${id}`,
    });
  });

  router.post('/churn/:id/confirm', requireRight('handle', 'churn'), async (req, res) => {
    const user = currentUser(req);
    const id = warningId(req);
    const form = parseForm(confirmForm, req.body);
    if (!form.ok) return showWarning(req, res, form.error);
    await act(req, res, () => db.$transaction((tx) => confirmChurn(tx, id, form.data.reason, user)), {
      success: '操作成功，客户已确认流失',
      redirect: `/churn/${id}`,
    });
  });

  return router;
}
