/**
 * The whole assistant (createApp: storage, dialog engine, outbox, delivery worker) talking to a citizen through
 * the real grammY against the fake Bot API, as a person would use it in Telegram.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import type { AppConfig } from '../../../src/config/config.js';
import { plainText } from '../../../src/messaging/rich-text.js';
import { ALWAYS_OPEN } from '../../support/console-kit.js';
import { Citizen } from '../../support/fake-telegram/citizen.js';
import {
  FakeBotApi as Fake,
  type FakeBotApi,
  type FakeMessage,
} from '../../support/fake-telegram/fake-bot-api.js';
import { createTestApp, testConfig } from '../../support/test-app.js';
import { sleep, waitFor } from '../../support/wait-for.js';
import { CapturedLog, sharedTranslator } from './telegram-harness.js';

let fake: FakeBotApi;
let dir: string;
let apps: App[] = [];
let log: CapturedLog;

beforeEach(async ({ onTestFailed }) => {
  fake = await Fake.start();
  dir = await mkdtemp(join(tmpdir(), 'telegram-flow-'));
  log = new CapturedLog();
  // The app's warnings and errors explain most failures here.
  onTestFailed(() => console.log(JSON.stringify(log.problems(), null, 1).slice(0, 4000)));
});

afterEach(async () => {
  for (const app of apps) await app.stop({ flushTimeoutMs: 200 });
  apps = [];
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

async function boot(overrides: Partial<AppConfig> = {}): Promise<App> {
  const app = await createTestApp(
    {
      databasePath: join(dir, 'assistant.sqlite'),
      webChat: false,
      telegram: { mode: 'polling', token: fake.token, apiRoot: fake.apiRoot },
      // Consultants at work whatever the hour the suite runs at: out of hours 👎 offers a consultant instead of
      // handing over at once.
      queue: testConfig({}, { QUEUE_WORKING_HOURS_FILE: ALWAYS_OPEN }).queue,
      ...overrides,
    },
    { logger: log.logger },
  );
  apps.push(app);
  await app.start();
  return app;
}

const t = (key: string) => sharedTranslator().t('ru', key);
const payloads = (m: FakeMessage | undefined): string[] =>
  ((m?.replyMarkup?.inline_keyboard ?? []) as { callback_data?: string }[][])
    .flat()
    .map((b) => b.callback_data)
    .filter((d): d is string => d !== undefined);

/** Waits until the chat has `count` messages from the bot (about one a second: Telegram's limit per chat). */
const messages = (citizen: Citizen, count: number, what: string, timeoutMs = 6_000) =>
  waitFor(() => fake.messagesIn(citizen.id).length >= count && fake.messagesIn(citizen.id), what, {
    timeoutMs,
  });

const QUESTION = 'Как оформить единое пособие на детей?';

