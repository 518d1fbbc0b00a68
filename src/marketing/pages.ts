// What the marketing routes share: rendering with the status names, the
// opportunity of the path, and the guard of a page that takes a step.
import type { Request, Response } from 'express';
import type { Db } from '../db/client';
import { moduleViews, pathId } from '../http/page';
import { recordForStepPage } from '../http/step-page';
import { NotFoundError } from '../shared/errors';
import { OPPORTUNITY_GUARD, OPPORTUNITY_STATUS, OPPORTUNITY_STEPS, OpportunityStep } from './opportunity-status';
import { opportunityWithPlan, OpportunityWithPlan } from './queries';

export const show = moduleViews('marketing', { statusLabel: (s: string) => OPPORTUNITY_STATUS.label(s), stepTable: OPPORTUNITY_STEPS });

export const opportunityId = (req: Request) => pathId(req.params.id, '该销售机会不存在');
export const planItemId = (req: Request) => pathId(req.params.itemId, '该计划项不存在');

export async function loadOpportunity(db: Db, req: Request): Promise<OpportunityWithPlan> {
  const opportunity = await opportunityWithPlan(db, opportunityId(req));
  if (!opportunity) throw new NotFoundError('该销售机会不存在');
  return opportunity;
}

/**
 * The opportunity of a page or form that takes a step. Unknown: 404; not the
 * user's: 403. The user's, but not (or no longer) in a status that allows the
 * step: null, after sending the user `back` with the reason.
 */
export async function opportunityForStepPage(
  db: Db,
  req: Request,
  res: Response,
  step: OpportunityStep,
  back: string,
): Promise<OpportunityWithPlan | null> {
  return recordForStepPage(req, res, OPPORTUNITY_GUARD, await opportunityWithPlan(db, opportunityId(req)), step, back);
}
