// The audit log in words: the kinds of record, the actions and each field's
// Chinese name, for the 审计日志 page. Anything not named here shows its code.

export const ENTITY_NAMES: Record<string, string> = {
  Opportunity: '销售机会',
  PlanItem: '开发计划项',
  Customer: '客户',
  Contact: '联系人',
  Interaction: '交往记录',
  ChurnWarning: '客户流失预警',
  ServiceTicket: '服务',
  User: '用户',
  Role: '角色',
  DictionaryEntry: '数据字典',
  Product: '产品',
  Stock: '库存',
  Backup: '数据库备份',
  LoginThrottle: '登录封锁',
};

export const ACTION_NAMES: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  assign: '指派',
  result: '执行计划',
  succeed: '开发成功',
  fail: '终止开发',
  handle: '处理',
  feedback: '反馈',
  defer: '暂缓流失',
  confirm: '确认流失',
  disable: '禁用',
  enable: '启用',
  'reset-password': '重置密码',
  'change-password': '修改密码',
  backup: '备份',
  upload: '上传备份',
  restore: '恢复',
  login: '登录',
  logout: '退出',
  'login-failed': '登录失败',
  'login-blocked': '登录封锁',
  'login-unblocked': '解除登录封锁',
};

/** Field names shared by several kinds of record. */
const COMMON_FIELDS: Record<string, string> = {
  id: 'ID',
  number: '编号',
  name: '名称',
  status: '状态',
  summary: '概要',
  remark: '备注',
  customerId: '客户',
  createdById: '创建人',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  assigneeId: '指派给',
  assignedAt: '指派时间',
  accountManagerId: '客户经理',
  date: '日期',
  result: '结果',
  satisfaction: '满意度',
};

/** Field names of one kind of record, where they differ from the common ones. */
const ENTITY_FIELDS: Record<string, Record<string, string>> = {
  Opportunity: {
    source: '机会来源', customerName: '客户名称', successRate: '成功几率', contact: '联系人',
    contactPhone: '联系人电话', description: '机会描述',
  },
  PlanItem: { opportunityId: '销售机会', content: '计划项', result: '执行效果' },
  Customer: {
    number: '客户编号', name: '客户名称', region: '地区', level: '客户等级', satisfaction: '客户满意度',
    credit: '客户信用度', address: '地址', postcode: '邮政编码', phone: '电话', fax: '传真', website: '网址',
    licenceNumber: '营业执照注册号', legalPerson: '法人', registeredCapital: '注册资金（万元）',
    annualTurnover: '年营业额', bank: '开户银行', bankAccount: '银行帐号', localTaxNumber: '地税登记号',
    nationalTaxNumber: '国税登记号',
  },
  Contact: { name: '姓名', gender: '性别', title: '职位', officePhone: '办公电话', mobile: '手机' },
  Interaction: { date: '时间', place: '地点', detail: '详细信息' },
  ChurnWarning: { lastOrderDate: '最后下单日期', reason: '流失原因', confirmedAt: '确认流失时间' },
  ServiceTicket: {
    type: '服务类型', request: '服务请求', handling: '服务处理', handlerId: '处理人', handledAt: '处理时间',
    result: '处理结果', round: '处理轮次',
  },
  User: { username: '用户名', name: '姓名', role: '角色' },
  Role: { code: '角色代码', name: '角色名称', rights: '权限' },
  DictionaryEntry: { type: '类别', item: '条目', value: '值', editable: '是否可编辑', sortOrder: '顺序' },
  Product: { name: '产品名称', model: '型号', batch: '等级/批次', unit: '单位', price: '单价' },
  Stock: { productId: '产品', warehouse: '仓库', location: '货位', quantity: '件数' },
  LoginThrottle: { key: '封锁对象', failures: '失败次数', windowStart: '计数开始', blockedUntil: '封锁至', address: '地址' },
  Backup: { kind: '方式', size: '大小（字节）', originalName: '上传的文件名', createdAt: '备份时间' },
};

export function entityName(entity: string): string {
  return ENTITY_NAMES[entity] ?? entity;
}

export function actionName(action: string): string {
  return ACTION_NAMES[action] ?? action;
}

export function fieldName(entity: string, field: string): string {
  return ENTITY_FIELDS[entity]?.[field] ?? COMMON_FIELDS[field] ?? field;
}