describe('the assistant in Telegram', () => {
  it('greets with the menu, answers a question, opens sections in place, takes 👍/👎 and hands off', async () => {
    await boot();
    const anna = new Citizen(fake, { id: 42, languageCode: 'ru' });

    anna.sendCommand('/start');
    const [greeting] = await messages(anna, 1, 'the greeting');
    expect(greeting!.text.startsWith(t('greeting').slice(0, 20))).toBe(true);
    expect(payloads(greeting).filter((p) => p.startsWith('c:')).length).toBeGreaterThan(3);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(0);

    anna.sendText(QUESTION);
    const answer = (await messages(anna, 2, 'the answer'))[1]!;
    expect(answer.text).toMatch(/единое пособие/i);
    const section = payloads(answer).find((p) => p.startsWith('s:'))!;
    expect(section).toBeDefined();

    // A section replaces the answer in place, with its own keyboard.
    anna.press(section, answer);
    await waitFor(() => answer.edits === 1, 'the section edited into the answer');
    expect(fake.messagesIn(anna.id)).toHaveLength(2);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);

    const [up, down] = ['1', '0'].map(
      (v) => payloads(answer).find((p) => p.startsWith('f:') && p.endsWith(`:${v}`))!,
    );
    anna.press(up!, answer);
    const thanks = (await messages(anna, 3, 'thanks for 👍'))[2]!;
    expect(thanks.text).toBe(t('feedback.thanks'));

    // 👎 offers the consultant; the same answer disliked again hands over.
    anna.press(down!, answer);
    const offer = (await messages(anna, 4, 'the offer after 👎'))[3]!;
    expect(offer.text).toContain('Жаль, что ответ не помог');
    expect(payloads(offer)).toContain('h');
    anna.press(down!, answer);
    const handoff = (await messages(anna, 5, 'the hand-off after a second 👎'))[4]!;
    expect(handoff.text).toContain(t('handoff.negative_feedback'));
    expect(payloads(handoff)).toEqual(['hx']);
    await waitFor(() => fake.callsOf('answerCallbackQuery').length === 4, 'every press answered');

    // Everything went through HTML parse mode and every part is valid for Telegram.
    expect(
      fake.callsOf('sendMessage').every((c) => c.payload.parse_mode === 'HTML' && c.outcome === 200),
    ).toBe(true);
  });

  it('sends a long answer in parts, in order, with the buttons on the last part', async () => {
    const app = await boot();
    const boris = new Citizen(fake, { id: 43 });
    boris.sendCommand('/start');
    await messages(boris, 1, 'the greeting');
    // A long reply (as a consultant's detailed answer would be) goes through the outbox like any other.
    const citizen = app.store.citizens.findOrCreate('telegram', '43', '43', {
      locale: 'ru',
      now: Date.now(),
    });
    const paragraphs = Array.from(
      { length: 8 },
      (_, i) => `Пункт ${i + 1}. ${'Подробности о порядке выплат. '.repeat(45)}`,
    );
    app.store.outbox.enqueue({
      citizenId: citizen.id,
      platform: 'telegram',
      chatId: '43',
      message: {
        text: plainText(paragraphs.join('\n\n')),
        buttons: [[{ kind: 'action', label: t('buttons.menu'), payload: 'm' }]],
      },
      now: Date.now(),
    });
    app.delivery.notify();
    const all = await waitFor(() => fake.messagesIn(43).length >= 4 && fake.messagesIn(43), 'the parts');
    const parts = all.slice(1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((m) => m.text.length <= 4096)).toBe(true);
    expect(parts.map((m) => m.text).join('\n\n')).toBe(paragraphs.map((p) => p.trim()).join('\n\n'));
    expect(parts.slice(0, -1).every((m) => m.replyMarkup === undefined)).toBe(true);
    expect(payloads(parts.at(-1))).toEqual(['m']);
  });

  it('carries on after a restart mid-dialog, including what was written while it was down', async () => {
    const first = await boot();
    const olga = new Citizen(fake, { id: 44 });
    olga.sendText(QUESTION);
    const answer = (await messages(olga, 1, 'the answer'))[0]!;
    await first.stop({ flushTimeoutMs: 500 });

    // Written while the assistant is down: Telegram keeps it until the next getUpdates.
    const section = payloads(answer).find((p) => p.startsWith('s:'))!;
    olga.press(section, answer);
    await boot();
    await waitFor(() => answer.edits === 1, 'the section after the restart');
    olga.sendCommand('/menu');
    await waitFor(
      () => fake.messagesIn(44).some((m) => payloads(m).some((p) => p.startsWith('c:'))),
      'the menu after the restart',
    );
  });

  it('answers an update delivered twice only once', async () => {
    await boot();
    const ivan = new Citizen(fake, { id: 45 });
    const update = ivan.sendText(QUESTION);
    await messages(ivan, 1, 'the answer');
    fake.redeliver(update);
    await waitFor(() => fake.pendingUpdates() === 0, 'the redelivery fetched');
    await sleep(300);
    expect(fake.messagesIn(45)).toHaveLength(1);
  });

  it('delivers replies later, in order, through 429 and 500', async () => {
    await boot();
    const lena = new Citizen(fake, { id: 46 });
    fake.failNext('sendMessage', { type: 'rate-limit', retryAfter: 1 });
    fake.failNext('sendMessage', { type: 'server-error' });
    fake.failNext('sendMessage', { type: 'drop' });
    const started = Date.now();
    lena.sendCommand('/start');
    lena.sendCommand('/help');
    lena.sendText(QUESTION);
    const [greeting, help, answer] = await messages(lena, 3, 'all three replies', 12_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // retry_after was honoured
    expect(greeting!.text.startsWith(t('greeting').slice(0, 20))).toBe(true);
    expect(help!.message_id).toBeLessThan(answer!.message_id);
    expect(answer!.text).toMatch(/единое пособие/i);
    const outcomes = fake.callsOf('sendMessage').map((c) => c.outcome);
    expect(outcomes.slice(0, 3)).toEqual([429, 500, 'dropped']);
    expect(log.text()).not.toContain(fake.token.split(':')[1]);
  });

  it('works through the webhook as well', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    await boot({
      port,
      telegram: {
        mode: 'webhook',
        token: fake.token,
        apiRoot: fake.apiRoot,
        publicUrl: `http://127.0.0.1:${port}`,
        webhookSecret: 'full-flow-secret_0123456789',
      },
    });
    expect(fake.webhook?.url).toBe(`http://127.0.0.1:${port}/webhooks/telegram`);
    const petr = new Citizen(fake, { id: 47 });
    petr.sendCommand('/start');
    petr.sendText(QUESTION);
    const [, answer] = await messages(petr, 2, 'replies via webhook');
    expect(answer!.text).toMatch(/единое пособие/i);
    expect(fake.callsOf('getUpdates')).toEqual([]);
  });
});
