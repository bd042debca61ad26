/**
 * What consultants, supervisors and curators do, as operations over the stores: log in, take tickets (the next one
 * or a chosen one), reply, write notes, transfer, close, propose replies as FAQ. Routes call these and render;
 * nothing here knows HTTP.
 *
 * A consultant reply is queued straight into the outbox and the transcript (author "consultant") in one
 * transaction. A change to the citizen's dialog (taken, closed → the rating) goes to the dialog runner as a `system`
 * event, so the engine changes the dialog state and sends the messages in order with the citizen's own events.
 * A timer runs auto-assignment, the unattended-ticket alert and the expired-session cleanup (`tick`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { DialogRunner } from '../app/dialog-runner.js';
import {
  nextTicket,
  planAutoAssignment,
  type QueueTicket,
  unansweredTickets,
  unattendedTickets,
  waitingOrder,
} from '../handoff/handoff-queue.js';
import type { QueueService } from '../handoff/queue-service.js';
import { closingTime, isOpen, nextOpening } from '../handoff/working-hours.js';
import type { Translator } from '../i18n/translator.js';
import { figurePhrases, fillFigures } from '../knowledge/figures.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { keepOwnRegionLines } from '../knowledge/region-lines.js';
import type { SystemSignal } from '../messaging/incoming-event.js';
import { parseRichText, toPlainText } from '../messaging/rich-text.js';
import type { KnowledgeSearch } from '../search/search-types.js';
import { enqueueReply } from '../storage/enqueue-reply.js';
import type { Citizen, Store, TranscriptLine } from '../storage/store.js';
import { createAccount, resetPassword } from './auth/accounts.js';
import {
  DEFAULT_COST,
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  type PasswordCost,
  verifyPassword,
} from './auth/passwords.js';
import type { Account, ConsoleStore, Role, TicketSummary } from './console-store.js';
import { createLiveHub, type LiveHub } from './live-updates.js';
import { isResolution } from './resolutions.js';
import { awaitingReplySince, crisisMessage, escalatedToCrisis } from './ticket-signals.js';

export interface ConsoleServiceDeps {
  store: Store;
  consoleStore: ConsoleStore;
  runner: Pick<DialogRunner, 'accept' | 'idle'>;
  queue: QueueService;
  knowledge: () => { kb: KnowledgeBase; search: KnowledgeSearch };
  translator: Translator;
  logger: Logger;
  clock?: () => number;
  /** Wakes the delivery worker after a consultant reply was queued. */
  notifyDelivery?: () => void;
  sessionHours: number;
  /** scrypt cost for new passwords, and older hashes are rewritten to it at login (tests lower it). */
  passwordCost?: PasswordCost;
  /** How often `tick` runs once started (ms). */
  tickMs?: number;
  /**
   * A waiting ticket was taken (by a consultant, by answering it, or by auto-assignment): how long it waited, for
   * the wait histogram of /metrics (observed here, once per ticket, not looked for at each scrape).
   */
  onTicketTaken?: (waitedMs: number) => void;
}

export type Failure =
  | 'not_found'
  | 'not_open'
  | 'taken_by_other'
  | 'not_yours'
  | 'queue_empty'
  | 'empty'
  | 'too_long'
  | 'bad_target'
  | 'bad_resolution'
  | 'not_consultant_reply'
  | 'already_proposed';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: Failure };

/** What a queue row shows beyond the ticket itself (see `ticket-signals.ts`). */
export interface TicketSignals {
  /** The citizen wrote to the consultant after the last reply, since then. */
  awaitingSince?: number;
  /** The crisis message that made the ticket urgent after it opened for another reason. */
  crisis?: { text: string; createdAt: number };
}

export interface QueueView {
  waiting: (TicketSummary & TicketSignals & { position: number; waitedMs: number })[];
  /** Urgent first, then those whose citizen waits for a reply (longest first), then by when they were taken. */
  inWork: (TicketSummary & TicketSignals & { waitedMs: number })[];
  hours: { open: boolean; closesAt?: number; opensAt?: number; timeZone: string };
  /**
   * Consultants who can answer now: a console page open and not on a break. Supervisors and curators are left out
   * (an audit found them counted, with a consultant on a break, as «в консоли»).
   */
  online: number;
}

