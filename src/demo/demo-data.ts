// 演示数据: fills a new embedded database with a small company's CRM — users of
// every role, products and stock, customers with contacts, interactions and two
// years of orders, sales opportunities, churn warnings and service tickets in
// every status. All dates are relative to `now`, and a seeded generator makes
// the data the same on every run. Six customers are left without a counted order
// for over six months and without a warning: the weekly churn job finds them.
import bcrypt from 'bcrypt';
import type { Db, Prisma, Tx } from '../db/client';
import { DICTIONARY } from '../db/reference-data';
import { SATISFIED_FROM } from '../service/ticket-status';
import { cents } from '../orders/money';

const DEMO_PASSWORD = 'demo123';
const SEED = 20240105;

// ---------------------------------------------------------------- data tables

const USERS = [
  { username: 'admin', name: '系统管理员', roleCode: 'admin', status: 'normal' },
  { username: 'manager', name: '王主管', roleCode: 'manager', status: 'normal' },
  { username: 'sales1', name: '李明', roleCode: 'sales', status: 'normal' },
  { username: 'sales2', name: '张伟', roleCode: 'sales', status: 'normal' },
  { username: 'boss', name: '赵总', roleCode: 'executive', status: 'normal' },
  { username: 'sales3', name: '陈静', roleCode: 'sales', status: 'disabled' },
] as const;

type Username = (typeof USERS)[number]['username'];
type SalesUser = 'sales1' | 'sales2';
type UserIds = Record<Username, number>;

interface ProductSeed {
  name: string;
  model: string;
  batch: string | null;
  unit: '台' | '套' | '件';
  price: string;
  /** the most a customer orders at once */
  maxQuantity: number;
  remark?: string;
}

const PRODUCTS: ProductSeed[] = [
  { name: '商用笔记本电脑', model: 'E14 i5/16G/512G', batch: '2024-A01', unit: '台', price: '4999.00', maxQuantity: 20, remark: '整机三年上门保修' },
  { name: '图形工作站', model: 'Z2 i7/32G/1T', batch: '2024-A02', unit: '台', price: '8999.00', maxQuantity: 10 },
  { name: '办公显示器', model: 'P2422H 23.8英寸', batch: '2024-A05', unit: '台', price: '1399.00', maxQuantity: 30 },
  { name: '黑白激光打印机', model: 'M404dn', batch: '2023-B07', unit: '台', price: '1999.00', maxQuantity: 10 },
  { name: '彩色多功能一体机', model: 'iR-C3226', batch: '2023-B11', unit: '台', price: '12800.00', maxQuantity: 3 },
  { name: '千兆网络交换机', model: 'S5130-28S', batch: '2024-C03', unit: '台', price: '3280.00', maxQuantity: 8 },
  { name: '企业级路由器', model: 'AR6120', batch: '2024-C05', unit: '台', price: '5600.00', maxQuantity: 4 },
  { name: '视频会议系统', model: 'G7500 双屏套装', batch: '2023-D02', unit: '套', price: '26800.00', maxQuantity: 2 },
  { name: '客户关系管理软件授权', model: '标准版 V5（10 用户）', batch: null, unit: '套', price: '15000.00', maxQuantity: 2, remark: '含一年升级服务' },
  { name: '不间断电源', model: 'SRV3KI 3kVA', batch: '2024-E01', unit: '台', price: '3650.00', maxQuantity: 6 },
  { name: '原装硒鼓', model: 'CF276A', batch: '2024-F09', unit: '件', price: '689.00', maxQuantity: 50 },
];

const WAREHOUSES = ['北京一号仓', '北京二号仓', '上海仓', '广州仓'];

interface City {
  region: string;
  areaCode: string;
  postcode: string;
  districts: readonly string[];
}

