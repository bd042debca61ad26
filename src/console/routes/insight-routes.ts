/**
 * Routes for looking back: the history of finished tickets, the supervisors' dashboard and alert strip, the
 * curators' report of weak answers and their review list of FAQ proposals (with the draft entry download).
 */
import type { FastifyInstance } from 'fastify';
import { alertedUnanswered } from '../../handoff/handoff-queue.js';
import { addDays, localTime, workingMsBetween, zonedInstant } from '../../handoff/working-hours.js';
import { entriesDueForReview } from '../../knowledge/review-schedule.js';
import { ALL_ROLES, type ConsoleRouteKit } from '../console-plugin.js';
import type { ProposalStatus } from '../console-store.js';
import { faqDraft } from '../faq-draft.js';
import { buildDashboard, groupWeakAnswers, troubledEntries } from '../reports.js';
import { reportPage, reviewPage } from '../views/curator-views.js';
import { dashboardPage, type Period } from '../views/dashboard-view.js';
import { alertsFragment, historyPage } from '../views/misc-views.js';
import { flashKey } from './work-routes.js';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DAYS = 366;
const INSIGHT_ROLES = ['curator', 'supervisor'] as const;
/**
 * Dates a report may cover. Far-off years are no report anyone needs, and 9999-12-31 broke the time-zone arithmetic
 * (its next day is year 10000, which no Date can parse: a 500).
 */
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2100-12-31';

/** A real calendar date (not 2026-02-30) in the range reports cover. */
export function isReportDate(value: string): boolean {
  const match = ISO.exec(value);
  if (!match || value < FIRST_DATE || value > LAST_DATE) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The period of a report from ?from=&to= or ?days= (default the last 30 days, today included). A date given but not
 * valid is replaced by the default and the period carries the message saying so (the page answers 400).
 */
export function parsePeriod(
  query: { from?: string; to?: string; days?: string },
  now: number,
  timeZone: string,
): Period {
  const today = localTime(now, timeZone).date;
  const days = Math.min(MAX_DAYS, Math.max(1, Number(query.days) || 30));
  const given = (value: string | undefined) => (value ? value.trim() : '');
  const invalid = [given(query.from), given(query.to)].some((v) => v !== '' && !isReportDate(v));
  const valid = (value: string | undefined) => (isReportDate(given(value)) ? given(value) : undefined);
  let to = valid(query.to) ?? today;
  let from = valid(query.from) ?? addDays(to, -(days - 1));
  if (from > to) [from, to] = [to, from];
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_DAYS) from = addDays(to, -(MAX_DAYS - 1));
  return invalid ? { from, to, error: 'period.invalid_date' } : { from, to };
}

/** The period as instants, and the zone's offset for bucketing by local day. */
export function periodBounds(period: Period, timeZone: string) {
  const from = zonedInstant(period.from, 0, timeZone);
  const to = zonedInstant(addDays(period.to, 1), 0, timeZone);
  const offsetMs = Date.parse(period.from) - from;
  return {
    from,
    to,
    offsetMs,
    fromDay: Date.parse(period.from) / DAY_MS,
    toDay: Date.parse(period.to) / DAY_MS,
  };
}

