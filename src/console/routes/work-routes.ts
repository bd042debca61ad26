/**
 * Consultants' routes: the queue (page and live fragment, take the next ticket), a ticket (page, live fragments,
 * take, reply, note, transfer, close, knowledge-base search, propose as FAQ) and delivery status of a reply.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocale } from '../../i18n/translator.js';
import { timelineButtons } from '../button-labels.js';
import { ALL_ROLES, type ConsoleRouteKit, WORKERS } from '../console-plugin.js';
import type { Failure } from '../console-service.js';
import { queueFragment, queuePage } from '../views/queue-view.js';
import {
  deliveryStatus,
  kbResults,
  type TicketPageModel,
  ticketHeadLive,
  ticketPage,
  timelineItems,
} from '../views/ticket-view.js';

/** Flash messages a page shows after a redirect (?done=taken). */
const DONE_KEYS = new Set(['taken', 'transferred', 'closed', 'replied', 'noted', 'proposed']);
const FAILURE_STATUS: Record<Failure, number> = {
  not_found: 404,
  not_open: 409,
  taken_by_other: 409,
  not_yours: 403,
  queue_empty: 409,
  empty: 400,
  too_long: 400,
  bad_target: 400,
  bad_resolution: 400,
  not_consultant_reply: 400,
  already_proposed: 409,
};

const ID = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

export function flashKey(prefix: string, value: unknown, allowed?: Set<string>): string | undefined {
  if (typeof value !== 'string' || !/^[a-z_]{1,40}$/.test(value)) return undefined;
  if (allowed && !allowed.has(value)) return undefined;
  return `${prefix}${value}`;
}

