/**
 * The console over HTTP (the real app, `server.inject`): logging in and out, what each role may do, CSRF, the login
 * limit (failures per address and name, the address not taken from a client's X-Forwarded-For), report periods,
 * the timeline's buttons (offered, and which was pressed, in words), and that everything a citizen wrote is shown as
 * text.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import {
  ConsoleClient,
  citizenOf,
  citizenSays,
  consoleTestApp,
  createStaff,
  outboxTexts,
  PASSWORD,
} from '../../support/console-kit.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
});

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=2">';

async function withTicket(env: Record<string, string> = {}) {
  app = await consoleTestApp(env);
  await app.server.ready();
  const staff = await createStaff(app);
  await citizenSays(app, 'c1', { kind: 'text', text: `Мне отказали в субсидии ${SCRIPT}` });
  await citizenSays(app, 'c1', { kind: 'command', command: 'operator', args: '' });
  await citizenSays(app, 'c1', { kind: 'text', text: `ещё вопрос ${IMG}` });
  const ticket = app.store.handoffs.openFor(citizenOf(app, 'c1').id)!;
  return { app, staff, ticket };
}

describe('a logged-out browser', () => {
  it('sees nothing: every page sends it to the login form, every fragment and action answers 401', async () => {
    const { app, ticket } = await withTicket();
    const anonymous = new ConsoleClient(app);
    const pages = [
      '/console',
      `/console/tickets/${ticket.id}`,
      '/console/history',
      '/console/dashboard',
      '/console/report',
      '/console/review',
      '/console/review/1/draft.md',
    ];
    for (const url of pages) {
      const res = await anonymous.get(url);
      expect(res.status, url).toBe(303);
      expect(String(res.headers.location), url).toMatch(/^\/console\/login\?next=/);
      expect(res.body, url).not.toMatch(/субсидии/);
    }
    const fragments = [
      '/console/queue/list',
      `/console/tickets/${ticket.id}/head`,
      `/console/tickets/${ticket.id}/timeline`,
      `/console/tickets/${ticket.id}/kb?q=пособие`,
      '/console/alerts',
      '/console/outbox/1',
      '/console/events',
    ];
    for (const url of fragments) {
      const res = await anonymous.get(url, { 'hx-request': 'true' });
      expect(res.status, url).toBe(401);
      expect(res.body, url).not.toMatch(/субсидии/);
    }
    await anonymous.get('/console/login');
    const reply = await anonymous.post(`/console/tickets/${ticket.id}/reply`, { text: 'ответ' });
    expect(reply.status).toBe(401);
    expect(outboxTexts(app, 'c1').join('\n')).not.toMatch(/^ответ$/m);
    // The login page itself and the assets are public.
    expect((await anonymous.get('/console/login')).status).toBe(200);
    expect((await anonymous.get('/console/assets/htmx.min.js')).status).toBe(200);
  });
});

describe('logging in', () => {
  it('a wrong password is refused; the right one sets an httpOnly SameSite session cookie, stored only as a hash', async () => {
    const { app } = await withTicket();
    const client = new ConsoleClient(app);
    await client.get('/console/login');
    const wrong = await client.post('/console/login', { login: 'maria', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatch(/Неверный логин или пароль/);
    const unknown = await client.post('/console/login', { login: 'nobody', password: 'nope' });
    expect(unknown.body).toMatch(/Неверный логин или пароль/);

    const ok = await client.login('maria');
    expect(ok.status).toBe(303);
    const cookie = [ok.headers['set-cookie']].flat().find((c) => String(c).startsWith('console_session='));
    expect(String(cookie)).toMatch(/HttpOnly/);
    expect(String(cookie)).toMatch(/SameSite=Strict/);
    expect(String(cookie)).toMatch(/Path=\/console/);
    const token = client.cookies.get('console_session')!;
    const sessions = (app.store as unknown as { sqlite: import('better-sqlite3').Database }).sqlite
      .prepare('SELECT id FROM console_sessions')
      .all() as { id: string }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toContain(token);

    const queue = await client.get('/console');
    expect(queue.status).toBe(200);
    expect(queue.body).toMatch(/Очередь обращений/);
    expect(queue.headers['content-security-policy']).toMatch(/script-src 'self'/);

    const out = await client.post('/console/logout');
    expect(out.status).toBe(303);
    expect((await client.get('/console')).status).toBe(303);
    // The old cookie opens nothing any more either.
    const replay = new ConsoleClient(app);
    replay.cookies.set('console_session', token);
    expect((await replay.get('/console')).status).toBe(303);
  });

  it('login attempts are rate-limited per address', async () => {
    const { app } = await withTicket({ CONSOLE_LOGIN_ATTEMPTS: '3' });
    const client = new ConsoleClient(app);
    await client.get('/console/login');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await client.post('/console/login', { login: 'maria', password: `x${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await client.post('/console/login', { login: 'maria', password: 'test-password-123' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatch(/Слишком много попыток/);
  });

  it('a client cannot pick a new address per guess with X-Forwarded-For; failures are logged with the address', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
          done();
        },
      }),
    );
    app = await consoleTestApp({}, { logger });
    await createStaff(app);
    const client = new ConsoleClient(app);
    await client.get('/console/login');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const spoofed = { 'x-forwarded-for': `10.9.${i}.${i + 1}` };
      statuses.push(
        (await client.post('/console/login', { login: 'maria', password: `guess${i}` }, { headers: spoofed }))
          .status,
      );
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    const failed = lines.filter((l) => l.msg === 'console login failed');
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ login: 'maria', ip: '127.0.0.1' });
    expect(lines.filter((l) => l.msg === 'console login refused: too many failed attempts')).toHaveLength(15);
  });

  it("a failed login logs an account's login, but nothing of a name no account has (often the password)", async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    app = await consoleTestApp({ CONSOLE_LOGIN_ATTEMPTS: '2' }, { logger });
    await createStaff(app);
    const client = new ConsoleClient(app);
    await client.get('/console/login');
    for (let i = 0; i < 3; i++)
      await client.post('/console/login', { login: 'MySecretPassw0rd!', password: 'x' });
    await client.post('/console/login', { login: ' maria ', password: 'wrong-password' });
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.join('')).not.toMatch(/MySecret|Passw0rd/);
    expect(logged.map((l) => [l.msg, l.login, l.account])).toEqual([
      ['console login failed', undefined, false],
      ['console login failed', undefined, false],
      ['console login refused: too many failed attempts', undefined, false],
      ['console login failed', 'maria', true],
    ]);
  });

  it("behind TRUST_PROXY=1 the proxy's entry counts, not what the client wrote before it", async () => {
    app = await consoleTestApp({ TRUST_PROXY: '1', CONSOLE_LOGIN_ATTEMPTS: '2' });
    await createStaff(app);
    const client = new ConsoleClient(app);
    await client.get('/console/login');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // nginx appends the address it saw to whatever the client sent.
      const forwarded = { 'x-forwarded-for': `10.9.0.${i}, 198.51.100.7` };
      statuses.push(
        (await client.post('/console/login', { login: 'maria', password: 'nope' }, { headers: forwarded }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
    // Another client behind the same proxy is another address.
    const other = { headers: { 'x-forwarded-for': '198.51.100.8' } };
    expect((await client.post('/console/login', { login: 'maria', password: 'nope' }, other)).status).toBe(
      401,
    );
  });

  it('successful logins never count: six colleagues behind one office address log in within a minute', async () => {
    app = await consoleTestApp();
    await createStaff(app);
    for (const who of ['maria', 'oleg', 'anna', 'irina', 'maria', 'oleg', 'anna']) {
      const res = await new ConsoleClient(app).login(who);
      expect(res.status, who).toBe(303);
    }
  });

  it('failures lock out that name at that address, the right password too, but not a colleague', async () => {
    app = await consoleTestApp();
    await createStaff(app);
    const client = new ConsoleClient(app);
    await client.get('/console/login');
    for (let i = 0; i < 5; i++)
      expect((await client.post('/console/login', { login: 'maria', password: `x${i}` })).status).toBe(401);
    expect((await client.post('/console/login', { login: 'maria', password: PASSWORD })).status).toBe(429);
    expect((await new ConsoleClient(app).login('oleg')).status).toBe(303);
    // Oleg's own failures are his: four typos, and the fifth try with the right password still gets in.
    const oleg = new ConsoleClient(app);
    await oleg.get('/console/login');
    for (let i = 0; i < 4; i++)
      expect((await oleg.post('/console/login', { login: 'oleg', password: `y${i}` })).status).toBe(401);
    expect((await oleg.login('oleg')).status).toBe(303);
  });
});

describe('report periods', () => {
  it('a date that does not exist or is out of range shows the page with a message, never a server error', async () => {
    const { app } = await withTicket();
    const anna = new ConsoleClient(app);
    await anna.login('anna');
    for (const page of ['/console/dashboard', '/console/report']) {
      for (const query of [
        'to=9999-12-31',
        'from=2026-13-45',
        'from=2026-02-30&to=2026-02-31',
        'to=1999-12-31',
      ]) {
        const res = await anna.get(`${page}?${query}`);
        expect(res.status, `${page}?${query}`).toBe(400);
        expect(res.body, `${page}?${query}`).toMatch(/Дата указана неверно/);
        // The form shows real dates, never the impossible one.
        expect(res.body).not.toMatch(/value="(9999|2026-13|2026-02-3|1999)/);
      }
      const fine = await anna.get(`${page}?from=2028-02-01&to=2028-02-29`);
      expect(fine.status).toBe(200);
      expect(fine.body).not.toMatch(/Дата указана неверно/);
      expect(fine.body).toMatch(/value="2028-02-29"/);
      // An empty field (the form sent as is) is no error.
      expect((await anna.get(`${page}?from=&to=`)).status).toBe(200);
    }
  });
});

describe('roles', () => {
  it('a curator reads chats but cannot reply, take or close; pages of other roles are refused', async () => {
    const { app, ticket } = await withTicket();
    const curator = new ConsoleClient(app);
    await curator.login('irina');
    const page = await curator.get(`/console/tickets/${ticket.id}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(/id="reply-form"/);
    expect(page.body).toMatch(/Вы вошли как куратор/);
    const before = outboxTexts(app, 'c1').length;
    for (const [url, form] of [
      [`/console/tickets/${ticket.id}/reply`, { text: 'Ответ куратора' }],
      [`/console/tickets/${ticket.id}/take`, {}],
      [`/console/tickets/${ticket.id}/close`, { resolution: 'answered' }],
      [`/console/tickets/${ticket.id}/note`, { text: 'заметка' }],
    ] as const) {
      expect((await curator.post(url, form)).status, url).toBe(403);
    }
    expect(outboxTexts(app, 'c1')).toHaveLength(before);
    expect(app.store.handoffs.get(ticket.id)).toMatchObject({ status: 'open', assignedTo: null });
    expect((await curator.get('/console/dashboard')).status).toBe(403);
    expect((await curator.get('/console/report')).status).toBe(200);

    const consultant = new ConsoleClient(app);
    await consultant.login('maria');
    expect((await consultant.get('/console/review')).status).toBe(403);
    expect((await consultant.get('/console/dashboard')).status).toBe(403);
    const supervisor = new ConsoleClient(app);
    await supervisor.login('anna');
    expect((await supervisor.get('/console/dashboard')).status).toBe(200);
  });

  it('a ticket another consultant has is theirs: no reply, transfer or close by a colleague', async () => {
    const { app, ticket } = await withTicket();
    const maria = new ConsoleClient(app);
    await maria.login('maria');
    await maria.get(`/console/tickets/${ticket.id}`);
    expect((await maria.post(`/console/tickets/${ticket.id}/take`)).status).toBe(303);
    const oleg = new ConsoleClient(app);
    await oleg.login('oleg');
    await oleg.get(`/console/tickets/${ticket.id}`);
    const reply = await oleg.post(
      `/console/tickets/${ticket.id}/reply`,
      { text: 'Олег отвечает' },
      { headers: { 'hx-request': 'true' } },
    );
    expect(reply.status).toBe(409);
    expect(decodeURIComponent(String(reply.headers['x-console-error']))).toMatch(/другой консультант/);
    expect((await oleg.post(`/console/tickets/${ticket.id}/take`)).status).toBe(303); // back to the ticket with an error
    expect(app.store.handoffs.get(ticket.id)?.assignedTo).not.toBeNull();
    expect(outboxTexts(app, 'c1').join('\n')).not.toMatch(/Олег отвечает/);
  });
});

describe('the timeline', () => {
  it("shows a consultant's reply as the citizen read it, without Markdown's marks", async () => {
    const { app, ticket } = await withTicket();
    const maria = new ConsoleClient(app);
    await maria.login('maria');
    await maria.get(`/console/tickets/${ticket.id}`);
    const sent = await maria.post(`/console/tickets/${ticket.id}/reply`, {
      text: '**Многодетным** положена компенсация: [Указ № 63](http://pravo.gov.ru/)',
    });
    expect(sent.status).toBe(303);
    const page = (await maria.get(`/console/tickets/${ticket.id}`)).body;
    const shown = /<li class="msg msg-consultant"[\s\S]*?<div class="text">([\s\S]*?)<\/div>/.exec(page)?.[1];
    expect(shown).toContain('Многодетным положена компенсация: Указ № 63');
    expect(shown).not.toMatch(/\*\*|\]\(/);
  });

  it('says which button the citizen pressed, and shows the buttons the assistant offered', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    await createStaff(app);
    await citizenSays(app, 'b1', {
      kind: 'text',
      text: 'сколько платят пособие по уходу за ребёнком до полутора лет',
    });
    const dislike = app.store.outbox
      .listForChat('telegram', 'b1', 0, 50)
      .flatMap((o) => o.message.buttons?.flat() ?? [])
      .find((b) => b.label === '👎 Не помогло');
    expect(dislike?.kind).toBe('action');
    // The first 👎 offers the consultant; the second hands over.
    for (let i = 0; i < 2; i++)
      await citizenSays(app, 'b1', {
        kind: 'button',
        payload: dislike?.kind === 'action' ? dislike.payload : '',
      });
    const ticket = app.store.handoffs.openFor(citizenOf(app, 'b1').id)!;
    expect(ticket.reason).toBe('negative_feedback');

    const maria = new ConsoleClient(app);
    await maria.login('maria');
    const page = (await maria.get(`/console/tickets/${ticket.id}`)).body;
    const text = (li: string) => li.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const pressed =
      /<li class="msg msg-citizen"[^>]*>(?:(?!<\/li>)[\s\S])*?kind-note[\s\S]*?<\/li>/.exec(page)?.[0] ?? '';
    expect(text(pressed)).toContain('Нажал «👎 Не помогло»');
    expect(text(pressed)).not.toContain('Нажал кнопку');
    // Under the assistant's answer, the buttons it offered, as the citizen saw them.
    const offered = [...page.matchAll(/<li class="msg msg-assistant"[\s\S]*?<\/li>/g)]
      .map((m) => m[0])
      .find((li) => li.includes('class="offered"'));
    const labels = [...(offered ?? '').matchAll(/<span class="offered-button">([^<]*)<\/span>/g)].map(
      (m) => m[1],
    );
    expect(labels).toEqual(expect.arrayContaining(['👍 Помогло', '👎 Не помогло']));
  });
});

describe('CSRF', () => {
  it('a form without the token, or with a forged one, changes nothing', async () => {
    const { app, ticket } = await withTicket();
    const maria = new ConsoleClient(app);
    await maria.login('maria');
    await maria.get(`/console/tickets/${ticket.id}`);
    const none = await maria.post(
      `/console/tickets/${ticket.id}/reply`,
      { text: 'без токена' },
      { csrf: null },
    );
    expect(none.status).toBe(403);
    expect(none.body).toMatch(/Страница устарела/);
    const forged = await maria.post(
      `/console/tickets/${ticket.id}/reply`,
      { text: 'чужой токен' },
      { csrf: 'forged-token' },
    );
    expect(forged.status).toBe(403);
    expect(outboxTexts(app, 'c1').join('\n')).not.toMatch(/без токена|чужой токен/);
    // Another browser's token does not fit this browser's secret.
    const other = new ConsoleClient(app);
    await other.get('/console/login');
    const crossed = await maria.post(
      `/console/tickets/${ticket.id}/reply`,
      { text: 'токен другого' },
      { csrf: other.csrf },
    );
    expect(crossed.status).toBe(403);
    // The login form is protected too.
    const stranger = new ConsoleClient(app);
    expect(
      (
        await stranger.post(
          '/console/login',
          { login: 'maria', password: 'test-password-123' },
          { csrf: null },
        )
      ).status,
    ).toBe(403);

    const ok = await maria.post(`/console/tickets/${ticket.id}/reply`, { text: 'Здравствуйте!' });
    expect(ok.status).toBe(303);
    expect(outboxTexts(app, 'c1').at(-1)).toBe('Здравствуйте!');
  });
});

describe('XSS', () => {
  it('what a citizen wrote is escaped in the queue, the chat, the fragments and the report', async () => {
    const { app, ticket } = await withTicket();
    const anna = new ConsoleClient(app);
    await anna.login('anna');
    const bodies = [
      (await anna.get('/console')).body,
      (await anna.get('/console/queue/list', { 'hx-request': 'true' })).body,
      (await anna.get(`/console/tickets/${ticket.id}`)).body,
      (await anna.get(`/console/tickets/${ticket.id}/timeline`, { 'hx-request': 'true' })).body,
      (await anna.get('/console/report')).body,
    ];
    expect(bodies[0]).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(bodies[2]).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
    for (const body of bodies) {
      expect(body).not.toContain('<script>window.__xss');
      expect(body).not.toContain('<img src=x');
      // The only scripts are the console's own files.
      for (const tag of body.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="\/console\/assets\//);
    }
    // A note and a reply with markup are text too.
    await anna.get(`/console/tickets/${ticket.id}`);
    await anna.post(`/console/tickets/${ticket.id}/note`, { text: '<b onmouseover=alert(1)>жирный</b>' });
    const page = (await anna.get(`/console/tickets/${ticket.id}`)).body;
    expect(page).toContain('&lt;b onmouseover=alert(1)&gt;жирный&lt;/b&gt;');
  });
});
