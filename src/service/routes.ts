// 服务管理 pages: create, the list and POST of each step (assign, handle,
// feedback), the archive query and a ticket's detail with its history.
import { Request, Response, Router } from 'express';
import type { Db } from '../db/client';
import { can } from '../auth/can';
import { currentUser, requireAnyRight, requireRight } from '../auth/middleware';
import { act, invalid, moduleViews, pathId } from '../http/page';
import { recordForStepPage } from '../http/step-page';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { parseForm, strictWholeNumber, validate } from '../shared/form';
import { emptyPage, pageNumber } from '../shared/paging';
import {
  archivedTickets,
  customerChoices,
  serviceTypes,
  ticketHandlers,
  ticketsWaitingFor,
  ticketWithHistory,
  historyByRound,
} from './queries';
import { archiveQuery, assignForm, feedbackForm, handleForm, newTicketForm } from './schemas';
import { assignServiceTicket, createServiceTicket, giveServiceFeedback, handleServiceTicket } from './tickets';
import {
  canViewTicket,
  TICKET_VIEW_ACTIONS,
  feedbackOutcome,
  FORM_STEP,
  TICKET_EVENT_LABELS,
  TICKET_GUARD,
  TICKET_STATUS,
  TICKET_STEPS,
  ticketActionsFor,
  TicketRight,
} from './ticket-status';

/** What every service view uses to name statuses and history steps. */
const names = {
  statusLabel: (status: string) => TICKET_STATUS.label(status),
  eventLabels: TICKET_EVENT_LABELS,
  stepTable: TICKET_STEPS,
};

const show = moduleViews('service', names);

const ticketId = (req: Request) => pathId(req.params.id, '该服务不存在');

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}


const STEP_PAGES: Record<TicketRight, { title: string; list: string }> = {
  assign: { title: '服务分配', list: '/service/assign' },
  handle: { title: '服务处理', list: '/service/handle' },
  feedback: { title: '服务反馈', list: '/service/feedback' },
};

