// The selection rule and the status machine, as plain data.
import { calendarDay, CHURN_AFTER_MONTHS, churnCutoffDay, isBeforeDay, selectChurnCandidates, COUNTED_ORDER_STATUSES } from '../../src/churn/churn-rule';
import { CHURN_WARNING_STATUS, churnRefusal, churnStepsFor, OPEN_WARNING_STATUSES } from '../../src/churn/warning-status';
import { userOf } from '../support/builders/users';

// A Saturday, 02:00 server time: when the job runs.
const RUN = new Date(2026, 10, 28, 2, 0);
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('the cutoff', () => {
  test('is the same calendar day six months earlier', () => {
    expect(CHURN_AFTER_MONTHS).toBe(6);
    expect(churnCutoffDay(RUN)).toBe('2026-05-28');
    expect(churnCutoffDay(at(2026, 11, 28, 23, 59))).toBe('2026-05-28');
  });

  test('from a day the earlier month lacks, the end of that month', () => {
    expect(churnCutoffDay(at(2026, 8, 31, 2))).toBe('2026-02-28');
    expect(churnCutoffDay(at(2028, 8, 31, 2))).toBe('2028-02-29');
    expect(churnCutoffDay(at(2026, 3, 31, 2))).toBe('2025-09-30');
    expect(churnCutoffDay(at(2026, 1, 15, 2))).toBe('2025-07-15');
  });

  test('days are counted in the zone the job is scheduled in, not the server’s', () => {
    // Saturday 02:00 in Shanghai is still Friday in London.
    const saturdayInShanghai = new Date('2026-11-27T18:00:00Z');
    expect(churnCutoffDay(saturdayInShanghai, 'Asia/Shanghai')).toBe('2026-05-28');
    expect(churnCutoffDay(saturdayInShanghai, 'Europe/London')).toBe('2026-05-27');
    // Ordered 28 May, 01:00 Shanghai time: exactly six months there, more in London.
    const order = new Date('2026-05-27T17:00:00Z');
    const customers = [{ id: 1, createdAt: new Date('2020-01-01T00:00:00Z'), accountManagerId: 7 }];
    const orders = new Map([[1, order]]);
    expect(selectChurnCandidates(customers, orders, new Set(), saturdayInShanghai, 'Asia/Shanghai')).toEqual([]);
    expect(selectChurnCandidates(customers, orders, new Set(), new Date('2026-11-28T02:00:00Z'), 'UTC')).toHaveLength(1);
  });

  test('only shipped (5) and paid (6) orders count, from the one list of the order source', () => {
    expect([...COUNTED_ORDER_STATUSES]).toEqual([5, 6]);
  });
});

