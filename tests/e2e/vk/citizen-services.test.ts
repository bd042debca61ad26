/**
 * The citizen services in VK: the whole assistant through node-vk-bot-api (long poll) against the fake VK API.
 * A person on a modern client walks the benefit finder with callback buttons (the question is edited in place),
 * then asks where to go and shares a location (the location button lives in the normal keyboard).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app/create-app.js';
import { loadConfig } from '../../../src/config/config.js';
import { FakeVkApi, MODERN_CLIENT } from '../../support/fake-vk/fake-vk-api.js';
import { FAST } from '../../support/fake-vk/vk-test-kit.js';
import { waitFor } from '../../support/wait-for.js';

let fake: FakeVkApi;
let app: App;

beforeAll(async () => {
  fake = await FakeVkApi.start({ maxWaitSeconds: 2 });
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
    VK_MODE: 'longpoll',
  });
  app = await createApp(config, {
    logger: pino({ level: 'silent' }),
    watchKnowledge: false,
    delivery: { baseBackoffMs: 50, maxBackoffMs: 300, pollIntervalMs: 50 },
    channels: { vk: FAST },
  });
  await app.start();
});

afterAll(async () => {
  await app.stop({ flushTimeoutMs: 1_000 });
  await fake.close();
});

const PERSON = 7301;
const write = (
  text: string,
  extra: { payload?: Record<string, unknown>; geo?: { latitude: number; longitude: number } } = {},
) => fake.push(fake.messageNew({ fromId: PERSON, text, clientInfo: MODERN_CLIENT, ...extra }));

describe('citizen services in VK', () => {
  it('benefit finder with callback buttons, edited in place, then the nearest offices to a shared location', async () => {
    write('Начать', { payload: { command: 'start' } });
    const menu = await waitFor(() => fake.messagesTo(PERSON).find((m) => m.keyboard), 'the menu');
    const labels = menu.keyboard!.buttons.flat().map((b) => String(b.action.label));
    expect(labels.slice(0, 3)).toEqual([
      '🧮 Подобрать меры поддержки',
      '📍 Куда обратиться',
      '✍️ Подать жалобу',
    ]);

    write('🧮 Подобрать меры поддержки', { payload: { p: 'bf:go' } });
    const question = await waitFor(
      () => fake.messagesTo(PERSON).find((m) => /Вопрос 1 из 9/.test(m.text)),
      'the first question',
      { timeoutMs: 5_000 },
    );
    // The question fits an inline keyboard: callback buttons a modern client can press in place.
    expect(question.keyboard?.inline).toBe(true);
    const presses = [
      'bf:rg:volgograd',
      'bf:ch:+u7',
      'bf:ch:done',
      'bf:s:pr',
      'bf:ad:2',
      'bf:in:0',
      'bf:s:di',
      'bf:s:pe',
      'bf:em:job-seeking',
      'bf:s:ve',
    ];
    for (const p of presses)
      fake.push(
        fake.messageEvent({
          userId: PERSON,
          payload: { p },
          conversationMessageId: question.conversationMessageId,
        }),
      );
    // Each answer edits the question in place; the result has more buttons than an inline keyboard holds, so it
    // comes as a new message with the keyboard under the input field.
    const result = await waitFor(
      () => fake.messagesTo(PERSON).find((m) => /Что вам, вероятно, положено/.test(m.text)),
      'the result',
      { timeoutMs: 20_000 },
    );
    expect(fake.edits.filter((e) => e.peerId === PERSON)).toHaveLength(presses.length - 1);
    expect(result.keyboard?.buttons.flat().map((b) => String(b.action.label))).toContain(
      '✅ Единое пособие на детей',
    );
    expect(result.text).toMatch(
      /Единое пособие на детей[\s\S]*Пособие по безработице[\s\S]*предварительная оценка/,
    );

    write('📍 Куда обратиться', { payload: { p: 'ag:go' } });
    const ask = await waitFor(
      () => fake.messagesTo(PERSON).find((m) => /Напишите ваш город/.test(m.text)),
      'the question where',
      { timeoutMs: 5_000 },
    );
    expect(ask.keyboard?.buttons.flat().some((b) => b.action.type === 'location')).toBe(true);
    write('', { geo: { latitude: 48.79, longitude: 44.75 } });
    const nearest = await waitFor(
      () => fake.messagesTo(PERSON).find((m) => /Ближайшие к вам/.test(m.text)),
      'the nearest offices',
      { timeoutMs: 5_000 },
    );
    expect(nearest.text).toMatch(/1\. ГКУ «Центр социальной защиты населения по городу Волжскому»/);
  }, 40_000);
});
