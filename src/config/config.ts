/**
 * All configuration comes from environment variables, validated once at start. Messages name the variable,
 * what is wrong and what it needs, so that an operator can fix a deployment without reading code.
 * `.env.example` documents every variable.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadWorkingHours, type WorkingHours, WorkingHoursError } from '../handoff/working-hours.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** A value as a message shows it: quoted when it has spaces or other invisible characters. */
const shownValue = (value: string) => (/^[\x21-\x7e]+$/.test(value) ? value : JSON.stringify(value));

/**
 * A number written as a person writes one. Number() (and so z.coerce.number()) also takes 0x10 (16), 0o17, 1e3,
 * +30, " 3000 " and a value of spaces only (0): PORT=0x10 started on port 16.
 */
function plainNumber(name: string, pattern: RegExp, wrong: string, needs: string) {
  return z.string().transform((raw, ctx) => {
    if (pattern.test(raw)) return Number(raw);
    ctx.addIssue({
      code: 'custom',
      message: `${name}=${shownValue(raw)} is not ${wrong}; ${name} needs ${needs}`,
    });
    return z.NEVER;
  });
}

/** A whole number: decimal digits only (no sign, spaces, point, exponent or 0x); `needs` ends with an example. */
const wholeNumber = (name: string, needs: string) =>
  plainNumber(name, /^\d+$/, 'a whole number in plain decimal digits', needs);

/** A number that may have a fraction: digits, then a point and digits if need be (0.5, 12). */
const decimalNumber = (name: string, needs: string) =>
  plainNumber(name, /^\d+(?:\.\d+)?$/, 'a plain decimal number', needs);

const url = (name: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^\s/]+/, `${name} must be an http(s) address such as https://example.org`)
    .transform((v) => v.replace(/\/+$/, ''));