export interface KbSuggestion {
  id: string;
  title: string;
  /**
   * Ready to insert into the reply box: the entry's short answer (figures filled for the citizen's region) and its
   * source, in light Markdown; not the title in bold (the reply is to a person, not an article).
   */
  text: string;
  /** The short answer as the citizen would read it, to preview before inserting. */
  preview: string;
  sourceTitle: string;
  sourceUrl?: string;
}

/** Longest consultant reply or note (a Telegram message holds 4096; longer ones are split by the adapter). */
export const MAX_REPLY_CHARS = 4000;
export const MAX_NOTE_CHARS = 2000;
/** A signal is processed within milliseconds; this only bounds the wait under a burst. */
const SETTLE_MS = 2000;
/** The shortest time between two "queue" events to the pages (see publishQueue). */
const QUEUE_PUBLISH_MS = 500;
/** Transcript lines read for a queue row's signals: a reply or the ticket's start is nearly always among them. */
const SIGNAL_LINES = 40;

/** In work: urgent first, then a citizen waiting for a reply (the longest first), then the earlier taken. */
export function inWorkOrder(a: TicketSummary & TicketSignals, b: TicketSummary & TicketSignals): number {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  const waitA = a.awaitingSince ?? Number.POSITIVE_INFINITY;
  const waitB = b.awaitingSince ?? Number.POSITIVE_INFINITY;
  if (waitA !== waitB) return waitA - waitB;
  return (a.assignedAt ?? 0) - (b.assignedAt ?? 0);
}

export interface ConsoleService {
  readonly hub: LiveHub;
  readonly consoleStore: ConsoleStore;
  readonly store: Store;
  readonly queue: QueueService;
  now(): number;
  createAccount(a: {
    login: string;
    displayName?: string;
    role: Role;
    password?: string;
  }): Promise<{ account: Account; password: string }>;
  setPassword(login: string, password?: string): Promise<string | undefined>;
  login(login: string, password: string): Promise<{ token: string; account: Account } | undefined>;
  /**
   * The login of the account a typed name belongs to, if any: the log of a failed login names only such a login,
   * since people type their password into the login field.
   */
  accountLogin(typed: string): string | undefined;
  /** The account behind a session cookie value, and when that session ends (pages warn shortly before). */
  session(token: string | undefined): { account: Account; expiresAt: number } | undefined;
  logout(token: string | undefined): void;
  setAvailable(account: Account, available: boolean): void;
  /** The queue page; `viewer` counts as online (their page is open, its live connection may not be yet). */
  queueView(viewer?: Account): QueueView;
  take(account: Account, ticketId?: number): Promise<Outcome<{ ticketId: number }>>;
  reply(account: Account, ticketId: number, text: string): Outcome;
  note(account: Account, ticketId: number, text: string): Outcome;
  transfer(account: Account, ticketId: number, toId: number): Promise<Outcome>;
  close(account: Account, ticketId: number, resolution: string): Promise<Outcome>;
  proposeFaq(account: Account, ticketId: number, messageId: number): Outcome<{ proposalId: number }>;
  decideProposal(account: Account, proposalId: number, status: 'accepted' | 'rejected'): Outcome;
  kbSearch(query: string, region: string | null): KbSuggestion[];
  /**
   * After the runner processed a citizen's event: refresh the pages that show them. The queue is looked at again
   * only when the event changed it (default: it may have); reading every open ticket after every message was a tenth
   * of the assistant's time under load. An event in an open ticket always refreshes the queue pages (its row shows
   * when the citizen last wrote and whether they wait for a reply).
   */
  onCitizenEvent(citizenId: number, options?: { queueChanged?: boolean }): void;
  /** A complaint came in or changed: supervisors' complaint lists refresh. */
  onComplaintsChanged(): void;
  /** Auto-assignment, unattended alerts, expired sessions. */
  tick(): void;
  /** Creates (or resets the password of) the demo consultant of local mode. */
  ensureDemoAccount(): Promise<{ login: string; password: string }>;
  /**
   * Disables the demo consultant left active by an earlier start in local mode, and ends its sessions; true when
   * there was one to disable.
   */
  disableDemoAccount(): boolean;
  start(): void;
  stop(): void;
}

