// Creating a customer (客户): a generated 客户编号 and an audit entry. Used by the
// customer pages and by 开发成功 of a sales opportunity.
import type { Tx } from '../db/client';
import { recordAudit } from '../audit/audit';
import { nextNumber } from '../shared/numbers';
import { NEW_CUSTOMER_STATUS } from './customer-status';
import { writeNamePieces } from './name-pieces';

export const CUSTOMER_NUMBER_PREFIX = 'KH';

export interface NewCustomer {
  name: string;
  accountManagerId: number | null;
  region?: string | null;
  level?: string | null;
  phone?: string | null;
  /** a first contact (联系人) */
  contact?: { name: string; officePhone: string; gender?: string; title?: string } | null;
}

export async function createCustomer(tx: Tx, input: NewCustomer, actorId: number) {
  const number = await nextNumber(tx, CUSTOMER_NUMBER_PREFIX);
  const customer = await tx.customer.create({
    data: {
      number,
      name: input.name,
      accountManagerId: input.accountManagerId,
      region: input.region ?? null,
      level: input.level ?? null,
      phone: input.phone ?? null,
      status: NEW_CUSTOMER_STATUS,
    },
  });
  await writeNamePieces(tx, [customer]);
  await recordAudit(tx, { userId: actorId, action: 'create', entity: 'Customer', entityId: customer.id, after: customer });
  if (input.contact) {
    const contact = await tx.contact.create({
      data: {
        customerId: customer.id,
        name: input.contact.name,
        officePhone: input.contact.officePhone,
        gender: input.contact.gender ?? '未知',
        title: input.contact.title ?? '联系人',
      },
    });
    await recordAudit(tx, { userId: actorId, action: 'create', entity: 'Contact', entityId: contact.id, after: contact });
  }
  return customer;
}
