/**
 * Strangers posting garbage to the webhook endpoints of the whole app (Telegram webhook mode and VK Callback API
 * at once): 1,000 malformed bodies to each (random JSON, wrong types, huge strings, wrong or missing secrets,
 * bodies that are not JSON) get 4xx answers, nothing is stored and the process keeps serving; bodies over the size
 * limit are refused before they are read.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { FakeVkApi } from '../../support/fake-vk/fake-vk-api.js';
import { CALLBACK_SECRET, callbackConfig } from '../../support/fake-vk/vk-test-kit.js';
import { createTestApp } from '../../support/test-app.js';

const TG_SECRET = 'fuzz-webhook-secret_0123456789';
const BODIES = 1000;

/** A small seeded generator (mulberry32): the same bodies on every run, so a failure can be reproduced. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const string = (max = 40) =>
    Array.from({ length: int(max) }, () =>
      pick(['a', 'я', '0', ' ', '"', '\\', '\u0000', '😀', '<b>', '%']),
    ).join('');
  const scalar = (): unknown =>
    pick([
      () => null,
      () => true,
      () => int(1e9) - 5e8,
      () => next() * 1e20,
      () => -0.5,
      () => string(),
      () => 'x'.repeat(int(60_000)),
      () => Number.MAX_SAFE_INTEGER + 2,
    ])();
  const value = (depth: number): unknown => {
    if (depth > 3 || next() < 0.4) return scalar();
    if (next() < 0.3) return Array.from({ length: int(5) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: int(6) }, () => [pick(KEYS), value(depth + 1)]));
  };
  return { next, int, pick, string, scalar, value };
}

/** Field names that real updates use, so that random objects get close to the real shape. */
const KEYS = [
  'update_id',
  'message',
  'callback_query',
  'chat',
  'from',
  'id',
  'text',
  'date',
  'type',
  'object',
  'group_id',
  'secret',
  'event_id',
  'peer_id',
  'from_id',
  'payload',
  'data',
  'message_id',
  'is_bot',
  'first_name',
  'language_code',
  'user_id',
  'conversation_message_id',
];

interface Case {
  body: string;
  contentType: string;
  secret?: string | undefined;
}

/** Garbage for POST /webhooks/telegram: most with the right secret, so that the body checks are exercised. */
function telegramCases(seed: number): Case[] {
  const r = random(seed);
  const json = (body: unknown, secret: string | undefined = TG_SECRET): Case => ({
    body: JSON.stringify(body) ?? 'null',
    contentType: 'application/json',
    secret,
  });
  const message = () => ({
    message_id: r.pick([1, 'x', null, -1]),
    date: r.pick([1_700_000_000, 'yesterday', null]),
    chat: r.pick([{ id: r.int(1e6), type: 'private' }, { id: 'abc', type: 'private' }, 'chat', null, []]),
    from: r.pick([{ id: r.int(1e6), is_bot: false, first_name: 'Иван' }, { id: 'me' }, 5, undefined]),
    text: r.pick([r.string(), 42, ['список'], { t: 1 }, 'я'.repeat(30_000), undefined]),
  });
  const generators: (() => Case)[] = [
    () => json(r.value(0)),
    () => json(r.value(0), r.pick([undefined, '', 'wrong', `${TG_SECRET}x`, TG_SECRET.toUpperCase()])),
    () => json({ update_id: r.pick([r.int(1e6), 1.5, '7', -1, null, 2 ** 60]), message: message() }),
    () => json({ update_id: r.int(1e6), message: message() }, r.pick([undefined, 'nope-nope-nope-nope'])),
    () => json({ update_id: r.int(1e6), callback_query: r.pick([{ id: 5, data: 7 }, 'q', { from: null }]) }),
    () => json({ update_id: r.int(1e6), message: r.pick(['text', 5, [], null, true]) }),
    () => json(r.pick([[], [1, 2], 'update', 7, null, true])),
    () => ({
      body: r.pick(['{', '{"update_id": 1,', 'not json', '', '\u0000\u0001']),
      contentType: 'application/json',
      secret: TG_SECRET,
    }),
    () => ({
      body: 'update_id=1&message=hi',
      contentType: 'application/x-www-form-urlencoded',
      secret: TG_SECRET,
    }),
    () => ({ body: r.string(200), contentType: 'text/plain', secret: TG_SECRET }),
  ];
  return Array.from({ length: BODIES }, () => r.pick(generators)());
}

