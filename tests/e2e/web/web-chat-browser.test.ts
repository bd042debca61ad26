/**
 * The web chat page in a real browser (Debian's headless Chromium through playwright-core) as an elderly citizen
 * uses it: a 360×740 phone with touch, a poor connection, double taps, reloads, a shared device. Every check is
 * something the citizen would notice on the screen (findings of the web chat audit, H1-H4 and M1-M8).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { enqueueReply } from '../../../src/storage/enqueue-reply.js';
import { launchBrowser, shot, type TestBrowser } from '../../support/browser.js';
import { createTestApp } from '../../support/test-app.js';
import { waitFor } from '../../support/wait-for.js';

// The page's globals, for the functions that run inside it (page.evaluate); the project compiles without the DOM lib.
// biome-ignore lint/suspicious/noExplicitAny: browser objects, typed by the browser, not here
type InPage = any;
declare const document: InPage;
declare const window: InPage;
declare const localStorage: InPage;
declare const navigator: InPage;
declare const getComputedStyle: InPage;

let browser: TestBrowser;
let app: App;
let address: string;
const pages: Page[] = [];

beforeAll(async () => {
  app = await createTestApp();
  address = await app.start();
  browser = await launchBrowser({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop({ flushTimeoutMs: 200 });
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  await browser.context.setOffline(false);
});

/** A fresh page (its own session: localStorage is cleared) showing the greeting. */
async function openChat(setup?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  await setup?.(page);
  await page.goto(address);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.msg.bot', { hasText: 'Здравствуйте' }).waitFor();
  // Taps on buttons that appeared a moment ago are ignored (they may have appeared under the finger).
  await page.waitForTimeout(700);
  return page;
}

async function ask(page: Page, text: string): Promise<void> {
  await page.fill('#input', text);
  await page.click('#form button[type=submit]');
}

/** The texts of the citizen's bubbles, without the hidden speaker label. */
function mineTexts(page: Page): Promise<string[]> {
  return page.$$eval('.msg.me', (els) =>
    els.map((e) => (e.querySelector('span:not(.sr)') ?? e).textContent ?? ''),
  );
}

/** Waits until the element's text is `text` (playwright's own expect is not used with vitest). */
async function hasText(locator: Locator, text: string): Promise<void> {
  await waitFor(async () => (await locator.textContent())?.trim() === text, `«${text}»`, {
    timeoutMs: 10_000,
  });
}

const bubbles = (page: Page) => page.locator('#log .msg');
const sessionOf = (page: Page) => page.evaluate(() => localStorage.getItem('wa-session')!);

function citizenLines(session: string, text: string): number {
  const ids = new Set(app.store.outbox.listForChat('web', session, 0, 1000).map((m) => m.citizenId));
  return [...ids]
    .flatMap((id) => app.store.transcript.list(id))
    .filter((l) => l.direction === 'in' && l.text === text).length;
}

