/**
 * Builds the real Telegram channel against the fake Bot API, with a recording inbound sink, a captured log and
 * short waits (through the channel's options: production code runs the same paths, only the pauses are shorter).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Channel } from '../../../src/bots/channel.js';
import type { TelegramChannelOptions } from '../../../src/bots/telegram/index.js';
import { createTelegramChannel } from '../../../src/bots/telegram/index.js';
import type { TelegramConfig } from '../../../src/config/config.js';
import { createTranslator, type Translator } from '../../../src/i18n/translator.js';
import { Citizen, type CitizenOptions } from '../../support/fake-telegram/citizen.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { RecordingSink } from '../../support/recording-sink.js';

export const FAST_OPTIONS: TelegramChannelOptions = {
  pollTimeoutSeconds: 10,
  pollRetryIntervalMs: 20,
  restartDelayMs: { first: 20, max: 200 },
  acceptRetryDelaysMs: [10, 30],
  callTimeoutMs: 2_000,
  strictButtons: true,
  typingDelayMs: 50,
};

/** Log lines as parsed JSON, to check what is (and is not) written. */
export class CapturedLog {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  readonly logger = pino(
    { level: 'debug' },
    new Writable({
      write: (chunk, _encoding, done) => {
        const line = String(chunk);
        this.raw.push(line);
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );

  text(): string {
    return this.raw.join('');
  }

  /** Lines at warn (40) or above. */
  problems(): Record<string, unknown>[] {
    return this.lines.filter((l) => Number(l.level) >= 40);
  }
}

let translator: Translator | undefined;
export function sharedTranslator(): Translator {
  translator ??= createTranslator();
  return translator;
}

export interface Harness {
  fake: FakeBotApi;
  sink: RecordingSink;
  log: CapturedLog;
  channel: Channel;
  config: TelegramConfig;
  citizen(options: CitizenOptions): Citizen;
  close(): Promise<void>;
}

export async function createHarness(
  options: {
    mode?: 'polling' | { publicUrl: string; webhookSecret: string };
    channel?: TelegramChannelOptions;
    fake?: FakeBotApi;
    token?: string;
  } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await FakeBotApi.start());
  const sink = new RecordingSink();
  const log = new CapturedLog();
  const base = { token: options.token ?? fake.token, apiRoot: fake.apiRoot };
  const config: TelegramConfig =
    options.mode === undefined || options.mode === 'polling'
      ? { ...base, mode: 'polling' }
      : { ...base, mode: 'webhook', ...options.mode };
  const channel = createTelegramChannel(
    config,
    { inbound: sink, logger: log.logger, translator: sharedTranslator() },
    { ...FAST_OPTIONS, ...options.channel },
  );
  return {
    fake,
    sink,
    log,
    channel,
    config,
    citizen: (o) => new Citizen(fake, o),
    async close() {
      await channel.stop();
      await fake.close();
    },
  };
}
