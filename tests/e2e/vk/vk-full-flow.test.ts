/**
 * The whole assistant (createApp: storage, dialog engine, outbox, delivery worker) talking to a person through
 * the VK channel and the real node-vk-bot-api, against the fake VK API. What the person would notice: the greeting
 * and the menu, answers, both kinds of buttons, the hand-off, long answers, one reply per event, and no reply
 * lost while VK is down.
 */

import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app/create-app.js';
import { loadConfig } from '../../../src/config/config.js';
import { plainText } from '../../../src/messaging/rich-text.js';
import {
  type ClientInfo,
  FakeVkApi,
  MODERN_CLIENT,
  OLD_CLIENT,
  postCallback,
  type SentMessage,
} from '../../support/fake-vk/fake-vk-api.js';
import { CALLBACK_SECRET, CONFIRMATION_CODE } from '../../support/fake-vk/vk-test-kit.js';
import { waitFor } from '../../support/wait-for.js';

interface Running {
  fake: FakeVkApi;
  app: App;
  callbackUrl: string;
}

let running: Running | undefined;

async function startAssistant(mode: 'longpoll' | 'callback'): Promise<Running> {
  const fake = await FakeVkApi.start({ maxWaitSeconds: 2 });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: ':memory:',
    WEB_CHAT: 'false',
    VK_GROUP_TOKEN: fake.token,
    VK_GROUP_ID: String(fake.groupId),
    VK_API_ROOT: fake.apiRoot,
    VK_MODE: mode,
    ...(mode === 'callback'
      ? { VK_CONFIRMATION_CODE: CONFIRMATION_CODE, VK_CALLBACK_SECRET: CALLBACK_SECRET }
      : {}),
  });
  const app = await createApp(config, {
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    watchKnowledge: false,
    delivery: { baseBackoffMs: 50, maxBackoffMs: 300, pollIntervalMs: 50 },
  });
  const address = await app.start();
  running = { fake, app, callbackUrl: `${address}/webhooks/vk` };
  return running;
}

afterEach(async () => {
  await running?.app.stop({ flushTimeoutMs: 1_000 });
  await running?.fake.close();
  running = undefined;
});

/** A person in VK: writes and presses buttons through long poll or the Callback API. */
class Person {
  constructor(
    private readonly r: Running,
    readonly id: number,
    private readonly mode: 'longpoll' | 'callback',
    private readonly clientInfo: ClientInfo = MODERN_CLIENT,
  ) {}

  get inbox(): SentMessage[] {
    return this.r.fake.messagesTo(this.id);
  }

  async deliver(update: ReturnType<FakeVkApi['messageNew']>): Promise<void> {
    if (this.mode === 'longpoll') this.r.fake.push(update);
    else
      expect(
        (await postCallback(this.r.callbackUrl, this.r.fake.callbackBody(update, CALLBACK_SECRET))).text,
      ).toBe('ok');
  }

  write(text: string, payload?: Record<string, unknown>) {
    return this.deliver(
      this.r.fake.messageNew({
        fromId: this.id,
        text,
        clientInfo: this.clientInfo,
        ...(payload ? { payload } : {}),
      }),
    );
  }

  /** Presses a button of one of our messages the way this client does (callback or text button). */
  press(message: SentMessage, label: RegExp) {
    const button = message.keyboard?.buttons.flat().find((b) => label.test(String(b.action.label)));
    if (!button) throw new Error(`no button ${label} under "${message.text.slice(0, 60)}"`);
    const payload = JSON.parse(String(button.action.payload)) as Record<string, unknown>;
    if (button.action.type === 'callback') {
      return this.deliver(
        this.r.fake.messageEvent({
          userId: this.id,
          payload,
          conversationMessageId: message.conversationMessageId,
        }),
      );
    }
    return this.write(String(button.action.label), payload);
  }

  /** Waits until at least `count` messages arrived, then a little longer to see none more come. */
  async waitForMessages(count: number, timeoutMs = 5_000): Promise<SentMessage[]> {
    await waitFor(() => this.inbox.length >= count, `${count} messages to ${this.id}`, { timeoutMs });
    await this.r.app.runner.idle();
    await this.r.app.delivery.flush(2_000);
    return this.inbox;
  }
}

const labels = (m: SentMessage | undefined) =>
  m?.keyboard?.buttons.flat().map((b) => String(b.action.label)) ?? [];

describe.each(['longpoll', 'callback'] as const)('the assistant in VK (%s)', (mode) => {
  it('greets on "Начать" and shows the whole menu, the consultant a tap away', async () => {
    const r = await startAssistant(mode);
    const person = new Person(r, 9101, mode);
    await person.write('Начать', { command: 'start' });
    const inbox = await person.waitForMessages(1);
    const menu = inbox.find((m) => m.keyboard);
    expect(inbox.map((m) => m.text).join('\n')).toMatch(/Здравствуйте[\s\S]*Выберите тему/);
    // More topics than an inline keyboard holds: the menu goes under the input field, nothing left out.
    expect(menu?.keyboard?.one_time).toBe(true);
    expect(labels(menu)).toEqual(expect.arrayContaining([expect.stringMatching(/Инвалидность/)]));
    expect(labels(menu)).toEqual(expect.arrayContaining([expect.stringMatching(/Заявления и документы/)]));
    expect(labels(menu)).toEqual(expect.arrayContaining([expect.stringMatching(/О сервисе/)]));
    expect(labels(menu).at(-1)).toMatch(/Консультант/);
    expect(inbox.every((m) => m.apiVersion === '5.199' && !/<\/?b>|\*\*/.test(m.text))).toBe(true);
  });

  it('answers a question', async () => {
    const r = await startAssistant(mode);
    const person = new Person(r, 9102, mode);
    await person.write('какие документы нужны для единого пособия на детей');
    const inbox = await person.waitForMessages(1);
    expect(inbox.map((m) => m.text).join('\n')).toMatch(/Единое пособие/);
  });

  it('the same event delivered twice gets one reply', async () => {
    const r = await startAssistant(mode);
    const person = new Person(r, 9103, mode);
    const update = r.fake.messageNew({ fromId: person.id, text: 'Начать', payload: { command: 'start' } });
    await person.deliver(update);
    await person.deliver(update);
    const first = await person.waitForMessages(1);
    const count = first.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await r.app.runner.idle();
    await r.app.delivery.flush(1_000);
    expect(person.inbox).toHaveLength(count);
    // The same update once more: still nothing new.
    await person.deliver(update);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await r.app.delivery.flush(1_000);
    expect(person.inbox).toHaveLength(count);
  });
});

