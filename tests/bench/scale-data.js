// Production-sized data for the benchmark: on top of a database prepared with
// the demo data (accounts, reference data, products), bulk inserts through
// better-sqlite3 in large transactions — by default 100,000 customers,
// 1,000,000 orders with 2,000,000 lines, 50,000 tickets, 20,000 opportunities,
// 100,000 contacts and 100,000 interactions, spread over three years. Most
// orders are 已发货/已回款, about a tenth of the customers are dormant (no counted
// order for over six months), and every status of every record is present.
// Dates are written as Prisma writes them on SQLite (ISO text, "+00:00").
//   node tests/bench/scale-data.js <file> [factor]   (factor 1 = full size, 0.01 = smoke)
'use strict';
const Database = require('better-sqlite3');
// The demo data's seeded generator, as built (the benchmark builds first): the same data on every run.
const { Random } = require('../../dist/src/demo/random');
// A name's pieces as the application keeps them (its name search reads them).
const { namePieces } = require('../../dist/src/customers/name-pieces');

const FULL = { customers: 100_000, orders: 1_000_000, tickets: 50_000, opportunities: 20_000, contacts: 100_000, interactions: 100_000, salesUsers: 40 };
const DAY = 86_400_000;

function sizes(factor) {
  const out = {};
  for (const [key, value] of Object.entries(FULL)) out[key] = Math.max(key === 'salesUsers' ? 2 : 10, Math.round(value * factor));
  return out;
}

const iso = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');
const dayOnly = (ms) => iso(Math.floor(ms / DAY) * DAY);
const ymd = (ms) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '重庆', '武汉', '西安', '长沙', '郑州', '天津', '沈阳', '大连', '青岛', '厦门', '宁波', '合肥'];
const REGIONS = ['北京', '华北', '华东', '华南', '中南', '西部', '东北'];
const LEVELS = ['普通客户', '重点开发客户', '大客户', '合作伙伴', '战略合作伙伴'];
const WORDS = ['华信', '恒通', '金桥', '远航', '新纪元', '宏达', '瑞丰', '天成', '海之蓝', '银河', '东方', '联创', '博远', '中科', '智联', '鼎盛', '泰和', '永安', '开元', '嘉禾', '明德', '正大', '光华', '卓越', '同舟', '万通', '盛世', '润泽', '富春', '昌隆'];
const TRADES = ['科技', '贸易', '电子', '机械', '物流', '医药', '酒店管理', '建材', '食品', '服装', '汽车配件', '信息技术', '教育咨询', '传媒', '化工'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];
const TOPICS = ['网络设备采购', '办公电脑更新', '打印设备维保', '视频会议系统', '软件授权扩展', '机房改造', '数据备份方案', '安防监控升级'];
const TICKET_TYPES = ['咨询', '投诉', '建议'];