export const DEMO_LOGIN = 'demo';
/** The text of an `alert` ticket event about a taken ticket nobody answered (the other kind has none). */
export const ALERT_UNANSWERED = 'unanswered';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function createConsoleService(deps: ConsoleServiceDeps): ConsoleService {
  const { store, consoleStore, queue, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const hub = createLiveHub();
  let timer: NodeJS.Timeout | undefined;
  let lastQueueKey = '';
  /**
   * Row signals by ticket, kept while the citizen's last message and the priority stay the same (a consultant reply
   * forgets its ticket's): every queue page re-reads the queue after each citizen message, and reading each open
   * ticket's transcript for every page each time would grow with pages times tickets.
   */
  const signalCache = new Map<number, { key: string; signals: TicketSignals }>();

  function reportTaken(ticketId: number, now: number) {
    const ticket = deps.onTicketTaken && store.handoffs.get(ticketId);
    if (ticket) deps.onTicketTaken?.(Math.max(0, now - ticket.createdAt));
  }

  function readSignals(t: TicketSummary): TicketSignals {
    // Nothing from the citizen since the ticket opened: nothing to wait for, and no crisis written into it.
    if ((t.lastCitizenAt ?? 0) <= t.createdAt) return {};
    if (t.assignedTo === null && !escalatedToCrisis(t)) return {};
    const lines = store.transcript.list(t.citizenId, SIGNAL_LINES);
    const awaitingSince = t.assignedTo === null ? undefined : awaitingReplySince(lines, t);
    const crisis = crisisMessage(lines, t);
    return { ...(awaitingSince !== undefined ? { awaitingSince } : {}), ...(crisis ? { crisis } : {}) };
  }

  function signalsOf(t: TicketSummary): TicketSignals {
    const key = `${t.lastCitizenAt ?? ''}:${t.priority}:${t.assignedTo ?? ''}`;
    const cached = signalCache.get(t.id);
    if (cached?.key === key) return cached.signals;
    const signals = readSignals(t);
    signalCache.set(t.id, { key, signals });
    return signals;
  }

  function forgetClosedSignals(open: readonly TicketSummary[]): void {
    const ids = new Set(open.map((t) => t.id));
    for (const id of signalCache.keys()) if (!ids.has(id)) signalCache.delete(id);
  }

  let lastQueuePublish = Number.NEGATIVE_INFINITY;
  let queuePublishTimer: NodeJS.Timeout | undefined;

  /**
   * "queue" to every open page, at once and then at most every QUEUE_PUBLISH_MS: each one makes every open page
   * fetch the queue again, and in a surge citizens in open tickets write several times a second (each message
   * refreshes the queue). What changes meanwhile goes out with the one at the end of the interval.
   */
  function publishQueue(): void {
    const now = Date.now();
    if (now - lastQueuePublish >= QUEUE_PUBLISH_MS) {
      lastQueuePublish = now;
      hub.publish({ type: 'queue' });
      return;
    }
    if (queuePublishTimer) return;
    queuePublishTimer = setTimeout(
      () => {
        queuePublishTimer = undefined;
        lastQueuePublish = Date.now();
        hub.publish({ type: 'queue' });
      },
      QUEUE_PUBLISH_MS - (now - lastQueuePublish),
    );
    queuePublishTimer.unref?.();
  }

  /** Publishes "queue" when the set of open tickets (or who has them) changed. */
  function refreshQueue(force = false): void {
    const key = store.handoffs
      .listOpen()
      .map((h) => `${h.id}:${h.priority}:${h.assignedTo ?? ''}:${h.alertedAt ? 1 : 0}`)
      .join(',');
    if (force || key !== lastQueueKey) {
      lastQueueKey = key;
      publishQueue();
    }
  }

  async function settle(): Promise<void> {
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      deps.runner.idle(),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, SETTLE_MS);
      }),
    ]);
    clearTimeout(timeout);
  }

  async function signal(citizen: Citizen, s: SystemSignal, key: string): Promise<void> {
    await deps.runner.accept({
      kind: 'system',
      signal: s,
      eventId: `console:${key}`,
      platform: citizen.platform,
      userId: citizen.platformUserId,
      chatId: citizen.chatId,
      receivedAt: clock(),
    });
  }

  const canWork = (account: Account) => account.role === 'consultant' || account.role === 'supervisor';

  /** Consultants with a console page open and not on a break; `viewer`'s page counts (its stream may not be up yet). */
  const availableConsultants = (viewer?: Account): number => {
    const online = hub.online();
    if (viewer) online.add(viewer.id);
    return consoleStore.accounts
      .list()
      .filter((a) => a.active && a.available && a.role === 'consultant' && online.has(a.id)).length;
  };
  /** Replies, transfers and closing: the consultant who has the ticket, or a supervisor. */
  const mayHandle = (account: Account, assignedTo: number | null) =>
    account.role === 'supervisor' || (account.role === 'consultant' && assignedTo === account.id);

  function alert(ticketId: number, now: number, kind: 'untaken' | 'unanswered'): void {
    store.transaction(() => {
      store.handoffs.markAlerted(ticketId, now);
      // The event's text tells the timeline which alert it was.
      consoleStore.events.add({
        handoffId: ticketId,
        kind: 'alert',
        actorId: null,
        text: kind === 'unanswered' ? ALERT_UNANSWERED : null,
        now,
      });
    });
    logger.warn(
      { ticketId, kind },
      kind === 'untaken'
        ? 'a ticket waited too long with nobody taking it; supervisors alerted'
        : 'a taken ticket went too long without a reply; supervisors alerted',
    );
    hub.publish({ type: 'alert', id: ticketId });
  }

  /** Tickets nobody took, and taken tickets nobody answered, within the limit (a third of it for urgent ones). */
  function alertSupervisors(now: number): void {
    const { unattendedMs, hours } = queue.settings;
    const open: QueueTicket[] = store.handoffs.listOpen();
    for (const t of unattendedTickets(open, now, unattendedMs, hours)) alert(t.id, now, 'untaken');
    for (const t of unansweredTickets(open, now, unattendedMs, hours)) alert(t.id, now, 'unanswered');
  }

  async function announceTaken(ticketId: number): Promise<void> {
    const ticket = store.handoffs.get(ticketId);
    const citizen = ticket ? store.citizens.get(ticket.citizenId) : undefined;
    if (!citizen) return;
    await signal(citizen, { type: 'handoff-taken', ticketId }, `taken:${ticketId}`);
    await settle();
  }

  const service: ConsoleService = {
    hub,
    consoleStore,
    store,
    queue,
    now: clock,

    createAccount: (a) =>
      createAccount(consoleStore, a, {
        now: clock(),
        ...(deps.passwordCost ? { cost: deps.passwordCost } : {}),
      }),

    // A new password ends every open session of the account.
    setPassword: (login, password) =>
      resetPassword(consoleStore, login, {
        ...(password ? { password } : {}),
        ...(deps.passwordCost ? { cost: deps.passwordCost } : {}),
      }),

    async login(login, password) {
      const account = consoleStore.accounts.byLogin(login.trim());
      // Unknown names cost a hash too, so that timing does not tell which names exist.
      const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
      if (!account || !ok || !account.active) return undefined;
      // Hashes made before the cost changed are rewritten now, while the password is at hand.
      const cost = deps.passwordCost ?? DEFAULT_COST;
      if (needsRehash(account.passwordHash, cost))
        consoleStore.accounts.update(account.id, { passwordHash: await hashPassword(password, cost) });
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      consoleStore.sessions.create(sha256(token), account.id, now, now + deps.sessionHours * 3_600_000);
      consoleStore.accounts.update(account.id, { lastLoginAt: now });
      const { passwordHash: _hidden, ...rest } = account;
      return { token, account: rest };
    },

    accountLogin: (typed) => consoleStore.accounts.byLogin(typed.trim())?.login,

    session(token) {
      if (!token || token.length > 100) return undefined;
      return consoleStore.sessions.find(sha256(token), clock());
    },

    logout(token) {
      if (token) consoleStore.sessions.delete(sha256(token));
    },

    setAvailable(account, available) {
      consoleStore.accounts.update(account.id, { available });
    },

    queueView(viewer) {
      const now = clock();
      const open = consoleStore.tickets.open();
      forgetClosedSignals(open);
      const waiting = waitingOrder(open).map((t, i) => ({
        ...t,
        ...signalsOf(t),
        position: i + 1,
        waitedMs: now - t.createdAt,
      }));
      const inWork = open
        .filter((t) => t.assignedTo !== null)
        .map((t) => ({ ...t, ...signalsOf(t), waitedMs: now - t.createdAt }))
        .sort(inWorkOrder);
      const hours = queue.settings.hours;
      const openNow = isOpen(hours, now);
      const closesAt = closingTime(hours, now);
      const opensAt = openNow ? undefined : nextOpening(hours, now);
      return {
        waiting,
        inWork,
        hours: {
          open: openNow,
          ...(closesAt !== undefined ? { closesAt } : {}),
          ...(opensAt !== undefined ? { opensAt } : {}),
          timeZone: hours.timeZone,
        },
        online: availableConsultants(viewer),
      };
    },

    async take(account, ticketId) {
      if (!canWork(account)) return { ok: false, reason: 'not_yours' };
      const now = clock();
      const id = ticketId ?? nextTicket(store.handoffs.listOpen())?.id;
      if (id === undefined) return { ok: false, reason: 'queue_empty' };
      const ticket = store.handoffs.get(id);
      if (!ticket) return { ok: false, reason: 'not_found' };
      if (ticket.status !== 'open') return { ok: false, reason: 'not_open' };
      const taken = store.transaction(() => {
        if (!store.handoffs.assign(id, account.id, now, { onlyIfWaiting: true })) return false;
        consoleStore.events.add({ handoffId: id, kind: 'taken', actorId: account.id, now });
        consoleStore.accounts.update(account.id, { lastAssignedAt: now });
        return true;
      });
      if (!taken) return { ok: false, reason: 'taken_by_other' };
      reportTaken(id, now);
      queue.invalidate();
      await announceTaken(id);
      refreshQueue();
      hub.publish({ type: 'ticket', id });
      return { ok: true, ticketId: id };
    },

    reply(account, ticketId, rawText) {
      const text = rawText.replace(/\r\n?/g, '\n').trim();
      if (!text) return { ok: false, reason: 'empty' };
      if (text.length > MAX_REPLY_CHARS) return { ok: false, reason: 'too_long' };
      if (!canWork(account)) return { ok: false, reason: 'not_yours' };
      const now = clock();
      const result = store.transaction((): Outcome<{ tookNow: boolean }> => {
        const ticket = store.handoffs.get(ticketId);
        if (!ticket) return { ok: false, reason: 'not_found' };
        if (ticket.status !== 'open') return { ok: false, reason: 'not_open' };
        let tookNow = false;
        if (ticket.assignedTo === null) {
          // Answering an untaken ticket takes it.
          store.handoffs.assign(ticketId, account.id, now, { onlyIfWaiting: true });
          consoleStore.events.add({ handoffId: ticketId, kind: 'taken', actorId: account.id, now });
          consoleStore.accounts.update(account.id, { lastAssignedAt: now });
          tookNow = true;
        } else if (!mayHandle(account, ticket.assignedTo)) return { ok: false, reason: 'taken_by_other' };
        const citizen = store.citizens.get(ticket.citizenId);
        if (!citizen) return { ok: false, reason: 'not_found' };
        enqueueReply(
          store,
          citizen,
          { text: parseRichText(text) },
          {
            author: 'consultant',
            now,
            transcriptText: text,
            consultantId: account.id,
          },
        );
        store.handoffs.markFirstResponse(ticketId, now);
        return { ok: true, tookNow };
      });
      if (!result.ok) return result;
      signalCache.delete(ticketId);
      deps.notifyDelivery?.();
      if (result.tookNow) {
        reportTaken(ticketId, now);
        queue.invalidate();
      }
      refreshQueue();
      hub.publish({ type: 'ticket', id: ticketId });
      return { ok: true };
    },

    note(account, ticketId, rawText) {
      const text = rawText.trim();
      if (!text) return { ok: false, reason: 'empty' };
      if (text.length > MAX_NOTE_CHARS) return { ok: false, reason: 'too_long' };
      if (!canWork(account)) return { ok: false, reason: 'not_yours' };
      const ticket = store.handoffs.get(ticketId);
      if (!ticket) return { ok: false, reason: 'not_found' };
      consoleStore.events.add({ handoffId: ticketId, kind: 'note', actorId: account.id, text, now: clock() });
      hub.publish({ type: 'ticket', id: ticketId });
      return { ok: true };
    },

    async transfer(account, ticketId, toId) {
      const ticket = store.handoffs.get(ticketId);
      if (!ticket) return { ok: false, reason: 'not_found' };
      if (ticket.status !== 'open') return { ok: false, reason: 'not_open' };
      if (!mayHandle(account, ticket.assignedTo)) return { ok: false, reason: 'not_yours' };
      const target = consoleStore.accounts.get(toId);
      if (!target?.active || target.role === 'curator' || target.id === ticket.assignedTo)
        return { ok: false, reason: 'bad_target' };
      const now = clock();
      store.transaction(() => {
        store.handoffs.assign(ticketId, target.id, now);
        consoleStore.events.add({
          handoffId: ticketId,
          kind: 'transferred',
          actorId: account.id,
          targetId: target.id,
          now,
        });
        consoleStore.accounts.update(target.id, { lastAssignedAt: now });
      });
      if (ticket.assignedTo === null) {
        queue.invalidate();
        await announceTaken(ticketId);
      }
      refreshQueue();
      hub.publish({ type: 'ticket', id: ticketId });
      return { ok: true };
    },

    async close(account, ticketId, resolution) {
      if (!isResolution(resolution)) return { ok: false, reason: 'bad_resolution' };
      const ticket = store.handoffs.get(ticketId);
      if (!ticket) return { ok: false, reason: 'not_found' };
      if (ticket.status !== 'open') return { ok: false, reason: 'not_open' };
      if (!mayHandle(account, ticket.assignedTo)) return { ok: false, reason: 'not_yours' };
      const citizen = store.citizens.get(ticket.citizenId);
      if (!citizen) return { ok: false, reason: 'not_found' };
      // The engine closes the ticket together with the dialog state and asks the citizen for a rating.
      await signal(
        citizen,
        { type: 'handoff-closed', ticketId, resolution, consultantId: account.id },
        `closed:${ticketId}`,
      );
      await settle();
      refreshQueue();
      hub.publish({ type: 'ticket', id: ticketId });
      return store.handoffs.get(ticketId)?.status === 'closed'
        ? { ok: true }
        : { ok: false, reason: 'not_open' };
    },

    proposeFaq(account, ticketId, messageId) {
      const ticket = store.handoffs.get(ticketId);
      if (!ticket) return { ok: false, reason: 'not_found' };
      const lines = store.transcript.list(ticket.citizenId);
      const index = lines.findIndex((l) => l.id === messageId);
      const answer = lines[index];
      if (answer?.author !== 'consultant' || !answer) return { ok: false, reason: 'not_consultant_reply' };
      // The question: what the ticket is about, and what the citizen added for the consultant before this reply.
      const before = lines.slice(0, index);
      const added = before
        .filter(
          (l) =>
            l.author === 'citizen' &&
            l.kind === 'text' &&
            l.detail === 'relayed' &&
            l.createdAt >= ticket.createdAt,
        )
        .map((l) => l.text);
      const about = consoleStore.tickets.get(ticket.id)?.firstMessage;
      const question = [...new Set([...(about ? [about] : []), ...added])].join('\n').slice(0, 2000);
      const topic =
        [...before].reverse().find((l: TranscriptLine) => l.author === 'citizen' && l.topic)?.topic ?? null;
      const proposalId = consoleStore.proposals.add({
        citizenId: ticket.citizenId,
        handoffId: ticket.id,
        messageId,
        question,
        answer: answer.text,
        topic,
        proposedBy: account.id,
        createdAt: clock(),
      });
      if (proposalId === undefined) return { ok: false, reason: 'already_proposed' };
      hub.publish({ type: 'ticket', id: ticketId });
      return { ok: true, proposalId };
    },

    decideProposal(account, proposalId, status) {
      const proposal = consoleStore.proposals.get(proposalId);
      if (!proposal) return { ok: false, reason: 'not_found' };
      consoleStore.proposals.decide(proposalId, status, account.id, clock());
      return { ok: true };
    },

    kbSearch(query, region) {
      const q = query.trim().slice(0, 300);
      if (!q) return [];
      const { kb, search } = deps.knowledge();
      const r = region === 'perm' || region === 'volgograd' ? region : undefined;
      const seen = new Set<string>();
      const out: KbSuggestion[] = [];
      for (const hit of search.search(q, r ? { region: r } : {}).hits) {
        const entry = kb.entry(hit.entryId);
        if (!entry || seen.has(entry.id)) continue;
        seen.add(entry.id);
        // The citizen's region known, another served region's own lines are left out, as in the assistant's reply
        // (the SVO answers' Volgograd centre line went to Perm citizens). Not known, every line stays: each names its
        // region, and the consultant asks or picks.
        const short = r ? keepOwnRegionLines(entry.short, r).text : entry.short;
        const filled = fillFigures(
          short,
          kb.figures,
          r,
          figurePhrases((key, vars) => deps.translator.t('ru', key, vars)),
        );
        const source = entry.sources.find((s) => s.official) ?? entry.sources[0]!;
        const sourceLine = source.url ? `[${source.title}](${source.url})` : source.title;
        const sourceText = deps.translator.t('ru', 'console.kb.source', { source: sourceLine });
        out.push({
          id: entry.id,
          title: entry.title,
          text: `${filled.text}\n\n${sourceText}`,
          preview: toPlainText(parseRichText(filled.text)),
          sourceTitle: source.title,
          ...(source.url ? { sourceUrl: source.url } : {}),
        });
        if (out.length >= 5) break;
      }
      return out;
    },

    onCitizenEvent(citizenId, options = {}) {
      if (hub.size === 0) {
        // No console page is open: nobody to tell. The next queue check publishes whatever it finds.
        lastQueueKey = '';
        return;
      }
      const latest = consoleStore.tickets.latestOf(citizenId);
      // Pages of open tickets, and of tickets closed lately (the rating arrives after closing).
      if (latest && (latest.status === 'open' || clock() - (latest.closedAt ?? 0) < 24 * 3_600_000))
        hub.publish({ type: 'ticket', id: latest.id });
      // In an open ticket the row changes with every message (when they last wrote, whether they wait for a reply):
      // the queue is told at once, not at its next 30-s poll. Only this citizen's ticket is read for it.
      const inOpenTicket = latest?.status === 'open';
      if (options.queueChanged !== false) refreshQueue(inOpenTicket);
      else if (inOpenTicket) publishQueue();
    },

    onComplaintsChanged() {
      hub.publish({ type: 'complaints' });
    },

    tick() {
      const now = clock();
      const settings = queue.settings;
      try {
        if (settings.autoAssign) {
          const online = hub.online();
          const counts = consoleStore.tickets.openCountByConsultant();
          const loads = consoleStore.accounts
            .list()
            // Supervisors and curators take tickets by hand only.
            .filter((a) => a.active && a.role === 'consultant')
            .map((a) => ({
              id: a.id,
              online: online.has(a.id),
              available: a.available,
              open: counts.get(a.id) ?? 0,
              limit: a.maxTickets ?? settings.maxPerConsultant,
              lastAssignedAt: a.lastAssignedAt,
            }));
          for (const { ticketId, consultantId } of planAutoAssignment(
            store.handoffs.listOpen(),
            loads,
            now,
          )) {
            const assigned = store.transaction(() => {
              if (!store.handoffs.assign(ticketId, consultantId, now, { onlyIfWaiting: true })) return false;
              consoleStore.events.add({
                handoffId: ticketId,
                kind: 'assigned',
                actorId: null,
                targetId: consultantId,
                now,
              });
              consoleStore.accounts.update(consultantId, { lastAssignedAt: now });
              return true;
            });
            if (assigned) {
              reportTaken(ticketId, now);
              queue.invalidate();
              hub.publish({ type: 'ticket', id: ticketId });
              void announceTaken(ticketId).catch((err: unknown) =>
                logger.error({ err, ticketId }, 'cannot tell the citizen a consultant took the ticket'),
              );
            }
          }
        }
        alertSupervisors(now);
        consoleStore.sessions.deleteExpired(now);
        refreshQueue();
      } catch (err) {
        logger.error({ err }, 'console tick failed');
      }
    },

    async ensureDemoAccount() {
      const existing = consoleStore.accounts.byLogin(DEMO_LOGIN);
      if (existing) {
        const password = (await service.setPassword(DEMO_LOGIN))!;
        consoleStore.accounts.update(existing.id, { active: true });
        return { login: DEMO_LOGIN, password };
      }
      const { password } = await service.createAccount({
        login: DEMO_LOGIN,
        displayName: deps.translator.t('ru', 'console.demo_name'),
        role: 'consultant',
      });
      return { login: DEMO_LOGIN, password };
    },

    disableDemoAccount() {
      const existing = consoleStore.accounts.byLogin(DEMO_LOGIN);
      if (!existing?.active) return false;
      consoleStore.accounts.update(existing.id, { active: false });
      consoleStore.sessions.deleteOf(existing.id);
      return true;
    },

    start() {
      if (timer) return;
      timer = setInterval(() => service.tick(), deps.tickMs ?? 5000);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      hub.closeAll();
    },
  };
  return service;
}
