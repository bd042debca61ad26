/**
 * The three citizen services through the real app (storage, runner, delivery worker, web chat routes), as a person
 * uses them in the local web chat: the benefit finder with buttons and typed income, the agency finder by town
 * and by the browser's location, and a complaint with its ticket, /status and a supervisor's status change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { PRIVATE_TRANSCRIPT_TEXT } from '../../../src/app/dialog-runner.js';
import { toPlainText } from '../../../src/messaging/rich-text.js';
import { createTestApp } from '../../support/test-app.js';

interface WebMessage {
  id: number;
  editOf: number | null;
  text: Parameters<typeof toPlainText>[0];
  buttons: { kind: string; label: string; payload?: string; url?: string }[][];
  requestLocation?: boolean;
}

let app: App;
beforeAll(async () => {
  app = await createTestApp({}, { http: false });
  await app.start();
});
afterAll(() => app.stop());

let n = 0;
const eventId = () => `svc-${Date.now()}-${++n}`;

/** One chat session: send events, read what came back (edits included). */
class WebCitizen {
  private after = 0;
  constructor(readonly session: string) {}

  async post(body: Record<string, unknown>) {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/chat/events',
      payload: { sessionId: this.session, eventId: eventId(), ...body },
    });
    expect(res.statusCode).toBe(202);
    await app.runner.idle();
    await app.delivery.flush(2000);
    const got = await app.server.inject({
      method: 'GET',
      url: `/api/chat/messages?sessionId=${this.session}&after=${this.after}`,
    });
    const messages = (got.json() as { messages: WebMessage[] }).messages;
    this.after = Math.max(this.after, ...messages.map((m) => m.id));
    return messages;
  }

  async press(messages: WebMessage[], label: RegExp) {
    for (const m of [...messages].reverse()) {
      const b = m.buttons.flat().find((x) => x.payload && label.test(x.label));
      if (b) return this.post({ kind: 'button', payload: b.payload, sourceMessageId: String(m.id) });
    }
    throw new Error(`no button ${label}`);
  }
}

const text = (messages: WebMessage[]) => messages.map((m) => toPlainText(m.text)).join('\n---\n');

