/**
 * VK updates (a Long Poll answer, or one Callback API request) → the inbound sink. Shared by both modes.
 *
 * Every callback-button press is answered with `messages.sendMessageEventAnswer` at once and independently of
 * the hand-over, so the person's button stops spinning even when storing the event fails.
 */
import type { Logger } from 'pino';
import { type AcceptStatus, acceptAll, type InboundSink } from '../../messaging/delivery.js';
import type { IncomingEvent } from '../../messaging/incoming-event.js';
import type { CapabilitiesCache } from './client-capabilities.js';
import { callbackAnswerOf, vkUpdateSchema, vkUpdateToIncoming } from './event-to-incoming.js';
import type { VkApiClient } from './vk-api-client.js';

export interface UpdateHandlerDeps {
  inbound: InboundSink;
  api: VkApiClient;
  capabilities: CapabilitiesCache;
  logger: Logger;
  groupId: number;
  now: () => number;
  /** Keeps a background promise in view so `stop()` can wait for it. */
  track(promise: Promise<unknown>): void;
}

export type UpdateOutcome = AcceptStatus | 'ignored';

export interface UpdateHandler {
  /** Hands one update over (Callback API: one per request); throws only when the inbound sink fails. */
  one(raw: unknown): Promise<UpdateOutcome>;
  /**
   * Hands a long-poll answer over with one call to the sink (one commit when it takes many); throws when it could
   * not be stored (the caller fetches the batch again; what was stored is de-duplicated then).
   */
  batch(raws: readonly unknown[]): Promise<void>;
}

export function createUpdateHandler(deps: UpdateHandlerDeps): UpdateHandler {
  const { logger } = deps;

  /** Checks one update, answers a pressed button and notes the client's capabilities; undefined when ignored. */
  function translate(raw: unknown): IncomingEvent | undefined {
    const parsed = vkUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn('VK update without type/object ignored');
      return undefined;
    }
    const update = parsed.data;
    if (update.group_id !== undefined && update.group_id !== deps.groupId) {
      logger.warn({ groupId: update.group_id }, 'VK update for another community ignored');
      return undefined;
    }
    const answer = callbackAnswerOf(update);
    if (answer) {
      deps.track(
        deps.api
          .call('messages.sendMessageEventAnswer', { ...answer })
          .catch((error: unknown) => logger.warn({ err: error }, 'VK sendMessageEventAnswer failed')),
      );
    }
    const translated = vkUpdateToIncoming(update, deps.now());
    if (translated.kind === 'ignored') {
      logger.debug({ type: update.type, reason: translated.reason }, 'VK update ignored');
      return undefined;
    }
    const { event } = translated;
    const peerId = Number(event.chatId);
    // message_new carries the full client_info; a callback press only implies callback support.
    if (translated.capabilities && (update.type === 'message_new' || !deps.capabilities.get(peerId))) {
      deps.capabilities.remember(peerId, translated.capabilities);
    }
    return event;
  }

  const handedOver = (event: IncomingEvent, status: AcceptStatus) =>
    logger.debug(
      { chatId: event.chatId, eventId: event.eventId, kind: event.kind, status },
      'VK event handed over',
    );

  return {
    async one(raw) {
      const event = translate(raw);
      if (!event) return 'ignored';
      const status = await deps.inbound.accept(event);
      handedOver(event, status);
      return status;
    },
    async batch(raws) {
      const events: IncomingEvent[] = [];
      for (const raw of raws) {
        const event = translate(raw);
        if (event) events.push(event);
      }
      if (events.length === 0) return;
      const statuses = await acceptAll(deps.inbound, events);
      for (const [i, event] of events.entries()) handedOver(event, statuses[i]!);
    },
  };
}
