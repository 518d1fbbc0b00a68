// 演示数据 (plain data): sales opportunities in every status, with the plans of
// the assigned ones.
import type { SalesUser, Username } from './company';

export interface PlanSeed {
  /** days before now; negative for items still ahead */
  daysAgo: number;
  content: string;
  result?: string;
}

export interface OpportunitySeed {
  status: 'unassigned' | 'assigned' | 'succeeded' | 'failed';
  source: string;
  customerName: string;
  successRate: number;
  summary: string;
  contact: string;
  contactPhone: string;
  /** for a succeeded opportunity: the customer's first contact */
  contactGender?: '男' | '女';
  contactTitle?: string;
  description: string;
  createdBy: Username;
  createdDaysAgo: number;
  assignee?: SalesUser;
  assignedDaysAgo?: number;
  plan?: PlanSeed[];
}

export const OPPORTUNITIES: OpportunitySeed[] = [
  {
    status: 'unassigned',
    source: '展会',
    customerName: '青岛海之蓝酒店管理有限公司',
    successRate: 30,
    summary: '酒店客房智能化改造采购',
    contact: '孙立群',
    contactPhone: '0532-85761234',
    description: '在青岛智慧酒店博览会上结识，客户计划明年对旗下三家酒店共 420 间客房进行智能化改造，需要网络设备与客房控制系统。',
    createdBy: 'manager',
    createdDaysAgo: 3,
  },
  {
    status: 'unassigned',
    source: '网络',
    customerName: '合肥新锐教育科技有限公司',
    successRate: 40,
    summary: '校园多媒体教室设备采购',
    contact: '钱芳',
    contactPhone: '13955128476',
    description: '客户通过官网留言咨询，拟为 12 所合作学校建设多媒体教室，每间需要电脑、投影与音响设备。',
    createdBy: 'sales1',
    createdDaysAgo: 6,
  },
  {
    status: 'unassigned',
    source: '客户介绍',
    customerName: '福州闽江物流有限公司',
    successRate: 50,
    summary: '仓储中心网络设备升级',
    contact: '林志强',
    contactPhone: '0591-87654321',
    description: '由老客户天津港联物流介绍，客户新建仓储中心，需要整体网络布线及交换机、路由器采购。',
    createdBy: 'sales1',
    createdDaysAgo: 10,
  },
  {
    status: 'unassigned',
    source: '电话营销',
    customerName: '昆明春城花卉进出口有限公司',
    successRate: 20,
    summary: '新办公楼办公自动化设备采购',
    contact: '杨丽华',
    contactPhone: '0871-65123478',
    description: '电话回访中了解到客户明年搬迁新办公楼，可能整体更换打印、复印设备，预算待定。',
    createdBy: 'manager',
    createdDaysAgo: 15,
  },
  {
    status: 'assigned',
    source: '展会',
    customerName: '济南泉城医药连锁有限公司',
    successRate: 60,
    summary: '门店收银与打印设备更新',
    contact: '高建华',
    contactPhone: '0531-82345678',
    description: '客户共有 86 家门店，收银小票打印机与办公打印机老化严重，计划年内分两批更换。',
    createdBy: 'manager',
    createdDaysAgo: 40,
    assignee: 'sales1',
    assignedDaysAgo: 38,
    plan: [
      { daysAgo: 35, content: '电话拜访采购部，了解门店数量与设备现状', result: '确认 86 家门店，首批 40 家，预算约 60 万元' },
      { daysAgo: 21, content: '到济南总部演示打印设备与耗材供应方案', result: '客户认可方案，要求提供分批供货报价' },
      { daysAgo: -5, content: '提交正式报价并邀请客户参观样板门店' },
    ],
  },
  {
    status: 'assigned',
    source: '网络',
    customerName: '宁波港城外贸有限公司',
    successRate: 45,
    summary: '视频会议系统采购',
    contact: '徐敏',
    contactPhone: '13857421963',
    description: '客户在宁波、义乌和香港设有办公室，希望建设统一的视频会议系统，替代现有的网络会议软件。',
    createdBy: 'sales1',
    createdDaysAgo: 25,
    assignee: 'sales2',
    assignedDaysAgo: 22,
    plan: [
      { daysAgo: 12, content: '发送视频会议系统产品资料及同类客户案例', result: '客户已阅读资料，对双屏方案较感兴趣' },
      { daysAgo: -3, content: '安排工程师到宁波办公室实地勘察会议室' },
      { daysAgo: -10, content: '根据勘察结果提交设计方案与报价' },
    ],
  },
  {
    status: 'assigned',
    source: '客户介绍',
    customerName: '兰州陇原能源有限公司',
    successRate: 35,
    summary: '办公电脑批量更换',
    contact: '马俊杰',
    contactPhone: '0931-84567890',
    description: '由西安秦川电子的采购经理介绍，客户约有 150 台办公电脑需要更换，预计下季度立项。',
    createdBy: 'manager',
    createdDaysAgo: 8,
    assignee: 'sales2',
    assignedDaysAgo: 6,
  },
  {
    status: 'succeeded',
    source: '展会',
    customerName: '深圳鹏城智能设备有限公司',
    successRate: 80,
    summary: '研发中心网络与工作站采购',
    contact: '周海涛',
    contactPhone: '0755-86271234',
    contactGender: '男',
    contactTitle: '采购经理',
    description: '在深圳高交会上接触，客户新建研发中心，需要图形工作站、交换机及机房不间断电源。',
    createdBy: 'manager',
    createdDaysAgo: 170,
    assignee: 'sales1',
    assignedDaysAgo: 165,
    plan: [
      { daysAgo: 160, content: '拜访客户研发中心，了解设备需求', result: '确认需要 30 台工作站、6 台交换机和机房电源' },
      { daysAgo: 145, content: '提交设备选型方案与报价', result: '客户要求提高工作站显卡配置，已调整方案' },
      { daysAgo: 125, content: '商务谈判，确定付款方式与交货期', result: '双方就分期付款达成一致' },
      { daysAgo: 112, content: '签订首批采购合同', result: '合同已签订，客户转为正式客户' },
    ],
  },
  {
    status: 'succeeded',
    source: '客户介绍',
    customerName: '西安古都旅游发展有限公司',
    successRate: 70,
    summary: '景区票务中心设备采购',
    contact: '何雅琴',
    contactPhone: '029-87651234',
    contactGender: '女',
    contactTitle: '行政经理',
    description: '由西安秦川电子介绍，客户新建景区票务中心，需要电脑、打印设备和网络设备。',
    createdBy: 'sales2',
    createdDaysAgo: 130,
    assignee: 'sales2',
    assignedDaysAgo: 128,
    plan: [
      { daysAgo: 120, content: '电话联系行政部，约定上门拜访时间', result: '已约定下周到景区管理处拜访' },
      { daysAgo: 110, content: '上门拜访，现场查看票务中心布局', result: '确定 20 个售票窗口的设备清单' },
      { daysAgo: 90, content: '提交报价并陪同客户参观样板项目', result: '客户对方案满意，进入合同审批流程' },
      { daysAgo: 77, content: '合同审批通过，签订采购合同', result: '合同已签订' },
    ],
  },
  {
    status: 'failed',
    source: '网络',
    customerName: '无锡太湖纺织机械有限公司',
    successRate: 25,
    summary: '车间管理电脑采购',
    contact: '吴国庆',
    contactPhone: '0510-82761234',
    description: '客户在网上询价，计划为车间采购 40 台电脑及配套打印设备。',
    createdBy: 'sales2',
    createdDaysAgo: 150,
    assignee: 'sales2',
    assignedDaysAgo: 148,
    plan: [
      { daysAgo: 144, content: '电话沟通需求并发送产品报价', result: '客户认为报价偏高，希望下调 15%' },
      { daysAgo: 130, content: '申请特别折扣后重新报价', result: '客户已与另一家供应商签订合同，开发终止' },
    ],
  },
];