const CITIES = {
  北京: { region: '北京', areaCode: '010', postcode: '100080', districts: ['海淀区', '朝阳区', '东城区', '丰台区'] },
  天津: { region: '华北', areaCode: '022', postcode: '300100', districts: ['和平区', '南开区', '河西区'] },
  石家庄: { region: '华北', areaCode: '0311', postcode: '050000', districts: ['长安区', '桥西区'] },
  武汉: { region: '中南', areaCode: '027', postcode: '430070', districts: ['洪山区', '江汉区', '武昌区'] },
  长沙: { region: '中南', areaCode: '0731', postcode: '410000', districts: ['岳麓区', '天心区'] },
  郑州: { region: '中南', areaCode: '0371', postcode: '450000', districts: ['金水区', '二七区'] },
  沈阳: { region: '东北', areaCode: '024', postcode: '110000', districts: ['和平区', '沈河区', '浑南区'] },
  哈尔滨: { region: '东北', areaCode: '0451', postcode: '150000', districts: ['南岗区', '道里区'] },
  大连: { region: '东北', areaCode: '0411', postcode: '116000', districts: ['中山区', '甘井子区'] },
  成都: { region: '西部', areaCode: '028', postcode: '610000', districts: ['武侯区', '锦江区', '青羊区'] },
  西安: { region: '西部', areaCode: '029', postcode: '710000', districts: ['雁塔区', '碑林区'] },
  重庆: { region: '西部', areaCode: '023', postcode: '400000', districts: ['渝北区', '江北区'] },
  上海: { region: '华东', areaCode: '021', postcode: '200000', districts: ['浦东新区', '徐汇区', '闵行区'] },
  杭州: { region: '华东', areaCode: '0571', postcode: '310000', districts: ['西湖区', '滨江区'] },
  南京: { region: '华东', areaCode: '025', postcode: '210000', districts: ['鼓楼区', '建邺区'] },
  苏州: { region: '华东', areaCode: '0512', postcode: '215000', districts: ['工业园区', '姑苏区'] },
  广州: { region: '华南', areaCode: '020', postcode: '510000', districts: ['天河区', '越秀区', '番禺区'] },
  深圳: { region: '华南', areaCode: '0755', postcode: '518000', districts: ['南山区', '福田区', '宝安区'] },
  南宁: { region: '华南', areaCode: '0771', postcode: '530000', districts: ['青秀区', '西乡塘区'] },
} as const satisfies Record<string, City>;

type CityName = keyof typeof CITIES;

/**
 * How a customer's story goes:
 * - active: orders regularly, the last counted order within three months;
 * - won: created from a successful opportunity a few months ago, orders since;
 * - lapsed: last counted order 7–15 months ago, no warning yet (the churn job finds it);
 * - never: no counted order at all, created over six months ago (the job finds it too);
 * - warning / deferred / churned: inactive customers whose churn warning exists already.
 */
type Profile = 'active' | 'won' | 'lapsed' | 'never' | 'warning' | 'deferred' | 'churned';

/** Days before now: when customers of each profile were created and last had a counted order. */
const PROFILE_DAYS: Record<Profile, { created: [number, number]; lastOrder: [number, number] | null }> = {
  active: { created: [120, 1050], lastOrder: [5, 85] },
  won: { created: [60, 120], lastOrder: [5, 60] },
  lapsed: { created: [500, 1050], lastOrder: [215, 450] },
  never: { created: [200, 330], lastOrder: null },
  warning: { created: [600, 1050], lastOrder: [215, 250] },
  deferred: { created: [600, 1050], lastOrder: [260, 300] },
  churned: { created: [600, 1050], lastOrder: [420, 540] },
};

interface CustomerSeed {
  name: string;
  city: CityName;
  /** the website is www.<web>.com.cn */
  web: string;
  manager: SalesUser;
  profile: Profile;
  /** fixed creation (won customers: the day their opportunity succeeded) */
  createdDaysAgo?: number;
  /** an order still in progress (status 1–4), which does not count */
  openOrder?: boolean;
}

