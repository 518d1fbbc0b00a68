// A status machine as data: the same table answers what a page shows and what
// a conditional update may change.
import { defineStatusMachine } from '../../src/shared/status-machine';

const DOOR = defineStatusMachine<'open' | 'closed' | 'locked', 'close' | 'lock' | 'open'>(
  { open: { close: 'closed' }, closed: { open: 'open', lock: 'locked' }, locked: {} },
  { open: '开', closed: '关', locked: '锁' },
);

test('actions, next status and labels come from the table', () => {
  expect(DOOR.actions('closed')).toEqual(['open', 'lock']);
  expect(DOOR.next('open', 'close')).toBe('closed');
  expect(DOOR.next('locked', 'open')).toBeUndefined();
  expect(DOOR.allows('open', 'lock')).toBe(false);
  expect(DOOR.label('locked')).toBe('锁');
  expect(DOOR.label('unknown')).toBe('unknown');
});

test('moveBy: the where of a conditional update (the status read) and the new status', () => {
  expect(DOOR.statusesAllowing('open')).toEqual(['closed']);
  expect(DOOR.moveBy('closed', 'lock')).toEqual({ allowed: true, where: { status: { in: ['closed'] } }, data: { status: 'locked' } });
  // Taken from a status that no longer allows it, the update matches nothing.
  const decision = DOOR.moveBy('open', 'close');
  expect(decision.allowed && decision.where.status.in).not.toContain('locked');
});
