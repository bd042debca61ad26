/**
 * The webhook route Telegram calls in webhook mode: `POST /webhooks/telegram`.
 *
 * Our own small handler rather than grammY's `webhookCallback`, for two reasons: grammY calls getMe before it checks
 * the secret (so an unauthenticated request could wait on Telegram), and we need the status codes to say whether
 * the update was stored: 200 only after the inbound sink accepted it, 500 when it could not be stored (Telegram then
 * delivers it again), 503 while stopping. The 200 to a pressed button carries the answerCallbackQuery for it.
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

/** Largest update accepted (bytes). Telegram escapes non-ASCII characters, so a 4,096-character message with a
 * quoted reply and entities stays under ~80 KB; anything bigger is refused (413) before it is read. */
export const WEBHOOK_BODY_LIMIT = 128 * 1024;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown) => Number.isSafeInteger(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isString = (value: unknown) => typeof value === 'string';

/** The fields of a message the adapter reads, with the types Telegram gives them. */
function isMessage(value: unknown): boolean {
  return (
    isObject(value) &&
    isId(value.message_id) &&
    isId(value.date) &&
    isObject(value.chat) &&
    isId(value.chat.id) &&
    isString(value.chat.type) &&
    optional(value.from, (from) => isObject(from) && isId(from.id)) &&
    optional(value.text, isString)
  );
}

function isCallbackQuery(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    isObject(value.from) &&
    isId(value.from.id) &&
    optional(value.data, isString) &&
    optional(value.message, isObject)
  );
}

/**
 * An update as Telegram sends it: a non-negative `update_id` and exactly one payload object. The two kinds the
 * assistant asks for (message, callback_query) are checked field by field, so a forged or broken body gets 400
 * instead of failing inside the handler (a 500 makes Telegram send it again and again); other kinds are ignored.
 */
function isUpdate(body: unknown): body is Update {
  if (!isObject(body) || !isId(body.update_id) || (body.update_id as number) < 0) return false;
  const kinds = Object.keys(body).filter((key) => key !== 'update_id');
  if (kinds.length !== 1) return false;
  const kind = kinds[0]!;
  if (kind === 'message') return isMessage(body.message);
  if (kind === 'callback_query') return isCallbackQuery(body.callback_query);
  return isObject(body[kind]);
}

export function registerWebhookRoute(server: FastifyInstance, options: WebhookRouteOptions): void {
  server.post(WEBHOOK_PATH, { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
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
    const query = request.body.callback_query;
    // A pressed button is answered in this response (Telegram runs the method given in a webhook's answer): a
    // request to Telegram less for every press, and the spinner stops as soon as the press is stored.
    if (query) return reply.code(200).send({ method: 'answerCallbackQuery', callback_query_id: query.id });
    return reply.code(200).send({ ok: true });
  });
}
