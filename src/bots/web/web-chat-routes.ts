/**
 * The local web chat: a page at / where anyone can talk to the assistant as a citizen, and its small JSON API.
 * Works without any messenger token. The browser keeps a random session id; every message carries its own
 * client-made id, so a retried POST over a bad connection is not answered twice.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Translator } from '../../i18n/translator.js';
import { isLocale } from '../../i18n/translator.js';
import type { InboundSink } from '../../messaging/delivery.js';
import { parseCommand } from '../../messaging/incoming-event.js';
import type { Store } from '../../storage/store.js';
import { renderWebChatPage } from './web-chat-page.js';
import { buildWebHistory, toWebMessage } from './web-history.js';
import type { WebSender } from './web-sender.js';
import { forgetWebSession } from './web-session-expiry.js';

const ID = '^[A-Za-z0-9_-]{8,64}$';
export const MAX_WEB_TEXT = 10_000;
const LONG_POLL_MS = 25_000;
/** The most messages of either side a reloaded page shows (older ones stay stored, as before). */
const HISTORY_LIMIT = 300;

interface EventBody {
  sessionId: string;
  eventId: string;
  kind: 'start' | 'text' | 'button' | 'location';
  text?: string;
  latitude?: number;
  longitude?: number;
  payload?: string;
  sourceMessageId?: string;
  lang?: string;
}

export function registerWebChat(
  server: FastifyInstance,
  deps: { inbound: InboundSink; store: Store; sender: WebSender; translator: Translator },
): void {
  server.get('/', async (request, reply) => {
    const lang = (request.query as { lang?: string }).lang;
    const accept = request.headers['accept-language'] ?? '';
    const locale = isLocale(lang) ? lang : accept.toLowerCase().startsWith('en') ? 'en' : 'ru';
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
      )
      .header('x-content-type-options', 'nosniff');
    return renderWebChatPage(deps.translator, locale);
  });

  server.post<{ Body: EventBody }>(
    '/api/chat/events',
    {
      bodyLimit: 64 * 1024,
      schema: {
        body: {
          type: 'object',
          required: ['sessionId', 'eventId', 'kind'],
          additionalProperties: false,
          properties: {
            sessionId: { type: 'string', pattern: ID },
            eventId: { type: 'string', pattern: ID },
            kind: { type: 'string', enum: ['start', 'text', 'button', 'location'] },
            latitude: { type: 'number', minimum: -90, maximum: 90 },
            longitude: { type: 'number', minimum: -180, maximum: 180 },
            text: { type: 'string', maxLength: MAX_WEB_TEXT },
            payload: { type: 'string', maxLength: 64 },
            sourceMessageId: { type: 'string', pattern: '^[0-9]{1,15}$' },
            lang: { type: 'string', maxLength: 16 },
          },
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const base = {
        eventId: b.eventId,
        platform: 'web' as const,
        userId: b.sessionId,
        chatId: b.sessionId,
        receivedAt: Date.now(),
        ...(b.lang ? { languageCode: b.lang } : {}),
      };
      let status: string;
      if (b.kind === 'start') status = await deps.inbound.accept({ ...base, kind: 'start' });
      else if (b.kind === 'location') {
        // The browser's geolocation (the page asks for it when a message requests the location).
        if (b.latitude === undefined || b.longitude === undefined)
          return reply.code(400).send({ error: 'latitude and longitude are required for a location' });
        status = await deps.inbound.accept({
          ...base,
          kind: 'location',
          latitude: b.latitude,
          longitude: b.longitude,
        });
      } else if (b.kind === 'button') {
        if (!b.payload) return reply.code(400).send({ error: 'payload is required for a button press' });
        status = await deps.inbound.accept({
          ...base,
          kind: 'button',
          payload: b.payload,
          ...(b.sourceMessageId ? { sourceMessageId: b.sourceMessageId } : {}),
        });
      } else {
        const text = b.text ?? '';
        const command = parseCommand(text);
        status = await deps.inbound.accept(
          command
            ? command.command === 'start'
              ? { ...base, kind: 'start' }
              : { ...base, kind: 'command', ...command }
            : { ...base, kind: 'text', text },
        );
      }
      return reply.code(202).send({ status });
    },
  );

  server.get<{ Querystring: { sessionId: string; after?: number; wait?: number } }>(
    '/api/chat/messages',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['sessionId'],
          properties: {
            sessionId: { type: 'string', pattern: ID },
            after: { type: 'integer', minimum: 0, default: 0 },
            wait: { type: 'integer', minimum: 0, maximum: 1, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const { sessionId, after = 0, wait = 0 } = request.query;
      const read = () =>
        deps.store.outbox
          .listForChat('web', sessionId, after, 50)
          .filter((m) => m.status === 'sent')
          .map(toWebMessage);
      let messages = read();
      if (messages.length === 0 && wait === 1) {
        const aborted = new AbortController();
        request.raw.once('close', () => aborted.abort());
        await deps.sender.waitForMessage(sessionId, LONG_POLL_MS, aborted.signal);
        messages = read();
      }
      return { messages };
    },
  );

  // What a reloaded page shows: both sides of this session's conversation, from the outbox and the transcript of
  // the session's own citizen (found through the chat's messages, so another chat's lines can never come back).
  server.get<{ Querystring: { sessionId: string; lang?: string } }>(
    '/api/chat/history',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['sessionId'],
          properties: { sessionId: { type: 'string', pattern: ID }, lang: { type: 'string', maxLength: 16 } },
        },
      },
    },
    async (request) => {
      const { sessionId, lang } = request.query;
      const locale = isLocale(lang) ? lang : 'ru';
      const all = deps.store.outbox.listForChat('web', sessionId, 0, 10_000);
      const sent = all.filter((m) => m.status === 'sent');
      const citizenIds = [...new Set(all.map((m) => m.citizenId))];
      const lines = citizenIds
        .flatMap((id) => deps.store.transcript.list(id, 2 * HISTORY_LIMIT))
        .sort((a, b) => a.id - b.id);
      const items = buildWebHistory(
        sent,
        lines,
        {
          privateAnswer: deps.translator.t(locale, 'web.private_answer'),
          location: deps.translator.t(locale, 'buttons.share_location'),
        },
        (line) =>
          line.inboundEventId != null ? deps.store.inbox.get(line.inboundEventId)?.event.eventId : undefined,
      ).slice(-HISTORY_LIMIT);
      return { items, after: sent.at(-1)?.id ?? 0 };
    },
  );

  // «Закончить разговор»: what /forget and its «Да, удалить» do, in one request (the page asked for confirmation).
  server.post<{ Body: { sessionId: string; eventId: string } }>(
    '/api/chat/forget',
    {
      schema: {
        body: {
          type: 'object',
          required: ['sessionId', 'eventId'],
          additionalProperties: false,
          properties: {
            sessionId: { type: 'string', pattern: ID },
            eventId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,60}$' },
          },
        },
      },
    },
    async (request, reply) => {
      const { sessionId, eventId } = request.body;
      const status = await forgetWebSession(deps.inbound, sessionId, eventId);
      return reply.code(202).send({ status });
    },
  );

  server.get('/api/chat/new-session', async () => ({ sessionId: randomUUID().replace(/-/g, '') }));
}