describe('web chat page on a phone', () => {
  it('H1: a message written during a two-minute outage is delivered when the connection is back, once', async () => {
    const page = await openChat(async (p) => p.clock.install());
    const question = 'какие документы нужны на субсидию';
    await browser.context.setOffline(true);
    await ask(page, question);
    // Two minutes pass offline (the old page gave up after six tries, about 63 s, and said nothing).
    for (let i = 0; i < 12; i++) {
      await page.clock.fastForward(10_000);
      await page.waitForTimeout(50);
    }
    const mine = page.locator('.msg.me', { hasText: question });
    await hasText(mine.locator('.retry'), 'Не отправлено — нажмите, чтобы повторить');
    await shot(page, 'web-h1-unsent');
    await browser.context.setOffline(false);
    // Back online: sent at once, well before the next back-off step (30 s).
    for (let i = 0; i < 8; i++) {
      await page.clock.runFor(500);
      await page.waitForTimeout(250);
    }
    await waitFor(
      async () => (await bubbles(page).last().getAttribute('class'))?.includes('bot') === true,
      'the answer',
      { timeoutMs: 10_000 },
    );
    expect(await mine.locator('.retry').count()).toBe(0);
    expect(citizenLines(await sessionOf(page), question)).toBe(1);
  });

  it('H1: a send whose answer was lost on the way is retried with the same id and answered once', async () => {
    const page = await openChat();
    let cut = true;
    await page.route('**/api/chat/events', async (route) => {
      if (cut && route.request().postData()?.includes('инвалидность')) {
        cut = false;
        await route.fetch(); // the server gets it ...
        return route.abort('connectionreset'); // ... the answer to the POST does not come back
      }
      return route.continue();
    });
    await ask(page, 'как оформить инвалидность');
    await page.locator('.msg.bot', { hasText: 'медико-социальн' }).first().waitFor();
    await page.waitForTimeout(2500);
    expect(citizenLines(await sessionOf(page), 'как оформить инвалидность')).toBe(1);
    expect(await page.locator('.msg.bot', { hasText: 'медико-социальн' }).count()).toBe(1);
  });

  it('H2: after a reload the citizen still sees what they wrote, and the private answer as a placeholder', async () => {
    const page = await openChat();
    await ask(page, 'как оформить инвалидность');
    await page.locator('.msg.bot', { hasText: 'медико-социальн' }).first().waitFor();
    // The greeting's button (a tap: it is no longer the newest reply's, which a screen reader reads).
    await page.locator('button', { hasText: '🧮 Подобрать меры поддержки' }).click();
    await page.locator('.msg.bot', { hasText: 'Где вы живёте' }).waitFor();
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Пермский край', exact: true }).click();
    await page.locator('.msg.bot', { hasText: 'Вопрос 2 из 9' }).waitFor();
    const before = await mineTexts(page);
    expect(before).toEqual(['как оформить инвалидность', '🧮 Подобрать меры поддержки', 'Пермский край']);

    await page.reload();
    await page.locator('.msg.bot', { hasText: 'Вопрос 2 из 9' }).waitFor();
    const after = await mineTexts(page);
    // The finder's answers are not kept unless the citizen asks: they show as a placeholder, not as nothing.
    expect(after).toEqual([
      'как оформить инвалидность',
      '(ответ сохранён без текста)',
      '(ответ сохранён без текста)',
    ]);
    // In time order: the question comes before its answer, the finder's question after the answer to it.
    const order = await page.$$eval('#log .msg', (els) =>
      els.map((e) => `${e.classList.contains('me') ? 'me' : 'bot'}:${(e.textContent ?? '').slice(0, 40)}`),
    );
    expect(order[1]).toMatch(/^me:.*как оформить инвалидность/);
    expect(order[2]).toMatch(/^bot:/);
    expect(order.at(-1)).toMatch(/^bot:.*Вопрос 2 из 9/);

    // Another session (another device) sees none of it.
    const other = await app.server.inject({
      method: 'GET',
      url: '/api/chat/history?sessionId=someoneelse01',
    });
    expect(other.json().items).toEqual([]);
  });

  it('a message whose send was still unconfirmed at a reload shows once, before its answer, and is answered once', async () => {
    const page = await openChat();
    const question = 'как оформить инвалидность';
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let hold = true;
    await page.route('**/api/chat/events', async (route) => {
      if (hold && route.request().postData()?.includes('инвалидность')) {
        hold = false;
        await route.fetch(); // the server takes it and answers ...
        await held; // ... but the page's request is still in flight when the citizen reloads
        return route.abort('connectionreset').catch(() => undefined);
      }
      return route.continue();
    });
    await ask(page, question);
    await page.locator('.msg.bot', { hasText: 'медико-социальн' }).first().waitFor();

    await page.reload();
    release();
    await page.locator('.msg.bot', { hasText: 'медико-социальн' }).first().waitFor();
    await page.waitForTimeout(2000);
    expect(await mineTexts(page)).toEqual([question]);
    const order = await page.$$eval('#log .msg', (els) =>
      els.map((e) => (e.classList.contains('me') ? 'me' : 'bot')),
    );
    expect(order.at(-1)).toBe('bot');
    expect(await page.locator('.msg.bot', { hasText: 'медико-социальн' }).count()).toBe(1);
    expect(await page.locator('#status').textContent()).toBe('');
    expect(citizenLines(await sessionOf(page), question)).toBe(1);
  });

  it('H3: a double tap on a menu button picks one option; the buttons wait, disabled, and the page stays put', async () => {
    const page = await openChat();
    let hold = true;
    await page.route('**/api/chat/events', async (route) => {
      if (hold) await new Promise((r) => setTimeout(r, 1500));
      return route.continue();
    });
    await page.getByRole('button', { name: '📋 Все темы (14)' }).click();
    const pensions = page.getByRole('button', { name: '👵 Пенсии и пожилые' });
    await pensions.evaluate((e) => e.scrollIntoView({ block: 'center' })); // not under the input bar
    const box = (await pensions.boundingBox())!;
    const y0 = await page.evaluate(() => window.scrollY);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(250);
    expect(await page.evaluate(() => window.scrollY)).toBe(y0);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    expect(await pensions.isDisabled()).toBe(true);
    hold = false;
    await page.locator('.msg.bot', { hasText: 'Пенсии и пожилые. Выберите тему' }).waitFor();
    await page.waitForTimeout(1500);
    expect(await mineTexts(page)).toEqual(['👵 Пенсии и пожилые']);

    // A mouse double click on the next menu: still one choice.
    await page
      .getByRole('button', { name: /Социальная пенсия/ })
      .first()
      .dblclick();
    await page.waitForTimeout(2000);
    expect((await mineTexts(page)).length).toBe(2);
  });

  it('M1 + M2: a long answer opens at its top; a short one ends above the input bar', async () => {
    const page = await openChat();
    // The greeting itself is taller than the phone's screen: its first line is on screen.
    const greetingTop = await page
      .locator('.msg.bot')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top);
    expect(greetingTop).toBeGreaterThanOrEqual(0);

    await ask(page, 'какие пособия положены на ребенка');
    const answer = page.locator('.msg.bot').last();
    await page.waitForFunction(() => document.querySelectorAll('#log .msg').length >= 3);
    await page.waitForTimeout(500);
    const a = await answer.evaluate((e) => ({
      top: e.getBoundingClientRect().top,
      height: e.getBoundingClientRect().height,
      bar: document.getElementById('bar')!.getBoundingClientRect().top,
    }));
    expect(a.height).toBeGreaterThan(a.bar); // taller than the screen
    expect(a.top).toBeGreaterThanOrEqual(0);
    expect(a.top).toBeLessThan(100);
    await shot(page, 'web-m2-long-answer');

    await ask(page, '/privacy');
    await page.waitForFunction(() => document.querySelectorAll('#log .msg').length >= 5);
    await page.waitForTimeout(500);
    await ask(page, 'спасибо');
    await page.waitForFunction(() => document.querySelectorAll('#log .msg').length >= 7);
    await page.waitForTimeout(500);
    const last = await page
      .locator('#log .msg')
      .last()
      .evaluate((e) => ({
        top: e.getBoundingClientRect().top,
        bottom: e.getBoundingClientRect().bottom,
        bar: document.getElementById('bar')!.getBoundingClientRect().top,
      }));
    if (last.bottom - last.top < last.bar) expect(last.bottom).toBeLessThanOrEqual(last.bar);
    else expect(last.top).toBeGreaterThanOrEqual(0);
  });

  it('M3: phone numbers and addresses in a consultant reply are tappable; a tel: link button opens the dialer', async () => {
    const page = await openChat();
    const session = await sessionOf(page);
    const citizen = app.store.outbox.listForChat('web', session, 0, 10)[0]!;
    enqueueReply(
      app.store,
      { id: citizen.citizenId, platform: 'web', chatId: session },
      {
        text: [
          {
            type: 'paragraph',
            spans: [
              {
                text: 'Позвоните нам: 8-800-100-00-01 или откройте https://www.gosuslugi.ru/, а также sfr.gov.ru.',
              },
            ],
          },
        ],
        buttons: [[{ kind: 'link', label: '📞 Позвонить', url: 'tel:+78001000001' }]],
      },
      { author: 'consultant', now: Date.now() },
    );
    const reply = page.locator('.msg.bot', { hasText: 'Позвоните нам' });
    await reply.waitFor();
    const phone = reply.locator('p a[href="tel:+78001000001"]');
    await hasText(phone, '8-800-100-00-01');
    expect(await phone.evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('nowrap');
    expect(await phone.getAttribute('target')).toBeNull();
    await hasText(reply.locator('a[href="https://www.gosuslugi.ru/"]'), 'https://www.gosuslugi.ru/');
    await hasText(reply.locator('a[href="https://sfr.gov.ru"]'), 'sfr.gov.ru');
    expect(await reply.locator('a.link', { hasText: 'Позвонить' }).getAttribute('href')).toBe(
      'tel:+78001000001',
    );
  });

  it('H4: «Закончить разговор» deletes the conversation from the device and the server and starts afresh', async () => {
    const page = await openChat();
    const question = 'как оформить субсидию на оплату жкх';
    await ask(page, question);
    await page.waitForFunction(() => document.querySelectorAll('#log .msg.bot').length >= 2);
    const old = await sessionOf(page);
    expect(citizenLines(old, question)).toBe(1);

    page.once('dialog', (d) => d.accept());
    await page
      .getByRole('button', { name: 'Закончить разговор и удалить переписку с этого устройства' })
      .click();
    await page.waitForFunction(
      (s) => localStorage.getItem('wa-session') && localStorage.getItem('wa-session') !== s,
      old,
    );
    await page.locator('.msg.bot', { hasText: 'Здравствуйте' }).waitFor();
    expect(await page.locator('.msg', { hasText: question }).count()).toBe(0);
    await waitFor(() => citizenLines(old, question) === 0, 'the old conversation deleted', {
      timeoutMs: 5000,
    });

    // A session left unused for three hours is not shown to the next person who opens the page.
    const current = await sessionOf(page);
    await page.evaluate(() => localStorage.setItem('wa-seen', String(Date.now() - 3 * 3600_000)));
    await page.reload();
    await page.locator('.msg.bot', { hasText: 'Здравствуйте' }).waitFor();
    expect(await sessionOf(page)).not.toBe(current);
  });

  it('M7: «Отправляется…» while sending and «Помощник печатает…» while the answer is on its way', async () => {
    let slow = false;
    const page = await openChat(async (p) => {
      await p.route('**/api/chat/events', async (route) => {
        if (slow) await new Promise((r) => setTimeout(r, 1200));
        return route.continue().catch(() => undefined);
      });
      await p.route('**/api/chat/messages**', async (route) => {
        try {
          const response = await route.fetch({ timeout: 0 });
          if (slow) await new Promise((r) => setTimeout(r, 1500));
          await route.fulfill({ response });
        } catch {
          // the page was closed meanwhile
        }
      });
    });
    slow = true;
    await ask(page, 'как оформить инвалидность');
    await hasText(page.locator('#status'), 'Отправляется…');
    await hasText(page.locator('#status'), 'Помощник печатает…');
    slow = false;
    await page.locator('.msg.bot', { hasText: 'медико-социальн' }).first().waitFor();
    await hasText(page.locator('#status'), '');
  });

  it('M8: a refused location asks for the town instead of saying there is no connection', async () => {
    const page = await openChat(async (p) => {
      await p.addInitScript(() => {
        Object.defineProperty(navigator, 'geolocation', {
          value: {
            getCurrentPosition: (_ok: unknown, fail: (e: { code: number }) => void) => fail({ code: 1 }),
          },
        });
      });
    });
    await ask(page, '/where');
    const share = page.getByRole('button', { name: '📍 Отправить моё местоположение' });
    await share.waitFor();
    await page.waitForTimeout(1100);
    await share.click();
    await hasText(page.locator('#status'), 'Не удалось узнать местоположение. Напишите город или район.');
  });

  it('M4: the benefit finder’s next question comes after the citizen’s answer, not above it', async () => {
    const page = await openChat();
    await page.getByRole('button', { name: '🧮 Подобрать меры поддержки' }).click();
    await page.locator('.msg.bot', { hasText: 'Где вы живёте' }).waitFor();
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Пермский край', exact: true }).click();
    await page.locator('.msg.bot', { hasText: 'Вопрос 2 из 9' }).waitFor();
    const classes = await page.$$eval('#log .msg', (els) => els.map((e) => e.className));
    expect(classes.at(-1)).toContain('bot');
    expect(classes.at(-2)).toContain('me');
  });

  it('M6: a reply that arrives while the tab is hidden shows in the tab title', async () => {
    const page = await openChat();
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    });
    await ask(page, 'спасибо');
    await page.waitForFunction(() => document.title.startsWith('(1) Новый ответ'));
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await page.title()).toBe('Помощник по социальной поддержке');
  });

  it('the conversation opens with the greeting, not «Локальный режим», and five clear buttons; «Все темы (14)» opens the rest', async () => {
    const page = await openChat();
    expect(await page.locator('#log').textContent()).not.toMatch(/Локальный режим/);
    expect(await page.locator('#log > *').first().textContent()).toMatch(/^Помощник: Здравствуйте/);
    const greeting = page.locator('.msg.bot').first();
    expect(await greeting.locator('button.act:visible').allTextContents()).toEqual([
      '🧮 Подобрать меры поддержки',
      '📍 Куда обратиться',
      '✍️ Подать жалобу',
      '📋 Все темы (14)',
      '👤 Консультант',
    ]);
    const more = page.getByRole('button', { name: '📋 Все темы (14)' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await greeting.locator('button.act:visible').count()).toBe(19);
    await page.getByRole('button', { name: '👵 Пенсии и пожилые' }).click();
    await page.locator('.msg.bot', { hasText: 'Пенсии и пожилые. Выберите тему' }).waitFor();
    expect(await mineTexts(page)).toEqual(['👵 Пенсии и пожилые']);
    // A topic's own list is not folded: it is the choice the citizen asked for.
    const topic = page.locator('.msg.bot', { hasText: 'Пенсии и пожилые. Выберите тему' });
    expect(await topic.locator('button.act:visible', { hasText: 'Все темы' }).count()).toBe(0);
  });

  it('a screen reader meets only the newest reply’s buttons, as one named group; older ones still work by tap', async () => {
    const page = await openChat();
    const group = 'Кнопки к этому ответу';
    const greeting = page.locator('.msg.bot').first().locator('.buttons');
    // The greeting is the newest reply: its buttons are read, as a group with a name.
    expect(await greeting.getAttribute('role')).toBe('group');
    expect(await greeting.getAttribute('aria-label')).toBe(group);
    expect(await page.getByRole('button', { name: '🧮 Подобрать меры поддержки' }).count()).toBe(1);

    await ask(page, 'как оформить инвалидность');
    await page.locator('.msg.bot', { hasText: 'медико-социальн' }).first().waitFor();
    // Now the answer's buttons are the ones read; the greeting's 18 are out of the reading and the Tab order.
    expect(await page.getByRole('group', { name: group }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '🧮 Подобрать меры поддержки' }).count()).toBe(0);
    expect(await greeting.getAttribute('aria-hidden')).toBe('true');
    expect(await greeting.locator('button').first().getAttribute('tabindex')).toBe('-1');
    expect(await page.getByRole('button', { name: 'Документы', exact: true }).count()).toBe(1);

    // A finger or a mouse still uses them.
    await page.waitForTimeout(1100);
    await greeting.locator('button', { hasText: 'Подобрать меры поддержки' }).click();
    await page.locator('.msg.bot', { hasText: 'Где вы живёте' }).waitFor();

    // The same after a reload.
    await page.reload();
    await page.locator('.msg.bot', { hasText: 'Где вы живёте' }).waitFor();
    expect(await page.getByRole('group', { name: group }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Документы', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Пермский край', exact: true }).count()).toBe(1);
  });

  it('«Перейти к полю для сообщения» comes first, shows when focused and puts the cursor in the message box', async () => {
    const page = await openChat();
    const skip = page.getByRole('link', { name: 'Перейти к полю для сообщения' });
    expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await page.keyboard.press('Tab');
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    const box = (await skip.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement.id)).toBe('input');
  });

  it('M9-M11, L3: a log with speakers for screen readers, a text box that grows, usable at 200 % zoom', async () => {
    const page = await openChat();
    expect(await page.getAttribute('#log', 'role')).toBe('log');
    await ask(page, 'спасибо');
    await page.waitForFunction(() => document.querySelectorAll('#log .msg').length >= 3);
    expect(await page.locator('.msg.me .sr').first().textContent()).toMatch(/^Вы:/);
    expect(await page.locator('.msg.bot .sr').first().textContent()).toMatch(/^Помощник:/);

    const long = 'У меня пенсия маленькая, коммуналка большая, долг за свет накопился. '.repeat(3);
    const h0 = await page.locator('#input').evaluate((e) => e.getBoundingClientRect().height);
    await page.fill('#input', long);
    const h1 = await page.locator('#input').evaluate((e) => e.getBoundingClientRect().height);
    expect(h1).toBeGreaterThan(h0 * 2);

    // 200 % zoom on this phone: 180 CSS px wide. The text box keeps the whole width.
    await page.setViewportSize({ width: 180, height: 370 });
    await page.fill('#input', '');
    const w = await page.locator('#input').evaluate((e) => e.getBoundingClientRect().width);
    expect(w).toBeGreaterThan(140);
  });
});
