/**
 * Telegram failing under load: the whole assistant (createApp, SQLite on disk, real grammY) serves 150 simulated
 * citizens (scripts/bench/citizen-crowd.ts) when the fake Bot API starts answering sendMessage with 429 (retry_after
 * 1 s) and 500, then hangs three sendMessage calls and one getUpdates for 10 s. The backlog must drain afterwards:
 * every message answered, every reply delivered, in order within each chat.
 *
 * sender.test.ts checks what one failing call means to the delivery worker; this is the same under load, many chats
 * at once, with the hangs really lasting 10 s. The sender gives up on a call after 2 s here (callTimeoutMs; 30 s in
 * production) and the worker retries; the hung calls still take effect when the fake answers them, as a slow
 * Telegram would, so each of the three reaches the person twice. Those are the only duplicates allowed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/bench/bot-process.js';
import { CitizenCrowd, knowledgeBaseQuestions } from '../../../scripts/bench/citizen-crowd.js';
import { verifyReplies } from '../../../scripts/bench/verify-replies.js';
import type { App } from '../../../src/app/create-app.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { createTestApp } from '../../support/test-app.js';
import { waitFor } from '../../support/wait-for.js';
import { FAST_OPTIONS } from './telegram-harness.js';

let fake: FakeBotApi;
let dir: string;
let app: App | undefined;

beforeEach(async () => {
  fake = await FakeBotApi.start();
  dir = await mkdtemp(join(tmpdir(), 'api-faults-'));
});

afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 200 });
  app = undefined;
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

it('drains the backlog after 429s, 500s and 10-second hangs, in order per chat, under load', async () => {
  const databasePath = join(dir, 'assistant.sqlite');
  const crowd = new CitizenCrowd(fake, {
    citizens: 150,
    firstUserId: 4_000_000,
    questions: knowledgeBaseQuestions(join(REPO_ROOT, 'data')),
  });
  app = await createTestApp(
    {
      databasePath,
      webChat: false,
      telegram: {
        mode: 'polling',
        token: fake.token,
        apiRoot: fake.apiRoot,
        // Load, not Telegram's per-chat pace: the limiter is tested in delivery-worker.test.ts.
        limits: { perChatPerSecond: Number.POSITIVE_INFINITY, globalPerSecond: Number.POSITIVE_INFINITY },
      },
    },
    { logger: pino({ level: 'silent' }), channels: { telegram: { ...FAST_OPTIONS, callTimeoutMs: 2_000 } } },
  );
  await app.start();
  await crowd.waitForPolling(10_000);

  const messages = 900;
  const load = crowd.runPhase({ messages, replyTimeoutMs: 40_000 });
  await waitFor(() => crowd.answeredInPhase() >= 150, '150 replies before the faults', { timeoutMs: 20_000 });
  const faultsAt = Date.now();
  fake.failNext('sendMessage', { type: 'rate-limit', retryAfter: 1 }, 20);
  fake.failNext('sendMessage', { type: 'server-error' }, 20);
  fake.failNext('sendMessage', { type: 'hang', ms: 10_000 }, 3);
  fake.failNext('getUpdates', { type: 'hang', ms: 10_000 });

  const result = await load;
  const drainedAt = Date.now();
  // The hung calls are answered (and take effect) 10 s after they came in, whatever the bot did meanwhile.
  const abandoned = () => fake.callsOf('sendMessage').filter((c) => c.clientGone && c.outcome === 200);
  await waitFor(() => abandoned().length === 3 && abandoned(), 'the hung sends answered', {
    timeoutMs: 15_000,
  });
  await app.stop({ flushTimeoutMs: 5_000 });
  app = undefined;

  // The faults really happened, under load.
  const sends = fake.callsOf('sendMessage');
  const limited = sends.filter((c) => c.outcome === 429);
  expect(limited).toHaveLength(20);
  expect(sends.filter((c) => c.outcome === 500)).toHaveLength(20);
  // A 10-s timer may fire a millisecond short of 10,000 by the wall clock.
  const hung = sends.filter((c) => c.answeredAt! - c.at >= 9_990);
  expect(
    hung,
    `slow sends (ms): ${sends.map((c) => c.answeredAt! - c.at).filter((ms) => ms > 1_000)}`,
  ).toHaveLength(3);
  expect(fake.callsOf('getUpdates').some((c) => c.answeredAt! - c.at >= 9_990 && c.at >= faultsAt)).toBe(
    true,
  );
  // retry_after is kept: the chat's next attempt comes a second later or more.
  for (const call of limited) {
    const next = sends.find((c) => c.at > call.at && c.payload.chat_id === call.payload.chat_id);
    expect(next!.at - call.at).toBeGreaterThanOrEqual(1_000);
  }

  // The backlog drained: every message answered, every reply delivered, first deliveries in outbox order per chat.
  const account = verifyReplies(databasePath, crowd.updates.values(), crowd.sends);
  crowd.detach();
  console.log(
    `API faults under load: ${JSON.stringify({
      messages: account.updates,
      replies: account.replies,
      chats: 150,
      drainedAfterFaultsMs: drainedAt - faultsAt,
      rateLimited: limited.length,
      serverErrors: 20,
      hung: hung.length,
      duplicates: account.duplicates,
    })}`,
  );
  expect(result).toMatchObject({ messages, answered: messages, unanswered: 0 });
  expect(account, account.examples.join('\n')).toMatchObject({
    updates: messages,
    notStored: 0,
    notProcessed: 0,
    failed: 0,
    unanswered: 0,
    processedTwice: 0,
    undelivered: 0,
    chatsOutOfOrder: 0,
  });
  // The only duplicates: the three hung sends the bot had given up on, applied by Telegram afterwards.
  expect(account.duplicates).toBe(3);
  expect(account.duplicatesAbandoned).toBe(3);
}, 60_000);
