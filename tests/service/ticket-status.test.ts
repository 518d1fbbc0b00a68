// The status machine and the rules of who may do what, without HTTP.
import type { CurrentUser } from '../../src/auth/can';
import { userOf } from '../support/builders/users';
import { archiveConditions, historyByRound, TicketEventRow } from '../../src/service/queries';
import type { Tx } from '../../src/db/client';
import {
  canViewTicket,
  feedbackStep,
  refusal,
  statusesFor,
  TICKET_STATUS,
  ticketActionsFor,
} from '../../src/service/ticket-status';


const manager = userOf('manager', 1);
const creator = userOf('sales', 2);
const assignee = userOf('sales', 3);
const otherSales = userOf('sales', 4);
const executive = userOf('executive', 5);
const admin = userOf('admin', 6);

function ticket(status: string) {
  return { status, createdById: creator.id, assigneeId: status === 'created' ? null : assignee.id };
}

describe('the status machine', () => {
  test('allows only the transitions of the spec', () => {
    expect(TICKET_STATUS.next('created', 'assign')).toBe('assigned');
    expect(TICKET_STATUS.next('assigned', 'handle')).toBe('handled');
    expect(TICKET_STATUS.next('handled', 'archive')).toBe('archived');
    expect(TICKET_STATUS.next('handled', 'rehandle')).toBe('assigned');
    expect(TICKET_STATUS.actions('archived')).toEqual([]);
    expect(TICKET_STATUS.allows('assigned', 'assign')).toBe(false);
    expect(TICKET_STATUS.allows('created', 'handle')).toBe(false);
    expect(TICKET_STATUS.allows('assigned', 'archive')).toBe(false);
  });

  test('names the statuses in Chinese', () => {
    expect(['created', 'assigned', 'handled', 'archived'].map(TICKET_STATUS.label)).toEqual([
      '新创建',
      '已分配',
      '已处理',
      '已归档',
    ]);
  });

  test('each right works on the statuses of its list', () => {
    expect(statusesFor('assign')).toEqual(['created']);
    expect(statusesFor('handle')).toEqual(['assigned']);
    expect(statusesFor('feedback')).toEqual(['handled']);
  });

  test('satisfaction 3 and above archives, below 3 sends the ticket back', () => {
    expect([1, 2, 3, 4, 5].map(feedbackStep)).toEqual(['rehandle', 'rehandle', 'archive', 'archive', 'archive']);
  });

  test('refusals say why', () => {
    expect(refusal('assign', 'assigned')).toBe('该服务已被分配（当前状态：已分配），不能再次分配');
    expect(refusal('handle', 'handled')).toBe('该服务当前状态为「已处理」，不能处理');
    expect(refusal('feedback', 'archived')).toBe('该服务当前状态为「已归档」，不能反馈');
  });
});

describe('who may act on a ticket', () => {
  test('a manager assigns a new ticket; nobody else does', () => {
    expect(ticketActionsFor(manager, ticket('created'))).toEqual(['assign']);
    for (const user of [creator, otherSales, executive, admin]) expect(ticketActionsFor(user, ticket('created'))).toEqual([]);
  });

  test('only the assignee handles', () => {
    expect(ticketActionsFor(assignee, ticket('assigned'))).toEqual(['handle']);
    for (const user of [manager, creator, otherSales, executive]) expect(ticketActionsFor(user, ticket('assigned'))).toEqual([]);
  });

  test('the assignee or the creator gives feedback', () => {
    expect(ticketActionsFor(assignee, ticket('handled'))).toEqual(['feedback']);
    expect(ticketActionsFor(creator, ticket('handled'))).toEqual(['feedback']);
    for (const user of [manager, otherSales, executive]) expect(ticketActionsFor(user, ticket('handled'))).toEqual([]);
  });

  test('an archived ticket has no more steps', () => {
    for (const user of [manager, creator, assignee]) expect(ticketActionsFor(user, ticket('archived'))).toEqual([]);
  });

  test('the archive readers and those who may act on a ticket see its detail', () => {
    expect(canViewTicket(executive, ticket('archived'))).toBe(true);
    expect(canViewTicket(otherSales, ticket('assigned'))).toBe(true);
    expect(canViewTicket(admin, ticket('archived'))).toBe(false);
    // Without the archive right, the assignee still sees their ticket, others do not.
    const noArchive = (u: CurrentUser): CurrentUser => ({
      ...u,
      rights: new Set([...u.rights].filter((r) => !r.startsWith('ticket:archive'))),
    });
    expect(canViewTicket(noArchive(assignee), ticket('assigned'))).toBe(true);
    expect(canViewTicket(noArchive(creator), ticket('handled'))).toBe(true);
    expect(canViewTicket(noArchive(otherSales), ticket('assigned'))).toBe(false);
  });
});

describe('reading', () => {
  test('the history is grouped by round in order', () => {
    const event = (id: number, round: number, action: string) => ({ id, round, action }) as TicketEventRow;
    const rounds = historyByRound([event(1, 1, 'create'), event(2, 1, 'assign'), event(3, 1, 'handle'), event(4, 1, 'feedback'), event(5, 2, 'handle')]);
    expect(rounds.map((r) => [r.round, r.events.map((e) => e.id)])).toEqual([
      [1, [1, 2, 3, 4]],
      [2, [5]],
    ]);
  });

  test('the archive date range covers whole days of the server', async () => {
    const conditions = await archiveConditions({} as Tx, {
      customerName: null,
      summary: null,
      type: null,
      createdFrom: new Date(Date.UTC(2024, 0, 15)),
      createdTo: new Date(Date.UTC(2024, 0, 31)),
    });
    expect(conditions.map((condition) => [condition.sql, condition.values])).toEqual([
      ['t.[status] = ?', ['archived']],
      ['t.[createdAt] >= ?', [new Date(2024, 0, 15)]],
      ['t.[createdAt] < ?', [new Date(2024, 1, 1)]],
    ]);
  });
});
