/**
 * How outgoing messages reach a messenger. Every message goes through the persisted outbox; a delivery worker
 * hands each one to the platform's sender and decides from the typed failure whether to retry, wait or stop.
 */
import type { IncomingEvent, Platform } from './incoming-event.js';
import type { OutgoingMessage } from './outgoing-message.js';

export interface SendOptions {
  /** Replace this earlier message of ours in place (where the platform can); send anew if editing fails. */
  editMessageId?: string;
  /**
   * The same for every attempt to deliver one outbox message (its id), so that a sender can make a retry
   * idempotent where the platform allows (VK drops a repeated random_id).
   */
  idempotencyKey?: string;
}

export interface SendResult {
  /** The platform's ids of what was sent (a long message can become several). */
  platformMessageIds: string[];
}

export type DeliveryFailure =
  /**
   * Network error, 5xx, 429 and the like: try again later (after `retryAfterMs` when the platform says so).
   * `wholePlatform`: the wait is for every chat (Telegram's 429 is about the bot, not the one chat).
   */
  | { kind: 'retry'; reason: string; retryAfterMs?: number; wholePlatform?: boolean }
  /** The person blocked us or closed their messages (Telegram 403, VK 901/902): stop and mark them inactive. */
  | { kind: 'blocked'; reason: string }
  /** The platform rejected the message itself (bad parameters): do not retry, log it. */
  | { kind: 'rejected'; reason: string };

/** Thrown by a sender to tell the delivery worker what went wrong. */
export class DeliveryError extends Error {
  override readonly name: string = 'DeliveryError';
  constructor(readonly failure: DeliveryFailure) {
    super(`${failure.kind}: ${failure.reason}`);
  }
}

export interface PlatformSender {
  readonly platform: Platform;
  /** Rate limits the worker keeps to (messages per second). */
  readonly limits: { perChatPerSecond: number; globalPerSecond: number };
  send(chatId: string, message: OutgoingMessage, options: SendOptions): Promise<SendResult>;
  /** The same with the message as the store keeps it (JSON), for a sender that reads it elsewhere (a thread). */
  sendStored?(chatId: string, storedMessage: string, options: SendOptions): Promise<SendResult>;
  /** Called once a message `send` delivered is marked sent in the outbox (readers of the outbox see it now). */
  marked?(chatId: string): void;
}

export type AcceptStatus = 'accepted' | 'duplicate';

/**
 * Where adapters hand incoming events. `accept` resolves once the event is durably stored (so a webhook may answer
 * 200 then); processing and replies follow asynchronously through the outbox.
 */
export interface InboundSink {
  accept(event: IncomingEvent): Promise<AcceptStatus>;
  /** Stores several events at once (one commit), in order; a status per event. All or none are stored. */
  acceptMany?(events: readonly IncomingEvent[]): Promise<AcceptStatus[]>;
}

/**
 * Hands a batch of events (one long-poll answer) to the sink: in one call when it takes many, else one by one, in
 * order within a chat and chats side by side. Throws when storing fails; with a sink that takes many, then nothing
 * of the batch is stored.
 */
export async function acceptAll(
  inbound: InboundSink,
  events: readonly IncomingEvent[],
): Promise<AcceptStatus[]> {
  if (inbound.acceptMany) return inbound.acceptMany(events);
  const statuses: AcceptStatus[] = new Array(events.length);
  const chats = new Map<string, number[]>();
  events.forEach((event, i) => {
    const indexes = chats.get(event.chatId);
    if (indexes) indexes.push(i);
    else chats.set(event.chatId, [i]);
  });
  await Promise.all(
    [...chats.values()].map(async (indexes) => {
      for (const i of indexes) statuses[i] = await inbound.accept(events[i]!);
    }),
  );
  return statuses;
}
