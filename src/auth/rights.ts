// The rights of each role, as data: action × resource × access. "own" means the
// record belongs to the user (see OWNER_FIELDS in can.ts); "any" means every record.
// The database's Permission/RolePermission rows are seeded from this table; the
// menu, every route guard and every record check read those rows through can().

export type Role = 'admin' | 'manager' | 'sales' | 'executive';
export type Access = 'own' | 'any';

export const ROLE_NAMES: Record<Role, string> = {
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
  return specs.map((spec) => {
    const [resource, action, access] = spec.split(':') as [Resource, Action, Access];
    return { resource, action, access };
  });
}

export const DEFAULT_RIGHTS: Record<Role, Right[]> = {
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