const CUSTOMERS: CustomerSeed[] = [
  { name: '北京华信科技有限公司', city: '北京', web: 'huaxintech', manager: 'sales1', profile: 'active' },
  { name: '北京博远信息技术有限公司', city: '北京', web: 'boyuanit', manager: 'sales2', profile: 'active' },
  { name: '北京恒泰建设工程有限公司', city: '北京', web: 'hengtaijs', manager: 'sales1', profile: 'lapsed' },
  { name: '天津港联物流有限公司', city: '天津', web: 'ganglian', manager: 'sales2', profile: 'active' },
  { name: '天津滨海新材料有限公司', city: '天津', web: 'bhxcl', manager: 'sales1', profile: 'never' },
  { name: '石家庄冀华制药有限公司', city: '石家庄', web: 'jihuapharm', manager: 'sales2', profile: 'active' },
  { name: '武汉长江光电有限公司', city: '武汉', web: 'cjoptic', manager: 'sales1', profile: 'active' },
  { name: '武汉楚天汽车零部件有限公司', city: '武汉', web: 'chutianauto', manager: 'sales2', profile: 'warning' },
  { name: '长沙湘江机械制造有限公司', city: '长沙', web: 'xjjx', manager: 'sales1', profile: 'active' },
  { name: '郑州中原粮油贸易有限公司', city: '郑州', web: 'zhongyuanly', manager: 'sales2', profile: 'lapsed' },
  { name: '沈阳北方重工装备有限公司', city: '沈阳', web: 'bfzg', manager: 'sales1', profile: 'active' },
  { name: '哈尔滨冰城食品有限公司', city: '哈尔滨', web: 'bcfood', manager: 'sales2', profile: 'churned' },
  { name: '大连海润水产有限公司', city: '大连', web: 'hairunsc', manager: 'sales1', profile: 'active' },
  { name: '成都天府软件服务有限公司', city: '成都', web: 'tfsoft', manager: 'sales2', profile: 'active' },
  { name: '成都蜀锦文化传媒有限公司', city: '成都', web: 'shujinmedia', manager: 'sales1', profile: 'lapsed' },
  { name: '西安秦川电子有限公司', city: '西安', web: 'qcdz', manager: 'sales2', profile: 'active' },
  { name: '重庆山城摩托车配件有限公司', city: '重庆', web: 'scmoto', manager: 'sales1', profile: 'deferred' },
  { name: '上海浦江国际贸易有限公司', city: '上海', web: 'pujiangtrade', manager: 'sales2', profile: 'active' },
  { name: '上海瑞禾医疗器械有限公司', city: '上海', web: 'ruihemed', manager: 'sales1', profile: 'active' },
  { name: '上海弘毅广告有限公司', city: '上海', web: 'hongyiad', manager: 'sales2', profile: 'never', openOrder: true },
  { name: '杭州西湖数码科技有限公司', city: '杭州', web: 'xhdigital', manager: 'sales1', profile: 'active' },
  { name: '杭州钱塘纺织有限公司', city: '杭州', web: 'qiantangtex', manager: 'sales1', profile: 'churned' },
  { name: '南京金陵化工有限公司', city: '南京', web: 'jlchem', manager: 'sales2', profile: 'active' },
  { name: '苏州精工电子有限公司', city: '苏州', web: 'jgdz', manager: 'sales1', profile: 'active' },
  { name: '广州珠江建材有限公司', city: '广州', web: 'zjjc', manager: 'sales2', profile: 'active' },
  { name: '广州羊城餐饮管理有限公司', city: '广州', web: 'ycfood', manager: 'sales2', profile: 'lapsed' },
  { name: '深圳鹏城智能设备有限公司', city: '深圳', web: 'pczn', manager: 'sales1', profile: 'won', createdDaysAgo: 110 },
  { name: '深圳南山创新科技有限公司', city: '深圳', web: 'nscx', manager: 'sales2', profile: 'active' },
  { name: '南宁绿城农业科技有限公司', city: '南宁', web: 'lcagri', manager: 'sales1', profile: 'active' },
  { name: '西安古都旅游发展有限公司', city: '西安', web: 'gdtravel', manager: 'sales2', profile: 'won', createdDaysAgo: 75 },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const MALE_NAMES = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '斌', '超', '建华', '志强', '海波', '俊杰', '国庆', '文博'];
const FEMALE_NAMES = ['芳', '娜', '敏', '静', '丽', '艳', '婷', '雪', '慧', '玲', '晓燕', '秀英', '丽华', '雅琴', '思雨'];
const CONTACT_TITLES = ['总经理', '副总经理', '采购经理', '信息部主管', '行政主管', '财务经理', '技术总监'];
const STREETS = ['科技路', '建设大道', '人民路', '中山路', '解放路', '长江路', '高新大道', '创业路', '工业园路'];
const BANKS = ['中国工商银行', '中国建设银行', '中国银行', '中国农业银行', '招商银行', '交通银行'];
const REGISTERED_CAPITAL = ['100.00', '200.00', '500.00', '1000.00', '2000.00', '5000.00', '10000.00'];
/** 企业客户等级 (in dictionary order) and how often each occurs */
const LEVEL_WEIGHTS = [4, 3, 2, 1, 1];

