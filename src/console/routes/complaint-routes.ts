/**
 * Supervisors' complaint routes: the list (filter by status, newest first, paged), one complaint, and the status
 * change, which tells the citizen in their own messenger through the outbox (src/services/complaints).
 *
 * Only supervisors: a complaint is often about a colleague's or an agency's work and carries the citizen's own
 * account of it, so consultants and curators do not see complaints at all (least privilege; the issue gives them
 * to supervisors). Every route declares the role; the status form carries the CSRF token like every console form.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_NOTE_CHARS } from '../../services/complaints/complaint-service.js';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../storage/store.js';
import type { ConsoleRouteKit } from '../console-plugin.js';
import type { Role } from '../console-store.js';
import {
  COMPLAINT_TABS,
  type ComplaintListModel,
  type ComplaintTab,
  complaintList,
  complaintListPage,
  complaintPage,
} from '../views/complaint-views.js';
import { html } from '../views/html.js';
import { deliveryStatus } from '../views/ticket-view.js';
import { flashKey } from './work-routes.js';

export const COMPLAINT_ROLES: readonly Role[] = ['supervisor'];
/** Rows per page of the list. */
export const COMPLAINTS_PER_PAGE = 50;

const DONE = new Set(['sent', 'saved']);
const ERRORS = new Set(['unchanged', 'bad_status', 'too_long']);
const ID = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

function isStatus(value: unknown): value is ComplaintStatus {
  return typeof value === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

export function registerComplaintRoutes(app: FastifyInstance, kit: ConsoleRouteKit): void {
  const { complaints, service } = kit;

  /** The list of one tab and page, with the counts of every tab. */
  function listModel(query: { status?: string; page?: string }): ComplaintListModel {
    const tab: ComplaintTab = COMPLAINT_TABS.find((s) => s === query.status) ?? 'all';
    const counts = Object.fromEntries(
      COMPLAINT_TABS.map((s) => [
        s,
        complaints.listComplaints({ ...(s === 'all' ? {} : { status: s }), limit: 1 }).total,
      ]),
    ) as Record<ComplaintTab, number>;
    const pages = Math.max(1, Math.ceil(counts[tab] / COMPLAINTS_PER_PAGE));
    const pageNo = Math.min(pages, Math.max(1, Math.floor(Number(query.page)) || 1));
    const { items, total } = complaints.listComplaints({
      ...(tab === 'all' ? {} : { status: tab }),
      limit: COMPLAINTS_PER_PAGE,
      offset: (pageNo - 1) * COMPLAINTS_PER_PAGE,
    });
    return { tab, items, total, counts, page: pageNo, pages };
  }

  app.get<{ Querystring: { status?: string; page?: string } }>(
    '/complaints',
    { config: { roles: COMPLAINT_ROLES } },
    async (request, reply) =>
      kit.sendPage(reply, complaintListPage(kit.view(request, reply), listModel(request.query))),
  );

  // The live part of the list page: refreshed when a complaint comes in or changes (and every minute).
  app.get<{ Querystring: { status?: string; page?: string } }>(
    '/complaints/list',
    { config: { roles: COMPLAINT_ROLES } },
    async (request, reply) =>
      kit.sendPage(reply, complaintList(kit.view(request, reply), listModel(request.query))),
  );

  app.get<{ Params: { id: number }; Querystring: { done?: string; error?: string } }>(
    '/complaints/:id',
    { schema: { params: ID }, config: { roles: COMPLAINT_ROLES } },
    async (request, reply) => {
      const complaint = complaints.getComplaint(request.params.id);
      if (!complaint) return kit.refuse(request, reply, 404, 'complaints.not_found');
      const ctx = kit.view(request, reply);
      const done = flashKey('complaints.done_', request.query.done, DONE);
      const error = flashKey('complaints.error_', request.query.error, ERRORS);
      const names = new Map(service.consoleStore.accounts.list().map((a) => [a.login, a.displayName]));
      return kit.sendPage(
        reply,
        complaintPage(
          ctx,
          {
            complaint,
            nameOf: (login) => names.get(login) ?? login,
            delivery: (outboxId) => {
              const item = service.store.outbox.get(outboxId);
              return item ? deliveryStatus(ctx, item.id, item.status, item.platform) : html``;
            },
          },
          { maxNoteChars: MAX_NOTE_CHARS, done, error },
        ),
      );
    },
  );

  app.post<{ Params: { id: number }; Body: { status?: string; note?: string } }>(
    '/complaints/:id/status',
    { schema: { params: ID }, config: { roles: COMPLAINT_ROLES } },
    async (request, reply) => {
      const id = request.params.id;
      const back = `/console/complaints/${id}`;
      const status = request.body?.status;
      const note = typeof request.body?.note === 'string' ? request.body.note : '';
      if (!isStatus(status)) return reply.redirect(`${back}?error=bad_status`, 303);
      if (note.trim().length > MAX_NOTE_CHARS) return reply.redirect(`${back}?error=too_long`, 303);
      const account = request.consoleAccount!;
      const result = complaints.setComplaintStatus(id, status, account.login, { note });
      if (!result.ok) {
        if (result.reason === 'not_found') return kit.refuse(request, reply, 404, 'complaints.not_found');
        return reply.redirect(`${back}?error=${result.reason}`, 303);
      }
      kit.logger.info(
        { complaintId: id, status, consultantId: account.id, notified: result.notified },
        'complaint status changed',
      );
      service.onComplaintsChanged();
      return reply.redirect(`${back}?done=${result.notified ? 'sent' : 'saved'}`, 303);
    },
  );
}