export function serviceRoutes(db: Db): Router {
  const router = Router();

  // ------------------------------------------------------------ 服务创建

  async function showNewForm(req: Request, res: Response, error?: ValidationError): Promise<void> {
    const values = (error ? (req.body ?? {}) : {}) as Record<string, unknown>;
    const customerQuery = text(req.query.customerQuery) || text(values.customerQuery);
    const [types, customers] = await Promise.all([
      serviceTypes(db),
      customerChoices(db, customerQuery, strictWholeNumber(values.customerId) ?? undefined),
    ]);
    const locals = { title: '服务创建', types, customers, customerQuery, ...(error ? invalid(error, values) : {}) };
    await show(res, 'new', locals, error ? 422 : 200);
  }

  router.get('/service/new', requireRight('create', 'ticket'), (req, res) => showNewForm(req, res));

  router.post('/service', requireRight('create', 'ticket'), async (req, res) => {
    const user = currentUser(req);
    // After saving, an empty form for the next one.
    await act(req, res, () => db.$transaction((tx) => createServiceTicket(tx, validate(newTicketForm, req.body), user)), {
      success: (ticket) => `保存成功，服务编号为 ${ticket.number}`,
      redirect: '/service/new',
      invalid: (error) => showNewForm(req, res, error),
    });
  });

  // ------------------------------------------------------------ lists of the steps

  async function showStepList(req: Request, res: Response, right: TicketRight, error?: ValidationError) {
    const user = currentUser(req);
    const [result, handlers] = await Promise.all([
      ticketsWaitingFor(db, user, right, pageNumber(req.query.page)),
      right === 'assign' ? ticketHandlers(db) : [],
    ]);
    const locals = { title: STEP_PAGES[right].title, step: right, result, handlers, query: req.query };
    await show(res, 'list', { ...locals, ...(error ? invalid(error, req.body) : {}) }, error ? 422 : 200);
  }

  for (const right of ['assign', 'handle', 'feedback'] as const) {
    router.get(STEP_PAGES[right].list, requireRight(right, 'ticket'), (req, res) => showStepList(req, res, right));
  }

  // ------------------------------------------------------------ 服务分配

  router.post('/service/:id/assign', requireRight('assign', 'ticket'), async (req, res) => {
    const user = currentUser(req);
    const id = ticketId(req);
    const handlers = await ticketHandlers(db);
    const form = parseForm(assignForm(handlers.map((h) => h.id)), req.body);
    if (!form.ok) return showStepList(req, res, 'assign', form.error);
    await act(req, res, () => db.$transaction((tx) => assignServiceTicket(tx, id, form.data.assigneeId, user)), {
      success: '指派成功',
      redirect: '/service/assign',
    });
  });

  // ------------------------------------------------------------ 服务处理 and 服务反馈: a form per ticket

  /**
   * The form of a step on one ticket. Not theirs: 403. Theirs, but not (or no
   * longer) in a status that allows the step: back to the list with the reason.
   */
  async function showStepForm(req: Request, res: Response, right: 'handle' | 'feedback', error?: ValidationError) {
    const found = await ticketWithHistory(db, ticketId(req));
    const ticket = recordForStepPage(req, res, TICKET_GUARD, found, FORM_STEP[right], STEP_PAGES[right].list);
    if (!ticket) return;
    const locals = {
      title: STEP_PAGES[right].title,
      step: right,
      ticket,
      rounds: historyByRound(ticket.events),
      ...(error ? invalid(error, req.body) : {}),
    };
    await show(res, 'step', locals, error ? 422 : 200);
  }

  router.get('/service/:id/handle', requireRight('handle', 'ticket'), (req, res) => showStepForm(req, res, 'handle'));

  router.post('/service/:id/handle', requireRight('handle', 'ticket'), async (req, res) => {
    const user = currentUser(req);
    const id = ticketId(req);
    const form = parseForm(handleForm, req.body);
    if (!form.ok) return showStepForm(req, res, 'handle', form.error);
    await act(req, res, () => db.$transaction((tx) => handleServiceTicket(tx, id, form.data.handling, user)), {
      success: '操作成功',
      redirect: '/service/handle',
    });
  });

  router.get('/service/:id/feedback', requireRight('feedback', 'ticket'), (req, res) =>
    showStepForm(req, res, 'feedback'),
  );

  router.post('/service/:id/feedback', requireRight('feedback', 'ticket'), async (req, res) => {
    const user = currentUser(req);
    const id = ticketId(req);
    const form = parseForm(feedbackForm, req.body);
    if (!form.ok) return showStepForm(req, res, 'feedback', form.error);
    await act(req, res, () => db.$transaction((tx) => giveServiceFeedback(tx, id, form.data, user)), {
      success: (ticket) => feedbackOutcome(ticket.status),
      redirect: '/service/feedback',
    });
  });

  // ------------------------------------------------------------ 服务归档 and detail

  router.get('/service/archive', requireRight('archive', 'ticket'), async (req, res) => {
    const types = await serviceTypes(db);
    const query = parseForm(archiveQuery, req.query);
    const locals = { title: '服务归档', step: 'archive', types, query: req.query, handlers: [] };
    if (!query.ok) {
      return show(res, 'list', { ...locals, result: emptyPage(), error: query.error.message }, 422);
    }
    const result = await archivedTickets(db, query.data, pageNumber(req.query.page));
    await show(res, 'list', { ...locals, result });
  });

  // Whoever takes part in tickets may open one; canViewTicket then decides on this one.
  const ticketViewers = TICKET_VIEW_ACTIONS.map((action) => ({ action, resource: 'ticket' as const }));
  router.get('/service/:id', requireAnyRight(...ticketViewers), async (req, res) => {
    const user = currentUser(req);
    const ticket = await ticketWithHistory(db, ticketId(req));
    if (!ticket) throw new NotFoundError('该服务不存在');
    if (!canViewTicket(user, ticket)) throw new ForbiddenError();
    await show(res, 'detail', {
      title: `服务详情 ${ticket.number}`,
      ticket,
      rounds: historyByRound(ticket.events),
      actions: ticketActionsFor(user, ticket),
      canArchive: can(user, 'archive', 'ticket'),
    });
  });

  return router;
}
