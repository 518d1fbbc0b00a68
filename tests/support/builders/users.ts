// Builders for users: every test makes the people it needs.
import bcrypt from 'bcrypt';
import type { Db } from '../../../src/db/client';
import type { CurrentUser } from '../../../src/auth/can';
import { BuiltInRole, DEFAULT_RIGHTS, rightKey, RoleCode } from '../../../src/auth/rights';
import { TEST_PASSWORD } from '../app';

// Hashed once, with few rounds, so that tests stay fast.
const PASSWORD_HASH = bcrypt.hashSync(TEST_PASSWORD, 4);
let sequence = 0;

export interface UserInput {
  role?: RoleCode;
  username?: string;
  name?: string;
  status?: 'normal' | 'disabled';
}

export async function createUser(db: Db, input: UserInput = {}) {
  sequence += 1;
  const role = input.role ?? 'sales';
  return db.user.create({
    data: {
      username: input.username ?? `${role}${sequence}`,
      name: input.name ?? `${role}用户${sequence}`,
      passwordHash: PASSWORD_HASH,
      roleCode: role,
      status: input.status ?? 'normal',
    },
  });
}

/** One user of each role, as most tests need. */
export async function createStaff(db: Db) {
  const [admin, manager, sales, otherSales, executive] = await Promise.all([
    createUser(db, { role: 'admin', username: 'admin', name: '系统管理员' }),
    createUser(db, { role: 'manager', username: 'manager', name: '王主管' }),
    createUser(db, { role: 'sales', username: 'sales1', name: '李明' }),
    createUser(db, { role: 'sales', username: 'sales2', name: '张伟' }),
    createUser(db, { role: 'executive', username: 'boss', name: '赵总' }),
  ]);
  return { admin, manager, sales, otherSales, executive };
}

/** A CurrentUser with the default rights of the role, for tests without HTTP. */
export function userOf(role: BuiltInRole, id: number): CurrentUser {
  return { id, username: `${role}${id}`, name: role, role, roleName: role, rights: new Set(DEFAULT_RIGHTS[role].map(rightKey)) };
}