describe('isBeforeDay', () => {
  test('agrees with the calendar day in every zone, at every quarter hour around the day’s start', () => {
    const zones = [undefined, 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/London'];
    const dayStart = Date.parse('2026-05-28T00:00:00Z');
    for (const zone of zones) {
      for (let minutes = -26 * 60; minutes <= 26 * 60; minutes += 15) {
        const date = new Date(dayStart + minutes * 60_000);
        expect([zone, date.toISOString(), isBeforeDay(date, '2026-05-28', zone)]).toEqual([zone, date.toISOString(), calendarDay(date, zone) < '2026-05-28']);
      }
    }
  });

  test('far from the day either way, without asking the zone', () => {
    expect(isBeforeDay(new Date('2020-01-01T00:00:00Z'), '2026-05-28', 'Asia/Shanghai')).toBe(true);
    expect(isBeforeDay(new Date('2026-11-01T00:00:00Z'), '2026-05-28', 'Asia/Shanghai')).toBe(false);
  });
});

describe('selectChurnCandidates', () => {
  const customer = (id: number, createdAt = at(2020, 1, 1), accountManagerId: number | null = 7) => ({
    id,
    createdAt,
    accountManagerId,
  });
  const select = (customers: ReturnType<typeof customer>[], orders: [number, Date][] = [], open: number[] = []) =>
    selectChurnCandidates(customers, new Map(orders), new Set(open), RUN).map((c) => c.customerId);

  test('a last order exactly six months ago (any time that day) is not more than six months', () => {
    expect(select([customer(1)], [[1, at(2026, 5, 28, 0, 0)]])).toEqual([]);
    expect(select([customer(1)], [[1, at(2026, 5, 28, 23, 59)]])).toEqual([]);
  });

  test('a last order the day before is, and the warning keeps its date and the 客户经理', () => {
    const last = at(2026, 5, 27, 23, 59);
    expect(selectChurnCandidates([customer(1, undefined, 7)], new Map([[1, last]]), new Set(), RUN)).toEqual([
      { customerId: 1, accountManagerId: 7, lastOrderDate: last },
    ]);
  });

  test('a recent order keeps an old customer off the list', () => {
    expect(select([customer(1)], [[1, at(2026, 11, 1)]])).toEqual([]);
  });

  test('a customer that never ordered counts from its creation date', () => {
    expect(select([customer(1, at(2026, 5, 28, 9))])).toEqual([]);
    expect(select([customer(2, at(2026, 5, 27, 9))])).toEqual([2]);
    const [never] = selectChurnCandidates([customer(3, at(2025, 1, 1), null)], new Map(), new Set(), RUN);
    expect(never).toEqual({ customerId: 3, accountManagerId: null, lastOrderDate: null });
  });

  test('the order date, not the creation date, decides for a customer that ordered', () => {
    expect(select([customer(1, at(2026, 10, 1))], [[1, at(2026, 1, 1)]])).toEqual([1]);
  });

  test('a customer with an unfinished warning is skipped', () => {
    expect(select([customer(1), customer(2), customer(3)], [], [2])).toEqual([1, 3]);
  });
});

describe('the status machine', () => {
  test('暂缓流失 from 预警 and again from 暂缓流失; 确认流失 only from 暂缓流失; 已流失 is final', () => {
    expect(CHURN_WARNING_STATUS.next('warning', 'defer')).toBe('deferred');
    expect(CHURN_WARNING_STATUS.next('deferred', 'defer')).toBe('deferred');
    expect(CHURN_WARNING_STATUS.next('deferred', 'confirm')).toBe('churned');
    expect(CHURN_WARNING_STATUS.allows('warning', 'confirm')).toBe(false);
    expect(CHURN_WARNING_STATUS.actions('churned')).toEqual([]);
    expect(CHURN_WARNING_STATUS.statusesAllowing('defer')).toEqual(['warning', 'deferred']);
    expect(CHURN_WARNING_STATUS.statusesAllowing('confirm')).toEqual(['deferred']);
    expect(OPEN_WARNING_STATUSES).toEqual(['warning', 'deferred']);
    expect(CHURN_WARNING_STATUS.labels).toEqual({ warning: '预警', deferred: '暂缓流失', churned: '已流失' });
  });

  test('refusals say why', () => {
    expect(churnRefusal('confirm', 'warning')).toBe('请先填写至少一条暂缓措施，再确认流失');
    expect(churnRefusal('defer', 'churned')).toBe('该客户已确认流失，不能再操作');
  });


  test('only the customer’s 客户经理 gets the steps, as the status allows', () => {
    expect(churnStepsFor(userOf('sales', 7), 'warning', 7)).toEqual(['defer']);
    expect(churnStepsFor(userOf('sales', 7), 'deferred', 7)).toEqual(['defer', 'confirm']);
    expect(churnStepsFor(userOf('sales', 7), 'churned', 7)).toEqual([]);
    expect(churnStepsFor(userOf('sales', 8), 'deferred', 7)).toEqual([]);
    expect(churnStepsFor(userOf('sales', 7), 'deferred', null)).toEqual([]);
    expect(churnStepsFor(userOf('manager', 1), 'deferred', 7)).toEqual([]);
  });
});