export function registerWorkRoutes(app: FastifyInstance, kit: ConsoleRouteKit): void {
  const { service } = kit;

  function model(id: number): TicketPageModel | undefined {
    const ticket = service.consoleStore.tickets.get(id);
    const citizen = ticket ? service.store.citizens.get(ticket.citizenId) : undefined;
    if (!ticket || !citizen) return undefined;
    const lines = service.store.transcript.list(citizen.id, 500);
    const delivery = new Map<number, 'pending' | 'sent' | 'dead'>();
    for (const line of lines) {
      if (line.author === 'consultant' && line.outboxId) {
        const item = service.store.outbox.get(line.outboxId);
        if (item) delivery.set(item.id, item.status);
      }
    }
    const { kb } = kit.knowledge();
    const locale = isLocale(citizen.locale) ? citizen.locale : 'ru';
    const buttons = timelineButtons(lines, (outboxId) => service.store.outbox.get(outboxId)?.message, {
      t(key) {
        try {
          return kit.translator.t(locale, key);
        } catch {
          return undefined; // a payload naming a category or section that is not there (any more)
        }
      },
      entryTitle: (entryId) => kb.entry(entryId)?.title,
      topicTitle: (slug) => kb.topic(slug)?.title,
    });
    return {
      ticket,
      citizen,
      lines,
      events: service.consoleStore.events.list(id),
      delivery,
      buttons,
      proposals: service.consoleStore.proposals.byMessage(
        lines.filter((l) => l.author === 'consultant').map((l) => l.id),
      ),
      colleagues: service.consoleStore.accounts.list().filter((a) => a.active),
      online: service.hub.online(),
      canned: kit.canned.list(),
      entryTitle: (entryId) => kb.entry(entryId)?.title,
      entrySources: (entryId) => kb.entry(entryId)?.sources,
      topicTitle: (slug) => kb.topic(slug)?.title,
    };
  }

  const fail = (request: FastifyRequest, reply: FastifyReply, reason: Failure, back?: string) =>
    kit.refuse(request, reply, FAILURE_STATUS[reason], `errors.${reason}`, back);

  app.get<{ Querystring: { done?: string; error?: string } }>(
    '/',
    { config: { roles: ALL_ROLES } },
    async (request, reply) =>
      kit.sendPage(
        reply,
        queuePage(
          kit.view(request, reply),
          service.queueView(request.consoleAccount),
          flashKey('done.', request.query.done, DONE_KEYS),
          flashKey('errors.', request.query.error?.replace(/^errors\./, '')),
        ),
      ),
  );

  app.get('/queue/list', { config: { roles: ALL_ROLES } }, async (request, reply) =>
    kit.sendPage(reply, queueFragment(kit.view(request, reply), service.queueView(request.consoleAccount))),
  );

  app.post('/queue/take-next', { config: { roles: WORKERS } }, async (request, reply) => {
    const result = await service.take(request.consoleAccount!);
    if (!result.ok) return fail(request, reply, result.reason, '/console');
    return reply.redirect(`/console/tickets/${result.ticketId}?done=taken`, 303);
  });

  app.get<{ Params: { id: number }; Querystring: { done?: string; error?: string } }>(
    '/tickets/:id',
    { schema: { params: ID }, config: { roles: ALL_ROLES } },
    async (request, reply) => {
      const m = model(request.params.id);
      if (!m) return fail(request, reply, 'not_found');
      return kit.sendPage(
        reply,
        ticketPage(
          kit.view(request, reply),
          m,
          flashKey('done.', request.query.done, DONE_KEYS),
          flashKey('errors.', request.query.error?.replace(/^errors\./, '')),
        ),
      );
    },
  );

  // `state`: what the page was rendered for (see ticketHeadLive).
  app.get<{ Params: { id: number }; Querystring: { state?: string } }>(
    '/tickets/:id/head',
    { schema: { params: ID }, config: { roles: ALL_ROLES } },
    async (request, reply) => {
      const m = model(request.params.id);
      if (!m) return fail(request, reply, 'not_found');
      return kit.sendPage(reply, ticketHeadLive(kit.view(request, reply), m, request.query.state));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/tickets/:id/timeline',
    { schema: { params: ID }, config: { roles: ALL_ROLES } },
    async (request, reply) => {
      const m = model(request.params.id);
      if (!m) return fail(request, reply, 'not_found');
      return kit.sendPage(reply, timelineItems(kit.view(request, reply), m));
    },
  );

  app.post<{ Params: { id: number } }>(
    '/tickets/:id/take',
    { schema: { params: ID }, config: { roles: WORKERS } },
    async (request, reply) => {
      const id = request.params.id;
      const result = await service.take(request.consoleAccount!, id);
      if (!result.ok) return fail(request, reply, result.reason, `/console/tickets/${id}`);
      return kit.done(request, reply, `/console/tickets/${id}?done=taken`);
    },
  );

  app.post<{ Params: { id: number }; Body: { text?: string } }>(
    '/tickets/:id/reply',
    { schema: { params: ID }, config: { roles: WORKERS } },
    async (request, reply) => {
      const id = request.params.id;
      const result = service.reply(request.consoleAccount!, id, String(request.body?.text ?? ''));
      if (!result.ok) return fail(request, reply, result.reason, `/console/tickets/${id}`);
      return kit.done(request, reply, `/console/tickets/${id}?done=replied`);
    },
  );

  app.post<{ Params: { id: number }; Body: { text?: string } }>(
    '/tickets/:id/note',
    { schema: { params: ID }, config: { roles: WORKERS } },
    async (request, reply) => {
      const id = request.params.id;
      const result = service.note(request.consoleAccount!, id, String(request.body?.text ?? ''));
      if (!result.ok) return fail(request, reply, result.reason, `/console/tickets/${id}`);
      return kit.done(request, reply, `/console/tickets/${id}?done=noted`);
    },
  );

  app.post<{ Params: { id: number }; Body: { to?: string } }>(
    '/tickets/:id/transfer',
    { schema: { params: ID }, config: { roles: WORKERS } },
    async (request, reply) => {
      const id = request.params.id;
      const result = await service.transfer(request.consoleAccount!, id, Number(request.body?.to));
      if (!result.ok) return fail(request, reply, result.reason, `/console/tickets/${id}`);
      return reply.redirect(`/console/tickets/${id}?done=transferred`, 303);
    },
  );

  app.post<{ Params: { id: number }; Body: { resolution?: string } }>(
    '/tickets/:id/close',
    { schema: { params: ID }, config: { roles: WORKERS } },
    async (request, reply) => {
      const id = request.params.id;
      const result = await service.close(request.consoleAccount!, id, String(request.body?.resolution ?? ''));
      if (!result.ok) return fail(request, reply, result.reason, `/console/tickets/${id}`);
      return reply.redirect(`/console/tickets/${id}?done=closed`, 303);
    },
  );

  app.post<{ Params: { id: number }; Body: { messageId?: string } }>(
    '/tickets/:id/propose',
    { schema: { params: ID }, config: { roles: ['curator', 'supervisor'] } },
    async (request, reply) => {
      const id = request.params.id;
      const result = service.proposeFaq(request.consoleAccount!, id, Number(request.body?.messageId));
      if (!result.ok) return fail(request, reply, result.reason, `/console/tickets/${id}`);
      return kit.done(request, reply, `/console/tickets/${id}?done=proposed`);
    },
  );

  app.get<{ Params: { id: number }; Querystring: { q?: string } }>(
    '/tickets/:id/kb',
    { schema: { params: ID }, config: { roles: WORKERS } },
    async (request, reply) => {
      const ticket = service.consoleStore.tickets.get(request.params.id);
      if (!ticket) return fail(request, reply, 'not_found');
      const q = String(request.query.q ?? '');
      return kit.sendPage(reply, kbResults(kit.view(request, reply), service.kbSearch(q, ticket.region), q));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/outbox/:id',
    { schema: { params: ID }, config: { roles: ALL_ROLES } },
    async (request, reply) => {
      const item = service.store.outbox.get(request.params.id);
      if (!item) return fail(request, reply, 'not_found');
      return kit.sendPage(
        reply,
        deliveryStatus(kit.view(request, reply), item.id, item.status, item.platform),
      );
    },
  );
}
