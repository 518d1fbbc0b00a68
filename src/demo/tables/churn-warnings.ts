// 演示数据 (plain data): the churn warnings the weekly job raised before, in
// every status, with their measures.

export interface ChurnSeed {
  customer: string;
  status: 'warning' | 'deferred' | 'churned';
  /** the Saturday run of the churn job that raised the warning: 1 the latest, 2 the one before … */
  weeksAgo: number;
  measures: { daysAgo: number; content: string }[];
  reason?: string;
  confirmedDaysAgo?: number;
}

export const CHURN_WARNINGS: ChurnSeed[] = [
  { customer: '武汉楚天汽车零部件有限公司', status: 'warning', weeksAgo: 1, measures: [] },
  {
    customer: '重庆山城摩托车配件有限公司',
    status: 'deferred',
    weeksAgo: 5,
    measures: [
      { daysAgo: 25, content: '电话回访采购负责人，得知客户今年预算收紧，设备更新计划推迟到下半年' },
      { daysAgo: 12, content: '为客户申请老客户九折优惠并寄送新品资料，约定下月上门拜访' },
    ],
  },
  {
    customer: '哈尔滨冰城食品有限公司',
    status: 'churned',
    weeksAgo: 28,
    measures: [
      { daysAgo: 185, content: '上门拜访客户行政部，了解停止采购的原因' },
      { daysAgo: 165, content: '向客户集团采购中心提交入围供应商申请资料' },
    ],
    reason: '客户被食品集团收购，办公设备改由集团总部统一招标，我司未能入围',
    confirmedDaysAgo: 140,
  },
  {
    customer: '杭州钱塘纺织有限公司',
    status: 'churned',
    weeksAgo: 30,
    measures: [
      { daysAgo: 198, content: '电话回访，客户反映上次采购的硒鼓价格高于市场价' },
      { daysAgo: 180, content: '提供耗材年度框架协议报价，价格下调 8%' },
    ],
    reason: '客户已与其他供应商签订三年期框架协议，价格差距较大，多次挽留无果',
    confirmedDaysAgo: 150,
  },
];