export function registerInsightRoutes(app: FastifyInstance, kit: ConsoleRouteKit): void {
  const { service } = kit;
  const hours = () => service.queue.settings.hours;
  const topicTitle = (slug: string) => kit.knowledge().kb.topic(slug)?.title ?? slug;

  app.get('/history', { config: { roles: ALL_ROLES } }, async (request, reply) =>
    kit.sendPage(reply, historyPage(kit.view(request, reply), service.consoleStore.tickets.finished(200))),
  );

  app.get('/alerts', { config: { roles: ['supervisor'] } }, async (request, reply) => {
    const open = service.consoleStore.tickets.open();
    const untaken = open.filter((t) => t.alertedAt !== null && t.assignedTo === null);
    const unanswered = open.filter(alertedUnanswered);
    return kit.sendPage(reply, alertsFragment(kit.view(request, reply), untaken, unanswered));
  });

  app.get<{ Querystring: { from?: string; to?: string; days?: string } }>(
    '/dashboard',
    { config: { roles: ['supervisor'] } },
    async (request, reply) => {
      const h = hours();
      const period = parsePeriod(request.query, service.now(), h.timeZone);
      const b = periodBounds(period, h.timeZone);
      const reports = service.consoleStore.reports;
      const dashboard = buildDashboard({
        days: reports.conversationDays(b.from, b.to, b.offsetMs),
        tickets: reports.tickets(b.from, b.to),
        topTopics: reports.topTopics(b.from, b.to, 10),
        fromDay: b.fromDay,
        toDay: b.toDay,
        workingMs: (a, z) => workingMsBetween(h, a, z),
      });
      return kit.sendPage(
        reply,
        dashboardPage(kit.view(request, reply), period, dashboard, topicTitle),
        period.error ? 400 : 200,
      );
    },
  );

  app.get<{ Querystring: { from?: string; to?: string; days?: string } }>(
    '/report',
    { config: { roles: INSIGHT_ROLES } },
    async (request, reply) => {
      const h = hours();
      const period = parsePeriod(request.query, service.now(), h.timeZone);
      const b = periodBounds(period, h.timeZone);
      const rows = service.consoleStore.reports.weakAnswers(b.from, b.to, kit.config.lowConfidence, 5000);
      const { kb } = kit.knowledge();
      const entries = {
        troubled: troubledEntries(service.consoleStore.reports.entryReactions(b.from, b.to)),
        // Review dates are calendar dates: today in the console's zone, whatever period the report shows.
        due: entriesDueForReview(kb.entries, localTime(service.now(), h.timeZone).date),
        title: (id: string) => kb.entry(id)?.title ?? id,
      };
      return kit.sendPage(
        reply,
        reportPage(kit.view(request, reply), period, groupWeakAnswers(rows), topicTitle, entries),
        period.error ? 400 : 200,
      );
    },
  );

  app.get<{ Querystring: { status?: string; done?: string } }>(
    '/review',
    { config: { roles: INSIGHT_ROLES } },
    async (request, reply) => {
      const status: ProposalStatus =
        request.query.status === 'accepted' || request.query.status === 'rejected'
          ? request.query.status
          : 'new';
      const all = service.consoleStore.proposals.list();
      const counts = { new: 0, accepted: 0, rejected: 0 };
      for (const p of all) counts[p.status] += 1;
      return kit.sendPage(
        reply,
        reviewPage(
          kit.view(request, reply),
          status,
          all.filter((p) => p.status === status),
          counts,
          topicTitle,
          flashKey('done.review_', request.query.done, new Set(['accepted', 'rejected'])),
        ),
      );
    },
  );

  for (const [action, status] of [
    ['accept', 'accepted'],
    ['reject', 'rejected'],
  ] as const) {
    app.post<{ Params: { id: number } }>(
      `/review/:id/${action}`,
      {
        schema: { params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } } },
        config: { roles: INSIGHT_ROLES },
      },
      async (request, reply) => {
        const result = service.decideProposal(request.consoleAccount!, request.params.id, status);
        if (!result.ok) return kit.refuse(request, reply, 404, 'errors.not_found');
        return reply.redirect(`/console/review?done=${status}`, 303);
      },
    );
  }

  app.get<{ Params: { id: number } }>(
    '/review/:id/draft.md',
    {
      schema: { params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } } },
      config: { roles: INSIGHT_ROLES },
    },
    async (request, reply) => {
      const proposal = service.consoleStore.proposals.get(request.params.id);
      if (!proposal) return kit.refuse(request, reply, 404, 'errors.not_found');
      const ticket = proposal.handoffId ? service.consoleStore.tickets.get(proposal.handoffId) : undefined;
      const draft = faqDraft(proposal, kit.knowledge().kb, service.now(), ticket?.region);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${draft.fileName}"`)
        .header('x-faq-path', draft.path)
        .send(draft.content);
    },
  );
}
