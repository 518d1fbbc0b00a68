// 演示数据 (plain data): the company's people, its products and warehouses, the
// cities its customers are in and the customers' stories, and the words the
// generated contacts and interactions are made of.

export const USERS = [
  { username: 'admin', name: '系统管理员', roleCode: 'admin', status: 'normal' },
  { username: 'manager', name: '王主管', roleCode: 'manager', status: 'normal' },
  { username: 'sales1', name: '李明', roleCode: 'sales', status: 'normal' },
  { username: 'sales2', name: '张伟', roleCode: 'sales', status: 'normal' },
  { username: 'boss', name: '赵总', roleCode: 'executive', status: 'normal' },
  { username: 'sales3', name: '陈静', roleCode: 'sales', status: 'disabled' },
] as const;

export type Username = (typeof USERS)[number]['username'];
export type SalesUser = 'sales1' | 'sales2';
export type UserIds = Record<Username, number>;

export interface ProductSeed {
  name: string;
  model: string;
  batch: string | null;
  unit: '台' | '套' | '件';
  price: string;
  /** the most a customer orders at once */
  maxQuantity: number;
  remark?: string;
}

export const PRODUCTS: ProductSeed[] = [
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

export const WAREHOUSES = ['北京一号仓', '北京二号仓', '上海仓', '广州仓'];

export interface City {
  region: string;
  areaCode: string;
  postcode: string;
  districts: readonly string[];
}

export const CITIES = {
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

export type CityName = keyof typeof CITIES;

/**
 * How a customer's story goes:
 * - active: orders regularly, the last counted order within three months;
 * - won: created from a successful opportunity a few months ago, orders since;
 * - lapsed: last counted order 7–15 months ago, no warning yet (the churn job finds it);
 * - never: no counted order at all, created over six months ago (the job finds it too);
 * - warning / deferred / churned: inactive customers whose churn warning exists already.
 */
export type Profile = 'active' | 'won' | 'lapsed' | 'never' | 'warning' | 'deferred' | 'churned';

/** Days before now: when customers of each profile were created and last had a counted order. */
export const PROFILE_DAYS: Record<Profile, { created: [number, number]; lastOrder: [number, number] | null }> = {
  active: { created: [120, 1050], lastOrder: [5, 85] },
  won: { created: [60, 120], lastOrder: [5, 60] },
  lapsed: { created: [500, 1050], lastOrder: [215, 450] },
  never: { created: [200, 330], lastOrder: null },
  warning: { created: [600, 1050], lastOrder: [215, 250] },
  deferred: { created: [600, 1050], lastOrder: [260, 300] },
  churned: { created: [600, 1050], lastOrder: [420, 540] },
};

export interface CustomerSeed {
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

export const CUSTOMERS: CustomerSeed[] = [
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

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
export const MALE_NAMES = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '斌', '超', '建华', '志强', '海波', '俊杰', '国庆', '文博'];
export const FEMALE_NAMES = ['芳', '娜', '敏', '静', '丽', '艳', '婷', '雪', '慧', '玲', '晓燕', '秀英', '丽华', '雅琴', '思雨'];
export const CONTACT_TITLES = ['总经理', '副总经理', '采购经理', '信息部主管', '行政主管', '财务经理', '技术总监'];
export const STREETS = ['科技路', '建设大道', '人民路', '中山路', '解放路', '长江路', '高新大道', '创业路', '工业园路'];
export const BANKS = ['中国工商银行', '中国建设银行', '中国银行', '中国农业银行', '招商银行', '交通银行'];
export const REGISTERED_CAPITAL = ['100.00', '200.00', '500.00', '1000.00', '2000.00', '5000.00', '10000.00'];
/** 企业客户等级 (in dictionary order) and how often each occurs */
export const LEVEL_WEIGHTS = [4, 3, 2, 1, 1];

export const INTERACTION_PLACES = ['客户公司会议室', '我司展厅', '客户生产现场', '电话沟通', '行业展会现场', '酒店餐厅'];
export const INTERACTION_TOPICS = [
  { summary: '上门拜访，介绍新款办公设备', detail: '向采购部演示了新款笔记本电脑与打印设备，客户对售后服务条款较为关注。' },
  { summary: '年度采购计划沟通', detail: '客户预计下半年有一批设备更新需求，约定提前一个月提供报价。' },
  { summary: '售后服务回访', detail: '回访设备使用情况，整体运行稳定，客户希望缩短上门响应时间。' },
  { summary: '商务宴请', detail: '与客户总经理就长期合作进行了交流，关系进一步加深。' },
  { summary: '报价与合同条款洽谈', detail: '就付款周期和质保期限进行协商，初步同意分两期付款。' },
  { summary: '技术交流会', detail: '我方工程师介绍了网络设备组网方案，客户信息部提出了若干安全方面的问题。' },
  { summary: '节日慰问', detail: '节前送去节日礼品，并了解客户近期经营情况。' },
];
