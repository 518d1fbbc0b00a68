// The one guard of a workflow step: the record, the actor's right on it, the
// status machine's word; and a conditional update on exactly the status read.
import { userOf } from '../support/builders/users';
import { defineStatusMachine } from '../../src/shared/status-machine';
import { checkStep, refusalOnceStale, StepGuard, takeStep } from '../../src/shared/step-guard';
import { ConflictError, ForbiddenError, NotFoundError } from '../../src/shared/errors';
import { CHURN_GUARD } from '../../src/churn/warning-status';
import { OPPORTUNITY_GUARD } from '../../src/marketing/opportunity-status';

type Status = 'open' | 'closed' | 'locked';
type Step = 'close' | 'lock' | 'open' | 'oil';
const DOOR = defineStatusMachine<Status, Step>(
  { open: { close: 'closed', oil: 'open' }, closed: { open: 'open', lock: 'locked', oil: 'closed' }, locked: {} },
  { open: '开', closed: '关', locked: '锁' },
  (step, status) => `门是${status}的，不能${step}`,
);
type Door = { status: string; keeperId: number };
const GUARD: StepGuard<Door, Step, Status> = {
  noun: '该门',
  machine: DOOR,
  mayTake: (actor, _step, door) => door.keeperId === actor.id,
  notYours: (step) => `只有看门人可以${step}`,
};
const keeper = userOf('sales', 7);
const stranger = userOf('sales', 8);

describe('moveBy: the conditional update and the refusal together', () => {
  test('allowed: the update matches exactly the status read, not every status allowing the step', () => {
    expect(DOOR.statusesAllowing('oil')).toEqual(['open', 'closed']);
    expect(DOOR.moveBy('closed', 'oil')).toEqual({ allowed: true, where: { status: { in: ['closed'] } }, data: { status: 'closed' } });
    expect(DOOR.moveBy('closed', 'lock')).toEqual({ allowed: true, where: { status: { in: ['closed'] } }, data: { status: 'locked' } });
  });

  test('refused: the machine’s reason, and no update', () => {
    expect(DOOR.moveBy('locked', 'open')).toEqual({ allowed: false, refusal: '门是locked的，不能open' });
  });
});

describe('checkStep', () => {
  test('unknown 404, not the actor’s 403 with the reason, a status refusing the step 409', () => {
    expect(() => checkStep(GUARD, null, keeper, 'close')).toThrow(new NotFoundError('该门不存在'));
    expect(() => checkStep(GUARD, { status: 'open', keeperId: 7 }, stranger, 'close')).toThrow(ForbiddenError);
    expect(() => checkStep(GUARD, { status: 'open', keeperId: 7 }, stranger, 'close')).toThrow('只有看门人可以close');
    expect(() => checkStep(GUARD, { status: 'open', keeperId: 7 }, keeper, 'lock')).toThrow(new ConflictError('门是open的，不能lock'));
  });

  test('allowed: the record and its move', () => {
    const door = { status: 'closed', keeperId: 7 };
    expect(checkStep(GUARD, door, keeper, 'lock')).toEqual({
      record: door,
      move: { where: { status: { in: ['closed'] } }, data: { status: 'locked' } },
    });
  });

  test('the modules’ guards say their own words', () => {
    const opportunity = { status: 'assigned', createdById: 1, assigneeId: 2 };
    expect(() => checkStep(OPPORTUNITY_GUARD, opportunity, userOf('sales', 3), 'succeed')).toThrow(
      '只有被指派的客户经理可以开发该销售机会',
    );
    expect(() => checkStep(OPPORTUNITY_GUARD, opportunity, userOf('manager', 3), 'assign')).toThrow(
      '该销售机会已被指派，不能再次指派',
    );
    const warning = { status: 'warning', customer: { accountManagerId: 7 } };
    expect(() => checkStep(CHURN_GUARD, warning, keeper, 'confirm')).toThrow('请先填写至少一条暂缓措施，再确认流失');
    expect(() => checkStep(CHURN_GUARD, warning, stranger, 'defer')).toThrow('只有该客户的客户经理可以处理此流失预警');
  });
});

describe('takeStep: whoever comes second is refused, with the reason read back', () => {
  test('the write gets the move; a row changed is success', async () => {
    const write = jest.fn(async () => ({ count: 1 }));
    const readBack = jest.fn(async () => null);
    await takeStep(GUARD, { status: 'closed', keeperId: 7 }, keeper, 'lock', write, readBack);
    expect(write).toHaveBeenCalledWith({ where: { status: { in: ['closed'] } }, data: { status: 'locked' } });
    expect(readBack).not.toHaveBeenCalled();
  });

  test('nothing changed: the status read back explains why', async () => {
    const nothing = async () => ({ count: 0 });
    const run = (now: Door | null) =>
      takeStep(GUARD, { status: 'closed', keeperId: 7 }, keeper, 'lock', nothing, async () => now);
    await expect(run({ status: 'locked', keeperId: 7 })).rejects.toThrow(new ConflictError('门是locked的，不能lock'));
    await expect(run(null)).rejects.toThrow(new ConflictError('该门已被删除'));
    await expect(run({ status: 'closed', keeperId: 8 })).rejects.toThrow(ForbiddenError);
    // Back in a status that allows the step (closed → open → closed): changed meanwhile.
    await expect(run({ status: 'closed', keeperId: 7 })).rejects.toThrow(new ConflictError('该门刚被他人修改，请重试'));
  });

  test('a step refused on the status read writes nothing', async () => {
    const write = jest.fn(async () => ({ count: 1 }));
    await expect(takeStep(GUARD, { status: 'locked', keeperId: 7 }, keeper, 'open', write, async () => null)).rejects.toThrow(
      ConflictError,
    );
    expect(write).not.toHaveBeenCalled();
    expect(refusalOnceStale(GUARD, { status: 'open', keeperId: 7 }, keeper, 'lock').message).toBe('门是open的，不能lock');
  });
});
