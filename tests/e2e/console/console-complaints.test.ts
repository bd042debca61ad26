/**
 * Supervisors' complaint pages over HTTP (the real app, `server.inject`): only supervisors see them, the list filters
 * by status with the newest first, a complaint shows the citizen's words (as text) and their consent to be
 * contacted, and a status change — protected by CSRF — queues a message with the ticket number, the new status and
 * the answer to the citizen's own chat, or tells nobody when the citizen did not agree to be contacted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { ticketNumber } from '../../../src/services/complaints/ticket.js';
import {
  ConsoleClient,
  citizenFilesComplaint,
  citizenOf,
  consoleTestApp,
  createStaff,
  outboxTexts,
} from '../../support/console-kit.js';

let app: App | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
});

const XSS = '<img src=x onerror="window.__xss=1"> потеряли документы';

async function withComplaints() {
  app = await consoleTestApp();
  await app.server.ready();
  await createStaff(app);
  const first = await citizenFilesComplaint(app, 'c1', { description: `В МФЦ ${XSS}` });
  const second = await citizenFilesComplaint(app, 'v1', {
    platform: 'vk',
    consent: false,
    description: 'Нагрубили в окне приёма и не приняли заявление',
  });
  return { app, first, second };
}

async function supervisor(app: App): Promise<ConsoleClient> {
  const anna = new ConsoleClient(app);
  await anna.login('anna');
  return anna;
}

describe('complaints in the console', () => {
  it('are for supervisors only: logged out, consultants and curators see and change nothing', async () => {
    const { app, first } = await withComplaints();
    const anonymous = new ConsoleClient(app);
    for (const url of ['/console/complaints', `/console/complaints/${first}`]) {
      const res = await anonymous.get(url);
      expect(res.status, url).toBe(303);
      expect(String(res.headers.location)).toMatch(/^\/console\/login\?next=/);
    }
    await anonymous.get('/console/login');
    expect((await anonymous.post(`/console/complaints/${first}/status`, { status: 'answered' })).status).toBe(
      401,
    );

    for (const login of ['maria', 'irina']) {
      const client = new ConsoleClient(app);
      await client.login(login);
      const queue = await client.get('/console');
      expect(queue.body, login).not.toContain('href="/console/complaints"');
      expect((await client.get('/console/complaints')).status, login).toBe(403);
      const detail = await client.get(`/console/complaints/${first}`);
      expect(detail.status, login).toBe(403);
      expect(detail.body).not.toContain('потеряли документы');
      const post = await client.post(`/console/complaints/${first}/status`, {
        status: 'answered',
        note: 'ответ не от руководителя',
      });
      expect(post.status, login).toBe(403);
    }
    expect(app.store.complaints.get(first)?.status).toBe('new');
    expect(outboxTexts(app, 'c1').join('\n')).not.toMatch(/не от руководителя/);

    const anna = await supervisor(app);
    expect((await anna.get('/console')).body).toContain('href="/console/complaints"');
  });

  it('lists them newest first with ticket number, subject, region, platform, consent and status, filtered by status', async () => {
    const { app, first, second } = await withComplaints();
    const anna = await supervisor(app);
    const list = await anna.get('/console/complaints');
    expect(list.status).toBe(200);
    const rows = [...list.body.matchAll(/<tr data-complaint="(\d+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => Number(r[1]))).toEqual([second, first]);
    const firstRow = rows[1]![2]!;
    expect(firstRow).toContain(ticketNumber(first));
    expect(firstRow).toContain('МФЦ Перми (улица Ленина)');
    expect(firstRow).toContain('На учреждение');
    expect(firstRow).toContain('Пермский край');
    expect(firstRow).toContain('Telegram');
    expect(firstRow).toContain('можно писать');
    expect(firstRow).toContain('Новая');
    expect(rows[0]![2]).toContain('ВКонтакте');
    expect(rows[0]![2]).toContain('не писать');
    // The citizen's words are text, never markup.
    expect(list.body).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(list.body).not.toContain('<img src=x');
    expect(list.body).toContain('data-tab="new">Новые (2)</a>');

    app.store.complaints.setStatus(first, 'in_progress', Date.now());
    const inWork = await anna.get('/console/complaints?status=in_progress');
    expect([...inWork.body.matchAll(/<tr data-complaint="(\d+)">/g)].map((m) => Number(m[1]))).toEqual([
      first,
    ]);
    expect(inWork.body).toContain('class="tab current" aria-current="page" data-tab="in_progress"');
    const answered = await anna.get('/console/complaints?status=answered');
    expect(answered.body).toContain('Жалоб с таким статусом нет.');
    // An unknown filter shows everything rather than failing.
    expect((await anna.get('/console/complaints?status=drop')).body).toContain(
      'class="tab current" aria-current="page" data-tab="all"',
    );
  });

  it('shows the whole complaint with the consent to be contacted; a missing one is a 404', async () => {
    const { app, first, second } = await withComplaints();
    const anna = await supervisor(app);
    const page = await anna.get(`/console/complaints/${first}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`Жалоба ${ticketNumber(first)}`);
    expect(page.body).toContain(
      'В МФЦ &lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; потеряли документы',
    );
    expect(page.body).toContain('Исправить ошибку');
    expect(page.body).toContain('Да, гражданин разрешил писать ему');
    expect(page.body).toContain('придут ему в чат (Telegram)');
    expect(page.body).toContain('Гражданин подал жалобу');
    expect(page.body).toContain('Сохранить и сообщить гражданину');
    expect(page.body).toMatch(/<option value="in_progress" selected>/);

    const silent = await anna.get(`/console/complaints/${second}`);
    expect(silent.body).toContain('Нет, гражданин не разрешил писать ему');
    expect(silent.body).not.toContain('Сохранить и сообщить гражданину');

    const missing = await anna.get('/console/complaints/9999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatch(/Такой жалобы нет/);
  });

  it('a status change without the CSRF token, or with a forged one, changes nothing', async () => {
    const { app, first } = await withComplaints();
    const anna = await supervisor(app);
    await anna.get(`/console/complaints/${first}`);
    const before = outboxTexts(app, 'c1').length;
    for (const csrf of [null, 'forged-token']) {
      const res = await anna.post(
        `/console/complaints/${first}/status`,
        { status: 'answered', note: 'подделка' },
        { csrf },
      );
      expect(res.status).toBe(403);
      expect(res.body).toMatch(/Страница устарела/);
    }
    expect(app.store.complaints.get(first)?.status).toBe('new');
    expect(app.store.complaints.events(first)).toHaveLength(1);
    expect(outboxTexts(app, 'c1')).toHaveLength(before);
  });

  it("each status change is queued to the citizen's own chat with the ticket number, the status and the answer", async () => {
    const { app, first } = await withComplaints();
    const anna = await supervisor(app);
    const ticket = ticketNumber(first);
    const otherChat = outboxTexts(app, 'v1', 'vk').length;
    await anna.get(`/console/complaints/${first}`);
    const inWork = await anna.post(`/console/complaints/${first}/status`, {
      status: 'in_progress',
      note: '',
    });
    expect(inWork.status).toBe(303);
    expect(inWork.headers.location).toBe(`/console/complaints/${first}?done=sent`);
    expect(outboxTexts(app, 'c1').at(-1)).toBe(`По вашей жалобе ${ticket} новый статус: в работе.`);

    const page = await anna.get(`/console/complaints/${first}?done=sent`);
    expect(page.body).toContain('Статус изменён, сообщение гражданину поставлено в отправку.');
    expect(page.body).toMatch(/Анна Сергеевна<\/strong> · новый статус/);
    expect(page.body).toMatch(/<option value="answered" selected>/);

    const answer = 'Документы нашлись, <b>вам позвонят</b> из МФЦ до пятницы.';
    const answered = await anna.post(`/console/complaints/${first}/status`, {
      status: 'answered',
      note: answer,
    });
    expect(answered.headers.location).toBe(`/console/complaints/${first}?done=sent`);
    const citizen = citizenOf(app, 'c1');
    const last = app.store.outbox.listForChat('telegram', 'c1', 0, 500).at(-1)!;
    expect(last).toMatchObject({ citizenId: citizen.id, platform: 'telegram', chatId: 'c1' });
    expect(outboxTexts(app, 'c1').at(-1)).toBe(
      `По вашей жалобе ${ticket} новый статус: есть ответ.\n\nОтвет:\n\n${answer}`,
    );
    // Nobody else was written to.
    expect(outboxTexts(app, 'v1', 'vk')).toHaveLength(otherChat);
    expect(app.store.complaints.get(first)?.status).toBe('answered');
    const history = (await anna.get(`/console/complaints/${first}`)).body;
    expect(history).toContain('Документы нашлись, &lt;b&gt;вам позвонят&lt;/b&gt; из МФЦ до пятницы.');
    expect(app.store.complaints.events(first).map((e) => [e.status, e.byWho])).toEqual([
      ['new', 'citizen'],
      ['in_progress', 'anna'],
      ['answered', 'anna'],
    ]);

    // The same status again says so; with an answer it is a second answer.
    const again = await anna.post(`/console/complaints/${first}/status`, { status: 'answered', note: ' ' });
    expect(again.headers.location).toBe(`/console/complaints/${first}?error=unchanged`);
    expect((await anna.get(String(again.headers.location))).body).toContain('У жалобы уже этот статус');
    const sent = outboxTexts(app, 'c1').length;
    await anna.post(`/console/complaints/${first}/status`, {
      status: 'answered',
      note: 'Ещё: МФЦ извинился.',
    });
    expect(outboxTexts(app, 'c1')).toHaveLength(sent + 1);
    expect(outboxTexts(app, 'c1').at(-1)).toMatch(/Ещё: МФЦ извинился\.$/);

    // A made-up status, an answer over the limit, a missing complaint.
    const bad = await anna.post(`/console/complaints/${first}/status`, { status: 'closed' });
    expect(bad.headers.location).toBe(`/console/complaints/${first}?error=bad_status`);
    const long = await anna.post(`/console/complaints/${first}/status`, {
      status: 'in_progress',
      note: 'я'.repeat(3001),
    });
    expect(long.headers.location).toBe(`/console/complaints/${first}?error=too_long`);
    expect(app.store.complaints.get(first)?.status).toBe('answered');
    expect((await anna.post('/console/complaints/9999/status', { status: 'answered' })).status).toBe(404);
  });

  it('a citizen who did not agree to be contacted is not written to; the change is kept in the history', async () => {
    const { app, second } = await withComplaints();
    const anna = await supervisor(app);
    await anna.get(`/console/complaints/${second}`);
    const before = outboxTexts(app, 'v1', 'vk').length;
    const res = await anna.post(`/console/complaints/${second}/status`, {
      status: 'answered',
      note: 'Провели беседу с сотрудником.',
    });
    expect(res.headers.location).toBe(`/console/complaints/${second}?done=saved`);
    expect(outboxTexts(app, 'v1', 'vk')).toHaveLength(before);
    const page = (await anna.get(String(res.headers.location))).body;
    expect(page).toContain('Гражданину не пишем');
    expect(page).toContain('гражданину не сообщали (нет согласия)');
    expect(page).toContain('Провели беседу с сотрудником.');
  });
});
