// The left frame's navigation: modules and their links, each with the right it
// needs. The same rights guard the routes, so a hidden link is also a refused one.
import { can, CurrentUser } from '../auth/can';
import type { Action, Resource } from '../auth/rights';

export interface MenuLink {
  label: string;
  href: string;
  action: Action;
  resource: Resource;
}

export interface MenuModule {
  label: string;
  links: MenuLink[];
}

function link(label: string, href: string, right: `${Resource}:${Action}`): MenuLink {
  const [resource, action] = right.split(':') as [Resource, Action];
  return { label, href, action, resource };
}

export const MENU: MenuModule[] = [
  {
    label: '营销管理',
    links: [link('销售机会管理', '/opportunities', 'opportunity:view'), link('客户开发计划', '/plans', 'plan:view')],
  },
  {
    label: '客户管理',
    links: [link('客户信息管理', '/customers', 'customer:view'), link('客户流失管理', '/churn', 'churn:view')],
  },
  {
    label: '服务管理',
    links: [
      link('服务创建', '/service/new', 'ticket:create'),
      link('服务分配', '/service/assign', 'ticket:assign'),
      link('服务处理', '/service/handle', 'ticket:handle'),
      link('服务反馈', '/service/feedback', 'ticket:feedback'),
      link('服务归档', '/service/archive', 'ticket:archive'),
    ],
  },
  {
    label: '统计报表',
    links: [
      link('客户贡献分析', '/reports/contribution', 'report:view'),
      link('客户构成分析', '/reports/composition', 'report:view'),
      link('客户服务分析', '/reports/service', 'report:view'),
      link('客户流失分析', '/reports/churn', 'report:view'),
    ],
  },
  {
    label: '基础数据',
    links: [
      link('数据字典', '/dictionary', 'dictionary:manage'),
      link('产品信息', '/products', 'product:view'),
      link('库存查询', '/stock', 'product:view'),
    ],
  },
  {
    label: '系统管理',
    links: [
      link('用户管理', '/users', 'user:manage'),
      link('登录封锁', '/admin/login-blocks', 'user:manage'),
      link('角色与权限', '/roles', 'role:manage'),
      link('审计日志', '/audit', 'audit:view'),
      link('定时任务', '/admin/jobs', 'job:run'),
      link('数据库备份', '/admin/backups', 'backup:manage'),
    ],
  },
];

/** The modules and links this user may use; modules left empty are dropped. */
export function menuFor(user: CurrentUser): MenuModule[] {
  return MENU.map((module) => ({
    label: module.label,
    links: module.links.filter((l) => can(user, l.action, l.resource)),
  })).filter((module) => module.links.length > 0);
}
