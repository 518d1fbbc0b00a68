// The rights of each role, as data: action × resource × access. "own" means the
// record belongs to the user (see OWNER_FIELDS in can.ts); "any" means every record.
// Roles are rows of the Role table (an administrator adds more at 角色与权限); the
// four built-in roles and their rights below seed them. The menu and every route
// guard read the database's RolePermission rows through can().

/** A role's code: any row of the Role table. */
export type RoleCode = string;
/** The roles every database starts with. */
export type BuiltInRole = 'admin' | 'manager' | 'sales' | 'executive';
export type Access = 'own' | 'any';

export const ACCESS_NAMES: Record<Access, string> = { own: '本人', any: '全部' };

export const ROLE_NAMES: Record<BuiltInRole, string> = {
  admin: '系统管理员',
  manager: '销售主管',
  sales: '客户经理',
  executive: '高管',
};

export const RESOURCES = {
  opportunity: '销售机会',
  plan: '客户开发计划',
  customer: '客户信息',
  churn: '客户流失',
  ticket: '服务',
  report: '统计报表',
  dictionary: '数据字典',
  product: '产品与库存',
  user: '用户',
  role: '角色与权限',
  audit: '审计日志',
  job: '定时任务',
  backup: '数据库备份',
} as const;
export type Resource = keyof typeof RESOURCES;

export const ACTIONS = {
  view: '查看',
  create: '创建',
  edit: '编辑',
  delete: '删除',
  assign: '指派',
  develop: '开发',
  handle: '处理',
  feedback: '反馈',
  archive: '归档查询',
  manage: '管理',
  run: '运行',
} as const;
export type Action = keyof typeof ACTIONS;

export interface Right {
  action: Action;
  resource: Resource;
  access: Access;
}

function rights(...specs: string[]): Right[] {
  return specs.map(parseRightKey);
}

export const DEFAULT_RIGHTS: Record<BuiltInRole, Right[]> = {
  admin: rights(
    'dictionary:manage:any',
    'product:view:any',
    'product:manage:any',
    'user:manage:any',
    'role:manage:any',
    'audit:view:any',
    'job:run:any',
    'backup:manage:any',
  ),
  manager: rights(
    'opportunity:view:any',
    'opportunity:create:any',
    'opportunity:edit:any',
    'opportunity:delete:own',
    'opportunity:assign:any',
    'plan:view:any',
    'customer:view:any',
    'customer:edit:any',
    'churn:view:any',
    // A 销售主管 may be a customer's 客户经理 too: then the warning is theirs to handle.
    'churn:handle:own',
    'ticket:create:any',
    'ticket:assign:any',
    'ticket:handle:own',
    'ticket:feedback:own',
    'ticket:archive:any',
    'report:view:any',
    'product:view:any',
  ),
  sales: rights(
    'opportunity:view:any',
    'opportunity:create:any',
    'opportunity:edit:own',
    'opportunity:delete:own',
    'plan:view:own',
    'plan:develop:own',
    'customer:view:any',
    'customer:edit:own',
    'churn:view:own',
    'churn:handle:own',
    'ticket:create:any',
    'ticket:handle:own',
    'ticket:feedback:own',
    'ticket:archive:any',
    'product:view:any',
  ),
  executive: rights('customer:view:any', 'ticket:archive:any', 'report:view:any', 'product:view:any'),
};

export function rightKey(right: Right): string {
  return `${right.resource}:${right.action}:${right.access}`;
}

export function parseRightKey(key: string): Right {
  const [resource, action, access] = key.split(':') as [Resource, Action, Access];
  return { resource, action, access };
}

/** 查看客户信息（全部） */
export function describeRight(right: Right): string {
  return `${ACTIONS[right.action]}${RESOURCES[right.resource]}（${ACCESS_NAMES[right.access]}）`;
}

export interface RightChoice {
  action: Action;
  accesses: Access[];
}

/**
 * The rights an administrator may give a role, per resource: every action some
 * built-in role holds, with "any" always and "own" where a built-in role holds
 * it (only there do the modules know whose record it is).
 */
export const RIGHT_CHOICES: { resource: Resource; actions: RightChoice[] }[] = (() => {
  const held = new Set(Object.values(DEFAULT_RIGHTS).flat().map(rightKey));
  return (Object.keys(RESOURCES) as Resource[]).map((resource) => {
    const actions = (Object.keys(ACTIONS) as Action[])
      .filter((action) => held.has(rightKey({ resource, action, access: 'any' })) || held.has(rightKey({ resource, action, access: 'own' })))
      .map((action) => ({
        action,
        accesses: (['own', 'any'] as Access[]).filter((access) => access === 'any' || held.has(rightKey({ resource, action, access: 'own' }))),
      }));
    return { resource, actions };
  });
})();

export const CHOOSABLE_RIGHT_KEYS: ReadonlySet<string> = new Set(
  RIGHT_CHOICES.flatMap(({ resource, actions }) => actions.flatMap(({ action, accesses }) => accesses.map((access) => rightKey({ resource, action, access })))),
);
