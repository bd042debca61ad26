/**
 * Delivers the outbox. Each chat's messages go out strictly in order (only the oldest pending message of a chat
 * is ever in flight); platform rate limits are kept per chat and overall; failures are retried with back-off and
 * never dropped, except when the person blocked us (we stop) or the platform rejects the message itself (logged).
 * Survives restarts: everything it needs is in the outbox table.
 */
import type { Logger } from 'pino';
import { isDatabaseBusy } from '../storage/database-busy.js';
import type { OutboxItem, Store } from '../storage/store.js';
import { DeliveryError, type DeliveryFailure, type PlatformSender, type SendOptions } from './delivery.js';
import type { Platform } from './incoming-event.js';

export interface DeliveryWorkerOptions {
  store: Store;
  senders: PlatformSender[];
  logger: Logger;
  clock?: () => number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Sends in flight at once across chats. */
  concurrency?: number;
  /** How often the worker looks at the outbox when nothing woke it (ms). */
  pollIntervalMs?: number;
  onDelivered?(item: OutboxItem, ms: number): void;
  onFailure?(item: OutboxItem, failure: DeliveryFailure): void;
}

export interface DeliveryWorker {
  start(): void;
  /** Something was queued: look now. */
  notify(): void;
  /**
   * Waits until no message for a platform we can send to is pending or in flight, retries included (or the timeout
   * passes). Returns true if drained.
   */
  flush(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** A token bucket per platform and a "not before" per chat. */
class RateLimiter {
  private readonly chatNext = new Map<string, number>();
  private readonly platformNext = new Map<Platform, number>();
  constructor(private readonly senders: Map<Platform, PlatformSender>) {}

  /** The time this chat may send next (0 = now). */
  readyAt(platform: Platform, chatId: string): number {
    return Math.max(this.chatNext.get(`${platform}:${chatId}`) ?? 0, this.platformNext.get(platform) ?? 0);
  }

  /** Nothing goes out on this platform before `until` (the platform asked the whole bot to wait). */
  pause(platform: Platform, until: number): void {
    this.platformNext.set(platform, Math.max(this.platformNext.get(platform) ?? 0, until));
  }

  take(platform: Platform, chatId: string, now: number): void {
    const limits = this.senders.get(platform)?.limits ?? { perChatPerSecond: 1000, globalPerSecond: 1000 };
    this.chatNext.set(`${platform}:${chatId}`, now + 1000 / limits.perChatPerSecond);
    this.platformNext.set(
      platform,
      Math.max(now, this.platformNext.get(platform) ?? 0) + 1000 / limits.globalPerSecond,
    );
    if (this.chatNext.size > 50_000) {
      for (const [key, at] of this.chatNext) if (at < now) this.chatNext.delete(key);
    }
  }
}

/**
 * Sends in flight at once across chats. A send's round trip includes a hop to the messenger's thread and back
 * (channel-thread.ts), ~10–20 ms under load: 16 in flight held the bench at ~800 messages/s with both threads
 * idle a quarter of the time. Telegram's own limits (30 a second) keep far fewer in flight in production.
 */
export const DEFAULT_DELIVERY_CONCURRENCY = 64;

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { store, logger } = options;
  const clock = options.clock ?? Date.now;
  const senders = new Map(options.senders.map((s) => [s.platform, s]));
  const baseBackoff = options.baseBackoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 5 * 60_000;
  const concurrency = options.concurrency ?? DEFAULT_DELIVERY_CONCURRENCY;
  const pollInterval = options.pollIntervalMs ?? 1000;
  const limiter = new RateLimiter(senders);
  const inFlight = new Map<number, Promise<void>>();
  const busyChats = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let ticking = false;
  let again = false;

  /** When the armed timer fires (Date.now() time); a request for later leaves it alone. */
  let timerAt = Number.POSITIVE_INFINITY;

  /**
   * Arms the tick for `delayMs` from now, unless it is armed for sooner already. Clearing and re-arming on every call
   * made it a debounce: a wake-up from a timer running just before the tick in the same turn (the next batch of the
   * dialog runner, a finished send) pushed it to the next turn, again and again. Under load it ran 12–19 times a
   * second with a thousand messages due and half the send slots empty; 50–87 times now.
   */
  function schedule(delayMs: number) {
    if (!running) return;
    const delay = Math.max(0, Math.min(delayMs, pollInterval));
    const at = Date.now() + delay;
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  function backoff(attempts: number): number {
    const exp = Math.min(maxBackoff, baseBackoff * 2 ** Math.min(attempts, 20));
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  }

  /** Sent messages not marked yet, and the write that will mark them. */
  let sentMarks: { id: number; platformMessageIds: string[]; at: number }[] = [];
  let marksWritten: Promise<void> | undefined;

  /**
   * Marks a sent message. The marks of one round of I/O are written in one transaction (one commit instead of one
   * per message); the caller waits for it, so a chat's next message is never looked for before this one is marked,
   * and no more than the sends in flight can be unmarked at a crash. A database locked by another connection is
   * waited out: the message is out, and failing here would send it again.
   */
  function recordSent(id: number, platformMessageIds: string[]): Promise<void> {
    sentMarks.push({ id, platformMessageIds, at: clock() });
    marksWritten ??= new Promise((resolve) => setImmediate(resolve)).then(writeMarks);
    return marksWritten;
  }

  async function writeMarks() {
    const marks = sentMarks;
    sentMarks = [];
    marksWritten = undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        store.transaction(() => {
          for (const m of marks) store.outbox.markSent(m.id, m.platformMessageIds, m.at);
        });
        return;
      } catch (error) {
        if (!isDatabaseBusy(error) || attempt >= 30) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2000)));
      }
    }
  }

  /**
   * Hands the message to the sender. A function of its own so that the text, read here from the store (see the
   * store's `due`), is not kept in deliver's frame while the send is awaited.
   */
  function startSend(item: OutboxItem, sender: PlatformSender, sendOptions: SendOptions) {
    if (sender.sendStored) {
      const stored = item.storedMessage;
      if (stored !== undefined) return sender.sendStored(item.chatId, stored, sendOptions);
    }
    return sender.send(item.chatId, item.message, sendOptions);
  }

  async function deliver(item: OutboxItem, sender: PlatformSender) {
    const started = clock();
    try {
      const sendOptions: SendOptions = {
        idempotencyKey: String(item.id),
        ...(item.editMessageId ? { editMessageId: item.editMessageId } : {}),
      };
      const result = await startSend(item, sender, sendOptions);
      await recordSent(item.id, result.platformMessageIds);
      sender.marked?.(item.chatId);
      options.onDelivered?.(item, clock() - started);
    } catch (error) {
      const failure: DeliveryFailure =
        error instanceof DeliveryError
          ? error.failure
          : { kind: 'retry', reason: (error as Error)?.message ?? String(error) };
      options.onFailure?.(item, failure);
      const log = logger.child({ platform: item.platform, outboxId: item.id, attempts: item.attempts + 1 });
      if (failure.kind === 'retry') {
        const delay = Math.max(failure.retryAfterMs ?? 0, backoff(item.attempts));
        if (failure.wholePlatform && failure.retryAfterMs)
          limiter.pause(item.platform, clock() + failure.retryAfterMs);
        store.outbox.markRetry(item.id, clock() + delay, failure.reason);
        log.warn({ reason: failure.reason, delayMs: delay }, 'delivery failed; will retry');
      } else if (failure.kind === 'blocked') {
        store.transaction(() => {
          store.outbox.markDead(item.id, failure.reason);
          const dropped = store.outbox.dropPendingOf(item.citizenId, `recipient blocked: ${failure.reason}`);
          store.citizens.update(item.citizenId, { active: false });
          log.info({ dropped }, 'recipient blocked us; marked inactive, stopped sending');
        });
      } else {
        store.outbox.markDead(item.id, failure.reason);
        log.error({ reason: failure.reason }, 'the platform rejected a message; not retried');
      }
    }
  }

  async function tick() {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        const now = clock();
        const free = concurrency - inFlight.size;
        if (free <= 0) break;
        // What is in flight is the head of its chat and would only be skipped; a little more than the free slots
        // covers chats waiting for their rate limit (reading rows costs more than the query).
        const due = store.outbox.due(now, free + 8, [...inFlight.keys()]);
        let earliest = Number.POSITIVE_INFINITY;
        for (const item of due) {
          if (inFlight.size >= concurrency) break;
          const chatKey = `${item.platform}:${item.chatId}`;
          if (inFlight.has(item.id) || busyChats.has(chatKey)) continue;
          const sender = senders.get(item.platform);
          if (!sender) {
            // No channel for this platform right now (e.g. started without its token): keep it for later.
            continue;
          }
          const readyAt = limiter.readyAt(item.platform, item.chatId);
          if (readyAt > now) {
            earliest = Math.min(earliest, readyAt);
            continue;
          }
          limiter.take(item.platform, item.chatId, now);
          busyChats.add(chatKey);
          const p = deliver(item, sender)
            // Recording the outcome can fail too (a locked database): the item stays pending and is tried again.
            .catch((error: unknown) =>
              logger.error(
                { err: error, outboxId: item.id },
                'cannot record a delivery attempt; it stays pending',
              ),
            )
            .finally(() => {
              inFlight.delete(item.id);
              busyChats.delete(chatKey);
              // The chat's next message may be due now.
              schedule(0);
            });
          inFlight.set(item.id, p);
        }
        const nextDue = store.outbox.nextDueAt();
        if (nextDue !== undefined) earliest = Math.min(earliest, Math.max(nextDue, now + 1));
        if (Number.isFinite(earliest)) schedule(earliest - clock());
        else schedule(pollInterval);
      } while (again);
    } catch (error) {
      logger.error({ err: error }, 'delivery tick failed; retrying shortly');
      schedule(pollInterval);
    } finally {
      ticking = false;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    notify() {
      if (running && !ticking) schedule(0);
      else again = true;
    },
    async flush(timeoutMs) {
      const deadline = clock() + timeoutMs;
      while (clock() < deadline) {
        // Any pending message we have a channel for, due now or waiting for a retry.
        const deliverable = store.outbox
          .due(Number.MAX_SAFE_INTEGER, 1000)
          .some((i) => senders.has(i.platform));
        if (!deliverable && inFlight.size === 0) return true;
        if (inFlight.size > 0)
          await Promise.race([...inFlight.values(), new Promise((r) => setTimeout(r, 50))]);
        else await new Promise((r) => setTimeout(r, 20));
        this.notify();
      }
      return false;
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
