/**
 * What console tests share: the real app with consultants around the clock (so tests do not depend on the hour),
 * cheap password hashes, accounts of every role, and a cookie-keeping client over `server.inject` that logs in
 * through the login form and sends each form's CSRF token like a browser would.
 */
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { type App, type AppOptions, createApp } from '../../src/app/create-app.js';
import type { AppConfig } from '../../src/config/config.js';
import type { Role } from '../../src/console/console-store.js';
import type { IncomingPayload, Platform } from '../../src/messaging/incoming-event.js';
import { toPlainText } from '../../src/messaging/rich-text.js';
import { testConfig } from './test-app.js';

export const ALWAYS_OPEN = fileURLToPath(
  new URL('../e2e/console/fixtures/always-open.yaml', import.meta.url),
);
export const PASSWORD = 'test-password-123';
/** Tests hash with a small scrypt cost; production uses OWASP's minimum. */
export const TEST_PASSWORD_COST = { N: 1024, r: 8, p: 1 };

export function consoleTestApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
  overrides: Partial<AppConfig> = {},
): Promise<App> {
  const config = testConfig(overrides, {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: ':memory:',
    QUEUE_WORKING_HOURS_FILE: ALWAYS_OPEN,
    CONSOLE_DEMO_ACCOUNT: 'false',
    ...env,
  });
  return createApp(config, {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    watchKnowledge: false,
    delivery: { baseBackoffMs: 50, maxBackoffMs: 500, pollIntervalMs: 50 },
    console: { passwordCost: TEST_PASSWORD_COST, tickMs: 60_000 },
    ...options,
  });
}

export const STAFF: Record<string, { role: Role; name: string }> = {
  maria: { role: 'consultant', name: 'Мария Иванова' },
  oleg: { role: 'consultant', name: 'Олег Петров' },
  anna: { role: 'supervisor', name: 'Анна Сергеевна' },
  irina: { role: 'curator', name: 'Ирина Куратор' },
};

export async function createStaff(app: App): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [login, s] of Object.entries(STAFF)) {
    const { account } = await app.console!.service.createAccount({
      login,
      displayName: s.name,
      role: s.role,
      password: PASSWORD,
    });
    ids[login] = account.id;
  }
  return ids;
}

let eventSeq = 0;
/** A citizen writes (through the runner, as an adapter would hand it over) and the engine has answered. */
export async function citizenSays(
  app: App,
  userId: string,
  payload: IncomingPayload,
  platform: Platform = 'telegram',
): Promise<void> {
  await app.runner.accept({
    eventId: `t${++eventSeq}-${Date.now()}`,
    platform,
    userId,
    chatId: userId,
    receivedAt: Date.now(),
    ...payload,
  } as Parameters<App['runner']['accept']>[0]);
  await app.runner.idle();
}

export function citizenOf(app: App, userId: string, platform: Platform = 'telegram') {
  return app.store.citizens.findOrCreate(platform, userId, userId, { locale: 'ru', now: Date.now() });
}

/** Texts queued for a citizen (what the messenger would get). */
export function outboxTexts(app: App, userId: string, platform: Platform = 'telegram'): string[] {
  return app.store.outbox.listForChat(platform, userId, 0, 500).map((o) => toPlainText(o.message.text));
}

export interface Response {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like client: keeps cookies, reads the CSRF token from the last page with a form. */
export class ConsoleClient {
  cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: App) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(headers: Response['headers'], body: string): void {
    const set = headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [String(set)] : []) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/Expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(body);
    if (token) this.csrf = token[1]!;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.server.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(res.headers, res.body);
    return { status: res.statusCode, body: res.body, headers: res.headers };
  }

  /** Posts a form; the CSRF token of the last page is added unless `_csrf` is given (null: none at all). */
  async post(
    url: string,
    form: Record<string, string> = {},
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const fields = { ...form, ...(token === null ? {} : { _csrf: token }) };
    const res = await this.app.server.inject({
      method: 'POST',
      url,
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...options.headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });
    this.remember(res.headers, res.body);
    return { status: res.statusCode, body: res.body, headers: res.headers };
  }

  async login(login: string, password = PASSWORD): Promise<Response> {
    await this.get('/console/login');
    const res = await this.post('/console/login', { login, password });
    if (res.status === 303) await this.get('/console');
    return res;
  }
}

/**
 * A citizen files a complaint about Perm's МФЦ on Lenina street through the complaint flow (the buttons a messenger
 * would send) and gets the receipt; returns the stored complaint's id.
 */
export async function citizenFilesComplaint(
  app: App,
  userId: string,
  options: { platform?: Platform; description?: string; consent?: boolean } = {},
): Promise<number> {
  const platform = options.platform ?? 'telegram';
  const steps: IncomingPayload[] = [
    { kind: 'button', payload: 'cp:go' },
    { kind: 'button', payload: 'cp:ab:ag' },
    { kind: 'button', payload: 'cp:rg:perm' },
    { kind: 'button', payload: 'cp:ag:perm-mfc-lenina' },
    {
      kind: 'text',
      text: options.description ?? 'Потеряли мои документы на субсидию и не отвечают по телефону',
    },
    { kind: 'button', payload: 'cp:w:fix' },
    { kind: 'button', payload: `cp:c:${options.consent === false ? 0 : 1}` },
    { kind: 'button', payload: 'cp:send' },
  ];
  for (const step of steps) await citizenSays(app, userId, step, platform);
  const citizen = citizenOf(app, userId, platform);
  const [complaint] = app.store.complaints.list({ citizenId: citizen.id, limit: 1 });
  if (!complaint) throw new Error(`${userId}'s complaint was not stored`);
  return complaint.id;
}

/** A clock the tests move by hand (the app takes `clock.fn`). */
export class FakeClock {
  now = Date.parse('2026-11-23T10:00:00+03:00');
  readonly fn = () => this.now;
}

/**
 * A console page's live stream, attached to the app's hub: the consultant counts as online (auto-assignment), and the
 * event types the page is sent are recorded in the returned list.
 */
export function openConsolePage(target: App, consultantId: number, role: Role = 'consultant'): string[] {
  const events: string[] = [];
  const res = {
    writeHead() {},
    write(chunk: string) {
      for (const m of String(chunk).matchAll(/event: (\w+)/g)) events.push(m[1]!);
      return true;
    },
    on() {},
    end() {},
    writableEnded: false,
    destroyed: false,
  } as unknown as ServerResponse;
  target.console!.service.hub.attach(res, { consultantId, role });
  return events;
}
