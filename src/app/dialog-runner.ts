/**
 * The inbound sink and the runtime around the pure dialog engine.
 *
 * `accept` stores the event (de-duplicated by platform and event id); when nothing else waits, it is processed in
 * the same transaction, otherwise it is queued and processing follows in arrival order. Processing one event is one
 * storage transaction (a savepoint, when several events share one commit):
 * load the state, run `transition`, queue the replies in the outbox, write the transcript, save the state, mark the
 * event done. A crash before the commit leaves the events pending, and `resumePending` processes them after the
 * restart; a crash after it loses nothing. Replies are announced to the delivery worker only after the commit.
 */
import type { Logger } from 'pino';
import { DIALOG_STATE_VERSION, initialState, restoreState } from '../dialogs/dialog-state.js';
import type { Effect, ReplyOutcome } from '../dialogs/effects.js';
import { type DialogDeps, transition } from '../dialogs/transition.js';
import { positionForNew } from '../handoff/handoff-queue.js';
import type { CitizenQueueInfo } from '../handoff/queue-info.js';
import { isLocale, localeFromLanguageCode, type Translator } from '../i18n/translator.js';
import type { AcceptStatus, InboundSink } from '../messaging/delivery.js';
import type { IncomingEvent } from '../messaging/incoming-event.js';
import { redactPersonalData } from '../messaging/personal-data.js';
import { parseRichText } from '../messaging/rich-text.js';
import { fillTicket, ticketNumber } from '../services/complaints/ticket.js';
import { isDatabaseBusy } from '../storage/database-busy.js';
import { enqueueReply } from '../storage/enqueue-reply.js';
import type { Citizen, Store } from '../storage/store.js';
import { describeEvent } from './describe-event.js';
import type { FloodLimiter } from './flood-limit.js';

/** What the transcript says instead of a private answer (the citizen did not agree to keep it). */
export const PRIVATE_TRANSCRIPT_TEXT = '[private answer, not kept]';

/** The stored event without what the citizen typed or pressed (kind, ids and times stay for dedupe and counts). */
/**
 * The event with the personal numbers of what the citizen typed or sent as tags, or undefined when it has none (see
 * personal-data.ts): a text, a command's arguments, a button's payload (our buttons carry none, but a forged web
 * chat request can send any string as one).
 */
function withoutPersonalData(event: IncomingEvent): IncomingEvent | undefined {
  switch (event.kind) {
    case 'text': {
      const text = redactPersonalData(event.text);
      return text === event.text ? undefined : { ...event, text };
    }
    case 'command': {
      const args = redactPersonalData(event.args);
      return args === event.args ? undefined : { ...event, args };
    }
    case 'button': {
      const payload = redactPersonalData(event.payload);
      return payload === event.payload ? undefined : { ...event, payload };
    }
    default:
      return undefined;
  }
}

function withoutPrivateContent(event: IncomingEvent): IncomingEvent {
  switch (event.kind) {
    case 'text':
      return { ...event, text: PRIVATE_TRANSCRIPT_TEXT };
    case 'button':
      return { ...event, payload: PRIVATE_TRANSCRIPT_TEXT };
    case 'location':
      return { ...event, latitude: 0, longitude: 0 };
    default:
      return event;
  }
}

/**
 * Most events in one transaction, and how long a batch may go on taking more (ms). Every event of a batch waits for
 * its commit, and events arriving meanwhile for the batch to end: the time cap is added to reply latency about twice.
 * 2 ms instead of 10 (`npm run bench`, 1,000 messages a second, six alternating pairs of runs): p99 35-65 ms
 * against 47-150, lower in every pair, with no more CPU per message or less throughput, though there are ~4x the
 * batches (closed loop: ~6 events each instead of ~30).
 */
const BATCH_MAX_EVENTS = 64;
const BATCH_MAX_MS = 2;

