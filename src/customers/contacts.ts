// 联系人: a customer's contact people, listed by name.
import type { Contact } from '#prisma';
import type { CustomerRecordKind } from './customer-records';
import { contactForm, ContactForm } from './schemas';

export const CONTACTS: CustomerRecordKind<Contact, ContactForm> = {
  entity: 'Contact',
  noun: '联系人',
  segment: 'contacts',
  formView: 'contact-form',
  form: contactForm,
  table: (db) => ({
    find: (customerId, id) => db.contact.findFirst({ where: { id, customerId } }),
    count: (customerId) => db.contact.count({ where: { customerId } }),
    list: (customerId, window) =>
      db.contact.findMany({ where: { customerId }, orderBy: [{ name: 'asc' }, { id: 'asc' }], ...window }),
    create: (customerId, input) => db.contact.create({ data: { ...input, customerId } }),
    update: async (customerId, id, input) => (await db.contact.updateMany({ where: { id, customerId }, data: input })).count,
    remove: async (customerId, id) => (await db.contact.deleteMany({ where: { id, customerId } })).count,
  }),
  formValues: (contact) => contact,
  describe: (contact) => `联系人「${contact.name}」（${contact.title}，${contact.officePhone}）将被删除，不能恢复。`,
};