const INTERACTION_PLACES = ['客户公司会议室', '我司展厅', '客户生产现场', '电话沟通', '行业展会现场', '酒店餐厅'];
const INTERACTION_TOPICS = [
  { summary: '上门拜访，介绍新款办公设备', detail: '向采购部演示了新款笔记本电脑与打印设备，客户对售后服务条款较为关注。' },
  { summary: '年度采购计划沟通', detail: '客户预计下半年有一批设备更新需求，约定提前一个月提供报价。' },
  { summary: '售后服务回访', detail: '回访设备使用情况，整体运行稳定，客户希望缩短上门响应时间。' },
  { summary: '商务宴请', detail: '与客户总经理就长期合作进行了交流，关系进一步加深。' },
  { summary: '报价与合同条款洽谈', detail: '就付款周期和质保期限进行协商，初步同意分两期付款。' },
  { summary: '技术交流会', detail: '我方工程师介绍了网络设备组网方案，客户信息部提出了若干安全方面的问题。' },
  { summary: '节日慰问', detail: '节前送去节日礼品，并了解客户近期经营情况。' },
];

interface PlanSeed {
  /** days before now; negative for items still ahead */
  daysAgo: number;
  content: string;
  result?: string;
}

interface OpportunitySeed {
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

const OPPORTUNITIES: OpportunitySeed[] = [
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

interface ChurnSeed {
  customer: string;
  status: 'warning' | 'deferred' | 'churned';
  /** the Saturday run of the churn job that raised the warning: 1 the latest, 2 the one before … */
  weeksAgo: number;
  measures: { daysAgo: number; content: string }[];
  reason?: string;
  confirmedDaysAgo?: number;
}

const CHURN_WARNINGS: ChurnSeed[] = [
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

interface TicketRoundSeed {
  handledDaysAgo: number;
  handling: string;
  feedback?: { daysAgo: number; result: string; satisfaction: number };
}

/** A ticket's story; its status follows from how far the story goes. */
interface TicketSeed {
  type: '咨询' | '建议' | '投诉';
  summary: string;
  request: string;
  customer: string;
  createdBy: Username;
  createdDaysAgo: number;
  assignment?: { assignee: SalesUser; daysAgo: number };
  rounds?: TicketRoundSeed[];
}

const TICKETS: TicketSeed[] = [
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

// ---------------------------------------------------------------- helpers

/** A small seeded generator (mulberry32): the same data on every run. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** a whole number in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** `count` different items, in random order */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  }

  /** an item chosen with the given weights (same order as the items) */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let roll = this.next() * weights.reduce((sum, weight) => sum + weight, 0);
    for (let i = 0; i < items.length; i++) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return items[i];
    }
    return items[items.length - 1];
  }

