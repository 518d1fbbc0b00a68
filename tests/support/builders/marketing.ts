// Builders for sales opportunities (销售机会) and their plan items, as the steps
// would have left them.
import type { Db } from '../../../src/db/client';
import type { OpportunityStatus } from '../../../src/marketing/opportunity-status';

let sequence = 0;

export interface OpportunityInput {
  createdById: number;
  status?: OpportunityStatus;
  /** required from 已指派 on */
  assigneeId?: number;
  customerName?: string;
  summary?: string;
  contact?: string | null;
  contactPhone?: string | null;
  source?: string | null;
  successRate?: number;
  createdAt?: Date;
}

export async function createOpportunity(db: Db, input: OpportunityInput) {
  sequence += 1;
  const status = input.status ?? 'unassigned';
  if (status !== 'unassigned' && input.assigneeId === undefined) throw new Error('an assigned opportunity needs assigneeId');
  const createdAt = input.createdAt ?? new Date();
  return db.opportunity.create({
    data: {
      source: input.source === undefined ? '展会' : input.source,
      customerName: input.customerName ?? `测试客户${sequence}`,
      successRate: input.successRate ?? 50,
      summary: input.summary ?? `机会概要${sequence}`,
      contact: input.contact === undefined ? `联系人${sequence}` : input.contact,
      contactPhone: input.contactPhone === undefined ? `1380000${String(sequence).padStart(4, '0')}` : input.contactPhone,
      description: `机会描述${sequence}`,
      createdById: input.createdById,
      createdAt,
      status,
      ...(status === 'unassigned' ? {} : { assigneeId: input.assigneeId, assignedAt: createdAt }),
    },
  });
}

export interface PlanItemInput {
  opportunityId: number;
  /** 2011-07-01 */
  date?: string;
  content?: string;
  result?: string | null;
}

export function createPlanItem(db: Db, input: PlanItemInput) {
  sequence += 1;
  return db.planItem.create({
    data: {
      opportunityId: input.opportunityId,
      date: new Date(`${input.date ?? '2011-07-01'}T00:00:00Z`),
      content: input.content ?? `计划项${sequence}`,
      result: input.result ?? null,
    },
  });
}

/** The opportunity as the database has it now, with its plan items. */
export function opportunityNow(db: Db, id: number) {
  return db.opportunity.findUnique({ where: { id }, include: { planItems: { orderBy: { id: 'asc' } } } });
}

/** The audit entries written about one record. */
export function auditOf(db: Db, entity: string, id: number) {
  return db.auditEntry.findMany({ where: { entity, entityId: String(id) }, orderBy: { id: 'asc' } });
}
