/**
 * Sends OutgoingMessages to VK for the delivery worker, through the library's `api()` (never its `sendMessage`,
 * whose promises never settle when `execute` fails).
 *
 * - Every message gets our own `random_id` (see random-id.ts) and our API version.
 * - A send that failed with a retryable error keeps its random_ids for a while: when the worker retries the
 *   same message to the same chat, VK recognises the parts that did arrive (same random_id) and does not show
 *   them twice.
 * - Long texts go out as several messages, the keyboard with the last one.
 * - `editMessageId` edits in place (messages.edit) when the message fits one part; if VK refuses the edit,
 *   the message is sent anew.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { DeliveryError, type PlatformSender, type SendResult } from '../../messaging/delivery.js';
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import type { CapabilitiesCache } from './client-capabilities.js';
import { parseMessageRef } from './event-to-incoming.js';
import { processRandomIds, type RandomIdSource } from './random-id.js';
import { renderVkMessage } from './render-vk.js';
import type { VkApiClient } from './vk-api-client.js';
import { classifyVkFailure, VkApiError } from './vk-errors.js';
import type { VkKeyboard } from './vk-keyboard.js';

/** VK's limits for a community: about 20 messages a second in all; one a second per chat is comfortable. */
export const VK_SEND_LIMITS = { perChatPerSecond: 1, globalPerSecond: 20 } as const;

/** 911: keyboard format invalid; 912: bot features are off in the community's settings. */
const KEYBOARD_REFUSED = new Set([911, 912]);

export interface VkSenderOptions {
  api: VkApiClient;
  capabilities: CapabilitiesCache;
  logger: Logger;
  randomIds?: RandomIdSource;
  /** How long random_ids of a failed send are kept for its retry. */
  retryMemoryMs?: number;
  retryMemorySize?: number;
}

interface RetryMemory {
  take(key: string): number[] | undefined;
  keep(key: string, ids: number[]): void;
}

function createRetryMemory(ttlMs: number, maxEntries: number): RetryMemory {
  const entries = new Map<string, { ids: number[]; expiresAt: number }>();
  return {
    take(key) {
      const entry = entries.get(key);
      entries.delete(key);
      return entry && entry.expiresAt > Date.now() ? entry.ids : undefined;
    },
    keep(key, ids) {
      entries.delete(key);
      entries.set(key, { ids, expiresAt: Date.now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
  };
}

function messageId(response: unknown): string {
  if (typeof response === 'number') return String(response);
  if (Array.isArray(response) && response[0] && typeof response[0].message_id === 'number') {
    return String(response[0].message_id);
  }
  return String(response);
}

export function createVkSender(options: VkSenderOptions): PlatformSender {
  const { api, capabilities, logger } = options;
  const randomIds = options.randomIds ?? processRandomIds;
  const retryMemory = createRetryMemory(
    options.retryMemoryMs ?? 60 * 60_000,
    options.retryMemorySize ?? 1_000,
  );

  async function sendOne(peerId: number, text: string, randomId: number, keyboard: VkKeyboard | undefined) {
    const params = { peer_id: peerId, message: text, random_id: randomId, dont_parse_links: true };
    try {
      return messageId(
        await api.call('messages.send', {
          ...params,
          keyboard: keyboard ? JSON.stringify(keyboard) : undefined,
        }),
      );
    } catch (error) {
      if (!keyboard || !(error instanceof VkApiError) || !KEYBOARD_REFUSED.has(error.code)) throw error;
      // The text matters more than the buttons: send it without them (the person can still type).
      logger.warn({ code: error.code, peerId }, 'VK refused the keyboard; sending the text without it');
      return messageId(await api.call('messages.send', params));
    }
  }

  /** True when edited; false when VK refused the edit and the message should go anew. */
  async function tryEdit(peerId: number, ref: string, text: string, keyboard: VkKeyboard | undefined) {
    const target = parseMessageRef(ref);
    if (!target) return false;
    try {
      await api.call('messages.edit', {
        peer_id: peerId,
        ...target,
        message: text,
        keyboard: keyboard ? JSON.stringify(keyboard) : undefined,
        dont_parse_links: true,
      });
      return true;
    } catch (error) {
      const failure = classifyVkFailure(error);
      // Unknown outcome: retry the edit (edits are idempotent) rather than risk a second copy.
      if (failure.kind === 'retry') throw new DeliveryError(failure);
      logger.info({ peerId, reason: failure.reason }, 'VK refused the edit; sending anew');
      return false;
    }
  }

  return {
    platform: 'vk',
    limits: VK_SEND_LIMITS,
    async send(chatId, message: OutgoingMessage, sendOptions): Promise<SendResult> {
      const peerId = Number(chatId);
      if (!Number.isSafeInteger(peerId) || peerId === 0) {
        throw new DeliveryError({ kind: 'rejected', reason: `not a VK peer id: ${chatId}` });
      }
      const rendered = renderVkMessage(message, capabilities.get(peerId));
      if (rendered.droppedButtons.length > 0) {
        logger.warn({ peerId, dropped: rendered.droppedButtons }, 'buttons over VK limits left out');
      }
      const { parts, keyboard } = rendered;
      if (parts.length === 0) throw new DeliveryError({ kind: 'rejected', reason: 'empty message' });
      const onlyPart = parts.length === 1 ? parts[0] : undefined;
      // A normal keyboard is not part of a message, so only inline keyboards can be edited in.
      if (sendOptions.editMessageId && onlyPart !== undefined && (!keyboard || keyboard.inline)) {
        if (await tryEdit(peerId, sendOptions.editMessageId, onlyPart, keyboard)) {
          return { platformMessageIds: [sendOptions.editMessageId] };
        }
      }
      // Attempts to deliver one outbox message share its idempotency key; without one, identical content counts as
      // the same message.
      const key =
        sendOptions.idempotencyKey !== undefined
          ? `${peerId}\u0000#${sendOptions.idempotencyKey}`
          : createHash('sha256')
              .update(`${peerId}\u0000${JSON.stringify(message)}`)
              .digest('hex');
      const ids = retryMemory.take(key) ?? parts.map(() => randomIds.next());
      const sent: string[] = [];
      try {
        for (const [index, part] of parts.entries()) {
          const last = index === parts.length - 1;
          sent.push(await sendOne(peerId, part, ids[index] ?? randomIds.next(), last ? keyboard : undefined));
        }
      } catch (error) {
        const failure = classifyVkFailure(error);
        if (failure.kind === 'retry') retryMemory.keep(key, ids);
        // The delivery worker logs every failure with its decision; this line adds what only we know.
        logger[failure.kind === 'retry' ? 'debug' : 'info'](
          { peerId, kind: failure.kind, reason: failure.reason, partsSent: sent.length, parts: parts.length },
          'VK send failed',
        );
        throw new DeliveryError(failure);
      }
      return { platformMessageIds: sent };
    },
  };
}
