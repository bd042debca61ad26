/**
 * A web chat session left unused for two hours (WEB_SESSION_IDLE_MS) is forgotten on the server as «Закончить
 * разговор и удалить переписку» forgets it, not only hidden on the device; a conversation that reached the console
 * (a ticket or a complaint, open or closed) is the console's record and stays.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { WEB_SESSION_IDLE_MS } from '../../../src/bots/web/web-chat-page.js';
import { toPlainText } from '../../../src/messaging/rich-text.js';
import { translator } from '../../support/dialog-harness.js';
import { createTestApp } from '../../support/test-app.js';

let app: App | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

let offset = 0;
const clock = () => Date.now() + offset;
let n = 0;

async function say(sessionId: string, text: string): Promise<void> {
  const res = await app!.server.inject({
    method: 'POST',
    url: '/api/chat/events',
    payload: { sessionId, eventId: `exp-${Date.now()}-${++n}`, kind: 'text', text },
  });
  expect(res.statusCode).toBe(202);
  await app!.runner.idle();
  await app!.delivery.flush(2000);
}

/** What a reloaded page of this session would show, as plain text. */
async function history(sessionId: string): Promise<string[]> {
  const res = await app!.server.inject({ method: 'GET', url: `/api/chat/history?sessionId=${sessionId}` });
  return (res.json().items as { from: string; text?: string; message?: { text: never } }[]).map((i) =>
    i.from === 'me' ? `me:${i.text}` : `bot:${toPlainText(i.message!.text)}`,
  );
}

function transcriptOf(sessionId: string): string[] {
  const ids = new Set(app!.store.outbox.listForChat('web', sessionId, 0, 1000).map((m) => m.citizenId));
  return [...ids].flatMap((id) => app!.store.transcript.list(id)).map((l) => l.text);
}

describe('web chat sessions idle for two hours', () => {
  it('are forgotten as «Закончить разговор» forgets them; tickets, open or closed, and recent sessions are kept', async () => {
    offset = 0;
    app = await createTestApp({}, { http: false, clock });
    await app.start();
    await say('idle-session-01', 'как оформить субсидию на оплату жкх');
    await say('queued-session-01', 'позовите живого человека');
    expect(app.store.handoffs.listOpen()).toHaveLength(1);
    const ticket = app.store.handoffs.listOpen()[0]!;
    await say('closed-session-01', 'позовите живого человека');
    const closed = app.store.handoffs.listOpen().find((h) => h.id !== ticket.id)!;
    app.store.handoffs.close(closed.id, { resolution: 'answered', closedBy: null, now: clock() });

    offset = WEB_SESSION_IDLE_MS - 60_000;
    await say('recent-session-01', 'спасибо');
    // Not yet two hours: nothing goes.
    expect(await app.webSessions!.runOnce()).toBe(0);

    offset = WEB_SESSION_IDLE_MS + 60_000;
    expect(await app.webSessions!.runOnce()).toBe(1);
    await app.runner.idle();
    await app.delivery.flush(2000);

    // What the citizen wrote and was told is gone; the chat holds only the goodbye, as after the button.
    expect(transcriptOf('idle-session-01').join('\n')).not.toMatch(/субсидию/);
    expect(await history('idle-session-01')).toEqual([expect.stringMatching(/^bot:.*ваши данные удалены/)]);
    // The consultant's ticket and its conversation stay; so does a session used within the two hours.
    expect(app.store.handoffs.get(ticket.id)?.status).toBe('open');
    expect(await history('queued-session-01')).toContain('me:позовите живого человека');
    // A closed ticket's conversation and rating are the console's records (waits, ratings): they stay too.
    expect(app.store.handoffs.get(closed.id)?.status).toBe('closed');
    expect(await history('closed-session-01')).toContain('me:позовите живого человека');
    expect(await history('recent-session-01')).toContain('me:спасибо');

    // Run again much later: the goodbye alone is not a conversation to forget again.
    offset = 3 * WEB_SESSION_IDLE_MS;
    expect(await app.webSessions!.runOnce()).toBe(1); // the recent session, now idle too
    await app.runner.idle();
    expect(await app.webSessions!.runOnce()).toBe(0);
    expect(await history('idle-session-01')).toHaveLength(1);
    expect(app.store.handoffs.get(ticket.id)?.status).toBe('open');
  });

  it('are not forgotten for a server outage: only two hours of quiet the server heard count', async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-expiry-'));
    const databasePath = join(dir, 'assistant.sqlite');
    offset = 0;
    app = await createTestApp({ databasePath }, { http: false, clock });
    await app.start();
    await say('outage-session-01', 'как оформить субсидию на оплату жкх');
    await app.stop({ flushTimeoutMs: 200 });

    // Three hours down: the page may have been in use all along, its messages waiting to be sent.
    offset = 3 * 3600_000;
    app = await createTestApp({ databasePath }, { http: false, clock });
    await app.start();
    expect(await app.webSessions!.runOnce()).toBe(0);
    expect(await history('outage-session-01')).toContain('me:как оформить субсидию на оплату жкх');

    offset += WEB_SESSION_IDLE_MS + 60_000;
    expect(await app.webSessions!.runOnce()).toBe(1);
  });

  it('are not forgotten while a message of theirs waits to be processed', async () => {
    offset = 0;
    app = await createTestApp({}, { http: false, clock });
    await app.start();
    await say('waiting-session-01', 'как оформить субсидию');
    const citizen = app.store.citizens.findOrCreate('web', 'waiting-session-01', 'waiting-session-01', {
      locale: 'ru',
      now: clock(),
    });
    // Stored, not yet processed (as after a crash, before the restart processes it).
    app.store.inbox.insert(citizen.id, {
      eventId: 'waiting-event-01',
      platform: 'web',
      userId: 'waiting-session-01',
      chatId: 'waiting-session-01',
      receivedAt: clock(),
      kind: 'text',
      text: 'а документы?',
    });
    offset = WEB_SESSION_IDLE_MS + 60_000;
    expect(await app.webSessions!.runOnce()).toBe(0);
  });
});

describe('/privacy', () => {
  const hours = WEB_SESSION_IDLE_MS / 3_600_000;
  /** The point of the notice about the web chat: the one that mentions the server. */
  const aboutExpiry = (text: string, server: RegExp) =>
    text.split('\n').find((line) => server.test(line)) ?? '';

  it('tells a web chat citizen that an idle conversation is deleted on the server, unless it reached the console', async () => {
    offset = 0;
    app = await createTestApp({}, { http: false, clock });
    await app.start();
    await say('privacy-session-01', '/privacy');
    const reply = (await history('privacy-session-01')).join('\n');
    const point = aboutExpiry(reply, /сервер/);
    expect(point, reply).toMatch(new RegExp(`${hours} час`));
    expect(point).toMatch(/удаля/);
    // The exceptions of sqlite-idle-sessions.ts: a consultant ticket or a complaint keeps the conversation.
    expect(point).toMatch(/консультант/);
    expect(point).toMatch(/жалоб/);
    // And that any conversation is anonymised after RETENTION_DAYS (the app's own figure).
    expect(reply).toMatch(/Переписку старше 365 дней мы обезличиваем/);
  });

  it('says the same in English', () => {
    const point = aboutExpiry(translator.t('en', 'privacy.full'), /server/);
    expect(point).toMatch(new RegExp(`${hours} hours`));
    expect(point).toMatch(/deleted/);
    expect(point).toMatch(/consultant/);
    expect(point).toMatch(/complaint/);
  });
});
