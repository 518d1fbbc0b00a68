// Roles, rights and the dictionary every database needs, also a database made
// by an earlier version: a right added to a role's defaults reaches it.
import { freshDb } from '../support/db';
import { ensureReferenceData } from '../../src/db/reference-data';
import { DEFAULT_RIGHTS } from '../../src/auth/rights';

const { db } = freshDb();
afterAll(() => db.$disconnect());

const rightsOf = async (role: string) =>
  (await db.rolePermission.findMany({ where: { roleCode: role }, include: { permission: true } }))
    .map(({ permission: p }) => `${p.resource}:${p.action}:${p.access}`)
    .sort();

test('every role holds its default rights, once', async () => {
  await ensureReferenceData(db);
  for (const [role, rights] of Object.entries(DEFAULT_RIGHTS)) {
    expect(await rightsOf(role)).toEqual(rights.map((r) => `${r.resource}:${r.action}:${r.access}`).sort());
  }
});

test('a default right missing from an older database (a right that exists for another role) is given', async () => {
  const right = await db.permission.findFirstOrThrow({ where: { resource: 'churn', action: 'handle', access: 'own' } });
  await db.rolePermission.delete({ where: { roleCode_permissionId: { roleCode: 'manager', permissionId: right.id } } });
  expect(await rightsOf('manager')).not.toContain('churn:handle:own');
  const version = async (code: string) => (await db.role.findUniqueOrThrow({ where: { code } })).rightsVersion;
  const [managerBefore, salesBefore] = [await version('manager'), await version('sales')];
  await ensureReferenceData(db);
  expect(await rightsOf('manager')).toContain('churn:handle:own');
  // Running instances read the role's rights again; other roles' caches stay.
  expect(await version('manager')).toBe(managerBefore + 1);
  expect(await version('sales')).toBe(salesBefore);
  expect(await rightsOf('sales')).toContain('churn:handle:own');
});

test('the dictionary is filled once and not again', async () => {
  const before = await db.dictionaryEntry.count();
  await ensureReferenceData(db);
  expect(await db.dictionaryEntry.count()).toBe(before);
  expect(await db.dictionaryEntry.count({ where: { type: '服务类型' } })).toBe(3);
});
