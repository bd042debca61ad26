/**
 * /metrics and /readyz over HTTP (fastify inject) while citizens write: the counters a dashboard is built on move
 * with real messages, the histogram times real replies, and each app instance counts only its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { DeliveryError, type PlatformSender } from '../../../src/messaging/delivery.js';
import type { IncomingEvent } from '../../../src/messaging/incoming-event.js';
import { citizenSays, consoleTestApp, TEST_PASSWORD_COST } from '../../support/console-kit.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { createTestApp, testConfig } from '../../support/test-app.js';
import { waitFor } from '../../support/wait-for.js';

let apps: App[] = [];
afterEach(async () => {
  for (const app of apps) await app.stop({ flushTimeoutMs: 200 });
  apps = [];
});

async function boot(...args: Parameters<typeof createTestApp>): Promise<App> {
  const app = await createTestApp(...args);
  apps.push(app);
  return app;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(app: App, headers: Record<string, string> = {}) {
  const res = await app.server.inject({ method: 'GET', url: '/metrics', headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = parse(res.body);
  return (name: string, labels: Record<string, string> = {}) =>
    samples
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
}

let n = 0;
async function say(app: App, session: string, text: string, eventId = `metrics-event-${++n}`) {
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/chat/events',
    payload: { sessionId: session, eventId, kind: 'text', text },
  });
  expect(res.statusCode).toBe(202);
}

const sentTo = (app: App, chat: string) =>
  app.store.outbox.listForChat('web', chat, 0, 100).filter((m) => m.status === 'sent').length;

describe('/metrics', () => {
  it('counts messages in and out, outcomes, reply latency, the queue and the outbox as a citizen writes', async () => {
    const app = await boot({}, { http: false });
    await app.start();
    const initial = await scrape(app);
    expect(initial('assistant_messages_in_total')).toBe(0);
    expect(initial('assistant_reply_latency_seconds_count')).toBe(0);

    await say(app, 'metricsweb0001', 'сколько материнский капитал на первого ребенка', 'same-event-1');
    await say(app, 'metricsweb0001', 'сколько материнский капитал на первого ребенка', 'same-event-1');
    await waitFor(() => sentTo(app, 'metricsweb0001') >= 1, 'the answer delivered');
    await say(app, 'metricsweb0002', 'позовите живого человека');
    await waitFor(() => app.store.handoffs.listOpen().length === 1, 'a ticket');
    await say(app, 'metricsweb0003', 'какая завтра погода в москве');
    await app.runner.idle();
    await waitFor(() => app.store.outbox.pendingCount() === 0, 'everything delivered');

    const m = await scrape(app);
    const chats = ['metricsweb0001', 'metricsweb0002', 'metricsweb0003'];
    expect(m('assistant_messages_in_total', { platform: 'web', status: 'accepted' })).toBe(3);
    expect(m('assistant_messages_in_total', { platform: 'web', status: 'duplicate' })).toBe(1);
    const delivered = chats.map((c) => app.store.outbox.listForChat('web', c, 0, 100).length);
    expect(m('assistant_messages_out_total', { platform: 'web' })).toBe(delivered.reduce((a, b) => a + b));
    // What the transcript says the engine did, the counters say too ("refuse" is shown as out_of_scope).
    const outcomes = chats.map((chat) => {
      const citizen = app.store.citizens.findOrCreate('web', chat, chat, { locale: 'ru', now: Date.now() });
      return app.store.transcript.list(citizen.id).find((l) => l.direction === 'in')?.outcome;
    });
    expect(outcomes.slice(1)).toEqual(['handoff', 'refuse']);
    expect(['answer', 'clarify']).toContain(outcomes[0]);
    expect(m('assistant_search_outcomes_total', { outcome: outcomes[0]! })).toBe(1);
    expect(m('assistant_search_outcomes_total', { outcome: 'handoff' })).toBe(1);
    expect(m('assistant_search_outcomes_total', { outcome: 'out_of_scope' })).toBe(1);
    expect(m('assistant_search_outcomes_total')).toBe(3);
    // One timed first reply per message, each between acceptance and delivery.
    expect(m('assistant_reply_latency_seconds_count', { platform: 'web' })).toBe(3);
    expect(m('assistant_reply_latency_seconds_sum', { platform: 'web' })).toBeGreaterThan(0);
    expect(m('assistant_reply_latency_seconds_bucket', { platform: 'web', le: '5' })).toBe(3);
    expect(m('assistant_processing_seconds_count')).toBe(3);
    expect(m('assistant_handoff_queue_length', { state: 'waiting', priority: 'normal' })).toBe(1);
    expect(m('assistant_handoff_queue_length', { state: 'assigned' })).toBe(0);
    expect(m('assistant_handoff_oldest_wait_seconds')).toBeGreaterThanOrEqual(0);
    expect(m('assistant_outbox_pending')).toBe(0);

    // A second app in the same process counts only its own citizens.
    const other = await boot({}, { http: false });
    expect((await scrape(other))('assistant_messages_in_total')).toBe(0);
  });

  it('exports every known labelled series as 0 from the start, so that alerts see 0 rather than no data', async () => {
    const app = await boot({}, { http: false });
    await app.start();
    const res = await app.server.inject({ method: 'GET', url: '/metrics' });
    const series = parse(res.body).map((s) => `${s.name}${JSON.stringify(s.labels)} ${s.value}`);
    const expected = [
      ...['accepted', 'duplicate', 'failed'].map(
        (status) => `assistant_messages_in_total{"platform":"web","status":"${status}"} 0`,
      ),
      'assistant_messages_out_total{"platform":"web"} 0',
      'assistant_reply_latency_seconds_count{"platform":"web"} 0',
      'assistant_processing_failures_total{"platform":"web"} 0',
      'assistant_flood_limited_total{"platform":"web"} 0',
      ...['retry', 'blocked', 'rejected'].map(
        (kind) => `assistant_delivery_failures_total{"platform":"web","kind":"${kind}"} 0`,
      ),
      ...['answer', 'clarify', 'handoff', 'out_of_scope', 'other'].map(
        (outcome) => `assistant_search_outcomes_total{"outcome":"${outcome}"} 0`,
      ),
    ];
    expect(series).toEqual(expect.arrayContaining(expected));
    // Only the platforms this instance serves (no Telegram here).
    expect(series.filter((s) => s.includes('"platform":"telegram"'))).toEqual([]);
  });

  it("observes a ticket's wait once, when a consultant takes it; a transfer is not another wait", async () => {
    let now = Date.UTC(2027, 0, 15, 9);
    const app = await consoleTestApp({}, { clock: () => now, console: { passwordCost: TEST_PASSWORD_COST } });
    apps.push(app);
    await app.start();
    const service = app.console!.service;
    const staff = async (login: string) =>
      (
        await service.createAccount({
          login,
          displayName: login,
          role: 'consultant',
          password: 'pw-123456789',
        })
      ).account;
    const maria = await staff('maria');
    const oleg = await staff('oleg');
    await citizenSays(app, 'waiting-citizen', { kind: 'text', text: 'позовите живого человека' });
    const [ticket] = app.store.handoffs.listOpen();
    expect(ticket).toBeDefined();

    now += 90_000;
    expect(await service.take(maria, ticket!.id)).toMatchObject({ ok: true });
    const taken = await scrape(app);
    expect(taken('assistant_handoff_wait_seconds_count')).toBe(1);
    expect(taken('assistant_handoff_wait_seconds_sum')).toBe(90);
    expect(taken('assistant_handoff_wait_seconds_bucket', { le: '60' })).toBe(0);
    expect(taken('assistant_handoff_wait_seconds_bucket', { le: '120' })).toBe(1);

    now += 600_000;
    expect(await service.transfer(maria, ticket!.id, oleg.id)).toMatchObject({ ok: true });
    const transferred = await scrape(app);
    expect(transferred('assistant_handoff_wait_seconds_count')).toBe(1);
    expect(transferred('assistant_handoff_wait_seconds_sum')).toBe(90);
  });

  it('counts failed deliveries (retries) and the outbox backlog while a platform fails', async () => {
    let failuresLeft = 2;
    const sent: string[] = [];
    const flaky: PlatformSender = {
      platform: 'cli',
      limits: { perChatPerSecond: 1000, globalPerSecond: 1000 },
      async send(chatId) {
        if (failuresLeft-- > 0) throw new DeliveryError({ kind: 'retry', reason: 'HTTP 502' });
        sent.push(chatId);
        return { platformMessageIds: [String(sent.length)] };
      },
    };
    const app = await boot({ webChat: false }, { http: false, senders: [flaky] });
    await app.start();
    const event: IncomingEvent = {
      kind: 'start',
      eventId: 'cli-1',
      platform: 'cli',
      userId: 'u1',
      chatId: 'u1',
      receivedAt: Date.now(),
    };
    await app.runner.accept(event);
    await app.runner.idle();
    await waitFor(() => failuresLeft <= 0, 'two failed attempts');
    await waitFor(() => sent.length >= 1, 'delivered after the retries');
    // Counted once the delivery is recorded as sent (a moment after the platform took it).
    const m = await waitFor(async () => {
      const scraped = await scrape(app);
      return scraped('assistant_messages_out_total', { platform: 'cli' }) === sent.length && scraped;
    }, 'the delivery counted');
    expect(m('assistant_delivery_failures_total', { platform: 'cli', kind: 'retry' })).toBe(2);
    expect(m('assistant_messages_out_total', { platform: 'cli' })).toBe(sent.length);
    expect(m('assistant_messages_in_total', { platform: 'cli', status: 'accepted' })).toBe(0); // not via a channel
    expect(m('assistant_reply_latency_seconds_count', { platform: 'cli' })).toBe(1);
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'scrape-token-0123456789';
    const app = await boot(
      { operations: { ...testConfig().operations, metricsToken: token } },
      { http: false },
    );
    const get = (authorization?: string) =>
      app.server.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
    expect((await get()).statusCode).toBe(401);
    expect((await get(`Bearer ${token}x`)).statusCode).toBe(401);
    expect((await get(`Basic ${token}`)).statusCode).toBe(401);
    const ok = await get(`Bearer ${token}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('assistant_messages_in_total');
  });
});

describe('/readyz', () => {
  it('is ready with the database and the knowledge base, and says which part is missing', async () => {
    const app = await boot({}, { http: false });
    const ready = await app.server.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: true, messengers: {} });
    expect(ready.json().knowledgeEntries).toBeGreaterThan(50);

    // The database gone (disk, permissions): the orchestrator stops sending traffic here.
    apps = apps.filter((a) => a !== app);
    app.store.close();
    const down = await app.server.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'not ready', database: false });
  });

  it('follows the messenger connection: not ready before Telegram answers, ready after, not ready when it is gone', async () => {
    const fake = await FakeBotApi.start();
    try {
      const app = await boot(
        { webChat: false, telegram: { mode: 'polling', token: fake.token, apiRoot: fake.apiRoot } },
        { http: false },
      );
      const readyz = async () => {
        const res = await app.server.inject({ method: 'GET', url: '/readyz' });
        return {
          status: res.statusCode,
          telegram: (res.json() as { messengers: { telegram: boolean } }).messengers.telegram,
        };
      };
      expect(await readyz()).toEqual({ status: 503, telegram: false });
      await app.start();
      await waitFor(async () => (await readyz()).status === 200, 'ready once connected');
      await fake.close();
      await waitFor(async () => (await readyz()).status === 503, 'not ready when Telegram is gone', {
        timeoutMs: 15_000,
      });
    } finally {
      await fake.close().catch(() => undefined);
    }
  });
});