const envSchema = z.object({
  // Only "production" is production (secure console cookies, no demo consultant); a near miss would quietly be
  // development.
  NODE_ENV: z
    .string()
    .superRefine((value, ctx) => {
      if (value !== 'production' && /^\s*prod/i.test(value))
        ctx.addIssue({
          code: 'custom',
          message: `NODE_ENV=${value} looks like a misspelt production; it must be exactly production (anything else runs as development)`,
        });
    })
    .default('development'),
  PORT: wholeNumber('PORT', 'a port from 0 to 65535, such as 3000')
    .pipe(z.number().max(65535, 'PORT must be between 0 and 65535'))
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DATABASE_URL: z.string().min(1).default('./var/assistant.sqlite'),
  DATABASE_BUSY_TIMEOUT_MS: wholeNumber(
    'DATABASE_BUSY_TIMEOUT_MS',
    'milliseconds from 100 to 60000, such as 5000',
  )
    .pipe(
      z
        .number()
        .min(100, 'DATABASE_BUSY_TIMEOUT_MS must be at least 100')
        .max(60_000, 'DATABASE_BUSY_TIMEOUT_MS must be at most 60000 (a minute)'),
    )
    .default(5000),
  RETENTION_DAYS: wholeNumber('RETENTION_DAYS', 'a number of days from 1 to 3650, such as 365')
    .pipe(
      z
        .number()
        .min(1, 'RETENTION_DAYS must be at least 1')
        .max(3650, 'RETENTION_DAYS must be at most 3650 (ten years)'),
    )
    .default(365),
  FLOOD_MESSAGES_PER_MINUTE: wholeNumber(
    'FLOOD_MESSAGES_PER_MINUTE',
    'messages a minute from 0 (no limit) to 10000, such as 20',
  )
    .pipe(z.number().max(10_000, 'FLOOD_MESSAGES_PER_MINUTE must be at most 10000'))
    .default(20),
  SHUTDOWN_TIMEOUT_MS: wholeNumber('SHUTDOWN_TIMEOUT_MS', 'milliseconds from 1000 to 600000, such as 8000')
    .pipe(
      z
        .number()
        .min(1000, 'SHUTDOWN_TIMEOUT_MS must be at least 1000')
        .max(600_000, 'SHUTDOWN_TIMEOUT_MS must be at most 600000 (ten minutes)'),
    )
    .default(8000),
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,256}$/, 'METRICS_TOKEN must be 16–256 printable characters without spaces')
    .optional(),
  TRUST_PROXY: z
    .string()
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value);
      if ('trustProxy' in parsed) return parsed.trustProxy;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  WEB_CHAT: bool.default(true),

  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, 'TELEGRAM_BOT_TOKEN looks wrong: expected 123456:ABC-...')
    .optional(),
  TELEGRAM_MODE: z
    .enum(['polling', 'webhook'], { error: 'TELEGRAM_MODE must be polling or webhook' })
    .default('polling'),
  TELEGRAM_API_ROOT: url('TELEGRAM_API_ROOT').default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{16,256}$/,
      'TELEGRAM_WEBHOOK_SECRET must be 16–256 characters of A-Z, a-z, 0-9, _ and -',
    )
    .optional(),
  PUBLIC_URL: url('PUBLIC_URL').optional(),
  TELEGRAM_PER_CHAT_PER_SECOND: decimalNumber(
    'TELEGRAM_PER_CHAT_PER_SECOND',
    'messages a second in one chat (0: no limit), such as 1',
  ).default(1),
  TELEGRAM_GLOBAL_PER_SECOND: decimalNumber(
    'TELEGRAM_GLOBAL_PER_SECOND',
    'messages a second overall (0: no limit), such as 30',
  ).default(30),

  VK_GROUP_TOKEN: z.string().min(10, 'VK_GROUP_TOKEN looks too short').optional(),
  VK_GROUP_ID: wholeNumber('VK_GROUP_ID', 'the numeric id of the community, such as 123456789')
    .pipe(z.number().min(1, 'VK_GROUP_ID must be the numeric id of the community (1 or more)'))
    .optional(),
  VK_MODE: z
    .enum(['longpoll', 'callback'], { error: 'VK_MODE must be longpoll or callback' })
    .default('longpoll'),
  VK_API_ROOT: url('VK_API_ROOT').default('https://api.vk.com'),
  VK_API_VERSION: z
    .string()
    .regex(/^5\.\d+$/, 'VK_API_VERSION must look like 5.199')
    .default('5.199'),
  VK_CONFIRMATION_CODE: z.string().min(1).optional(),
  VK_CALLBACK_SECRET: z.string().min(1).optional(),

  CONSOLE_ENABLED: bool.default(true),
  CONSOLE_SESSION_HOURS: decimalNumber('CONSOLE_SESSION_HOURS', 'hours from 1 to 168, such as 12')
    .pipe(
      z
        .number()
        .min(1, 'CONSOLE_SESSION_HOURS must be at least 1')
        .max(168, 'CONSOLE_SESSION_HOURS must be at most 168 (a week)'),
    )
    .default(12),
  CONSOLE_SECURE_COOKIES: bool.optional(),
  CONSOLE_LOGIN_ATTEMPTS: wholeNumber(
    'CONSOLE_LOGIN_ATTEMPTS',
    'failed attempts a minute from 1 to 100, such as 5',
  )
    .pipe(
      z
        .number()
        .min(1, 'CONSOLE_LOGIN_ATTEMPTS must be at least 1')
        .max(100, 'CONSOLE_LOGIN_ATTEMPTS above 100 a minute no longer slows password guessing'),
    )
    .default(5),
  CONSOLE_DEMO_ACCOUNT: z
    .enum(['auto', 'true', 'false'], { error: 'CONSOLE_DEMO_ACCOUNT must be auto, true or false' })
    .default('auto'),
  CONSOLE_LOW_CONFIDENCE: decimalNumber('CONSOLE_LOW_CONFIDENCE', 'a number between 0 and 1, such as 0.7')
    .pipe(z.number().max(1, 'CONSOLE_LOW_CONFIDENCE must be between 0 and 1'))
    .default(0.7),
  QUEUE_WORKING_HOURS_FILE: z.string().min(1).optional(),
  QUEUE_AUTO_ASSIGN: bool.default(false),
  QUEUE_MAX_PER_CONSULTANT: wholeNumber('QUEUE_MAX_PER_CONSULTANT', 'open tickets from 1 to 50, such as 5')
    .pipe(
      z
        .number()
        .min(1, 'QUEUE_MAX_PER_CONSULTANT must be at least 1')
        .max(50, 'QUEUE_MAX_PER_CONSULTANT must be at most 50'),
    )
    .default(5),
  QUEUE_UNATTENDED_MINUTES: decimalNumber('QUEUE_UNATTENDED_MINUTES', 'minutes from 1 to 1440, such as 15')
    .pipe(
      z
        .number()
        .min(1, 'QUEUE_UNATTENDED_MINUTES must be at least 1')
        .max(24 * 60, 'QUEUE_UNATTENDED_MINUTES must be at most 1440 (a day)'),
    )
    .default(15),
  QUEUE_DEFAULT_WAIT_MINUTES: decimalNumber(
    'QUEUE_DEFAULT_WAIT_MINUTES',
    'minutes from 1 to 1440, such as 10',
  )
    .pipe(
      z
        .number()
        .min(1, 'QUEUE_DEFAULT_WAIT_MINUTES must be at least 1')
        .max(24 * 60, 'QUEUE_DEFAULT_WAIT_MINUTES must be at most 1440'),
    )
    .default(10),
});

