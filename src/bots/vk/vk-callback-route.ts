/**
 * `POST /webhooks/vk`: VK's Callback API (https://dev.vk.com/api/callback/getting-started).
 *
 * - A wrong or missing `secret` (or another community's `group_id`) gets 403 and nothing is accepted. The
 *   library would answer such calls "error" with status 200; we refuse them before it sees them.
 * - `confirmation` is answered with VK_CONFIRMATION_CODE as plain text (by the library).
 * - Events: the library decides the answer ("ok") but we hold it until the event is stored, so VK redelivers
 *   when storing fails (we answer 500 then). Redeliveries are de-duplicated by the inbound sink by event id.
 * - Unknown types are answered "ok" and ignored.
 *
 * node-vk-bot-api's handler expects an express-style `(req, res, next)`: from fastify we pass `{body}` and a
 * response object whose `end()` captures the answer (PLATFORMS.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { isWellFormedVkUpdate } from './event-to-incoming.js';
import type { VkLibraryBot } from './vk-library.js';

export const VK_CALLBACK_PATH = '/webhooks/vk';

/**
 * Largest Callback API body accepted (bytes); bigger ones are refused (413) before they are read. Generous: a
 * message can carry up to 100 forwarded messages, and a refused event is lost once VK stops retrying.
 */
export const VK_CALLBACK_BODY_LIMIT = 1024 * 1024;

export interface VkCallbackRouteOptions {
  bot: VkLibraryBot;
  groupId: number;
  secret: string;
  path?: string;
  /** Hands one update to the inbound sink; throws when it could not be stored. */
  handle(update: unknown): Promise<unknown>;
  /** Keeps the request in view so `stop()` can wait for it. */
  track(promise: Promise<unknown>): void;
  logger: Logger;
}

/** Constant-time comparison of two strings of any length. */
function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function registerVkCallbackRoute(server: FastifyInstance, options: VkCallbackRouteOptions): void {
  const { bot, logger } = options;
  server.post(
    options.path ?? VK_CALLBACK_PATH,
    { bodyLimit: VK_CALLBACK_BODY_LIMIT },
    async (request, reply) => {
      const body = request.body;
      const text = (status: number, answer: string) =>
        reply.code(status).type('text/plain; charset=utf-8').send(answer);
      if (
        body === null ||
        typeof body !== 'object' ||
        typeof (body as { type?: unknown }).type !== 'string'
      ) {
        return text(400, 'bad request');
      }
      const {
        type,
        secret,
        group_id: groupId,
      } = body as { type: string; secret?: unknown; group_id?: unknown };
      // VK sends the secret with every call once it is set; for `confirmation` we only refuse a wrong one.
      const secretOk =
        type === 'confirmation' && secret === undefined ? true : sameSecret(secret, options.secret);
      if (!secretOk || groupId !== options.groupId) {
        logger.warn(
          { type: type.slice(0, 64), reason: secretOk ? 'group_id' : 'secret' },
          'VK callback refused',
        );
        return text(403, 'forbidden');
      }
      if (!isWellFormedVkUpdate(body)) {
        logger.warn({ type: type.slice(0, 64) }, 'VK callback body malformed; refused');
        return text(400, 'bad request');
      }
      let answer: string | undefined;
      const response = {
        end(value: string) {
          answer = value;
        },
      };
      const isEvent = type !== 'confirmation';
      const hasObject = typeof (body as { object?: unknown }).object === 'object';
      try {
        // The library builds a Context from `object` and throws on a body without one: ignore such bodies.
        if (!isEvent || hasObject) bot.webhookCallback({ body }, response, () => {});
        else answer = 'ok';
      } catch (error) {
        logger.warn({ err: error, type }, 'VK callback body not understood; ignored');
        answer = 'ok';
      }
      if (answer === undefined) return text(503, 'stopped'); // the library ignores calls after stop()
      if (answer !== 'ok' || !isEvent || !hasObject) return text(200, answer);
      const handling = options.handle(body);
      options.track(handling);
      try {
        await handling;
      } catch (error) {
        logger.error({ err: error, type }, 'VK event not stored; VK will redeliver');
        return text(500, 'retry');
      }
      return text(200, 'ok');
    },
  );
}