/** Whether a batch that has taken `taken` events since `started` (performance.now()) may take one more. */
const batchHasRoom = (taken: number, started: number) =>
  taken < BATCH_MAX_EVENTS && performance.now() - started < BATCH_MAX_MS;

/** A processed event: whether it queued replies, and what to tell the metrics and the console after the commit. */
interface Processed {
  replied: boolean;
  announce(): void;
}

/** Thrown inside a batch to roll it back when the database turned out to be locked. */
class BatchBusy extends Error {
  override readonly name = 'BatchBusy';
}

export interface DialogRunnerDeps {
  store: Store;
  translator: Translator;
  logger: Logger;
  /** The current knowledge, search and text understanding (they change on hot reload). */
  knowledge(): Pick<DialogDeps, 'kb' | 'search' | 'understanding' | 'flows'>;
  clock?: () => number;
  /** The citizen's place in the consultant queue, for the engine (plain data; absent: no queue). */
  queueInfo?(citizenId: number, now: number): CitizenQueueInfo | undefined;
  /** Called after each processed event that queued replies (the delivery worker wakes up). */
  onReplies?(): void;
  /** RETENTION_DAYS, for the engine to tell the citizen (/privacy). */
  retentionDays?: number;
  /** The per-citizen flood limit: over it, events are stored and transcribed but not run through the engine. */
  flood?: FloodLimiter;
  /** Called after an event was processed (or failed), for metrics and waiting callers. */
  onProcessed?(info: {
    inboundId: number;
    citizenId: number;
    event: IncomingEvent;
    ms: number;
    failed: boolean;
    /** How the engine handled it (undefined: no outcome, e.g. a system signal or a failure). */
    outcome?: ReplyOutcome | undefined;
    /** Outbox ids of the replies it queued, in order. */
    replies?: readonly number[];
    /** Stored but not processed: the citizen was over the flood limit. */
    floodLimited?: boolean;
    /** It opened, cancelled or closed a hand-off (the consultants' queue changed). */
    queueChanged?: boolean;
    /** It filed a complaint or removed the citizen's (supervisors' complaint lists changed). */
    complaintsChanged?: boolean;
  }): void;
}

export interface DialogRunner extends InboundSink {
  acceptMany(events: readonly IncomingEvent[]): Promise<AcceptStatus[]>;
  /** Processes events stored but not processed before a restart. Returns how many. */
  resumePending(): Promise<number>;
  /** Resolves when every accepted event has been processed. */
  idle(): Promise<void>;
  /** Stops processing new events after the current batch (accept keeps storing them). */
  pause(): void;
  /** Resolves when no batch is being processed (after `pause`, the rest stay pending for the next start). */
  settled(): Promise<void>;
  /** Events accepted and not processed yet. */
  readonly backlog: number;
}

interface CitizenRef {
  id: number;
  platform: Citizen['platform'];
  chatId: string;
  platformUserId: string;
}