/** Every environment variable the assistant reads (`.env.example` documents each; a test keeps them in step). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Messages per second the delivery worker allows itself; Infinity: no limit (benchmarks against a fake). */
export interface SendLimits {
  perChatPerSecond: number;
  globalPerSecond: number;
}

interface TelegramBase {
  token: string;
  apiRoot: string;
  /** Absent: Telegram's own limits (about 1 a second in a chat, 30 a second overall). */
  limits?: SendLimits;
}

export type TelegramConfig =
  | (TelegramBase & { mode: 'polling' })
  | (TelegramBase & { mode: 'webhook'; publicUrl: string; webhookSecret: string });

export type VkConfig =
  | { token: string; groupId: number; apiRoot: string; apiVersion: string; mode: 'longpoll' }
  | {
      token: string;
      groupId: number;
      apiRoot: string;
      apiVersion: string;
      mode: 'callback';
      confirmationCode: string;
      callbackSecret: string;
    };

/** The consultant console at /console. */
export interface ConsoleConfig {
  enabled: boolean;
  sessionHours: number;
  /** Session and CSRF cookies only over https. */
  secureCookies: boolean;
  /** Failed login attempts a minute for one login name from one address (src/console/auth/login-throttle.ts). */
  loginAttemptsPerMinute: number;
  /** Create the demo consultant at start and print its login (local mode). */
  demoAccount: boolean;
  /** Answers below this search confidence are listed in the curators' report. */
  lowConfidence: number;
}

/** The consultant queue. */
export interface QueueConfig {
  hours: WorkingHours;
  workingHoursFile: string;
  autoAssign: boolean;
  maxPerConsultant: number;
  unattendedMinutes: number;
  defaultWaitMinutes: number;
}

/** Operations: the database's lock wait, retention, the flood limit, /metrics and the proxies in front. */
export interface OperationsConfig {
  /** How long a write waits for a lock held by another connection (ms). */
  databaseBusyTimeoutMs: number;
  /** Transcripts older than this are anonymised (at start and daily). */
  retentionDays: number;
  /** Messages a citizen may send a minute before they are asked to wait (0: no limit). */
  floodMessagesPerMinute: number;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** How long a graceful shutdown may take before the process exits anyway (ms); nothing stored is lost. */
  shutdownTimeoutMs: number;
  /** Which proxies may set X-Forwarded-For (false: none, the socket's address is the client's). */
  trustProxy: TrustProxy;
}