/** Garbage for POST /webhooks/vk (the secret travels in the body). */
function vkCases(seed: number, groupId: number): Case[] {
  const r = random(seed);
  const json = (body: unknown): Case => ({
    body: JSON.stringify(body) ?? 'null',
    contentType: 'application/json',
  });
  const object = () =>
    r.pick([
      {
        message: {
          from_id: r.pick([r.int(1e6), 'me', null]),
          peer_id: r.pick([5, 'x']),
          text: r.pick([r.string(), 7, null, 'я'.repeat(30_000)]),
          id: r.pick([1, 'a']),
          date: 'now',
        },
      },
      { message: 'hello' },
      { user_id: 'x', peer_id: [], payload: r.pick([{}, 'x', 5]), event_id: 7 },
      r.value(1),
      [],
      null,
      'object',
    ]);
  const generators: (() => Case)[] = [
    () => json(r.value(0)),
    () =>
      json({
        type: r.pick([
          'message_new',
          'message_event',
          'confirmation',
          'group_join',
          r.string(),
          'x'.repeat(50_000),
        ]),
        group_id: r.pick([groupId, String(groupId), 1, null]),
        secret: r.pick([undefined, '', 'wrong', `${CALLBACK_SECRET}x`, 5, null, ['s']]),
        object: object(),
      }),
    () =>
      json({
        type: r.pick(['message_new', 'message_event', 'message_reply', 7, null]),
        group_id: groupId,
        secret: CALLBACK_SECRET,
        event_id: r.pick([r.string(), 5, null, undefined]),
        object: object(),
      }),
    () =>
      json({
        type: 'message_new',
        group_id: groupId,
        secret: CALLBACK_SECRET,
        object: r.pick(['x', 5, null, [], true]),
      }),
    () => json(r.pick([[], 'callback', 0, null, false])),
    () => ({ body: r.pick(['{', '{"type":', 'garbage', '']), contentType: 'application/json' }),
    () => ({
      body: `type=message_new&secret=${CALLBACK_SECRET}`,
      contentType: 'application/x-www-form-urlencoded',
    }),
  ];
  return Array.from({ length: BODIES }, () => r.pick(generators)());
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/**
 * Authentic-looking bodies of a kind the assistant does not act on. The platforms expect 200 for those (a 4xx makes
 * them deliver it again and, for VK, eventually switch the server off), so 200 is right, with nothing stored.
 */
function ignorableTelegram(c: Case): boolean {
  const body = parsed(c.body);
  if (c.secret !== TG_SECRET || !isPlainObject(body)) return false;
  const kinds = Object.keys(body).filter((k) => k !== 'update_id');
  return (
    Number.isSafeInteger(body.update_id) &&
    (body.update_id as number) >= 0 &&
    kinds.length === 1 &&
    !['message', 'callback_query'].includes(kinds[0]!) &&
    isPlainObject(body[kinds[0]!])
  );
}

function ignorableVk(c: Case, groupId: number): boolean {
  const body = parsed(c.body);
  return (
    isPlainObject(body) &&
    body.secret === CALLBACK_SECRET &&
    body.group_id === groupId &&
    typeof body.type === 'string' &&
    !['message_new', 'message_event'].includes(body.type) &&
    (body.object === undefined || isPlainObject(body.object))
  );
}

let app: App;
let base: string;
let telegram: FakeBotApi;
let vk: FakeVkApi;

beforeAll(async () => {
  telegram = await FakeBotApi.start();
  vk = await FakeVkApi.start();
  app = await createTestApp(
    {
      webChat: false,
      telegram: {
        mode: 'webhook',
        token: telegram.token,
        apiRoot: telegram.apiRoot,
        publicUrl: 'https://bot.example.org',
        webhookSecret: TG_SECRET,
      },
      vk: callbackConfig(vk),
    },
    {},
  );
  base = await app.start();
});

afterAll(async () => {
  await app.stop({ flushTimeoutMs: 200 });
  await telegram.close();
  await vk.close();
});

function stored() {
  const db = (app.store as unknown as { sqlite: import('better-sqlite3').Database }).sqlite;
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { events: count('inbound_events'), citizens: count('citizens'), outbox: count('outbox') };
}

async function send(path: string, c: Case): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': c.contentType,
      ...(c.secret !== undefined ? { 'x-telegram-bot-api-secret-token': c.secret } : {}),
    },
    body: c.body,
  });
  await res.arrayBuffer();
  return res.status;
}

