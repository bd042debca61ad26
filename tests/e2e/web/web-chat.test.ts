import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { toPlainText } from '../../../src/messaging/rich-text.js';
import { createTestApp } from '../../support/test-app.js';

interface WebMessage {
  id: number;
  editOf: number | null;
  text: Parameters<typeof toPlainText>[0];
  buttons: { kind: string; label: string; payload?: string }[][];
}

let app: App;
beforeAll(async () => {
  app = await createTestApp({}, { http: false });
  await app.start();
});
afterAll(() => app.stop());

let n = 0;
const eventId = () => `evt-${Date.now()}-${++n}`;

async function post(body: Record<string, unknown>) {
  return app.server.inject({ method: 'POST', url: '/api/chat/events', payload: body });
}

async function messages(sessionId: string, after = 0): Promise<WebMessage[]> {
  const res = await app.server.inject({
    method: 'GET',
    url: `/api/chat/messages?sessionId=${sessionId}&after=${after}&wait=1`,
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { messages: WebMessage[] }).messages;
}

/** Reads until `count` new messages arrived after `after` (bounded). */
async function read(sessionId: string, after: number, count: number): Promise<WebMessage[]> {
  const got: WebMessage[] = [];
  for (let i = 0; i < 20 && got.length < count; i++)
    got.push(...(await messages(sessionId, Math.max(after, ...got.map((m) => m.id)))));
  return got;
}

describe('local web chat over HTTP', () => {
  it('serves the chat page with a strict content security policy', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.body).toContain('Помощник по социальной поддержке');
    expect((await app.server.inject({ method: 'GET', url: '/?lang=en' })).body).toContain(
      'Social support assistant',
    );
  });

  it('a citizen starts, asks, opens a section in place, and asks for a human', async () => {
    const session = 'websession0001';
    expect((await post({ sessionId: session, eventId: eventId(), kind: 'start' })).statusCode).toBe(202);
    const [menu] = await read(session, 0, 1);
    expect(toPlainText(menu!.text)).toMatch(/Здравствуйте/);
    expect(menu!.buttons.flat().map((b) => b.label)).toContain('👤 Консультант');

    await post({
      sessionId: session,
      eventId: eventId(),
      kind: 'text',
      text: 'сколько материнский капитал на первого ребенка в 2026',
    });
    const [answer] = await read(session, menu!.id, 1);
    const answerText = toPlainText(answer!.text);
    expect(answerText).toMatch(/Источник: .+Проверено: \d\d\.\d\d\.\d{4}/s);
    expect(answerText).toMatch(/728\u00a0921,9/);

    const section = answer!.buttons.flat().find((b) => b.payload?.startsWith('s:'))!;
    await post({
      sessionId: session,
      eventId: eventId(),
      kind: 'button',
      payload: section.payload,
      sourceMessageId: String(answer!.id),
    });
    const [edited] = await read(session, answer!.id, 1);
    expect(edited!.editOf).toBe(answer!.id);

    await post({ sessionId: session, eventId: eventId(), kind: 'text', text: 'позовите живого человека' });
    const [handoff] = await read(session, edited!.id, 1);
    expect(toPlainText(handoff!.text)).toMatch(/Передаю ваш вопрос консультанту/);
    expect(app.store.handoffs.listOpen()).toHaveLength(1);
  });

  it('a retried POST with the same event id is not answered twice', async () => {
    const session = 'websession0002';
    const id = eventId();
    expect((await post({ sessionId: session, eventId: id, kind: 'start' })).json()).toEqual({
      status: 'accepted',
    });
    expect((await post({ sessionId: session, eventId: id, kind: 'start' })).json()).toEqual({
      status: 'duplicate',
    });
    await app.runner.idle();
    await app.delivery.flush(2000);
    const res = await app.server.inject({ method: 'GET', url: `/api/chat/messages?sessionId=${session}` });
    expect(res.json().messages).toHaveLength(1);
  });

  it('bad input gets a clean 4xx and nothing is stored', async () => {
    const before = app.store.outbox.pendingCount();
    const cases = [
      { body: { eventId: eventId(), kind: 'text', text: 'x' }, status: 400 },
      { body: { sessionId: 'bad id!', eventId: eventId(), kind: 'text', text: 'x' }, status: 400 },
      {
        body: { sessionId: 'websession0003', eventId: eventId(), kind: 'text', text: 'я'.repeat(10_001) },
        status: 400,
      },
      { body: { sessionId: 'websession0003', eventId: eventId(), kind: 'video' }, status: 400 },
      { body: { sessionId: 'websession0003', eventId: eventId(), kind: 'button' }, status: 400 },
    ];
    for (const c of cases) expect((await post(c.body)).statusCode).toBe(c.status);
    const notJson = await app.server.inject({
      method: 'POST',
      url: '/api/chat/events',
      headers: { 'content-type': 'application/json' },
      payload: '{"sessionId":',
    });
    expect(notJson.statusCode).toBe(400);
    const huge = await app.server.inject({
      method: 'POST',
      url: '/api/chat/events',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        sessionId: 'websession0003',
        eventId: eventId(),
        kind: 'text',
        text: 'x'.repeat(300_000),
      }),
    });
    expect(huge.statusCode).toBe(413);
    expect(
      (await app.server.inject({ method: 'GET', url: '/api/chat/messages?sessionId=x' })).statusCode,
    ).toBe(400);
    expect((await app.server.inject({ method: 'GET', url: '/nope' })).statusCode).toBe(404);
    expect(app.store.outbox.pendingCount()).toBe(before);
  });

  it('a 10,000-character message and markup in it are handled as plain text', async () => {
    const session = 'websession0004';
    await post({
      sessionId: session,
      eventId: eventId(),
      kind: 'text',
      text: `<script>alert(1)</script> ${'пособие '.repeat(1200)}`.slice(0, 10_000),
    });
    const [reply] = await read(session, 0, 1);
    expect(reply).toBeDefined();
    const res = await app.server.inject({ method: 'GET', url: `/api/chat/messages?sessionId=${session}` });
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('reports health and readiness', async () => {
    expect((await app.server.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.server.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: true });
  });
});
