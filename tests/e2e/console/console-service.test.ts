/**
 * The consultant side over the real app (storage, runner, engine) with a fake clock: taking tickets, replies into the
 * outbox, notes and transfers, closing with the rating, auto-assignment within limits, the unattended alert, the
 * dashboard and the curators' report, and `npm run console:user`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { hashPassword, needsRehash } from '../../../src/console/auth/passwords.js';
import { runConsoleUser } from '../../../src/console/console-user-command.js';
import {
  ALWAYS_OPEN,
  ConsoleClient,
  citizenOf,
  citizenSays,
  consoleTestApp,
  createStaff,
  FakeClock,
  openConsolePage,
  outboxTexts,
  TEST_PASSWORD_COST,
} from '../../support/console-kit.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
});

const MIN = 60_000;

describe('consultants at work', () => {
  it('take, reply, note, transfer, close; the citizen gets the reply and the rating request; the rating is stored', async () => {
    const clock = new FakeClock();
    app = await consoleTestApp({}, { clock: clock.fn });
    await app.server.ready();
    const staff = await createStaff(app);
    const service = app.console!.service;
    const maria = service.consoleStore.accounts.get(staff.maria!)!;
    const oleg = service.consoleStore.accounts.get(staff.oleg!)!;

    await citizenSays(app, 'p1', { kind: 'command', command: 'operator', args: '' });
    expect(outboxTexts(app, 'p1').join('\n')).toMatch(
      /Вы 1-й в очереди\. Примерное ожидание — около 10 мин\./,
    );
    const ticket = app.store.handoffs.openFor(citizenOf(app, 'p1').id)!;
    expect(ticket.positionAtOpen).toBe(1);

    clock.now += 3 * MIN;
    expect(await service.take(maria)).toEqual({ ok: true, ticketId: ticket.id });
    expect(outboxTexts(app, 'p1').at(-1)).toMatch(/Консультант подключился/);
    expect(await service.take(oleg, ticket.id)).toEqual({ ok: false, reason: 'taken_by_other' });

    expect(service.reply(maria, ticket.id, '  ')).toEqual({ ok: false, reason: 'empty' });
    expect(service.reply(maria, ticket.id, 'Здравствуйте! Помогу с пособием.')).toEqual({ ok: true });
    expect(outboxTexts(app, 'p1').at(-1)).toBe('Здравствуйте! Помогу с пособием.');
    const line = app.store.transcript.list(citizenOf(app, 'p1').id).at(-1)!;
    expect(line).toMatchObject({ author: 'consultant', consultantId: maria.id, direction: 'out' });
    expect(app.store.handoffs.get(ticket.id)?.firstResponseAt).toBe(clock.now);

    // The citizen writes: relayed to the consultant, not searched, no "passed on" noise once the ticket is taken.
    const before = outboxTexts(app, 'p1').length;
    await citizenSays(app, 'p1', { kind: 'text', text: 'У меня двое детей, 3 и 7 лет' });
    expect(outboxTexts(app, 'p1')).toHaveLength(before);

    expect(service.note(maria, ticket.id, 'Уточнить доход семьи')).toEqual({ ok: true });
    // Maria works on it for ten minutes before handing it on: the citizen's wait ended when she took it.
    clock.now += 10 * MIN;
    expect(await service.transfer(maria, ticket.id, oleg.id)).toEqual({ ok: true });
    expect(app.store.handoffs.get(ticket.id)?.assignedTo).toBe(oleg.id);
    expect(service.consoleStore.events.list(ticket.id).map((e) => e.kind)).toEqual([
      'taken',
      'note',
      'transferred',
    ]);
    expect(await service.close(maria, ticket.id, 'answered')).toEqual({ ok: false, reason: 'not_yours' });
    expect(await service.close(oleg, ticket.id, 'whatever')).toEqual({ ok: false, reason: 'bad_resolution' });

    clock.now += 5 * MIN;
    expect(await service.close(oleg, ticket.id, 'answered')).toEqual({ ok: true });
    expect(app.store.handoffs.get(ticket.id)).toMatchObject({
      status: 'closed',
      resolution: 'answered',
      closedBy: oleg.id,
    });
    const request = app.store.outbox.listForChat('telegram', 'p1', 0, 100).at(-1)!;
    expect(request.message.buttons?.[0]?.map((b) => (b.kind === 'action' ? b.payload : ''))).toEqual(
      [1, 2, 3, 4, 5].map((s) => `rt:${ticket.id}:${s}`),
    );
    expect(await service.close(oleg, ticket.id, 'answered')).toEqual({ ok: false, reason: 'not_open' });

    await citizenSays(app, 'p1', { kind: 'button', payload: `rt:${ticket.id}:5` });
    await citizenSays(app, 'p1', { kind: 'text', text: 'Спасибо, всё понятно' });
    expect(app.store.handoffs.get(ticket.id)).toMatchObject({
      rating: 5,
      ratingComment: 'Спасибо, всё понятно',
    });

    // A forged rating of somebody else's ticket changes nothing.
    await citizenSays(app, 'intruder', { kind: 'button', payload: `rt:${ticket.id}:1` });
    expect(app.store.handoffs.get(ticket.id)?.rating).toBe(5);

    // The supervisors' dashboard shows it.
    const anna = new ConsoleClient(app);
    await anna.login('anna');
    const dashboard = (await anna.get('/console/dashboard?days=7')).body;
    expect(dashboard).toMatch(/data-key="score-5"[\s\S]*?<span class="hbar-value">1<\/span>/);
    expect(dashboard).toMatch(/data-testid="rating"><div class="card-value">5,0/);
    expect(dashboard).toMatch(/data-testid="median-wait"><div class="card-value">3 мин/);
  });

  it('the next ticket is a crisis one first; a citizen who goes back to the assistant leaves the queue', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    const staff = await createStaff(app);
    const service = app.console!.service;
    await citizenSays(app, 'n1', { kind: 'command', command: 'operator', args: '' });
    await citizenSays(app, 'n2', { kind: 'command', command: 'operator', args: '' });
    await citizenSays(app, 'n3', { kind: 'text', text: 'муж бьёт, боюсь за жизнь' });
    expect(service.queueView().waiting.map((t) => t.priority)).toEqual(['urgent', 'normal', 'normal']);
    await citizenSays(app, 'n1', { kind: 'button', payload: 'hx' });
    expect(service.queueView().waiting).toHaveLength(2);
    const maria = service.consoleStore.accounts.get(staff.maria!)!;
    const first = await service.take(maria);
    expect(first.ok && app.store.handoffs.get(first.ticketId)?.priority).toBe('urgent');
    expect(service.queueView().inWork.map((t) => t.assignedName)).toEqual(['Мария Иванова']);
  });

  it('auto-assigns to the least busy online consultant within the limit, and alerts supervisors about a ticket nobody took', async () => {
    const clock = new FakeClock();
    app = await consoleTestApp(
      { QUEUE_AUTO_ASSIGN: 'true', QUEUE_MAX_PER_CONSULTANT: '1', QUEUE_UNATTENDED_MINUTES: '5' },
      { clock: clock.fn },
    );
    await app.server.ready();
    const staff = await createStaff(app);
    const service = app.console!.service;
    for (const id of ['a1', 'a2', 'a3']) {
      await citizenSays(app, id, { kind: 'command', command: 'operator', args: '' });
      clock.now += 1000;
    }
    service.tick(); // nobody online: nothing assigned
    expect(service.queueView().waiting).toHaveLength(3);
    openConsolePage(app, staff.maria!);
    openConsolePage(app, staff.oleg!);
    service.consoleStore.accounts.update(staff.oleg!, { available: false });
    service.tick();
    await app.runner.idle();
    // Maria is online and available, limit 1: she gets the first; Oleg is on a break.
    const view = service.queueView();
    expect(view.inWork.map((t) => t.assignedTo)).toEqual([staff.maria]);
    expect(view.waiting).toHaveLength(2);
    expect(outboxTexts(app, 'a1').at(-1)).toMatch(/Консультант подключился/);
    expect(service.consoleStore.events.list(view.inWork[0]!.id).map((e) => e.kind)).toEqual(['assigned']);

    const alerts: number[] = [];
    const supervisor = {
      writeHead() {},
      write(chunk: string) {
        const m = /event: alert\ndata: \{"id":(\d+)\}/.exec(chunk);
        if (m) alerts.push(Number(m[1]));
        return true;
      },
      on() {},
      end() {},
    } as unknown as ServerResponse;
    service.hub.attach(supervisor, { consultantId: staff.anna!, role: 'supervisor' });
    clock.now += 4 * MIN;
    service.tick();
    expect(alerts).toEqual([]);
    clock.now += 2 * MIN;
    service.tick();
    service.tick();
    // Each waiting ticket once, and Maria's once too: she got it 6 minutes ago and has not answered.
    const expected = [...view.waiting.map((t) => t.id), view.inWork[0]!.id];
    expect([...alerts].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(service.queueView().waiting.every((t) => t.alertedAt !== null)).toBe(true);
    const anna = new ConsoleClient(app);
    await anna.login('anna');
    expect((await anna.get('/console/alerts', { 'hx-request': 'true' })).body).toMatch(
      /Никто не взял обращения \(2\)/,
    );
  });
});

describe('curators', () => {
  it('propose a consultant reply as FAQ and download a draft entry; see weak answers grouped', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    const staff = await createStaff(app);
    const service = app.console!.service;
    await citizenSays(app, 'q1', {
      kind: 'text',
      text: 'можно ли получать пособие если работаешь самозанятым',
    });
    await citizenSays(app, 'q1', { kind: 'command', command: 'operator', args: '' });
    const ticket = app.store.handoffs.openFor(citizenOf(app, 'q1').id)!;
    const maria = service.consoleStore.accounts.get(staff.maria!)!;
    service.reply(
      maria,
      ticket.id,
      'Да, доход самозанятого учитывается, пособие назначают по общим правилам.',
    );
    const replyLine = app.store.transcript
      .list(citizenOf(app, 'q1').id)
      .find((l) => l.author === 'consultant')!;

    const irina = new ConsoleClient(app);
    await irina.login('irina');
    await irina.get(`/console/tickets/${ticket.id}`);
    expect(
      (await irina.post(`/console/tickets/${ticket.id}/propose`, { messageId: String(replyLine.id) })).status,
    ).toBe(303);
    const review = (await irina.get('/console/review')).body;
    expect(review).toMatch(/самозанятым/);
    expect(review).toMatch(/доход самозанятого учитывается/);
    const proposal = service.consoleStore.proposals.list()[0]!;
    const draft = await irina.get(`/console/review/${proposal.id}/draft.md`);
    expect(draft.headers['content-disposition']).toMatch(/draft-\d+\.md/);
    expect(draft.body).toMatch(/^---\nid: draft-\d+\n/);
    expect(draft.body).toMatch(/short: Да, доход самозанятого учитывается/);
    expect(draft.body).toMatch(/## Кто может получить/);
    await irina.get('/console/review');
    expect((await irina.post(`/console/review/${proposal.id}/accept`)).status).toBe(303);
    expect(service.consoleStore.proposals.get(proposal.id)?.status).toBe('accepted');

    const report = (await irina.get('/console/report')).body;
    expect(report).toMatch(/data-kind="/);
  });
});

describe('curators: entries to look at', () => {
  it('the report lists answers people did not understand or dislike, and entries past or near their review date', async () => {
    const clock = new FakeClock();
    clock.now = Date.parse('2027-01-05T10:00:00+03:00');
    app = await consoleTestApp({}, { clock: clock.fn });
    await app.server.ready();
    await createStaff(app);
    await citizenSays(app, 'r1', { kind: 'text', text: 'муж умер, положена ли мне его пенсия' });
    await citizenSays(app, 'r1', { kind: 'text', text: 'не понял' });
    expect(outboxTexts(app, 'r1').at(-1)).toMatch(/Давайте по-другому/);
    await citizenSays(app, 'r1', { kind: 'text', text: 'не помогло' });
    await citizenSays(app, 'r2', { kind: 'text', text: 'налог на гараж пенсионеру' });
    expect(outboxTexts(app, 'r2').join('\n')).toMatch(/Налог на квартиру, дом, гараж/);

    const irina = new ConsoleClient(app);
    await irina.login('irina');
    const report = (await irina.get('/console/report')).body;
    const troubled = report.slice(
      report.indexOf('data-section="troubled"'),
      report.indexOf('data-section="due"'),
    );
    const row = troubled.match(/<tr data-entry="pension-survivor">(.*?)<\/tr>/s)?.[1] ?? '';
    expect(row).toMatch(/Пенсия по потере кормильца/);
    expect([...row.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([1, 0, 1, 1]);
    expect(troubled).not.toMatch(/data-entry="tax-exemption-pensioners-property"/);

    const ticket = app.store.handoffs.openFor(citizenOf(app, 'r1').id)!;
    const chat = (await irina.get(`/console/tickets/${ticket.id}`)).body;
    expect(chat).toMatch(/Гражданин написал, что не понял ответ «Пенсия по потере кормильца/);

    // A citizen who wrote in English: the consultant sees it, not "not on topic".
    await citizenSays(app, 'r3', { kind: 'text', text: 'Hello, I need help with my pension' });
    await citizenSays(app, 'r3', { kind: 'text', text: 'когда работают консультанты' });
    await citizenSays(app, 'r3', { kind: 'command', command: 'operator', args: '' });
    const english = app.store.handoffs.openFor(citizenOf(app, 'r3').id)!;
    const englishChat = (await irina.get(`/console/tickets/${english.id}`)).body;
    expect(englishChat).toMatch(/Гражданин написал не по-русски/);
    expect(englishChat).toMatch(/Гражданин спросил, когда работают консультанты/);
    expect(englishChat).not.toMatch(/Помощник счёл вопрос не по теме/);

    const due = report.slice(report.indexOf('data-section="due"'));
    const kb = app.knowledge.current().kb;
    const pastEntry = kb.entries.find((e) => e.reviewBy < '2027-01-05')!;
    const soonEntry = kb.entries.find((e) => e.reviewBy >= '2027-01-05' && e.reviewBy <= '2027-02-04')!;
    expect(due).toMatch(new RegExp(`data-entry="${pastEntry.id}" class="overdue"`));
    expect(due).toMatch(new RegExp(`data-entry="${soonEntry.id}" class=""`));
    expect(due).not.toMatch(/data-entry="tax-exemption-pensioners-property"/);
  });
});

describe('curators: long questions in the report', () => {
  it('a 9,900-character question shows its start in the table and the whole text on request', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    await createStaff(app);
    const story = `Здравствуйте, у нас сосед шумит по ночам и ломает забор на даче. ${'Мы писали участковому, он не приходит. '.repeat(252)}Что делать дальше?`;
    expect(story.length).toBeGreaterThan(9_900);
    await citizenSays(app, 'long1', { kind: 'text', text: story });

    const irina = new ConsoleClient(app);
    await irina.login('irina');
    const report = (await irina.get('/console/report')).body;
    const cell = report.match(
      /<td class="text">((?:(?!<\/td>).)*Здравствуйте, у нас сосед(?:(?!<\/td>).)*)<\/td>/s,
    )?.[1];
    expect(cell, 'the question is in the report').toBeDefined();
    // What the table shows before anything is clicked: the start of it, cut, and a way to see the rest.
    const summary = cell!.match(/<summary>(.*?)<\/summary>/s)?.[1] ?? '';
    const shown = summary.replace(/<[^>]+>/g, '');
    expect(shown).toMatch(/^Здравствуйте, у нас сосед шумит по ночам/);
    expect(shown).toMatch(/… Показать вопрос целиком$/);
    expect(shown.length).toBeLessThan(400);
    // The whole text is there, inside the closed <details>.
    expect(cell).toMatch(/^<details class="clipped">/);
    expect(cell).toContain('Что делать дальше?</details>');
  });
});

describe('console logins', () => {
  it('a password hashed at an older cost logs in and is rehashed at the current one; a wrong password changes nothing', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    const service = app.console!.service;
    const { account } = await service.createAccount({
      login: 'vera',
      role: 'consultant',
      password: 'старый пароль 1',
    });
    const older = await hashPassword('старый пароль 1', { N: 512, r: 8, p: 1 });
    service.consoleStore.accounts.update(account.id, { passwordHash: older });

    expect(await service.login('vera', 'не тот пароль')).toBeUndefined();
    expect(service.consoleStore.accounts.byLogin('vera')?.passwordHash).toBe(older);

    expect(await service.login('vera', 'старый пароль 1')).toBeDefined();
    const rewritten = service.consoleStore.accounts.byLogin('vera')!.passwordHash;
    expect(rewritten).not.toBe(older);
    expect(needsRehash(rewritten, TEST_PASSWORD_COST)).toBe(false);
    expect(await service.login('vera', 'старый пароль 1')).toBeDefined();
  });
});

describe('the demo consultant', () => {
  it('is disabled at a start without demo mode (messenger tokens set later, production): its last password and its sessions stop working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-demo-'));
    const DATABASE_URL = join(dir, 'db.sqlite');
    try {
      app = await consoleTestApp({ DATABASE_URL, CONSOLE_DEMO_ACCOUNT: 'true' });
      await app.start();
      const demo = app.console!.demo!;
      expect(demo.login).toBe('demo');
      const browser = new ConsoleClient(app);
      expect((await browser.login(demo.login, demo.password)).status).toBe(303);
      expect((await browser.get('/console')).status).toBe(200);
      await app.stop({ flushTimeoutMs: 50 });

      app = await consoleTestApp({ DATABASE_URL, CONSOLE_DEMO_ACCOUNT: 'false' });
      await app.start();
      const service = app.console!.service;
      expect(app.console!.demo).toBeUndefined();
      expect(service.consoleStore.accounts.byLogin('demo')?.active).toBe(false);
      expect(await service.login(demo.login, demo.password)).toBeUndefined();
      const sameBrowser = new ConsoleClient(app);
      sameBrowser.cookies = browser.cookies;
      expect((await sameBrowser.get('/console')).headers.location).toMatch(/^\/console\/login/);
      await app.stop({ flushTimeoutMs: 50 });

      // Demo mode again (back to local mode): the same account, active, with a fresh password.
      app = await consoleTestApp({ DATABASE_URL, CONSOLE_DEMO_ACCOUNT: 'true' });
      await app.start();
      const again = app.console!.demo!;
      expect(app.console!.service.consoleStore.accounts.byLogin('demo')?.active).toBe(true);
      expect(await app.console!.service.login(again.login, again.password)).toBeDefined();
    } finally {
      await app?.stop({ flushTimeoutMs: 50 });
      app = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run console:user', () => {
  it('creates an account and prints a generated password on its last line; the password logs in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-user-'));
    try {
      const env = { DATABASE_URL: join(dir, 'db.sqlite'), QUEUE_WORKING_HOURS_FILE: ALWAYS_OPEN };
      const lines: string[] = [];
      const errors: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
      const code = await runConsoleUser(
        ['add', 'petrova', '--role', 'supervisor', '--name', 'Е. Петрова'],
        io,
        {
          env,
          cost: TEST_PASSWORD_COST,
        },
      );
      expect(code).toBe(0);
      const password = lines.at(-1)!;
      expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(await runConsoleUser(['add', 'petrova', '--role', 'curator'], io, { env })).toBe(1);
      expect(errors.join('\n')).toMatch(/already exists/);
      expect(await runConsoleUser(['add', 'x', '--role', 'boss'], io, { env })).toBe(2);

      app = await consoleTestApp({ DATABASE_URL: env.DATABASE_URL });
      await app.server.ready();
      const client = new ConsoleClient(app);
      expect((await client.login('petrova', password)).status).toBe(303);
      expect((await client.get('/console/dashboard')).status).toBe(200);
    } finally {
      await app?.stop({ flushTimeoutMs: 50 });
      app = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