async function fuzz(path: string, cases: Case[], ignorable: (c: Case) => boolean) {
  const statuses = new Map<number, number>();
  const unexpected: { status: number; body: string }[] = [];
  const started = Date.now();
  // A few at a time, as a crowd of strangers would.
  for (let i = 0; i < cases.length; i += 8) {
    const batch = cases.slice(i, i + 8);
    const results = await Promise.all(batch.map((c) => send(path, c)));
    results.forEach((status, j) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const ok = (status >= 400 && status < 500) || (status === 200 && ignorable(batch[j]!));
      if (!ok) unexpected.push({ status, body: batch[j]!.body.slice(0, 300) });
    });
  }
  return { statuses: Object.fromEntries(statuses), unexpected, ms: Date.now() - started };
}

/**
 * Declares a body of `declared` bytes but sends only the first kilobyte: an early refusal answers at once, while a
 * server that reads before checking would wait for the rest (and time out here).
 */
function postOversized(path: string, declared: number): Promise<{ status: number; ms: number }> {
  const url = new URL(`${base}${path}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': declared,
          'x-telegram-bot-api-secret-token': TG_SECRET,
        },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - started });
        req.destroy();
      },
    );
    req.on('error', (error) => (Date.now() - started < 5_000 ? undefined : reject(error)));
    req.write(`{"update_id":1,"type":"message_new","pad":"${'x'.repeat(1000)}`);
    setTimeout(() => reject(new Error('no early answer')), 5_000).unref();
  });
}

describe('bodies over the size limit', () => {
  it('are refused with 413 before they are read, on both webhook endpoints', async () => {
    const baseline = stored();
    const telegram = await postOversized('/webhooks/telegram', 200 * 1024);
    const vkResult = await postOversized('/webhooks/vk', 2 * 1024 * 1024);
    expect(telegram.status).toBe(413);
    expect(vkResult.status).toBe(413);
    expect(Math.max(telegram.ms, vkResult.ms)).toBeLessThan(2_000);
    expect(stored()).toEqual(baseline);
  });

  it('a real update just under the Telegram limit is still taken', async () => {
    // 4,096 Cyrillic characters, escaped the way Telegram sends them (\uXXXX), with a quoted reply of the same size.
    const text = 'я'.repeat(4096);
    const message = (id: number) => ({
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 9001, type: 'private' },
      from: { id: 9001, is_bot: false, first_name: 'Иван' },
      text,
    });
    const body = JSON.stringify({
      update_id: 424242,
      message: { ...message(2), reply_to_message: message(1) },
    }).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(body.length).toBeGreaterThan(48 * 1024);
    expect(body.length).toBeLessThan(128 * 1024);
    const baseline = stored().events;
    const status = await send('/webhooks/telegram', {
      body,
      contentType: 'application/json',
      secret: TG_SECRET,
    });
    expect(status).toBe(200);
    expect(stored().events).toBe(baseline + 1);
    // Its answer is queued right after (the next tests count the outbox too).
    await app.runner.idle();
  });
});

describe('malformed webhook bodies', () => {
  it(`${BODIES} to POST /webhooks/telegram: 4xx, nothing stored, still serving`, async () => {
    const baseline = stored();
    const result = await fuzz('/webhooks/telegram', telegramCases(1), ignorableTelegram);
    expect(result.unexpected.slice(0, 5)).toEqual([]);
    expect(stored()).toEqual(baseline);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(Object.keys(result.statuses).length).toBeGreaterThan(2); // 400, 401 and 415 at least
    console.info(`telegram: ${BODIES} malformed bodies in ${result.ms} ms`, result.statuses);
  }, 120_000);

  it(`${BODIES} to POST /webhooks/vk: 4xx, nothing stored, still serving`, async () => {
    const baseline = stored();
    const result = await fuzz('/webhooks/vk', vkCases(2, vk.groupId), (c) => ignorableVk(c, vk.groupId));
    expect(result.unexpected.slice(0, 5)).toEqual([]);
    expect(stored()).toEqual(baseline);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    console.info(`vk: ${BODIES} malformed bodies in ${result.ms} ms`, result.statuses);
  }, 120_000);
});
