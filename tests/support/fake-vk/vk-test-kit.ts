/**
 * What VK adapter tests share: quiet deps around the shared recording sink, a config pointing at the fake, short
 * timings passed through the channel's options, and a stand-in for the delivery worker's retries.
 */
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { ChannelDeps } from '../../../src/bots/channel.js';
import type { VkChannelOptions } from '../../../src/bots/vk/vk-channel.js';
import type { VkConfig } from '../../../src/config/config.js';
import type { Translator } from '../../../src/i18n/translator.js';
import {
  DeliveryError,
  type InboundSink,
  type PlatformSender,
  type SendResult,
} from '../../../src/messaging/delivery.js';
import type { OutgoingMessage } from '../../../src/messaging/outgoing-message.js';
import { waitFor } from '../wait-for.js';
import type { FakeVkApi } from './fake-vk-api.js';

export { BatchRecordingSink, RecordingSink } from '../recording-sink.js';

const identityTranslator: Translator = {
  locales: ['ru', 'en'],
  t: (_locale, key) => key,
  keys: () => [],
};

/** A logger that keeps its lines (as objects) for assertions; silent on the console. */
export function memoryLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: process.env.LOG_LEVEL ?? 'debug' }, stream), lines };
}

export function testDeps(inbound: InboundSink, logger?: Logger): ChannelDeps {
  return { inbound, logger: logger ?? pino({ level: 'silent' }), translator: identityTranslator };
}

export const CALLBACK_SECRET = 'callback-secret-for-tests';
export const CONFIRMATION_CODE = 'a1b2c3d4';

export function longPollConfig(fake: FakeVkApi): VkConfig {
  return {
    token: fake.token,
    groupId: fake.groupId,
    apiRoot: fake.apiRoot,
    apiVersion: '5.199',
    mode: 'longpoll',
  };
}

export function callbackConfig(fake: FakeVkApi): VkConfig {
  return {
    token: fake.token,
    groupId: fake.groupId,
    apiRoot: fake.apiRoot,
    apiVersion: '5.199',
    mode: 'callback',
    confirmationCode: CONFIRMATION_CODE,
    callbackSecret: CALLBACK_SECRET,
  };
}

/** Short timings for tests (production defaults: 25 s wait, 15 s timeout, 1–30 s back-off). */
export const FAST: VkChannelOptions = {
  longPollWaitSeconds: 2,
  requestTimeoutMs: 1_500,
  backoff: { initialMs: 50, maxMs: 400 },
};

export async function eventually(
  predicate: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  await waitFor(predicate, what, { timeoutMs });
}

/**
 * A stand-in for the delivery worker: sends, and on DeliveryError kind "retry" tries again (waiting at most
 * `maxDelayMs`, not VK's full retryAfterMs) until `deadlineMs`. Returns the result or the final failure.
 */
export async function deliverLikeTheWorker(
  sender: PlatformSender,
  chatId: string,
  message: OutgoingMessage,
  options: { deadlineMs?: number; maxDelayMs?: number; editMessageId?: string } = {},
): Promise<{ result?: SendResult; failure?: DeliveryError; attempts: number }> {
  const deadline = Date.now() + (options.deadlineMs ?? 10_000);
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      const result = await sender.send(
        chatId,
        message,
        options.editMessageId ? { editMessageId: options.editMessageId } : {},
      );
      return { result, attempts };
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      if (error.failure.kind !== 'retry' || Date.now() > deadline) return { failure: error, attempts };
      const wait = Math.min(error.failure.retryAfterMs ?? 100, options.maxDelayMs ?? 100);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
