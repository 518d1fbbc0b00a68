// 演示数据 (plain data): service tickets, each a story that goes as far as its
// status: created, assigned, handled (once or again after an unsatisfied
// feedback), archived.
import type { SalesUser, Username } from './company';

export interface TicketRoundSeed {
  handledDaysAgo: number;
  handling: string;
  feedback?: { daysAgo: number; result: string; satisfaction: number };
}

/** A ticket's story; its status follows from how far the story goes. */
export interface TicketSeed {
  type: '咨询' | '建议' | '投诉';
  summary: string;
  request: string;
  customer: string;
  createdBy: Username;
  createdDaysAgo: number;
  assignment?: { assignee: SalesUser; daysAgo: number };
  rounds?: TicketRoundSeed[];
}

export const TICKETS: TicketSeed[] = [
  {
    type: '咨询',
    summary: '咨询打印机批量采购的优惠政策',
    request: '客户计划年底为各部门补充 15 台激光打印机，询问批量采购折扣和以旧换新政策。',
    customer: '北京华信科技有限公司',
    createdBy: 'sales1',
    createdDaysAgo: 1,
  },
  {
    type: '投诉',
    summary: '视频会议系统偶发断线',
    request: '客户反映近一周视频会议时常出现画面卡顿和断线，影响与海外客户的会议。',
    customer: '上海浦江国际贸易有限公司',
    createdBy: 'sales2',
    createdDaysAgo: 2,
  },
  {
    type: '建议',
    summary: '希望增加周末上门服务',
    request: '客户生产线周末也在运转，建议我司提供周末上门维修服务。',
    customer: '南京金陵化工有限公司',
    createdBy: 'manager',
    createdDaysAgo: 4,
  },
  {
    type: '咨询',
    summary: '交换机 VLAN 划分配置咨询',
    request: '客户新增仓库办公区，需要在现有交换机上划分新的 VLAN，询问配置方法。',
    customer: '天津港联物流有限公司',
    createdBy: 'sales2',
    createdDaysAgo: 6,
    assignment: { assignee: 'sales2', daysAgo: 5 },
  },
  {
    type: '投诉',
    summary: '硒鼓到货外包装破损',
    request: '客户收到的 20 件硒鼓中有 3 件外包装破损，其中 1 件漏粉，要求更换。',
    customer: '长沙湘江机械制造有限公司',
    createdBy: 'sales1',
    createdDaysAgo: 8,
    assignment: { assignee: 'sales1', daysAgo: 7 },
  },
  {
    type: '咨询',
    summary: '不间断电源续航时间咨询',
    request: '客户机房新增两台服务器，询问现有不间断电源在满载时的续航时间是否足够。',
    customer: '沈阳北方重工装备有限公司',
    createdBy: 'sales1',
    createdDaysAgo: 15,
    assignment: { assignee: 'sales1', daysAgo: 14 },
    rounds: [{ handledDaysAgo: 12, handling: '电话说明满载与半载时的续航时间，并发送扩容电池选型表。' }],
  },
  {
    type: '投诉',
    summary: '笔记本电脑开机蓝屏',
    request: '客户上月采购的笔记本电脑中有 2 台频繁开机蓝屏，要求尽快处理。',
    customer: '成都天府软件服务有限公司',
    createdBy: 'sales2',
    createdDaysAgo: 18,
    assignment: { assignee: 'sales2', daysAgo: 17 },
    rounds: [{ handledDaysAgo: 13, handling: '上门检测为内存条松动，已重新安装并完成系统稳定性测试。' }],
  },
  {
    type: '建议',
    summary: '建议提供设备使用培训',
    request: '客户新入职员工较多，建议我司定期提供办公设备使用与日常维护培训。',
    customer: '杭州西湖数码科技有限公司',
    createdBy: 'manager',
    createdDaysAgo: 60,
    assignment: { assignee: 'sales1', daysAgo: 59 },
    rounds: [
      {
        handledDaysAgo: 50,
        handling: '安排工程师到客户现场开展两场设备使用与维护培训，并提供培训手册。',
        feedback: { daysAgo: 45, result: '培训已完成，客户反馈内容实用，希望每半年举办一次。', satisfaction: 5 },
      },
    ],
  },
  {
    type: '咨询',
    summary: '客户关系管理软件授权数量扩展',
    request: '客户销售团队扩大，询问在现有授权基础上增加 10 个用户的费用和流程。',
    customer: '深圳南山创新科技有限公司',
    createdBy: 'sales2',
    createdDaysAgo: 90,
    assignment: { assignee: 'sales2', daysAgo: 89 },
    rounds: [
      {
        handledDaysAgo: 87,
        handling: '发送扩展授权报价单，并说明授权激活流程。',
        feedback: { daysAgo: 85, result: '客户已购买扩展授权并完成激活。', satisfaction: 4 },
      },
    ],
  },
  {
    type: '投诉',
    summary: '多功能一体机频繁卡纸',
    request: '客户反映彩色多功能一体机每天卡纸多次，严重影响财务部打印报表。',
    customer: '广州珠江建材有限公司',
    createdBy: 'sales2',
    createdDaysAgo: 40,
    assignment: { assignee: 'sales2', daysAgo: 39 },
    rounds: [
      {
        handledDaysAgo: 36,
        handling: '远程指导客户清理搓纸轮并调整纸盒导板。',
        feedback: { daysAgo: 33, result: '卡纸情况略有改善，但每天仍有两三次。', satisfaction: 2 },
      },
      {
        handledDaysAgo: 30,
        handling: '工程师上门更换搓纸轮及分离垫，连续打印 500 页测试无卡纸。',
        feedback: { daysAgo: 28, result: '更换配件后一直正常使用，问题已解决。', satisfaction: 4 },
      },
    ],
  },
];
