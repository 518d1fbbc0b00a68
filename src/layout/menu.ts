// The left frame's navigation: modules and their links, each with the right it
// needs. The same rights guard the routes, so a hidden link is also a refused one.
import { CurrentUser, hasRight } from '../auth/can';
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
    label: '系统管理',
    links: [link('定时任务', '/admin/jobs', 'job:run'), link('登录封锁', '/admin/login-blocks', 'user:manage')],
  },
];

/** The modules and links this user may use; modules left empty are dropped. */
export function menuFor(user: CurrentUser): MenuModule[] {
  return MENU.map((module) => ({
    label: module.label,
    links: module.links.filter((l) => hasRight(user, l.action, l.resource)),
  })).filter((module) => module.links.length > 0);
}
