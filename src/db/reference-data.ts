// Data every database needs, demo or production: roles, their rights and the
// classic data-dictionary entries. Safe to run again: it only adds what is missing.
import type { Db } from './client';
import { permissionIdOf } from '../auth/permission-rows';
import { DEFAULT_RIGHTS, ROLE_NAMES, BuiltInRole, Right, rightKey } from '../auth/rights';

export const DICTIONARY: Record<string, string[]> = {
  企业客户等级: ['普通客户', '重点开发客户', '大客户', '合作伙伴', '战略合作伙伴'],
  服务类型: ['咨询', '建议', '投诉'],
  地区: ['北京', '华北', '中南', '东北', '西部', '华东', '华南'],
};
/** Dictionary types the code depends on: their entries are not editable. */
export const FIXED_DICTIONARY_TYPES = ['企业客户等级', '服务类型'];

export async function ensureReferenceData(db: Db): Promise<void> {
  for (const [code, name] of Object.entries(ROLE_NAMES)) {
    await db.role.upsert({ where: { code }, create: { code, name }, update: {} });
  }
  // Every built-in role holds its default rights (rights.ts): a right a new
  // version gives a role reaches databases made before it — unless an
  // administrator took it from the role at 角色与权限 (RoleRightRemoval).
  const known = new Map((await db.permission.findMany()).map((p) => [`${p.resource}:${p.action}:${p.access}`, p.id]));
  const held = new Set((await db.rolePermission.findMany()).map((rp) => `${rp.roleCode}/${rp.permissionId}`));
  const removed = new Set((await db.roleRightRemoval.findMany()).map((r) => `${r.roleCode}/${r.permissionId}`));
  for (const [role, rights] of Object.entries(DEFAULT_RIGHTS) as [BuiltInRole, Right[]][]) {
    for (const right of rights) {
      let id = known.get(rightKey(right));
      if (id === undefined) {
        id = await permissionIdOf(db, right);
        known.set(rightKey(right), id);
      }
      const key = `${role}/${id}`;
      if (!held.has(key) && !removed.has(key)) {
        // Running instances cache rights per version: a right given here must reach them.
        await db.$transaction([
          db.rolePermission.create({ data: { roleCode: role, permissionId: id } }),
          db.role.update({ where: { code: role }, data: { rightsVersion: { increment: 1 } } }),
        ]);
      }
    }
  }
  const entries = await db.dictionaryEntry.count();
  if (entries === 0) {
    for (const [type, items] of Object.entries(DICTIONARY)) {
      await db.dictionaryEntry.createMany({
        data: items.map((item, index) => ({
          type,
          item,
          value: item,
          editable: !FIXED_DICTIONARY_TYPES.includes(type),
          sortOrder: index + 1,
        })),
      });
    }
  }
}
