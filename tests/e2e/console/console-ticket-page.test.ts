/**
 * The ticket page and the queue over HTTP (the real app, `server.inject`), as a consultant reads them: whom a
 * ticket can be transferred to and whether they can answer now, how many consultants can answer, every source of an
 * assistant's answer, a knowledge-base answer to read before inserting it, and what «доставлено» means in the web chat.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import {
  ConsoleClient,
  citizenOf,
  citizenSays,
  consoleTestApp,
  createStaff,
  openConsolePage,
} from '../../support/console-kit.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
});

const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&laquo;|&raquo;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

describe('who can answer', () => {
  it('the transfer list says who is on a break (last) and the queue counts only consultants who can answer', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    const staff = await createStaff(app);
    const service = app.console!.service;
    await citizenSays(app, 'p1', { kind: 'command', command: 'operator', args: '' });
    const ticket = app.store.handoffs.openFor(citizenOf(app, 'p1').id)!;
    const maria = service.consoleStore.accounts.byLogin('maria')!;
    expect((await service.take(maria, ticket.id)).ok).toBe(true);
    // Oleg has the console open but is on a break; the supervisor and the curator have it open too.
    service.setAvailable(service.consoleStore.accounts.byLogin('oleg')!, false);
    openConsolePage(app, staff.oleg!);
    openConsolePage(app, staff.anna!, 'supervisor');
    openConsolePage(app, staff.irina!, 'curator');

    const client = new ConsoleClient(app);
    await client.login('maria');
    const page = (await client.get(`/console/tickets/${ticket.id}`)).body;
    const select = /<select id="transfer-to"[\s\S]*?<\/select>/.exec(page)?.[0] ?? '';
    const groups = [...select.matchAll(/<optgroup label="([^"]*)">([\s\S]*?)<\/optgroup>/g)].map((m) => [
      m[1],
      text(m[2]!),
    ]);
    expect(groups).toEqual([
      ['На связи', 'Анна Сергеевна (руководитель, на связи)'],
      ['На перерыве', 'Олег Петров (консультант, на перерыве)'],
    ]);

    // Maria (her page open) is the one consultant who can answer: not Oleg on his break, not the others.
    const queue = text((await client.get('/console')).body);
    expect(queue).toContain('Консультантов на связи: 1 (открыта консоль, не на перерыве');
    // Back from the break, Oleg counts.
    service.setAvailable(service.consoleStore.accounts.byLogin('oleg')!, true);
    expect(text((await client.get('/console/queue/list')).body)).toContain('Консультантов на связи: 2');
  });
});

describe("an assistant's answer in the timeline", () => {
  it('shows every source the answer only counted («и ещё 1»), with links, on request', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    await createStaff(app);
    await citizenSays(app, 's1', {
      kind: 'text',
      text: 'сколько платят пособие по уходу за ребёнком до полутора лет',
    });
    await citizenSays(app, 's1', { kind: 'command', command: 'operator', args: '' });
    const ticket = app.store.handoffs.openFor(citizenOf(app, 's1').id)!;
    const client = new ConsoleClient(app);
    await client.login('maria');
    const page = (await client.get(`/console/tickets/${ticket.id}`)).body;
    // The timeline's items, each from its opening tag to the next one (the sources' list has <li>s of its own).
    const answer = page.split(/(?=<li class="msg )/).find((item) => item.includes('и ещё 1')) ?? '';
    const sources = /<details class="sources">([\s\S]*?)<\/details>/.exec(answer)?.[1] ?? '';
    expect(text(/<summary>([\s\S]*?)<\/summary>/.exec(sources)?.[1] ?? '')).toBe('Все источники ответа (2)');
    const links = [
      ...sources.matchAll(
        /<div class="source"><a href="([^"]+)"[^>]*>([^<]+)<\/a>([^<]*(?:<span[^>]*>[^<]*<\/span>)?)/g,
      ),
    ].map((m) => [m[1], text(m[2]!), text(m[3]!)]);
    expect(links).toHaveLength(2);
    expect(links[0]).toEqual([
      'https://sfr.gov.ru/',
      'Социальный фонд России — ежемесячное пособие по уходу за ребёнком',
      '',
    ]);
    expect(links[1]![0]).toContain('https://novosti-saratova.ru/');
    expect(links[1]![1]).toContain('новостной источник');
    expect(links[1]![2]).toBe('(неофициальный)');
  });
});

describe('a knowledge-base answer for the reply', () => {
  it('can be read before «Вставить в ответ», which inserts the short answer and its source, not a titled article', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    await createStaff(app);
    await citizenSays(app, 'k1', { kind: 'command', command: 'operator', args: '' });
    const ticket = app.store.handoffs.openFor(citizenOf(app, 'k1').id)!;
    const client = new ConsoleClient(app);
    await client.login('maria');
    const found = await client.get(
      `/console/tickets/${ticket.id}/kb?q=${encodeURIComponent('пособие по уходу за ребёнком до полутора лет')}`,
    );
    expect(found.status).toBe(200);
    const item =
      found.body
        .split(/(?=<li class="kb-item">)/)
        .find((li) => li.includes('Пособие по уходу за ребёнком до 1,5 лет — сколько платят')) ?? '';
    // The short answer is on the page, before anything is inserted.
    const preview = /class="kb-preview[^"]*">([\s\S]*?)<\/(?:div|details)>/.exec(item)?.[1] ?? '';
    expect(text(preview)).toContain('40% среднего заработка');
    // What is inserted: that answer and its source; no bold title heading it.
    const inserted = /data-insert="([^"]*)"/.exec(item)?.[1]?.replace(/&#10;|\n/g, '\n') ?? '';
    expect(inserted).toContain('40% среднего заработка');
    expect(inserted).not.toContain('**Пособие по уходу за ребёнком до 1,5 лет — сколько платят**');
    expect(inserted).toMatch(/Источник: \[Социальный фонд России[^\]]*\]\(https:\/\/sfr\.gov\.ru\/\)$/);
  });
});

describe('a knowledge-base answer for a citizen of a served region', () => {
  it("leaves out the other region's own lines, and keeps every line when the region is not known", async () => {
    app = await consoleTestApp();
    await app.server.ready();
    await createStaff(app);
    const client = new ConsoleClient(app);
    await client.login('maria');
    const inserted = async (citizen: string, region: 'perm' | 'volgograd' | undefined) => {
      await citizenSays(app!, citizen, { kind: 'command', command: 'operator', args: '' });
      const id = citizenOf(app!, citizen).id;
      if (region) app!.store.citizens.update(id, { region });
      const ticket = app!.store.handoffs.openFor(id)!;
      const found = await client.get(
        `/console/tickets/${ticket.id}/kb?q=${encodeURIComponent('поддержка семей участников сво куда обращаться')}`,
      );
      const item =
        found.body
          .split(/(?=<li class="kb-item">)/)
          .find((li) => li.includes('Поддержка семей участников СВО')) ?? '';
      return /data-insert="([^"]*)"/.exec(item)?.[1] ?? '';
    };
    const VOLGOGRAD_LINE = 'Единый областной центр поддержки';
    const perm = await inserted('s1', 'perm');
    expect(perm).toContain('Защитники Отечества');
    expect(perm).not.toContain(VOLGOGRAD_LINE);
    expect(await inserted('s2', 'volgograd')).toContain(VOLGOGRAD_LINE);
    expect(await inserted('s3', undefined)).toContain(VOLGOGRAD_LINE);
  });
});

describe('delivery of a reply', () => {
  it('in the web chat it says the citizen sees it when the chat page is open, not «доставлено»', async () => {
    app = await consoleTestApp();
    await app.server.ready();
    await createStaff(app);
    await citizenSays(app, 'webcitizen1', { kind: 'command', command: 'operator', args: '' }, 'web');
    await citizenSays(app, 'tgcitizen1', { kind: 'command', command: 'operator', args: '' });
    const service = app.console!.service;
    const maria = service.consoleStore.accounts.byLogin('maria')!;
    const client = new ConsoleClient(app);
    await client.login('maria');
    const status = async (userId: string, platform: 'web' | 'telegram') => {
      const ticket = app!.store.handoffs.openFor(citizenOf(app!, userId, platform).id)!;
      expect((await service.take(maria, ticket.id)).ok).toBe(true);
      expect(service.reply(maria, ticket.id, 'Здравствуйте! Уточните, пожалуйста, ваш возраст.').ok).toBe(
        true,
      );
      const outboxId = app!.store.transcript
        .list(citizenOf(app!, userId, platform).id, 50)
        .find((l) => l.author === 'consultant')!.outboxId!;
      // Handed over: to Telegram, or to the web chat's page (whether it is open or not).
      app!.store.outbox.markSent(outboxId, [], Date.now());
      return text((await client.get(`/console/outbox/${outboxId}`)).body);
    };
    expect(await status('webcitizen1', 'web')).toBe(
      'передано в веб-чат — гражданин увидит, когда откроет страницу чата',
    );
    expect(await status('tgcitizen1', 'telegram')).toBe('доставлено (Telegram)');
  });
});
