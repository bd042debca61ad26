/**
 * One VK update (from Long Poll or Callback API) → the inbound sink. Shared by both modes.
 *
 * Every callback-button press is answered with `messages.sendMessageEventAnswer` at once and independently of
 * the hand-over, so the person's button stops spinning even when storing the event fails.
 */
import type { Logger } from 'pino';
import type { AcceptStatus, InboundSink } from '../../messaging/delivery.js';
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

/** Returns a function that hands one raw update over; it throws only when the inbound sink fails. */
export function createUpdateHandler(deps: UpdateHandlerDeps): (raw: unknown) => Promise<UpdateOutcome> {
  const { logger } = deps;
  return async (raw) => {
    const parsed = vkUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn('VK update without type/object ignored');
      return 'ignored';
    }
    const update = parsed.data;
    if (update.group_id !== undefined && update.group_id !== deps.groupId) {
      logger.warn({ groupId: update.group_id }, 'VK update for another community ignored');
      return 'ignored';
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
      return 'ignored';
    }
    const { event } = translated;
    const peerId = Number(event.chatId);
    // message_new carries the full client_info; a callback press only implies callback support.
    if (translated.capabilities && (update.type === 'message_new' || !deps.capabilities.get(peerId))) {
      deps.capabilities.remember(peerId, translated.capabilities);
    }
    const log = logger.child({ chatId: event.chatId, eventId: event.eventId });
    const status = await deps.inbound.accept(event);
    log.debug({ kind: event.kind, status }, 'VK event handed over');
    return status;
  };
}
