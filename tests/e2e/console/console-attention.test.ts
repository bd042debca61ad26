/**
 * What needs a consultant's or a supervisor's attention, over the real app with a fake clock: a citizen writing in a
 * ticket already taken reaches the queue at once and marks it «ждёт ответа» (first in «В работе»); a ticket a crisis
 * message made urgent says so in the queue and the ticket's side panel; a taken ticket nobody answers alerts
 * supervisors (an urgent one after a third of the time) and urgent tickets come first in «В работе»; the ticket
 * page's live head brings the actions along when a colleague takes the ticket or the citizen leaves.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import {
  ConsoleClient,
  citizenOf,
  citizenSays,
  consoleTestApp,
  createStaff,
  FakeClock,
  openConsolePage,
} from '../../support/console-kit.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
});

const MIN = 60_000;

async function boot(clock: FakeClock, env: Record<string, string> = {}) {
  app = await consoleTestApp(env, { clock: clock.fn });
  await app.server.ready();
  const staff = await createStaff(app);
  const service = app.console!.service;
  const account = (login: string) => service.consoleStore.accounts.get(staff[login]!)!;
  return { app, service, staff, maria: account('maria'), oleg: account('oleg'), anna: account('anna') };
}

/** A citizen asks for a consultant; returns the ticket's id. */
async function ticketOf(target: App, clock: FakeClock, userId: string): Promise<number> {
  await citizenSays(target, userId, { kind: 'command', command: 'operator', args: '' });
  clock.now += 1000;
  return target.store.handoffs.openFor(citizenOf(target, userId).id)!.id;
}

describe('a citizen writes in a ticket a consultant already has', () => {
  it('the queue is told at once; the row says «ждёт ответа» and comes first until the consultant replies', async () => {
    const clock = new FakeClock();
    const { app, service, maria } = await boot(clock);
    const first = await ticketOf(app, clock, 'w1');
    const second = await ticketOf(app, clock, 'w2');
    await service.take(maria, first);
    await service.take(maria, second);
    clock.now += MIN;
    service.reply(maria, first, 'Здравствуйте, смотрю ваш вопрос.');
    service.reply(maria, second, 'Здравствуйте!');
    expect(service.queueView().inWork.map((t) => t.id)).toEqual([first, second]);

    const events = openConsolePage(app, maria.id);
    clock.now += MIN;
    await citizenSays(app, 'w2', { kind: 'text', text: 'Алло, вы тут? Мне срочно нужен ответ' });
    // Nothing about the set of tickets changed, yet the queue page is told to refresh within half a second (the
    // take and the replies just before used the last "queue" event), not left for its 30-s poll.
    await vi.waitFor(() => expect(events).toContain('queue'), { timeout: 1000, interval: 20 });

    const [top, next] = service.queueView().inWork;
    expect(top).toMatchObject({ id: second, awaitingSince: clock.now });
    expect(next?.id).toBe(first);
    expect(next?.awaitingSince).toBeUndefined();

    const client = new ConsoleClient(app);
    await client.login('maria');
    const list = (await client.get('/console/queue/list')).body;
    const rows = [...list.matchAll(/<tr class="([^"]*)" data-ticket="(\d+)"( data-awaiting="1")?/g)];
    expect(rows.map((r) => Number(r[2]))).toEqual([second, first]);
    expect(rows[0]?.[1]).toContain('row-awaiting');
    expect(rows[0]?.[3]).toBeDefined();
    expect(list).toMatch(/ждёт ответа с 10:0\d/);

    // The reply answers it: no longer waiting, back in the order they were taken.
    service.reply(maria, second, 'Да, я здесь. Сейчас отвечу.');
    expect(service.queueView().inWork.every((t) => t.awaitingSince === undefined)).toBe(true);
    expect(service.queueView().inWork.map((t) => t.id)).toEqual([first, second]);
  });
});