describe('citizen services in the local web chat', () => {
  it('benefit finder: buttons, typed income, the result, and keeping the answers', async () => {
    const anna = new WebCitizen('svcfinder0001');
    const menu = await anna.post({ kind: 'start' });
    let m = await anna.press(menu, /Подобрать меры поддержки/);
    expect(text(m)).toMatch(/Вопрос 1 из 9/);
    m = await anna.press(m, /^Волгоградская область$/);
    // Answers replace the question in place (an edit of the same message).
    expect(m[0]!.editOf).not.toBeNull();
    m = await anna.press(m, /^3–7 лет$/);
    m = await anna.press(m, /^7–16 лет$/);
    m = await anna.press(m, /Готово/);
    m = await anna.press(m, /^Нет$/);
    m = await anna.press(m, /^Двое$/);
    m = await anna.post({ kind: 'text', text: '40 000' });
    expect(text(m)).toMatch(
      /Доход на человека — 10\u00a0000\u00a0₽ в месяц\. Прожиточный минимум \(Волгоградская область\) — 16\u00a0288\u00a0₽/,
    );
    for (const label of [/^Нет$/, /^Нет$/, /^Работаю$/, /^Нет$/]) m = await anna.press(m, label);
    const result = text(m);
    expect(result).toMatch(/Единое пособие на детей — есть дети до 17 лет/);
    expect(result).toMatch(/Семейная выплата \(возврат НДФЛ\)/);
    expect(result).toMatch(/предварительная оценка/);
    // Without consent the answers stay out of the conversation record: it notes that they came, not what.
    const citizen = app.store.citizens.findOrCreate('web', anna.session, anna.session, {
      locale: 'ru',
      now: Date.now(),
    });
    const transcript = app.store.transcript.list(citizen.id).map((l) => l.text);
    expect(transcript.join('\n')).not.toMatch(/40 000|10\u00a0000|bf:rg|bf:ch|Волгоградская область \(/);
    expect(transcript.filter((t) => t === PRIVATE_TRANSCRIPT_TEXT).length).toBeGreaterThanOrEqual(20);
    const open = await anna.press(m, /Единое пособие на детей/);
    expect(text(open)).toMatch(/Единое пособие на детей до 17 лет/);
    const kept = await anna.press(m, /Сохранить мои ответы/);
    expect(text(kept)).toMatch(/Сохранил ваши ответы/);
  });

  it("agency finder: a typed town, then the nearest offices to the browser's location", async () => {
    const boris = new WebCitizen('svcagency0001');
    const menu = await boris.post({ kind: 'start' });
    const ask = await boris.press(menu, /Куда обратиться/);
    expect(ask.at(-1)!.requestLocation).toBe(true);
    const typed = await boris.post({ kind: 'text', text: 'фролова' });
    expect(text(typed)).toMatch(/Фролово и Фроловский район — адресов в справочнике: 2/);
    expect(
      typed
        .at(-1)!
        .buttons.flat()
        .some((b) => b.kind === 'link' && b.url?.startsWith('https://yandex.ru/maps/')),
    ).toBe(true);
    // Asked in words, with no place named, where an office is: the same question of the finder.
    const asked = await new WebCitizen('svcagency0002').post({
      kind: 'text',
      text: 'где находится соцзащита',
    });
    expect(text(asked)).toMatch(/Напишите ваш город, посёлок или район/);
    const nearest = await boris.post({ kind: 'location', latitude: 49.77, longitude: 43.66 });
    expect(text(nearest)).toMatch(/Ближайшие к вам[\s\S]*Фролово/);
    // The page offers the browser's location under a message that asks for it.
    const page = await app.server.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('📍 Отправить моё местоположение');
    expect(page.body).toContain("kind: 'location'");
    const bad = await app.server.inject({
      method: 'POST',
      url: '/api/chat/events',
      payload: { sessionId: 'svcagency0001', eventId: eventId(), kind: 'location', latitude: 123 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('agency finder: after a listing, a welfare question naming a town is answered, a bare town is listed', async () => {
    const vera = new WebCitizen('svcagency0003');
    const menu = await vera.post({ kind: 'start' });
    await vera.press(menu, /Куда обратиться/);
    expect(text(await vera.post({ kind: 'text', text: 'волгоград' }))).toMatch(/^Волгоград — адресов/);
    // With the answer or the choices it needs, their buttons included.
    const said = (messages: WebMessage[]) =>
      [text(messages), ...messages.flatMap((m) => m.buttons.flat().map((x) => x.label))].join('\n');
    const subsidy = said(await vera.post({ kind: 'text', text: 'где оформить субсидию во фролово' }));
    expect(subsidy).not.toMatch(/адресов в справочнике/);
    expect(subsidy).toMatch(/Как оформить субсидию на ЖКУ/);
    const queue = text(await vera.post({ kind: 'text', text: 'я стою в очереди' }));
    expect(queue).not.toMatch(/Павловский|Очёрский/);
    await vera.press(menu, /Куда обратиться/);
    expect(text(await vera.post({ kind: 'text', text: 'фролово' }))).toMatch(/^Фролово и Фроловский район/);
    expect(text(await vera.post({ kind: 'text', text: 'а в волжском?' }))).toMatch(/^Волжский — адресов/);
    expect(text(await vera.post({ kind: 'text', text: 'адреса во фролово' }))).toMatch(
      /^Фролово и Фроловский/,
    );
    const pensioners = said(
      await vera.post({ kind: 'text', text: 'какие выплаты положены пенсионерам в волжском' }),
    );
    expect(pensioners).not.toMatch(/адресов в справочнике/);
    expect(pensioners).toMatch(/Льготы пенсионерам/);
  });

  it('complaint: filed with a ticket number, listed by /status, and a status change reaches the chat', async () => {
    const vera = new WebCitizen('svccomplaint01');
    const menu = await vera.post({ kind: 'start' });
    let m = await vera.press(menu, /Подать жалобу/);
    m = await vera.press(m, /На сотрудника/);
    m = await vera.press(m, /^Пермский край$/);
    m = await vera.press(m, /МФЦ, ул\. Попова, 23/);
    m = await vera.post({
      kind: 'text',
      text: 'Сотрудник отказался принять заявление без объяснения причин',
    });
    m = await vera.press(m, /Разобраться и ответить мне/);
    m = await vera.press(m, /Да, можно/);
    expect(text(m)).toMatch(/Проверьте жалобу/);
    m = await vera.press(m, /Отправить жалобу/);
    const ticket = /Номер: (Ж-\d{6})/.exec(text(m))?.[1];
    expect(ticket).toBeDefined();

    const status = await vera.post({ kind: 'text', text: '/status' });
    expect(text(status)).toMatch(
      new RegExp(`${ticket} от \\d\\d\\.\\d\\d\\.\\d{4} — МФЦ Перми \\(улица Попова\\): новое`),
    );

    const [complaint] = app.complaints
      .listComplaints({ status: 'new' })
      .items.filter((c) => c.ticket === ticket);
    expect(complaint).toMatchObject({ about: 'employee', agencyId: 'perm-mfc-popova', platform: 'web' });
    app.complaints.setComplaintStatus(complaint!.id, 'answered', 'supervisor', {
      note: 'Заявление примут, извините.',
    });
    await app.delivery.flush(2000);
    const update = await vera.post({ kind: 'text', text: '/status' });
    expect(text(update)).toMatch(
      new RegExp(
        `По вашей жалобе ${ticket} новый статус: есть ответ\\.[\\s\\S]*Заявление примут, извините\\.`,
      ),
    );
    expect(text(update)).toMatch(new RegExp(`${ticket} от .*: есть ответ`));
  });

  it("appeal guidance for a named benefit comes from its entry's appeal section", async () => {
    const gleb = new WebCitizen('svcappeal00001');
    await gleb.post({ kind: 'start' });
    const ask = await gleb.post({ kind: 'text', text: '/complaint' });
    const appeal = await gleb.press(ask, /Как обжаловать отказ/);
    const answer = await gleb.post({ kind: 'text', text: 'отказали в едином пособии на ребенка' });
    expect(text(appeal)).toMatch(/В какой выплате/);
    expect(text(answer)).toMatch(/Как обжаловать/);
  });

  it('"как обжаловать отказ в едином пособии" typed as a question opens that entry\'s appeal section', async () => {
    const lida = new WebCitizen('svcappeal00002');
    await lida.post({ kind: 'start' });
    const answer = await lida.post({ kind: 'text', text: 'как обжаловать отказ в едином пособии' });
    const ep = app.knowledge.current().kb.entry('ep-children-overview')!;
    expect(text(answer)).toContain(`${ep.title} — Как обжаловать`);
    expect(ep.sections.appeal).toBeDefined();
    expect(answer.flatMap((m) => m.buttons.flat().map((b) => b.label))).toContain(
      'Общий порядок обжалования',
    );
    const line = app.store.transcript
      .list(
        app.store.citizens.findOrCreate('web', 'svcappeal00002', 'svcappeal00002', { locale: 'ru', now: 0 })
          .id,
      )
      .filter((l) => l.direction === 'in')
      .at(-1);
    expect(line).toMatchObject({ entryId: 'ep-children-overview', detail: 'complaint:appeal-section' });
    // A refusal that names no benefit still gets the general procedure (asked afresh: right after the answer above
    // it would be a follow-up about the entry shown).
    const mark = new WebCitizen('svcappeal00003');
    await mark.post({ kind: 'start' });
    const general = await mark.post({ kind: 'text', text: 'как обжаловать отказ' });
    expect(text(general)).toMatch(/Отказали в выплате или льготе — как обжаловать/);
  });
});
