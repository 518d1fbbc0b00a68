// 交往记录: what happened between the company and the customer, newest first.
import type { Interaction } from '#prisma';
import type { CustomerRecordKind } from './customer-records';
import { interactionForm, InteractionForm } from './schemas';

/** A day stored at UTC midnight, as the form shows it: 2011-07-01. */
function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const INTERACTIONS: CustomerRecordKind<Interaction, InteractionForm> = {
  entity: 'Interaction',
  noun: '交往记录',
  segment: 'interactions',
  formView: 'interaction-form',
  form: interactionForm,
  table: (db) => ({
    find: (customerId, id) => db.interaction.findFirst({ where: { id, customerId } }),
    count: (customerId) => db.interaction.count({ where: { customerId } }),
    list: (customerId, window) =>
      db.interaction.findMany({ where: { customerId }, orderBy: [{ date: 'desc' }, { id: 'desc' }], ...window }),
    create: (customerId, input) => db.interaction.create({ data: { ...input, customerId } }),
    update: async (customerId, id, input) =>
      (await db.interaction.updateMany({ where: { id, customerId }, data: input })).count,
    remove: async (customerId, id) => (await db.interaction.deleteMany({ where: { id, customerId } })).count,
  }),
  formValues: (interaction) => ({ ...interaction, date: dayText(interaction.date) }),
  describe: (interaction) =>
    `${dayText(interaction.date)} 在「${interaction.place}」的交往记录「${interaction.summary}」将被删除，不能恢复。`,
};