describe('a waiting ticket a crisis message made urgent', () => {
  it('a burst of citizen messages is one queue refresh at once and one at the end, not one per message for every page', async () => {
    const clock = new FakeClock();
    const { app, service, maria } = await boot(clock);
    const first = await ticketOf(app, clock, 'w1');
    await service.take(maria, first);
    const burst = openConsolePage(app, maria.id);
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (let i = 0; i < 5; i++) await citizenSays(app, 'w1', { kind: 'text', text: `ещё вопрос ${i}` });
    await vi.waitFor(() => expect(burst.filter((e) => e === 'queue').length).toBeGreaterThan(0), {
      timeout: 1000,
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(burst.filter((e) => e === 'queue').length).toBeLessThanOrEqual(2);
  });

  it('shows the crisis message and «Кризисная ситуация» in the queue and the side panel, not the old question', async () => {
    const clock = new FakeClock();
    const { app } = await boot(clock);
    await citizenSays(app, 'c1', { kind: 'text', text: 'муж умер, положена ли мне его пенсия' });
    clock.now += 1000;
    await citizenSays(app, 'c1', { kind: 'text', text: 'не помогло' });
    clock.now += 1000;
    // Said twice: the consultant is called (once, it was offered).
    await citizenSays(app, 'c1', { kind: 'text', text: 'нет, не помогло' });
    const ticket = app.store.handoffs.openFor(citizenOf(app, 'c1').id)!;
    expect(ticket).toMatchObject({ reason: 'negative_feedback', priority: 'normal' });
    clock.now += MIN;
    await citizenSays(app, 'c1', { kind: 'text', text: 'Я больше не могу, не хочу жить' });
    expect(app.store.handoffs.get(ticket.id)?.priority).toBe('urgent');

    const client = new ConsoleClient(app);
    await client.login('maria');
    const list = (await client.get('/console/queue/list')).body;
    const row = list.match(new RegExp(`<tr[^>]*data-ticket="${ticket.id}"[\\s\\S]*?</tr>`))?.[0] ?? '';
    expect(row).toMatch(/Я больше не могу, не хочу жить/);
    expect(row).toMatch(/Кризисная ситуация \(сначала — Ответ не помог\)/);
    expect(row).not.toMatch(/муж умер/);

    const page = (await client.get(`/console/tickets/${ticket.id}`)).body;
    const side = page.slice(page.indexOf('<aside'));
    expect(side).toMatch(/Кризисная ситуация \(сначала — Ответ не помог\)/);
    expect(side).toMatch(
      /Кризисное сообщение<\/dt><dd class="crisis-message">«Я больше не могу, не хочу жить»/,
    );
  });
});

describe('a taken ticket nobody answers', () => {
  it('alerts supervisors after QUEUE_UNATTENDED_MINUTES, an urgent one after a third of it; urgent comes first in work', async () => {
    const clock = new FakeClock();
    const { app, service, maria, oleg } = await boot(clock, { QUEUE_UNATTENDED_MINUTES: '9' });
    const normal = await ticketOf(app, clock, 'u1');
    await citizenSays(app, 'u2', { kind: 'text', text: 'муж бьёт, боюсь за жизнь' });
    const urgent = app.store.handoffs.openFor(citizenOf(app, 'u2').id)!.id;
    expect(app.store.handoffs.get(urgent)?.priority).toBe('urgent');
    await service.take(maria, normal);
    clock.now += 1000;
    await service.take(oleg, urgent);
    // Taken later, but a crisis: first in «В работе».
    expect(service.queueView().inWork.map((t) => t.id)).toEqual([urgent, normal]);

    const alerts = openConsolePage(app, service.consoleStore.accounts.byLogin('anna')!.id, 'supervisor');
    clock.now += 2 * MIN;
    service.tick();
    expect(alerts).not.toContain('alert');
    clock.now += 2 * MIN; // 4 min: past 9 / 3 for the urgent one
    service.tick();
    service.tick();
    expect(alerts.filter((e) => e === 'alert')).toHaveLength(1);
    expect(app.store.handoffs.get(urgent)?.alertedAt).toBe(clock.now);
    expect(app.store.handoffs.get(normal)?.alertedAt).toBeNull();

    const anna = new ConsoleClient(app);
    await anna.login('anna');
    const strip = (await anna.get('/console/alerts', { 'hx-request': 'true' })).body;
    expect(strip).toMatch(/Взяли, но не ответили \(1\)/);
    expect(strip).toContain(`/console/tickets/${urgent}`);
    const chat = (await anna.get(`/console/tickets/${urgent}`)).body;
    expect(chat).toMatch(/Обращение взяли, но долго не отвечали гражданину/);

    // The ordinary one alerts at 9 minutes, once; one that was answered never does.
    service.reply(oleg, urgent, 'Я с вами. Расскажите, где вы сейчас?');
    clock.now += 5 * MIN;
    service.tick();
    service.tick();
    expect(app.store.handoffs.get(normal)?.alertedAt).toBe(clock.now);
    expect(alerts.filter((e) => e === 'alert')).toHaveLength(2);
    const after = (await anna.get('/console/alerts', { 'hx-request': 'true' })).body;
    expect(after).toMatch(/Взяли, но не ответили \(1\)/);
    expect(after).toContain(`/console/tickets/${normal}`);
    expect(after).not.toContain(`/console/tickets/${urgent}"`);
  });
});

describe('the ticket page after someone else acted', () => {
  it('the live head brings the reply area and the actions along when the state changed, and only then', async () => {
    const clock = new FakeClock();
    const { app, service, maria } = await boot(clock);
    const ticket = await ticketOf(app, clock, 's1');
    const oleg = new ConsoleClient(app);
    await oleg.login('oleg');
    const page = (await oleg.get(`/console/tickets/${ticket}`)).body;
    const state = /id="ticket-state" name="state" value="([^"]+)"/.exec(page)?.[1];
    expect(state).toBe('open:-');
    expect(page).toContain('id="reply-form"');
    expect(page).toContain(`action="/console/tickets/${ticket}/take"`);

    // Nothing changed: the head alone (the reply box, and what is typed in it, stays).
    const same = (await oleg.get(`/console/tickets/${ticket}/head?state=${state}`)).body;
    expect(same).not.toContain('hx-swap-oob');

    await service.take(maria, ticket);
    const taken = (await oleg.get(`/console/tickets/${ticket}/head?state=${state}`)).body;
    expect(taken).toContain(`value="open:${maria.id}"`);
    const reply = taken.slice(taken.indexOf('<div id="ticket-reply" hx-swap-oob="true">'));
    expect(reply).toMatch(
      /^<div id="ticket-reply" hx-swap-oob="true"><p class="reply-closed">Обращение ведёт Мария Иванова/,
    );
    expect(taken).toContain('<div id="ticket-actions" hx-swap-oob="true">');
    expect(taken).not.toContain('id="reply-form"');
    expect(taken).not.toContain(`/console/tickets/${ticket}/take`);

    // The citizen goes back to the assistant: the same for the page that knew it as Maria's.
    await citizenSays(app, 's1', { kind: 'button', payload: 'hx' });
    const left = (await oleg.get(`/console/tickets/${ticket}/head?state=open:${maria.id}`)).body;
    expect(left).toMatch(
      /<div id="ticket-reply" hx-swap-oob="true"><p class="reply-closed">Гражданин вернулся к помощнику/,
    );
    // A made-up state is ignored.
    expect((await oleg.get(`/console/tickets/${ticket}/head?state=%3Cx%3E`)).body).not.toContain(
      'hx-swap-oob',
    );
  });
});
