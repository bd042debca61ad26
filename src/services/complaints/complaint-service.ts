/**
 * Complaints for supervisors: list them, read one with its history, and change its status. A status change and the
 * message that tells the citizen about it (outbox + transcript) are written in one transaction, so the citizen is
 * told exactly once about every change that happened — and never about one that did not. The console (issue 6)
 * calls this; the chat side files complaints through the complaint flow and the runner.
 */
import { encodePayload } from '../../dialogs/payloads.js';
import { isLocale, type Translator } from '../../i18n/translator.js';
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import { parseRichText, plainText } from '../../messaging/rich-text.js';
import { enqueueReply } from '../../storage/enqueue-reply.js';
import {
  COMPLAINT_STATUSES,
  type ComplaintEvent,
  type ComplaintFilter,
  type ComplaintRecord,
  type ComplaintStatus,
  type Store,
} from '../../storage/store.js';
import { ticketNumber } from './ticket.js';

/** A complaint as the console shows it. */
export interface ComplaintView extends ComplaintRecord {
  /** "Ж-000042": what the citizen was told. */
  ticket: string;
  /** Where the citizen is (for the supervisor's context; messages go through the outbox, not directly). */
  platform: string | null;
}

export type SetStatusResult =
  | { ok: true; complaint: ComplaintView; notified: boolean; outboxId: number | null }
  | { ok: false; reason: 'not_found' | 'unchanged' | 'bad_status' };

export interface ComplaintService {
  /** Newest first, with the total for paging. */
  listComplaints(filter?: ComplaintFilter): { items: ComplaintView[]; total: number };
  /** One complaint with its history (oldest event first). */
  getComplaint(id: number): (ComplaintView & { events: ComplaintEvent[] }) | undefined;
  /**
   * Changes the status (new → in_progress → answered, or back) and, if the citizen agreed to be contacted,
   * queues a message to them with the new status and the supervisor's `note` (the answer), all in one
   * transaction. `byWho` is the supervisor's login, kept in the history.
   */
  setComplaintStatus(
    id: number,
    status: ComplaintStatus,
    byWho: string,
    options?: { note?: string },
  ): SetStatusResult;
}

export interface ComplaintServiceDeps {
  store: Store;
  translator: Translator;
  clock?: () => number;
  /** Called after a message was queued (the delivery worker wakes up). */
  onQueued?(): void;
}

/** The longest answer a supervisor can send with a status change. */
export const MAX_NOTE_CHARS = 3000;

export function createComplaintService(deps: ComplaintServiceDeps): ComplaintService {
  const { store, translator } = deps;
  const clock = deps.clock ?? Date.now;

  const view = (c: ComplaintRecord): ComplaintView => ({
    ...c,
    ticket: ticketNumber(c.id),
    platform: store.citizens.get(c.citizenId)?.platform ?? null,
  });

  function statusMessage(
    locale: 'ru' | 'en',
    c: ComplaintRecord,
    status: ComplaintStatus,
    note?: string,
  ): OutgoingMessage {
    const t = (key: string, vars?: Record<string, string | number>) => translator.t(locale, key, vars);
    return {
      text: [
        ...parseRichText(
          t('complaints.status_changed', {
            ticket: ticketNumber(c.id),
            status: t(`complaints.statuses.${status}`),
          }),
        ),
        // The supervisor's own words are not parsed as markup.
        ...(note ? [...parseRichText(t('complaints.status_note')), ...plainText(note)] : []),
      ],
      buttons: [
        [
          { kind: 'action', label: t('complaints.buttons.my_tickets'), payload: 'cp:st' },
          { kind: 'action', label: t('buttons.menu'), payload: encodePayload({ a: 'menu' }) },
        ],
      ],
    };
  }

  return {
    listComplaints(filter = {}) {
      const { limit: _limit, offset: _offset, ...where } = filter;
      return { items: store.complaints.list(filter).map(view), total: store.complaints.count(where) };
    },
    getComplaint(id) {
      const c = store.complaints.get(id);
      return c ? { ...view(c), events: store.complaints.events(id) } : undefined;
    },
    setComplaintStatus(id, status, byWho, options = {}) {
      if (!COMPLAINT_STATUSES.includes(status)) return { ok: false, reason: 'bad_status' };
      const note = options.note?.trim().slice(0, MAX_NOTE_CHARS) || undefined;
      const result = store.transaction((): SetStatusResult => {
        const c = store.complaints.get(id);
        if (!c) return { ok: false, reason: 'not_found' };
        if (c.status === status && !note) return { ok: false, reason: 'unchanged' };
        const now = clock();
        store.complaints.setStatus(id, status, now);
        const citizen = store.citizens.get(c.citizenId);
        let outboxId: number | null = null;
        if (c.contactConsent && citizen) {
          const message = statusMessage(isLocale(citizen.locale) ? citizen.locale : 'ru', c, status, note);
          outboxId = enqueueReply(store, citizen, message, {
            author: 'system',
            now,
            detail: `complaint:${status}`,
          });
        }
        store.complaints.addEvent({
          complaintId: id,
          status,
          byWho,
          note: note ?? null,
          outboxId,
          createdAt: now,
        });
        return {
          ok: true,
          complaint: view({ ...c, status, updatedAt: now }),
          notified: outboxId !== null,
          outboxId,
        };
      });
      if (result.ok && result.notified) deps.onQueued?.();
      return result;
    },
  };
}