export function createDialogRunner(deps: DialogRunnerDeps): DialogRunner {
  const { store, translator, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const queue: number[] = [];
  /** Events accepted by this process and not processed yet, by inbound id (no need to read them back). */
  const accepted = new Map<number, IncomingEvent>();
  let draining = false;
  let paused = false;
  /** Back-off while the database is locked by another connection. */
  let busyRetryMs = 0;
  let busyTimer: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];
  /** Waiting for the batch being processed to end. */
  let settledWaiters: (() => void)[] = [];
  let drainScheduled = false;

  /** Nothing handed over waits to be stored or processed. */
  const isIdle = () => queue.length === 0 && !draining;

  function settleIdle() {
    const settled = settledWaiters;
    settledWaiters = [];
    for (const w of settled) w();
    if (isIdle()) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0 && !paused) {
        if (processBatch() === 'busy') {
          // Another connection holds the database: keep the order and try the same events again shortly.
          busyRetryMs = Math.min(busyRetryMs > 0 ? busyRetryMs * 2 : 200, 5000);
          if (!busyTimer) {
            busyTimer = setTimeout(() => {
              busyTimer = undefined;
              void drain();
            }, busyRetryMs);
            busyTimer.unref?.();
          }
          break;
        }
        busyRetryMs = 0;
        // Let I/O (webhooks, deliveries) interleave with a burst of events.
        if (queue.length > 0) await new Promise((r) => setImmediate(r));
      }
    } finally {
      draining = false;
      settleIdle();
    }
  }

  /** After the commit: wakes the delivery worker if anything was queued, then tells metrics and the console. */
  function announceAll(processed: readonly Processed[]) {
    if (processed.some((p) => p.replied)) deps.onReplies?.();
    for (const p of processed) p.announce();
  }

  /**
   * Processes the events at the head of the queue in one storage transaction (group commit), each in a savepoint
   * of its own: an event that fails rolls back alone and is recorded as failed, as it would be on its own. One
   * commit for many events instead of one each (a commit, and the WAL pages it writes, cost more than the
   * engine's work on a short message). Nothing is announced (delivery, metrics, console) before the commit.
   * A batch stops at BATCH_MAX_EVENTS or after BATCH_MAX_MS, so the first event's reply does not wait long.
   *
   * The savepoints are taken only when needed: the batch first runs without them (`isolated` false), and only if an
   * event fails is it rolled back whole and run again, each event in its savepoint. A savepoint makes SQLite copy
   * every page the event changes to a sub-journal first: a third of the storage work of an event.
   */
  function processBatch(isolated = false): 'done' | 'busy' {
    // Real elapsed time (the injected clock may be a test's fixed one).
    const started = performance.now();
    const announcements: Processed[] = [];
    let taken = 0;
    try {
      store.transaction(() => {
        taken = processQueued(isolated, started, announcements);
      });
    } catch (error) {
      if (error instanceof BatchBusy || isDatabaseBusy(error)) {
        logger.warn(
          { inboundId: queue[0] },
          'database locked by another connection; processing the events again shortly',
        );
        return 'busy';
      }
      // An event failed without a savepoint of its own: the whole batch rolled back; run it again with them.
      if (!isolated) return processBatch(true);
      // The batch could not be committed (each event's own failures are handled inside it): everything in it
      // rolled back. The first event is processed alone, in a transaction of its own, so one bad event cannot
      // hold up the others; the rest are batched again.
      logger.error(
        { err: error, inboundId: queue[0] },
        'a batch of events could not be committed; processing the first alone',
      );
      const result = processOne(queue[0]!, true);
      if (result === 'busy') return 'busy';
      accepted.delete(queue.shift()!);
      announceAll([result]);
      return 'done';
    }
    for (const id of queue.splice(0, taken)) accepted.delete(id);
    announceAll(announcements);
    return 'done';
  }

  /**
   * Processes events at the head of the queue, inside the caller's transaction, as far as one batch goes (counting
   * what `announcements` holds already). Returns how many it took; the caller removes them from the queue after the
   * commit. A locked database rolls the whole batch back (BatchBusy).
   */
  function processQueued(isolated: boolean, started: number, announcements: Processed[]): number {
    let taken = 0;
    while (taken < queue.length && !paused && batchHasRoom(announcements.length, started)) {
      const result = processOne(queue[taken]!, isolated);
      if (result === 'busy') throw new BatchBusy();
      taken++;
      announcements.push(result);
    }
    return taken;
  }

  /**
   * Queued events are processed after the current round of I/O callbacks rather than at once, so that events stored
   * meanwhile (more webhook requests) join them under one commit. They are stored already: a crash before then leaves
   * them pending for `resumePending`.
   */
  function enqueue(id: number) {
    queue.push(id);
    if (drainScheduled) return;
    drainScheduled = true;
    setImmediate(() => {
      drainScheduled = false;
      void drain();
    });
  }

  /** What the engine may show about the citizen's own records (plain data; the engine does no I/O). */
  function citizenRecords(citizenId: number): NonNullable<DialogDeps['records']> {
    return {
      complaints: store.complaints.list({ citizenId, limit: 20 }).map((c) => ({
        ticket: ticketNumber(c.id),
        status: c.status,
        about: c.about,
        agencyName: c.agencyName,
        createdAt: c.createdAt,
      })),
    };
  }

  /**
   * What the engine gets for one event. The citizen's records and queue place are read on first use, still inside
   * the event's transaction and before any effect is applied, so the engine sees the same plain data; most events
   * (a question, a menu button) never look at them, and reading them for every event was a sixth of the load profile.
   */
  function engineDeps(citizenId: number, now: number): DialogDeps {
    let records: DialogDeps['records'];
    let queue: { value: CitizenQueueInfo | undefined } | undefined;
    return {
      ...deps.knowledge(),
      translator,
      now,
      ...(deps.retentionDays !== undefined ? { retentionDays: deps.retentionDays } : {}),
      get records() {
        records ??= citizenRecords(citizenId);
        return records;
      },
      get queue() {
        queue ??= { value: deps.queueInfo?.(citizenId, now) };
        return queue.value;
      },
    };
  }

  function applyEffects(
    event: IncomingEvent,
    inboundId: number,
    citizen: CitizenRef,
    effects: Effect[],
    now: number,
  ) {
    let target = citizen;
    let outcome: Extract<Effect, { type: 'outcome' }> | undefined;
    let forgotten = false;
    const outgoing: number[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'outcome':
          outcome = effect;
          break;
        case 'reply': {
          outgoing.push(
            enqueueReply(store, target, effect.message, {
              author: 'assistant',
              now,
              editMessageId: effect.edit ? (event.sourceMessageId ?? null) : null,
              ...(effect.private ? { transcriptText: PRIVATE_TRANSCRIPT_TEXT } : {}),
            }),
          );
          break;
        }
        case 'handoff': {
          const open = store.handoffs.openFor(target.id);
          if (!open) {
            const position = positionForNew(store.handoffs.listOpen(), effect.priority);
            store.handoffs.open(target.id, effect.reason, effect.priority, now, position);
          } else if (effect.priority === 'urgent' && open.priority !== 'urgent')
            store.handoffs.setPriority(open.id, 'urgent');
          break;
        }
        case 'handoff-cancel': {
          const open = store.handoffs.openFor(target.id);
          if (open) store.handoffs.setStatus(open.id, 'cancelled', now);
          break;
        }
        case 'handoff-close': {
          const ticket = store.handoffs.get(effect.ticketId);
          if (ticket?.citizenId === target.id)
            store.handoffs.close(ticket.id, {
              resolution: effect.resolution,
              closedBy: effect.consultantId,
              now,
            });
          break;
        }
        case 'rating':
        case 'rating-comment': {
          // Payloads can be forged (VK sends them as plain JSON): only the citizen's own closed ticket is rated.
          const ticket = store.handoffs.get(effect.ticketId);
          if (ticket?.citizenId !== target.id || ticket.status !== 'closed') break;
          if (effect.type === 'rating') store.handoffs.rate(ticket.id, effect.score, now);
          else store.handoffs.comment(ticket.id, effect.comment);
          break;
        }
        case 'feedback':
          store.feedback.add(target.id, effect.entryId, effect.helpful, now);
          break;
        case 'complaint': {
          // The ticket number comes from the stored row, so the receipt is filled in here (see ticket.ts).
          const stored = store.complaints.create({ ...effect.complaint, citizenId: target.id, now });
          const message = fillTicket(effect.receipt, ticketNumber(stored.id));
          outgoing.push(enqueueReply(store, target, message, { author: 'assistant', now }));
          break;
        }
        case 'citizen': {
          const { locale, region, consentAt } = effect.patch;
          store.citizens.update(target.id, {
            ...(locale ? { locale } : {}),
            ...(region ? { region } : {}),
            ...(consentAt ? { consentAt } : {}),
          });
          break;
        }
        case 'forget': {
          // Everything about the person goes (foreign keys cascade); a fresh record carries the goodbye message.
          store.citizens.forget(target.id);
          const fresh = store.citizens.findOrCreate(target.platform, target.platformUserId, target.chatId, {
            locale: 'ru',
            now,
          });
          target = {
            id: fresh.id,
            platform: fresh.platform,
            chatId: fresh.chatId,
            platformUserId: fresh.platformUserId,
          };
          forgotten = true;
          break;
        }
      }
    }
    if (!forgotten) {
      store.transcript.append({
        citizenId: target.id,
        direction: 'in',
        author: event.kind === 'system' ? 'system' : 'citizen',
        kind: event.kind,
        text: outcome?.private ? PRIVATE_TRANSCRIPT_TEXT : describeEvent(event),
        inboundEventId: inboundId,
        outcome: outcome?.outcome ?? null,
        confidence: outcome?.confidence ?? null,
        entryId: outcome?.entryId ?? null,
        topic: outcome?.topics?.[0] ?? null,
        detail: outcome?.detail ?? null,
        createdAt: now,
      });
    }
    const queueChanged = effects.some(
      (e) =>
        e.type === 'handoff' ||
        e.type === 'handoff-cancel' ||
        e.type === 'handoff-close' ||
        e.type === 'forget',
    );
    const complaintsChanged = effects.some((e) => e.type === 'complaint' || e.type === 'forget');
    return {
      target,
      forgotten,
      outgoing,
      outcome: outcome?.outcome,
      queueChanged,
      complaintsChanged,
      private: outcome?.private === true,
    };
  }

  /** Over the flood limit: the event goes to the transcript (and the console), the engine does not see it. */
  function floodEffects(locale: string, notify: boolean): Effect[] {
    const effects: Effect[] = [{ type: 'outcome', outcome: 'other', detail: 'flood-limit' }];
    if (notify)
      effects.push({
        type: 'reply',
        message: { text: parseRichText(translator.t(isLocale(locale) ? locale : 'ru', 'flood.wait')) },
      });
    return effects;
  }

  /**
   * Processes one stored event. `isolated`: in a transaction of its own (a savepoint inside a batch), so that a
   * failure rolls back this event alone and is recorded; otherwise in the caller's transaction, and a failure is
   * thrown for the caller to roll back and run its events again isolated (processBatch, acceptMany). Returns what
   * to announce once it is committed, or 'busy' when the database was locked and nothing was done (retry it).
   */
  function processOne(inboundId: number, isolated: boolean): 'busy' | Processed {
    const started = clock();
    let info: { citizenId: number; event: IncomingEvent } | undefined;
    let failed = false;
    let replied = false;
    let outcome: ReplyOutcome | undefined;
    let replies: number[] = [];
    let floodLimited = false;
    let queueChanged = false;
    let complaintsChanged = false;
    const body = () => {
      const head = store.inbox.statusOf(inboundId);
      if (head?.status !== 'pending') return;
      // Accepted by this process: the event is still at hand (stored events do not change before processing).
      const event = accepted.get(inboundId) ?? store.inbox.get(inboundId)?.event;
      if (!event) return;
      const stored = { ...head, event };
      const citizen = store.citizens.get(stored.citizenId);
      if (!citizen) return;
      info = { citizenId: citizen.id, event: stored.event };
      const now = clock();
      const flood =
        stored.event.kind === 'system'
          ? 'ok'
          : (deps.flood?.check(citizen.id, stored.event.receivedAt, inboundId) ?? 'ok');
      if (flood !== 'ok') {
        floodLimited = true;
        const effects = floodEffects(citizen.locale, flood === 'notify');
        replies = applyEffects(stored.event, inboundId, citizen, effects, now).outgoing;
        store.inbox.finish(inboundId, 'done', now);
        replied = replies.length > 0;
        return;
      }
      const state = restoreState(
        store.dialogs.load(citizen.id),
        isLocale(citizen.locale) ? citizen.locale : 'ru',
      );
      const result = transition(state, stored.event, engineDeps(citizen.id, now));
      const applied = applyEffects(stored.event, inboundId, citizen, result.effects, now);
      const { target, forgotten, outgoing } = applied;
      queueChanged = applied.queueChanged;
      complaintsChanged = applied.complaintsChanged;
      outcome = applied.outcome;
      replies = outgoing;
      store.dialogs.save(
        target.id,
        DIALOG_STATE_VERSION,
        forgotten ? { ...initialState(result.state.locale), greeted: true } : result.state,
        now,
      );
      if (!forgotten) store.inbox.finish(inboundId, 'done', now);
      // An answer the citizen did not agree to keep (the benefit finder) leaves no copy in the raw event log.
      if (!forgotten && applied.private) store.inbox.redact(inboundId, withoutPrivateContent(stored.event));
      else if (!forgotten) {
        // Nor a phone, СНИЛС or passport number typed in it, once the engine has read the message.
        const masked = withoutPersonalData(stored.event);
        if (masked) store.inbox.redact(inboundId, masked);
      }
      replied = outgoing.length > 0;
    };
    try {
      if (isolated) store.transaction(body);
      else body();
    } catch (error) {
      if (!isolated) throw error;
      if (isDatabaseBusy(error)) {
        logger.warn(
          { inboundId },
          'database locked by another connection; processing the event again shortly',
        );
        return 'busy';
      }
      failed = true;
      // The transaction rolled back: nothing it queued exists.
      replies = [];
      outcome = undefined;
      floodLimited = false;
      queueChanged = false;
      complaintsChanged = false;
      logger.error(
        { err: error, inboundId },
        'processing an incoming event failed; the citizen is told it is saved',
      );
      try {
        store.transaction(() => {
          const stored = store.inbox.get(inboundId);
          const citizen = stored ? store.citizens.get(stored.citizenId) : undefined;
          if (!stored || !citizen) return;
          const now = clock();
          store.inbox.finish(inboundId, 'failed', now);
          store.transcript.append({
            citizenId: citizen.id,
            direction: 'in',
            author: stored.event.kind === 'system' ? 'system' : 'citizen',
            kind: stored.event.kind,
            text: describeEvent(stored.event),
            inboundEventId: inboundId,
            outcome: 'other',
            createdAt: now,
          });
          // The person wrote nothing: a failed console signal is logged, not apologised for.
          if (stored.event.kind === 'system') return;
          const locale = isLocale(citizen.locale) ? citizen.locale : 'ru';
          const message = { text: parseRichText(translator.t(locale, 'errors.saved_retry')) };
          enqueueReply(store, citizen, message, { author: 'system', now });
          replied = true;
        });
      } catch (inner) {
        logger.error(
          { err: inner, inboundId },
          'cannot record the failure; the event stays pending for the next start',
        );
      }
    }
    const ms = clock() - started;
    return {
      replied,
      announce: () => {
        if (info)
          deps.onProcessed?.({
            inboundId,
            citizenId: info.citizenId,
            event: info.event,
            ms,
            failed,
            outcome,
            replies,
            floodLimited,
            queueChanged,
            complaintsChanged,
          });
      },
    };
  }

  /** Stores one event (inside the caller's transaction): the citizen found or created, the event de-duplicated. */
  function store1(event: IncomingEvent, now: number) {
    const citizen = store.citizens.findOrCreate(event.platform, event.userId, event.chatId, {
      locale: localeFromLanguageCode(event.languageCode),
      now,
    });
    // A message from the person means they unblocked us; a system signal (from the console) does not.
    if (!citizen.active && event.kind !== 'system') store.citizens.update(citizen.id, { active: true });
    return store.inbox.insert(citizen.id, event);
  }

  /** Hands stored events to processing, in order. */
  function handOver(
    event: IncomingEvent,
    result: { status: 'inserted'; id: number } | { status: 'duplicate' },
  ): AcceptStatus {
    if (result.status === 'duplicate') return 'duplicate';
    accepted.set(result.id, event);
    enqueue(result.id);
    return 'accepted';
  }

  /**
   * Stores events in one transaction (all or none), and processes events in that same transaction, as far as one
   * batch goes (BATCH_MAX_EVENTS, BATCH_MAX_MS): first those already waiting in the queue (they are older), then,
   * if none is left waiting, the new ones. One commit instead of two, and a new event's row and index entries are
   * written once, not written pending and then rewritten done (at 400 messages a second most updates come one or
   * two at a time, and a commit each was a tenth of the CPU). The rest are queued for processing in order.
   */
  function acceptMany(events: readonly IncomingEvent[]): AcceptStatus[] {
    try {
      return storeAndProcess(events, false);
    } catch (error) {
      // An event processed inline failed without a savepoint of its own, and everything rolled back: again, with
      // them (see processBatch). A locked database is the caller's to retry.
      if (isDatabaseBusy(error)) throw error;
      return storeAndProcess(events, true);
    }
  }

  function storeAndProcess(events: readonly IncomingEvent[], isolated: boolean): AcceptStatus[] {
    const now = clock();
    const started = performance.now();
    const mayProcess = !paused && busyTimer === undefined;
    let inline = false;
    let takenQueued = 0;
    const processed: Processed[] = [];
    const storedNow: number[] = [];
    let results: (ReturnType<typeof store1> | { status: 'processed' })[];
    try {
      results = store.transaction(() => {
        // Under load, events wait in the queue: the oldest of them are processed first, in this same transaction.
        // One commit stores the new events and processes a batch, instead of one commit for each.
        if (mayProcess) takenQueued = processQueued(isolated, started, processed);
        // Nothing processed yet: the first event is, whatever the clock says (a stall of the machine before this point
        // queued it, and the unit test of it failed on a busy machine).
        inline =
          mayProcess &&
          takenQueued === queue.length &&
          (processed.length === 0 || batchHasRoom(processed.length, started));
        return events.map((event) => {
          const result = store1(event, now);
          if (result.status !== 'inserted' || !inline) return result;
          accepted.set(result.id, event);
          storedNow.push(result.id);
          const outcome = processOne(result.id, isolated);
          if (outcome === 'busy') inline = false;
          else {
            processed.push(outcome);
            inline = batchHasRoom(processed.length, started);
          }
          return outcome === 'busy' ? result : { status: 'processed' as const };
        });
      });
    } catch (error) {
      // Rolled back: nothing was stored or processed (the queued events stay queued), nothing is announced.
      for (const id of storedNow) accepted.delete(id);
      throw error;
    }
    for (const id of queue.splice(0, takenQueued)) accepted.delete(id);
    for (const id of storedNow) accepted.delete(id);
    const statuses = results.map((result, i) =>
      result.status === 'processed' ? 'accepted' : handOver(events[i]!, result),
    );
    announceAll(processed);
    return statuses;
  }

  return {
    accept: async (event) => acceptMany([event])[0]!,
    acceptMany: async (events) => acceptMany(events),
    async resumePending() {
      let total = 0;
      for (;;) {
        const batch = store.inbox.pending(500).filter((e) => !queue.includes(e.id));
        if (batch.length === 0) break;
        for (const e of batch) queue.push(e.id);
        total += batch.length;
        await drain();
        if (paused) break;
      }
      return total;
    },
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    pause() {
      paused = true;
    },
    settled() {
      if (!draining) return Promise.resolve();
      return new Promise((resolve) => settledWaiters.push(resolve));
    },
    get backlog() {
      return queue.length;
    },
  };
}
