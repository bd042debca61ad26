/**
 * The flood limit in the whole app: past the limit a citizen is told once to wait, every message is still stored
 * and transcribed (never dropped), none of them reaches the search, and answering resumes when the rate falls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import type { IncomingEvent } from '../../../src/messaging/incoming-event.js';
import { toPlainText } from '../../../src/messaging/rich-text.js';
import { createTestApp, testConfig } from '../../support/test-app.js';
import { waitFor } from '../../support/wait-for.js';

let app: App | undefined;
afterEach(() => app?.stop({ flushTimeoutMs: 200 }));

const LIMIT = 5;
let seq = 0;
const text = (userId: string, body: string, receivedAt: number): IncomingEvent => ({
  kind: 'text',
  text: body,
  eventId: `flood-${++seq}`,
  platform: 'web',
  userId,
  chatId: userId,
  languageCode: 'ru',
  receivedAt,
});

async function boot() {
  app = await createTestApp(
    { operations: { ...testConfig().operations, floodMessagesPerMinute: LIMIT } },
    { http: false },
  );
  return app;
}

describe('per-citizen flood limit', () => {
  it('stores everything, answers the first five, says "please wait" once, and answers again later', async () => {
    const app = await boot();
    await app.start();
    const t0 = Date.now();
    for (let i = 0; i < 12; i++)
      expect(await app.runner.accept(text('flooder', `пособие на ребенка ${i}`, t0 + i * 50))).toBe(
        'accepted',
      );
    // Another citizen at the same time is not affected.
    await app.runner.accept(text('calm', 'пособие на ребенка', t0 + 100));
    await app.runner.idle();

    const citizen = app.store.citizens.findOrCreate('web', 'flooder', 'flooder', { locale: 'ru', now: t0 });
    const lines = app.store.transcript.list(citizen.id);
    const incoming = lines.filter((l) => l.direction === 'in');
    expect(incoming.map((l) => l.text)).toEqual(
      Array.from({ length: 12 }, (_, i) => `пособие на ребенка ${i}`),
    );
    const limited = incoming.filter((l) => l.detail === 'flood-limit');
    expect(limited).toHaveLength(12 - LIMIT);
    expect(incoming.slice(0, LIMIT).every((l) => l.detail !== 'flood-limit')).toBe(true);
    expect(app.store.inbox.pending(100)).toEqual([]);

    const wait = app.translator.t('ru', 'flood.wait');
    const outgoing = lines.filter((l) => l.direction === 'out');
    expect(outgoing.filter((l) => l.text === wait)).toHaveLength(1);
    // The wait notice is the only reply after the fifth message (a message's replies precede its own line).
    const afterLimit = lines.slice(lines.indexOf(incoming[LIMIT - 1]!) + 1);
    expect(afterLimit.filter((l) => l.direction === 'out').map((l) => l.text)).toEqual([wait]);

    const calm = app.store.citizens.findOrCreate('web', 'calm', 'calm', { locale: 'ru', now: t0 });
    expect(app.store.transcript.list(calm.id).some((l) => l.text === wait)).toBe(false);

    // A minute later the rate has fallen: the next question is answered by the assistant again.
    await app.runner.accept(text('flooder', 'как оформить единое пособие', t0 + 61_000));
    await app.runner.idle();
    const last = app.store.transcript
      .list(citizen.id)
      .filter((l) => l.direction === 'in')
      .at(-1)!;
    expect(last.text).toBe('как оформить единое пособие');
    expect(last.detail).not.toBe('flood-limit');
    expect(last.outcome).not.toBeNull();

    await waitFor(() => app.store.outbox.pendingCount() === 0, 'replies delivered');
    const sent = app.store.outbox
      .listForChat('web', 'flooder', 0, 100)
      .map((m) => toPlainText(m.message.text));
    expect(sent.filter((s) => s === wait)).toHaveLength(1);
    expect(await app.metrics.render()).toMatch(/assistant_flood_limited_total\{platform="web"\} 7/);
  });

  it('tells an English-speaking citizen in English', async () => {
    const app = await boot();
    await app.start();
    const t0 = Date.now();
    for (let i = 0; i <= LIMIT; i++)
      await app.runner.accept({ ...text('visitor', `benefit ${i}`, t0 + i), languageCode: 'en' });
    await app.runner.idle();
    const citizen = app.store.citizens.findOrCreate('web', 'visitor', 'visitor', { locale: 'en', now: t0 });
    const out = app.store.transcript.list(citizen.id).filter((l) => l.direction === 'out');
    expect(out.at(-1)!.text).toBe(app.translator.t('en', 'flood.wait'));
    expect(out.at(-1)!.text).toMatch(/^You are writing faster/);
  });
});
