/**
 * In long-polling mode the Telegram channel runs in a worker thread of its own (src/bots/thread/): the real grammY
 * against the fake Bot API, the whole assistant around it. What must hold across the thread boundary: replies go
 * out, a thread that dies is replaced without losing a message, the thread's log lines reach the main logger as
 * its own would, and a refused token still fails the start loudly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { threadId } from 'node:worker_threads';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { createLogger } from '../../../src/app/logger.js';
import { relogThreadLine, type ThreadedChannel } from '../../../src/bots/thread/channel-thread.js';
import { Citizen } from '../../support/fake-telegram/citizen.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { createTestApp } from '../../support/test-app.js';
import { waitFor } from '../../support/wait-for.js';
import { CapturedLog, FAST_OPTIONS, sharedTranslator } from './telegram-harness.js';

let fake: FakeBotApi;
let dir: string;
let log: CapturedLog;
let apps: App[] = [];

beforeEach(async () => {
  fake = await FakeBotApi.start();
  dir = await mkdtemp(join(tmpdir(), 'telegram-thread-'));
  log = new CapturedLog();
});

afterEach(async () => {
  for (const app of apps) await app.stop({ flushTimeoutMs: 200 });
  apps = [];
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

async function boot(token = fake.token): Promise<{ app: App; channel: ThreadedChannel }> {
  const app = await createTestApp(
    {
      databasePath: join(dir, 'assistant.sqlite'),
      webChat: false,
      telegram: { mode: 'polling', token, apiRoot: fake.apiRoot },
    },
    { logger: log.logger, channels: { telegram: FAST_OPTIONS } },
  );
  apps.push(app);
  const channel = app.channels.find((c) => c.platform === 'telegram') as ThreadedChannel;
  await app.start();
  return { app, channel };
}

const greeting = sharedTranslator().t('ru', 'greeting').slice(0, 20);

it('answers from a thread of its own, and a new thread takes over when it dies, losing nothing', async () => {
  const { app, channel } = await boot();
  const first = channel.thread;
  expect(first?.threadId).toBeGreaterThan(threadId);
  const anna = new Citizen(fake, { id: 71, languageCode: 'ru' });
  anna.sendCommand('/start');
  await waitFor(() => fake.messagesIn(anna.id).some((m) => m.text.startsWith(greeting)), 'the greeting');
  await waitFor(() => channel.isConnected(), 'connected, as the thread reports it');
  // A reply that reached Telegram but was not marked sent yet when the thread died goes out again (Telegram has no
  // idempotency key; the kill -9 test counts those). Terminate only once it is marked, so that "once each" below
  // is about the restart, not about that window.
  await waitFor(() => app.store.outbox.pendingCount() === 0, 'the greeting marked sent');

  await first!.terminate();
  expect(channel.isConnected()).toBe(false);
  // Written while no thread polls: Telegram keeps it, the next thread fetches it.
  const boris = new Citizen(fake, { id: 72, languageCode: 'ru' });
  boris.sendCommand('/start');
  await waitFor(
    () => fake.messagesIn(boris.id).some((m) => m.text.startsWith(greeting)),
    'the answer after a restart',
  );
  expect(channel.thread).toBeDefined();
  expect(channel.thread).not.toBe(first);
  await waitFor(() => channel.isConnected(), 'connected again');
  expect(log.lines.some((l) => l.msg === 'the Telegram thread exited; starting a new one')).toBe(true);
  // Once each: nothing answered twice, nothing lost.
  expect(fake.messagesIn(anna.id).filter((m) => m.text.startsWith(greeting))).toHaveLength(1);
  expect(fake.messagesIn(boris.id).filter((m) => m.text.startsWith(greeting))).toHaveLength(1);
});

it("logs the thread's warnings through the main logger, bound to the platform once", async () => {
  await boot();
  const vera = new Citizen(fake, { id: 73, languageCode: 'ru' });
  vera.sendCommand('/start');
  const [menu] = await waitFor(
    () => fake.messagesIn(vera.id).length > 0 && fake.messagesIn(vera.id),
    'the greeting',
  );
  const button = (menu!.replyMarkup?.inline_keyboard as { callback_data?: string }[][] | undefined)
    ?.flat()
    .find((b) => b.callback_data)?.callback_data;
  expect(button).toBeDefined();
  fake.failNext('answerCallbackQuery', { type: 'server-error' });
  vera.press(button!, menu);
  const line = await waitFor(
    () => log.raw.find((l) => l.includes('could not answer a button press')),
    'the thread’s warning',
  );
  const record = JSON.parse(line) as Record<string, unknown>;
  expect(record).toMatchObject({ level: 40, platform: 'telegram', chatId: '73' });
  expect(line.match(/"platform"/g)).toHaveLength(1);
});

it('fails the start when Telegram refuses the token, as the in-process channel does', async () => {
  await expect(boot('999:not-the-token')).rejects.toMatchObject({
    name: 'TelegramTokenRejectedError',
    message: expect.stringContaining('TELEGRAM_BOT_TOKEN'),
  });
});

it('relays a thread log line at its level, without the personal data in it', () => {
  const lines: string[] = [];
  const main = pino(
    { level: 'info' },
    new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    }),
  ).child({ platform: 'telegram' });
  const thread: string[] = [];
  const threadLogger = createLogger('info', { write: (line: string) => thread.push(line) }).child({
    platform: 'telegram',
  });
  threadLogger.warn({ chatId: '5', reason: 'call +7 912 345-67-89 back' }, 'could not send the apology');
  threadLogger.debug({ chatId: '5' }, 'below the level: never sent over');
  expect(thread).toHaveLength(1);
  relogThreadLine(main, thread[0]!);
  relogThreadLine(main, 'not json');
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(record).toMatchObject({
    level: 40,
    msg: 'could not send the apology',
    chatId: '5',
    platform: 'telegram',
  });
  expect(lines[0]).not.toContain('345-67-89');
  expect(lines[0]!.match(/"platform"/g)).toHaveLength(1);
});
