/**
 * The webhook route Telegram calls in webhook mode: `POST /webhooks/telegram`.
 *
 * Our own small handler rather than grammY's `webhookCallback`, for two reasons: grammY calls getMe before it checks
 * the secret (so an unauthenticated request could wait on Telegram), and we need the status codes to say whether
 * the update was stored: 200 only after the inbound sink accepted it, 500 when it could not be stored (Telegram then
 * delivers it again), 503 while stopping.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { describeApiError } from './telegram-errors.js';

export const WEBHOOK_PATH = '/webhooks/telegram';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookRouteOptions {
  secret: string;
  logger: Logger;
  /** Whether updates are taken now (false before start and after stop). */
  isAccepting: () => boolean;
  /** Runs the update through the middleware; rejects when the update was not stored. */
  handleUpdate: (update: Update) => Promise<void>;
  /** Called on every authenticated request: Telegram reached us. */
  onContact: () => void;
}

/** Compares in constant time (hashing first makes the lengths equal). */
export function secretMatches(received: unknown, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(received), digest(expected));
}

function isUpdate(body: unknown): body is Update {
  return (
    typeof body === 'object' &&
    body !== null &&
    Number.isSafeInteger((body as { update_id?: unknown }).update_id)
  );
}

export function registerWebhookRoute(server: FastifyInstance, options: WebhookRouteOptions): void {
  server.post(WEBHOOK_PATH, async (request, reply) => {
    if (!secretMatches(request.headers[SECRET_HEADER], options.secret)) {
      return reply.code(401).send({ ok: false, description: 'Unauthorized' });
    }
    options.onContact();
    if (!options.isAccepting()) {
      return reply.code(503).send({ ok: false, description: 'Not taking updates now; try again later' });
    }
    if (!isUpdate(request.body)) {
      return reply.code(400).send({ ok: false, description: 'Expected a Telegram update' });
    }
    try {
      await options.handleUpdate(request.body);
    } catch (error) {
      // The middleware has logged the cause with the chat id; this line records the answer Telegram got.
      options.logger.warn(
        { updateId: request.body.update_id, reason: describeApiError(error) },
        'webhook update not stored; Telegram will retry',
      );
      return reply.code(500).send({ ok: false, description: 'Update not stored; please retry' });
    }
    return reply.code(200).send({ ok: true });
  });
}