describe('buttons, hand-off and outages in VK', () => {
  it('a callback press on a modern client and a text-button press on an old one both work', async () => {
    const r = await startAssistant('longpoll');
    const modern = new Person(r, 9201, 'longpoll', MODERN_CLIENT);
    const old = new Person(r, 9202, 'longpoll', OLD_CLIENT);
    for (const person of [modern, old]) await person.write('Начать', { command: 'start' });
    for (const person of [modern, old]) {
      const menu = (await person.waitForMessages(1)).find((m) => m.keyboard)!;
      const before = person.inbox.length;
      await person.press(menu, /Инвалидность/); // a text button of the big menu (both clients)
      await person.waitForMessages(before + 1);
    }
    const modernCategory = modern.inbox.at(-1)!;
    const oldCategory = old.inbox.at(-1)!;
    expect(modernCategory.text).toMatch(/Инвалидность/);
    expect(modernCategory.keyboard).toMatchObject({ inline: true });
    expect(modernCategory.keyboard?.buttons.flat().every((b) => b.action.type === 'callback')).toBe(true);
    expect(oldCategory.keyboard).toMatchObject({ one_time: true });
    expect(oldCategory.keyboard?.buttons.flat().every((b) => b.action.type === 'text')).toBe(true);

    const answers = r.fake.eventAnswers.length;
    for (const [person, category] of [
      [modern, modernCategory],
      [old, oldCategory],
    ] as const) {
      const before = person.inbox.length + r.fake.edits.length;
      await person.press(category, /МСЭ/);
      await waitFor(() => person.inbox.length + r.fake.edits.length > before, 'a reply to the topic button');
    }
    expect(r.fake.eventAnswers.length).toBe(answers + 1); // the modern client's spinner stopped
    for (const person of [modern, old]) {
      await person.waitForMessages(1);
      const texts = [
        ...person.inbox.map((m) => m.text),
        ...r.fake.edits.filter((e) => e.peerId === person.id).map((e) => e.text),
      ];
      expect(texts.join('\n')).toMatch(/Установление инвалидности/);
    }
  });

  it('hands over to a consultant from the consultant button', async () => {
    const r = await startAssistant('callback');
    const person = new Person(r, 9203, 'callback');
    await person.write('Начать', { command: 'start' });
    const menu = (await person.waitForMessages(1)).find((m) => m.keyboard)!;
    const before = person.inbox.length;
    await person.press(menu, /Консультант/);
    const inbox = await person.waitForMessages(before + 1);
    expect(
      inbox
        .slice(before)
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/Передаю ваш вопрос консультанту/);
  });

  it("a long message from the outbox (e.g. a consultant's reply) arrives split, in order, nothing lost", async () => {
    const r = await startAssistant('longpoll');
    const person = new Person(r, 9204, 'longpoll');
    await person.write('Начать', { command: 'start' });
    const before = (await person.waitForMessages(1)).length;
    const paragraphs = Array.from(
      { length: 24 },
      (_, i) => `${i + 1}. ${'Подробный ответ консультанта. '.repeat(12).trim()}`,
    );
    const citizen = r.app.store.citizens.findOrCreate('vk', String(person.id), String(person.id), {
      locale: 'ru',
      now: Date.now(),
    });
    r.app.store.outbox.enqueue({
      citizenId: citizen.id,
      platform: 'vk',
      chatId: String(person.id),
      message: { text: plainText(paragraphs.join('\n\n')) },
      now: Date.now(),
    });
    r.app.delivery.notify();
    await waitFor(() => person.inbox.length >= before + 2, 'the parts of the long message');
    await r.app.delivery.flush(2_000);
    const parts = person.inbox.slice(before);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((m) => m.text.length <= 4096 && /^\d+\. /.test(m.text))).toBe(true);
    expect(parts.map((m) => m.text).join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('keeps replies while the VK API is down and delivers each exactly once when it is back', async () => {
    const r = await startAssistant('callback');
    const people = [9301, 9302, 9303].map((id) => new Person(r, id, 'callback'));
    await r.fake.down();
    for (const person of people) await person.write('Начать', { command: 'start' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(r.fake.sent).toHaveLength(0);
    await r.fake.up();
    for (const person of people) await person.waitForMessages(1, 8_000);
    await r.app.delivery.flush(3_000);
    const perPerson = people.map((p) => p.inbox.map((m) => m.text));
    // Everyone got the same greeting, and nothing twice.
    expect(new Set(perPerson.map((texts) => texts.join('|'))).size).toBe(1);
    for (const texts of perPerson) expect(new Set(texts).size).toBe(texts.length);
  });
});