export interface AppConfig {
  env: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Path of the SQLite file, or ":memory:". */
  databasePath: string;
  operations: OperationsConfig;
  dataDir: string;
  webChat: boolean;
  telegram?: TelegramConfig;
  vk?: VkConfig;
  console: ConsoleConfig;
  queue: QueueConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** `file:./x.sqlite`, `sqlite:./x.sqlite` or a plain path; `:memory:` for a throwaway database. */
export function databasePathFromUrl(value: string): string {
  const path = value.replace(/^(?:file|sqlite):(?:\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

const OFFICIAL_TELEGRAM_API = 'https://api.telegram.org';
/** The only ports Telegram's servers call a webhook on (core.telegram.org/bots/api#setwebhook). */
const TELEGRAM_WEBHOOK_PORTS = ['443', '80', '88', '8443'];

/**
 * Why Telegram would refuse PUBLIC_URL as a webhook (setWebhook fails, and the start would keep retrying it), or
 * undefined. Only for the official Bot API: a local Bot API server or a test fake calls any address.
 */
function telegramCannotCall(publicUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return `PUBLIC_URL=${publicUrl} is not a valid address`;
  }
  if (url.protocol !== 'https:')
    return `PUBLIC_URL=${publicUrl} is not https; Telegram calls webhooks only over https (a proxy with a certificate in front of PORT)`;
  if (url.port !== '' && !TELEGRAM_WEBHOOK_PORTS.includes(url.port))
    return `PUBLIC_URL=${publicUrl} has port ${url.port}; Telegram calls webhooks only on ports ${TELEGRAM_WEBHOOK_PORTS.slice(0, -1).join(', ')} and ${TELEGRAM_WEBHOOK_PORTS.at(-1)}`;
  return undefined;
}

/** Reads and validates the configuration; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  let telegram: TelegramConfig | undefined;
  const perSecond = (n: number) => (n === 0 ? Number.POSITIVE_INFINITY : n);
  const limits: SendLimits = {
    perChatPerSecond: perSecond(e.TELEGRAM_PER_CHAT_PER_SECOND),
    globalPerSecond: perSecond(e.TELEGRAM_GLOBAL_PER_SECOND),
  };
  if (e.TELEGRAM_BOT_TOKEN) {
    if (e.TELEGRAM_MODE === 'webhook') {
      if (!e.PUBLIC_URL)
        problems.push(
          'TELEGRAM_BOT_TOKEN is set and TELEGRAM_MODE=webhook, so PUBLIC_URL is needed (the https address Telegram calls)',
        );
      if (!e.TELEGRAM_WEBHOOK_SECRET)
        problems.push(
          'TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET (16+ random characters; Telegram sends it back on every call)',
        );
      const unreachable =
        e.PUBLIC_URL && e.TELEGRAM_API_ROOT === OFFICIAL_TELEGRAM_API
          ? telegramCannotCall(e.PUBLIC_URL)
          : undefined;
      if (unreachable) problems.push(unreachable);
      if (e.PUBLIC_URL && e.TELEGRAM_WEBHOOK_SECRET && !unreachable) {
        telegram = {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          limits,
          mode: 'webhook',
          publicUrl: e.PUBLIC_URL,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
        };
      }
    } else {
      telegram = { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, limits, mode: 'polling' };
    }
  }
  let vk: VkConfig | undefined;
  if (e.VK_GROUP_TOKEN || e.VK_GROUP_ID) {
    if (!e.VK_GROUP_TOKEN)
      problems.push('VK_GROUP_ID is set, so VK_GROUP_TOKEN (the community access token) is needed too');
    if (!e.VK_GROUP_ID)
      problems.push('VK_GROUP_TOKEN is set, so VK_GROUP_ID (the numeric community id) is needed too');
    if (e.VK_GROUP_TOKEN && e.VK_GROUP_ID) {
      const base = {
        token: e.VK_GROUP_TOKEN,
        groupId: e.VK_GROUP_ID,
        apiRoot: e.VK_API_ROOT,
        apiVersion: e.VK_API_VERSION,
      };
      if (e.VK_MODE === 'callback') {
        if (!e.VK_CONFIRMATION_CODE)
          problems.push(
            'VK_MODE=callback needs VK_CONFIRMATION_CODE (the string VK shows in the Callback API settings)',
          );
        if (!e.VK_CALLBACK_SECRET)
          problems.push(
            'VK_MODE=callback needs VK_CALLBACK_SECRET (the secret key set in the Callback API settings)',
          );
        if (e.VK_CONFIRMATION_CODE && e.VK_CALLBACK_SECRET) {
          vk = {
            ...base,
            mode: 'callback',
            confirmationCode: e.VK_CONFIRMATION_CODE,
            callbackSecret: e.VK_CALLBACK_SECRET,
          };
        }
      } else {
        vk = { ...base, mode: 'longpoll' };
      }
    }
  }
  const dataDir = resolve(e.DATA_DIR);
  const dataDirIsFolder = existsSync(dataDir) && statSync(dataDir).isDirectory();
  const dataDirOk = dataDirIsFolder && existsSync(join(dataDir, 'topics.yaml'));
  if (!dataDirIsFolder)
    problems.push(
      `DATA_DIR=${e.DATA_DIR} is not a folder (looked at ${dataDir}); it needs the knowledge base: topics.yaml, figures.yaml, faq/`,
    );
  else if (!dataDirOk)
    problems.push(
      `DATA_DIR=${e.DATA_DIR} has no topics.yaml; point it at the knowledge base folder (./data)`,
    );
  const workingHoursFile = resolve(
    e.QUEUE_WORKING_HOURS_FILE ?? join(dataDir, 'console', 'working-hours.yaml'),
  );
  let hours: WorkingHours | undefined;
  try {
    // Without the data folder the default file is missing too; the DATA_DIR problem above says all there is to say.
    if (dataDirOk || e.QUEUE_WORKING_HOURS_FILE) hours = loadWorkingHours(workingHoursFile);
  } catch (error) {
    if (!(error instanceof WorkingHoursError)) throw error;
    problems.push(
      ...error.problems.map(
        (p) => `QUEUE_WORKING_HOURS_FILE (${workingHoursFile}): ${p} — see data/console/working-hours.yaml`,
      ),
    );
  }
  if (problems.length > 0 || !hours) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    databasePath: databasePathFromUrl(e.DATABASE_URL),
    operations: {
      databaseBusyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS,
      retentionDays: e.RETENTION_DAYS,
      floodMessagesPerMinute: e.FLOOD_MESSAGES_PER_MINUTE,
      metricsToken: e.METRICS_TOKEN,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      trustProxy: e.TRUST_PROXY ?? false,
    },
    dataDir,
    webChat: e.WEB_CHAT,
    telegram,
    vk,
    console: {
      enabled: e.CONSOLE_ENABLED,
      sessionHours: e.CONSOLE_SESSION_HOURS,
      secureCookies: e.CONSOLE_SECURE_COOKIES ?? e.NODE_ENV === 'production',
      loginAttemptsPerMinute: e.CONSOLE_LOGIN_ATTEMPTS,
      // auto: only in local mode, never in production (the image): the demo consultant reads transcripts, and its
      // password is printed at every start, into the container's logs.
      demoAccount:
        e.CONSOLE_DEMO_ACCOUNT === 'auto'
          ? !telegram && !vk && e.NODE_ENV !== 'production'
          : e.CONSOLE_DEMO_ACCOUNT === 'true',
      lowConfidence: e.CONSOLE_LOW_CONFIDENCE,
    },
    queue: {
      hours,
      workingHoursFile,
      autoAssign: e.QUEUE_AUTO_ASSIGN,
      maxPerConsultant: e.QUEUE_MAX_PER_CONSULTANT,
      unattendedMinutes: e.QUEUE_UNATTENDED_MINUTES,
      defaultWaitMinutes: e.QUEUE_DEFAULT_WAIT_MINUTES,
    },
  };
}