/** Fills the prepared database at `file` (demo data loaded) with `factor` × the full sizes. */
function buildScaleData(file, factor = 1, now = Date.now()) {
  const n = sizes(factor);
  const rnd = new Random(20261201);
  const db = new Database(file);
  // A fresh copy nobody else uses: no journal while filling it (WAL again at the end).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -200000');
  const start = now - 3 * 365 * DAY;
  const person = () => rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.5 ? rnd.pick(GIVEN) : '');

  // Accounts: more 客户经理 sharing the demo password (sales1's hash).
  const hash = db.prepare("SELECT passwordHash FROM \"User\" WHERE username = 'sales1'").get().passwordHash;
  const addUser = db.prepare('INSERT INTO "User" (username, name, passwordHash, roleCode, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n.salesUsers; i++) addUser.run(`scale${i + 1}`, person(), hash, 'sales', 'normal', iso(start), iso(start));
  })();
  const managers = db.prepare("SELECT id FROM \"User\" WHERE roleCode = 'sales' AND status = 'normal'").all().map((u) => u.id);
  const managerId = db.prepare("SELECT id FROM \"User\" WHERE username = 'manager'").get().id;
  const productIds = db.prepare('SELECT id, name, unit, price FROM Product').all();

  // Customers: created over three years, numbered per day as the application numbers them.
  const counters = new Map(db.prepare('SELECT name, value FROM Counter').all().map((c) => [c.name, c.value]));
  const nextNumber = (prefix, ms, width) => {
    const key = prefix + ymd(ms);
    const value = (counters.get(key) || 0) + 1;
    counters.set(key, value);
    return key + String(value).padStart(width, '0');
  };
  const firstCustomer = db.prepare('SELECT coalesce(max(id), 0) AS id FROM Customer').get().id + 1;
  const addCustomer = db.prepare(
    `INSERT INTO Customer (number, name, region, accountManagerId, level, satisfaction, credit, address, postcode, phone, status, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addPiece = db.prepare('INSERT INTO CustomerNamePiece (piece, customerId) VALUES (?, ?)');
  const customerCreated = [];
  const dormant = [];
  db.transaction(() => {
    const times = Array.from({ length: n.customers }, () => start + Math.floor(rnd.next() * (now - start - 30 * DAY))).sort((a, b) => a - b);
    times.forEach((created, i) => {
      const city = rnd.pick(CITIES);
      const name = `${city}${rnd.pick(WORDS)}${rnd.pick(TRADES)}${rnd.next() < 0.3 ? '集团' : ''}有限公司${i % 7 === 0 ? `第${i % 97}分公司` : ''}`;
      const status = rnd.next() < 0.02 ? 'churned' : 'normal';
      const { lastInsertRowid } = addCustomer.run(nextNumber('KH', created, 3), name, rnd.pick(REGIONS), rnd.pick(managers), rnd.pick(LEVELS), rnd.int(1, 5), rnd.int(1, 5),
        `${city}市某区${rnd.int(1, 999)}号`, '100000', `0${rnd.int(10, 999)}-${rnd.int(10000000, 99999999)}`, status, iso(created), iso(created));
      for (const piece of namePieces(name)) addPiece.run(piece, Number(lastInsertRowid));
      customerCreated.push(created);
      dormant.push(rnd.next() < 0.1);
    });
  })();

  // Orders, two lines each on average; most 已发货 (5) or 已回款 (6). Dormant customers order only early.
  const addOrder = db.prepare('INSERT INTO "Order" (id, number, customerId, date, address, status, amount) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const addLine = db.prepare('INSERT INTO OrderLine (orderId, productId, productName, quantity, unit, price, amount) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let orderId = db.prepare('SELECT coalesce(max(id), 0) AS id FROM "Order"').get().id;
  const orderTimes = [];
  for (let i = 0; i < n.orders; i++) {
    const c = rnd.int(0, n.customers - 1);
    const from = customerCreated[c];
    const until = dormant[c] ? Math.max(from + DAY, now - 200 * DAY) : now;
    if (until <= from) continue;
    orderTimes.push([from + Math.floor(rnd.next() * (until - from)), firstCustomer + c]);
  }
  orderTimes.sort((a, b) => a[0] - b[0]);
  const BATCH = 100_000;
  for (let at = 0; at < orderTimes.length; at += BATCH) {
    db.transaction(() => {
      for (const [date, customerId] of orderTimes.slice(at, at + BATCH)) {
        orderId++;
        const status = rnd.next() < 0.85 ? rnd.int(5, 6) : rnd.int(1, 4);
        const lines = [];
        for (let l = rnd.int(1, 3); l > 0; l--) {
          const p = rnd.pick(productIds);
          const quantity = rnd.int(1, 10);
          lines.push([p, quantity, Math.round(p.price * quantity * 100)]);
        }
        // The order's total, as the sales system records it beside its lines.
        const cents = lines.reduce((sum, line) => sum + line[2], 0);
        addOrder.run(orderId, nextNumber('DD', date, 5), customerId, iso(date), '送货地址', status, cents / 100);
        for (const [p, quantity, amount] of lines) addLine.run(orderId, p.id, p.name, quantity, p.unit, p.price, amount / 100);
      }
    })();
  }

  // Contacts and interactions.
  const addContact = db.prepare('INSERT INTO Contact (customerId, name, gender, title, officePhone, mobile) VALUES (?, ?, ?, ?, ?, ?)');
  const addInteraction = db.prepare('INSERT INTO Interaction (customerId, date, place, summary, detail) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n.contacts; i++) {
      addContact.run(firstCustomer + (i % n.customers), person(), rnd.next() < 0.5 ? '男' : '女', rnd.pick(['经理', '主管', '采购', '总监']), `010-${rnd.int(10000000, 99999999)}`, `13${rnd.int(100000000, 999999999)}`);
    }
    for (let i = 0; i < n.interactions; i++) {
      const c = rnd.int(0, n.customers - 1);
      addInteraction.run(firstCustomer + c, dayOnly(customerCreated[c] + rnd.next() * (now - customerCreated[c])), '客户公司', `${rnd.pick(TOPICS)}交流`, '双方就需求进行了沟通。');
    }
  })();

  // Opportunities in every status.
  const addOpportunity = db.prepare(
    `INSERT INTO Opportunity (source, customerName, successRate, summary, contact, contactPhone, description, createdById, createdAt, assigneeId, assignedAt, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < n.opportunities; i++) {
      const created = start + Math.floor(rnd.next() * (now - start));
      const status = rnd.pick(['unassigned', 'assigned', 'assigned', 'succeeded', 'failed']);
      const assignee = status === 'unassigned' ? null : rnd.pick(managers);
      addOpportunity.run('展会', `${rnd.pick(CITIES)}${rnd.pick(WORDS)}${rnd.pick(TRADES)}有限公司`, rnd.int(10, 90), rnd.pick(TOPICS), person(), '13800000000',
        '客户有采购意向。', managerId, iso(created), assignee, assignee ? iso(created + DAY) : null, status);
    }
  })();

  // Service tickets in every status.
  const addTicket = db.prepare(
    `INSERT INTO ServiceTicket (number, type, summary, customerId, status, request, createdById, createdAt, assigneeId, assignedAt, handling, handlerId, handledAt, result, satisfaction, round)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  db.transaction(() => {
    const times = Array.from({ length: n.tickets }, () => start + Math.floor(rnd.next() * (now - start))).sort((a, b) => a - b);
    for (const created of times) {
      const status = rnd.next() < 0.7 ? 'archived' : rnd.pick(['created', 'assigned', 'handled']);
      const assignee = status === 'created' ? null : rnd.pick(managers);
      const handled = status === 'handled' || status === 'archived';
      addTicket.run(nextNumber('FW', created, 3), rnd.pick(TICKET_TYPES), `${rnd.pick(TOPICS)}问题`, firstCustomer + rnd.int(0, n.customers - 1), status, '客户来电反映问题。',
        managerId, iso(created), assignee, assignee ? iso(created + DAY) : null, handled ? '已上门处理。' : null, handled ? assignee : null,
        handled ? iso(created + 2 * DAY) : null, status === 'archived' ? '问题已解决。' : null, status === 'archived' ? rnd.int(3, 5) : null);
    }
  })();

  // Churn warnings in every status, for customers already dormant.
  const addWarning = db.prepare('INSERT INTO ChurnWarning (customerId, accountManagerId, lastOrderDate, status, reason, confirmedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    let made = 0;
    for (let c = 0; c < n.customers && made < n.customers / 50; c += 7) {
      if (!dormant[c]) continue;
      const status = rnd.pick(['warning', 'deferred', 'churned']);
      addWarning.run(firstCustomer + c, rnd.pick(managers), null, status, status === 'churned' ? '客户已转向其他供应商' : null, status === 'churned' ? iso(now - 7 * DAY) : null, iso(now - 14 * DAY));
      made++;
    }
  })();

  // The application's counters go on after the numbers used here.
  const setCounter = db.prepare('INSERT INTO Counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)');
  db.transaction(() => {
    for (const [name, value] of counters) if (!name.startsWith('DD')) setCounter.run(name, value);
  })();
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.close();
  return n;
}

module.exports = { buildScaleData, sizes };

if (require.main === module) {
  const started = Date.now();
  const made = buildScaleData(process.argv[2], Number(process.argv[3] || 1));
  console.log(JSON.stringify(made), `${((Date.now() - started) / 1000).toFixed(1)} s`);
}