  digits(count: number): string {
    let text = String(this.int(1, 9));
    while (text.length < count) text += String(this.int(0, 9));
    return text;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `days` days before `now` (negative: after), at hh:mm local time. */
function daysBefore(now: Date, days: number, hour = 10, minute = 0): Date {
  const date = new Date(now.getTime() - days * DAY_MS);
  date.setHours(hour, minute, 0, 0);
  return date;
}

/** Some time in office hours, `days` days before now. */
function officeTime(random: Random, now: Date, days: number): Date {
  return daysBefore(now, days, random.int(9, 17), random.int(0, 59));
}

/** The local calendar day of a date, as columns of type date store it (UTC midnight). */
function calendarDay(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

function daysBetween(later: Date, earlier: Date): number {
  return Math.floor((later.getTime() - earlier.getTime()) / DAY_MS);
}

/** A past Saturday 02:00, when the weekly churn job runs: 1 the latest run, 2 the one before … */
function churnJobRun(now: Date, weeksAgo: number): Date {
  const run = daysBefore(now, 1, 2, 0);
  while (run.getDay() !== 6) run.setDate(run.getDate() - 1);
  run.setDate(run.getDate() - 7 * (weeksAgo - 1));
  return run;
}

function yyyymmdd(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** Numbers as src/shared/numbers.ts makes them (prefix, local day, 3-digit sequence); hand out in date order. */
class DailyNumbers {
  private readonly last = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  next(date: Date): string {
    const name = `${this.prefix}${yyyymmdd(date)}`;
    const sequence = (this.last.get(name) ?? 0) + 1;
    this.last.set(name, sequence);
    return `${name}${String(sequence).padStart(3, '0')}`;
  }

  /** Counter rows, so that numbers generated later continue after these. */
  counters(): Prisma.CounterCreateManyInput[] {
    return [...this.last].map(([name, value]) => ({ name, value }));
  }
}

function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function personName(random: Random, gender: '男' | '女'): string {
  return random.pick(SURNAMES) + random.pick(gender === '男' ? MALE_NAMES : FEMALE_NAMES);
}

function officePhone(random: Random, city: City): string {
  return `${city.areaCode}-${random.digits(8)}`;
}

function mobilePhone(random: Random): string {
  return `1${random.pick(['35', '38', '39', '50', '58', '77', '86', '88'])}${String(random.int(0, 99999999)).padStart(8, '0')}`;
}

/** A unified social credit code (统一社会信用代码), also the tax number since 三证合一. */
function creditCode(random: Random): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let code = `91${random.digits(6)}`;
  while (code.length < 18) code += random.pick([...chars]);
  return code;
}

function lookup<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`演示数据缺少 ${String(key)}`);
  return value;
}

function byName<T extends { seed: { name: string } }>(items: T[], name: string): T {
  const found = items.find((item) => item.seed.name === name);
  if (!found) throw new Error(`演示数据中没有客户 ${name}`);
  return found;
}

// ---------------------------------------------------------------- loading

interface DemoProduct {
  id: number;
  seed: ProductSeed;
  cents: number;
}

interface DemoCustomer {
  id: number;
  seed: CustomerSeed;
  city: City;
  number: string;
  address: string;
  createdAt: Date;
  managerId: number;
  /** the planned last counted order (status 5 or 6) */
  lastOrderAt: Date | null;
}

async function createUsers(tx: Tx, passwordHash: string, now: Date): Promise<UserIds> {
  const createdAt = daysBefore(now, 1100, 9, 0);
  await tx.user.createMany({
    data: USERS.map((user) => ({ ...user, passwordHash, createdAt, updatedAt: createdAt })),
  });
  const ids = new Map((await tx.user.findMany({ select: { id: true, username: true } })).map((row) => [row.username, row.id]));
  return Object.fromEntries(USERS.map((user) => [user.username, lookup(ids, user.username)])) as UserIds;
}

async function createProducts(tx: Tx, random: Random): Promise<DemoProduct[]> {
  const products: DemoProduct[] = [];
  for (const seed of PRODUCTS) {
    const stock = random.sample(WAREHOUSES, random.int(1, 2)).map((warehouse) => ({
      warehouse,
      location: `${random.pick(['A', 'B', 'C'])}区-${String(random.int(1, 12)).padStart(2, '0')}-${random.int(1, 5)}`,
      quantity: random.int(seed.maxQuantity, seed.maxQuantity * 12),
    }));
    const { maxQuantity: _maxQuantity, ...fields } = seed;
    const product = await tx.product.create({
      data: { ...fields, remark: seed.remark ?? null, stock: { create: stock } },
    });
    products.push({ id: product.id, seed, cents: toCents(seed.price) });
  }
  return products;
}

/** When each customer was created and last ordered, oldest first (so numbers run with ids). */
function planCustomers(random: Random, users: UserIds, now: Date): Omit<DemoCustomer, 'id' | 'number'>[] {
  const planned = CUSTOMERS.map((seed) => {
    const days = PROFILE_DAYS[seed.profile];
    const createdDays = seed.createdDaysAgo ?? random.int(...days.created);
    const lastOrderDays = days.lastOrder && Math.min(random.int(...days.lastOrder), createdDays - 7);
    const city: City = CITIES[seed.city];
    return {
      seed,
      city,
      address: `${seed.city}市${random.pick(city.districts)}${random.pick(STREETS)}${random.int(1, 399)}号`,
      createdAt: officeTime(random, now, createdDays),
      managerId: users[seed.manager],
      lastOrderAt: lastOrderDays === null ? null : officeTime(random, now, lastOrderDays),
    };
  });
  return planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

async function createCustomers(
  tx: Tx,
  random: Random,
  users: UserIds,
  numbers: DailyNumbers,
  now: Date,
): Promise<DemoCustomer[]> {
  const levels = DICTIONARY['企业客户等级'];
  const planned = planCustomers(random, users, now).map((customer) => ({ ...customer, number: numbers.next(customer.createdAt) }));
  await tx.customer.createMany({
    data: planned.map(({ seed, city, number, address, createdAt, managerId }): Prisma.CustomerCreateManyInput => {
      const code = creditCode(random);
      const district = random.pick(city.districts);
      return {
        number,
        name: seed.name,
        region: city.region,
        accountManagerId: managerId,
        level: random.weighted(levels, LEVEL_WEIGHTS),
        satisfaction: seed.profile === 'churned' ? random.int(1, 2) : random.int(3, 5),
        credit: random.int(seed.profile === 'churned' ? 1 : 3, 5),
        address,
        postcode: city.postcode,
        phone: officePhone(random, city),
        fax: officePhone(random, city),
        website: `www.${seed.web}.com.cn`,
        licenceNumber: code,
        legalPerson: personName(random, random.chance(0.8) ? '男' : '女'),
        registeredCapital: random.pick(REGISTERED_CAPITAL),
        annualTurnover: `${random.int(3, 500) * 100}.00`,
        bank: `${random.pick(BANKS)}${seed.city}${district}支行`,
        bankAccount: random.digits(19),
        localTaxNumber: code,
        nationalTaxNumber: code,
        status: 'normal',
        createdAt,
        updatedAt: createdAt,
      };
    }),
  });
  const ids = new Map((await tx.customer.findMany({ select: { id: true, number: true } })).map((row) => [row.number, row.id]));
  return planned.map((customer) => ({ ...customer, id: lookup(ids, customer.number) }));
}

/** 1–3 contacts each; a customer won from an opportunity starts with that opportunity's contact. */
async function createContacts(tx: Tx, random: Random, customers: DemoCustomer[]): Promise<void> {
  const data: Prisma.ContactCreateManyInput[] = [];
  for (const customer of customers) {
    const opportunity = OPPORTUNITIES.find((o) => o.status === 'succeeded' && o.customerName === customer.seed.name);
    if (opportunity) {
      data.push({
        customerId: customer.id,
        name: opportunity.contact,
        gender: opportunity.contactGender ?? '男',
        title: opportunity.contactTitle ?? '联系人',
        officePhone: opportunity.contactPhone,
        mobile: mobilePhone(random),
      });
    }
    const titles = random.sample(CONTACT_TITLES, random.int(1, 3) - (opportunity ? 1 : 0));
    for (const title of titles) {
      const gender = random.chance(0.6) ? '男' : '女';
      data.push({
        customerId: customer.id,
        name: personName(random, gender),
        gender,
        title,
        officePhone: officePhone(random, customer.city),
        mobile: random.chance(0.8) ? mobilePhone(random) : null,
        remark: title === '采购经理' ? '主要对接人' : null,
      });
    }
  }
  await tx.contact.createMany({ data });
}

function stillBuying(customer: DemoCustomer): boolean {
  return customer.seed.profile === 'active' || customer.seed.profile === 'won';
}

/** 0–3 interactions each, while the customer was still buying. */
async function createInteractions(tx: Tx, random: Random, customers: DemoCustomer[], now: Date): Promise<void> {
  const data: Prisma.InteractionCreateManyInput[] = [];
  for (const customer of customers) {
    const first = daysBetween(now, customer.createdAt) - 3;
    const quietFor = customer.lastOrderAt ? daysBetween(now, customer.lastOrderAt) - 30 : first - 90;
    const last = stillBuying(customer) ? 1 : Math.max(1, quietFor);
    for (let i = random.int(0, 3); i > 0 && first > last; i--) {
      const topic = random.pick(INTERACTION_TOPICS);
      data.push({
        customerId: customer.id,
        date: calendarDay(daysBefore(now, random.int(last, first))),
        place: random.pick(INTERACTION_PLACES),
        summary: topic.summary,
        detail: topic.detail,
        remark: random.chance(0.2) ? '需跟进' : null,
      });
    }
  }
  await tx.interaction.createMany({ data });
}

interface PlannedOrder {
  customer: DemoCustomer;
  date: Date;
  status: number;
}

/** A counted order (5 已发货, 6 已回款): recent ones are often not yet paid. */
function countedStatus(random: Random, ageDays: number): number {
  return random.chance(ageDays < 45 ? 0.6 : 0.08) ? 5 : 6;
}

/** Each customer's orders of the past two years, ending with its planned last counted order. */
function planOrders(random: Random, customers: DemoCustomer[], now: Date): PlannedOrder[] {
  const orders: PlannedOrder[] = [];
  for (const customer of customers) {
    const { lastOrderAt } = customer;
    if (lastOrderAt) {
      const lastDays = daysBetween(now, lastOrderAt);
      const firstDays = Math.min(daysBetween(now, customer.createdAt) - 10, 730);
      const earlier = firstDays - lastDays > 30 ? random.int(1, Math.min(7, Math.ceil((firstDays - lastDays) / 60))) : 0;
      for (let i = 0; i < earlier; i++) {
        const days = random.int(lastDays + 15, firstDays);
        orders.push({ customer, date: officeTime(random, now, days), status: countedStatus(random, days) });
      }
      orders.push({ customer, date: lastOrderAt, status: countedStatus(random, lastDays) });
    }
    if (customer.seed.openOrder || (stillBuying(customer) && random.chance(0.35))) {
      orders.push({ customer, date: officeTime(random, now, random.int(1, 25)), status: random.int(1, 4) });
    }
  }
  return orders.sort((a, b) => a.date.getTime() - b.date.getTime());
}

function orderLines(random: Random, products: DemoProduct[]): Omit<Prisma.OrderLineCreateManyInput, 'orderId'>[] {
  return random.sample(products, random.int(1, 4)).map((product) => {
    const quantity = random.int(1, product.seed.maxQuantity);
    return {
      productId: product.id,
      productName: product.seed.name,
      quantity,
      unit: product.seed.unit,
      price: product.seed.price,
      amount: money(product.cents * quantity),
    };
  });
}

async function createOrders(tx: Tx, random: Random, customers: DemoCustomer[], products: DemoProduct[], now: Date): Promise<void> {
  const numbers = new DailyNumbers('DD');
  const orders = planOrders(random, customers, now).map((order) => {
    const lines = orderLines(random, products);
    return {
      number: numbers.next(order.date),
      customerId: order.customer.id,
      date: order.date,
      address: order.customer.address,
      status: order.status,
      amount: money(lines.reduce((sum, line) => sum + cents(line.amount), 0)),
      lines,
    };
  });
  await tx.order.createMany({ data: orders.map(({ lines: _lines, ...order }) => order) });
  const ids = new Map((await tx.order.findMany({ select: { id: true, number: true } })).map((row) => [row.number, row.id]));
  await tx.orderLine.createMany({
    data: orders.flatMap((order) => order.lines.map((line) => ({ ...line, orderId: lookup(ids, order.number) }))),
  });
}

async function createOpportunities(tx: Tx, users: UserIds, customers: DemoCustomer[], now: Date): Promise<void> {
  for (const seed of OPPORTUNITIES) {
    const { plan = [], assignee, assignedDaysAgo } = seed;
    const assignedAt = assignee && assignedDaysAgo !== undefined ? daysBefore(now, assignedDaysAgo, 14, 30) : null;
    let customerId: number | null = null;
    if (seed.status === 'succeeded') {
      const customer = byName(customers, seed.customerName);
      if (!assignee || customer.managerId !== users[assignee]) throw new Error(`${seed.customerName} 的客户经理应是机会的指派对象`);
      customerId = customer.id;
    }
    const planCreatedAt = assignedAt ? new Date(assignedAt.getTime() + DAY_MS) : now;
    await tx.opportunity.create({
      data: {
        status: seed.status,
        source: seed.source,
        customerName: seed.customerName,
        successRate: seed.successRate,
        summary: seed.summary,
        contact: seed.contact,
        contactPhone: seed.contactPhone,
        description: seed.description,
        createdById: users[seed.createdBy],
        createdAt: daysBefore(now, seed.createdDaysAgo, 9, 40),
        assigneeId: assignee ? users[assignee] : null,
        assignedAt,
        customerId,
        planItems: {
          create: plan.map((item) => ({
            date: calendarDay(daysBefore(now, item.daysAgo)),
            content: item.content,
            result: item.result ?? null,
            createdAt: planCreatedAt,
          })),
        },
      },
    });
  }
}

/** The warnings the churn job raised before; a confirmed one makes its customer 已流失. */
async function createChurnWarnings(tx: Tx, customers: DemoCustomer[], now: Date): Promise<void> {
  for (const seed of CHURN_WARNINGS) {
    const customer = byName(customers, seed.customer);
    const confirmedAt = seed.confirmedDaysAgo === undefined ? null : daysBefore(now, seed.confirmedDaysAgo, 16, 0);
    await tx.churnWarning.create({
      data: {
        customerId: customer.id,
        accountManagerId: customer.managerId,
        lastOrderDate: customer.lastOrderAt,
        status: seed.status,
        reason: seed.reason ?? null,
        confirmedAt,
        createdAt: churnJobRun(now, seed.weeksAgo),
        measures: {
          create: seed.measures.map((measure) => ({
            content: measure.content,
            authorId: customer.managerId,
            createdAt: daysBefore(now, measure.daysAgo, 15, 20),
          })),
        },
      },
    });
    if (confirmedAt) {
      await tx.customer.update({ where: { id: customer.id }, data: { status: 'churned', updatedAt: confirmedAt } });
    }
  }
}

type TicketEvent = Omit<Prisma.ServiceTicketEventCreateManyInput, 'ticketId'>;

/** The fields of a ticket that its steps change. */
interface TicketProgress {
  status: 'created' | 'assigned' | 'handled' | 'archived';
  round: number;
  assigneeId: number | null;
  assignedAt: Date | null;
  handling: string | null;
  handlerId: number | null;
  handledAt: Date | null;
  result: string | null;
  satisfaction: number | null;
}

interface PlayedTicket {
  createdAt: Date;
  ticket: Omit<Prisma.ServiceTicketCreateManyInput, 'number'>;
  events: TicketEvent[];
}

/** Plays a ticket's story step by step as src/service/tickets.ts would: the ticket as it ends and its history. */
function playTicket(seed: TicketSeed, users: UserIds, customers: DemoCustomer[], now: Date): PlayedTicket {
  const creatorId = users[seed.createdBy];
  const createdAt = daysBefore(now, seed.createdDaysAgo, 9, 15);
  const events: TicketEvent[] = [{ round: 1, action: 'create', actorId: creatorId, at: createdAt }];
  let progress: TicketProgress = {
    status: 'created',
    round: 1,
    assigneeId: null,
    assignedAt: null,
    handling: null,
    handlerId: null,
    handledAt: null,
    result: null,
    satisfaction: null,
  };
  if (seed.assignment) {
    const assigneeId = users[seed.assignment.assignee];
    const assignedAt = daysBefore(now, seed.assignment.daysAgo, 10, 30);
    progress = { ...progress, status: 'assigned', assigneeId, assignedAt };
    events.push({ round: progress.round, action: 'assign', actorId: users.manager, at: assignedAt, assigneeId });
  }
  for (const { handledDaysAgo, handling, feedback } of seed.rounds ?? []) {
    const handlerId = progress.assigneeId ?? creatorId;
    const handledAt = daysBefore(now, handledDaysAgo, 15, 0);
    progress = { ...progress, status: 'handled', handling, handlerId, handledAt };
    events.push({ round: progress.round, action: 'handle', actorId: handlerId, at: handledAt, handling });
    if (!feedback) continue;
    const { result, satisfaction } = feedback;
    const at = daysBefore(now, feedback.daysAgo, 11, 0);
    events.push({ round: progress.round, action: 'feedback', actorId: creatorId, at, result, satisfaction });
    progress =
      satisfaction >= SATISFIED_FROM
        ? { ...progress, status: 'archived', result, satisfaction }
        : { ...progress, status: 'assigned', round: progress.round + 1, handling: null, handlerId: null, handledAt: null };
  }
  const ticket = {
    type: seed.type,
    summary: seed.summary,
    request: seed.request,
    customerId: byName(customers, seed.customer).id,
    createdById: creatorId,
    createdAt,
    ...progress,
  };
  return { createdAt, ticket, events };
}

async function createServiceTickets(tx: Tx, users: UserIds, customers: DemoCustomer[], numbers: DailyNumbers, now: Date): Promise<void> {
  const tickets = TICKETS.map((seed) => playTicket(seed, users, customers, now))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((played) => ({ ...played, number: numbers.next(played.createdAt) }));
  await tx.serviceTicket.createMany({ data: tickets.map(({ number, ticket }) => ({ ...ticket, number })) });
  const ids = new Map((await tx.serviceTicket.findMany({ select: { id: true, number: true } })).map((row) => [row.number, row.id]));
  await tx.serviceTicketEvent.createMany({
    data: tickets.flatMap(({ number, events }) => events.map((event) => ({ ...event, ticketId: lookup(ids, number) }))),
  });
}

/**
 * Fills a new embedded database (reference data already there) with demo data.
 * Every user's password is demo123.
 */
export async function loadDemoData(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const random = new Random(SEED);
  const customerNumbers = new DailyNumbers('KH');
  const ticketNumbers = new DailyNumbers('FW');
  await db.$transaction(
    async (tx) => {
      const users = await createUsers(tx, passwordHash, now);
      const products = await createProducts(tx, random);
      const customers = await createCustomers(tx, random, users, customerNumbers, now);
      await createContacts(tx, random, customers);
      await createInteractions(tx, random, customers, now);
      await createOrders(tx, random, customers, products, now);
      await createOpportunities(tx, users, customers, now);
      await createChurnWarnings(tx, customers, now);
      await createServiceTickets(tx, users, customers, ticketNumbers, now);
      await tx.counter.createMany({ data: [...customerNumbers.counters(), ...ticketNumbers.counters()] });
    },
    { timeout: 60_000 },
  );
}
