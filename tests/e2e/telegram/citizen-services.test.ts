/**
 * The citizen services in Telegram: the whole assistant through the real grammY against the fake Bot API. A person
 * walks the benefit finder with buttons (the question is edited in place) and shares a location with the agency
 * finder (the reply keyboard asks for it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../src/app/create-app.js';
import { loadConfig } from '../../../src/config/config.js';
import { Citizen } from '../../support/fake-telegram/citizen.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { waitFor } from '../../support/wait-for.js';
import { CapturedLog, FAST_OPTIONS } from './telegram-harness.js';

let fake: FakeBotApi;
let dir: string;
let app: App;

beforeAll(async () => {
  fake = await FakeBotApi.start();
  dir = await mkdtemp(join(tmpdir(), 'telegram-services-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: join(dir, 'assistant.sqlite'),
    WEB_CHAT: 'false',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
  });
  app = await createApp(config, {
    logger: new CapturedLog().logger,
    delivery: { baseBackoffMs: 50, maxBackoffMs: 500, pollIntervalMs: 50 },
    watchKnowledge: false,
    channels: { telegram: FAST_OPTIONS },
  });
  await app.start();
});

afterAll(async () => {
  await app.stop({ flushTimeoutMs: 200 });
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const inlineButtons = (m: { replyMarkup?: Record<string, unknown> } | undefined) =>
  ((m?.replyMarkup?.inline_keyboard ?? []) as { text: string; callback_data?: string }[][]).flat();
const callbackData = (m: { replyMarkup?: Record<string, unknown> } | undefined): string[] =>
  inlineButtons(m)
    .map((b) => b.callback_data)
    .filter((d): d is string => d !== undefined);

describe('citizen services in Telegram', () => {
  it('benefit finder with buttons, edited in place, ends with the result and buttons to the entries', async () => {
    const anna = new Citizen(fake, { id: 501, languageCode: 'ru' });
    anna.sendCommand('/start');
    const [menu] = await waitFor(
      () => fake.messagesIn(anna.id).length >= 1 && fake.messagesIn(anna.id),
      'the menu',
    );
    expect(callbackData(menu)).toContain('bf:go');
    anna.press('bf:go', menu);
    const question = await waitFor(() => fake.messagesIn(anna.id)[1], 'the first question', {
      timeoutMs: 5_000,
    });
    expect(question.text).toMatch(/Вопрос 1 из 9[\s\S]*Где вы живёте/);
    // The answers go in order; every one edits the same message (about one a second: Telegram's limit per chat).
    const presses = [
      'bf:rg:perm',
      'bf:s:ch',
      'bf:s:pr',
      'bf:s:ad',
      'bf:s:in',
      'bf:di:self',
      'bf:dg:2',
      'bf:s:pe',
      'bf:s:em',
      'bf:s:ve',
    ];
    for (const data of presses) anna.press(data, question);
    await waitFor(() => question.edits === presses.length, 'every answer edited into the question', {
      timeoutMs: 20_000,
    });
    expect(fake.messagesIn(anna.id)).toHaveLength(2);
    expect(question.text).toMatch(
      /Что вам, вероятно, положено[\s\S]*ЕДВ инвалидам[\s\S]*предварительная оценка/,
    );
    // A measure's button opens its entry (with the region's figures and a way back to this result).
    const measures = inlineButtons(question).filter((b) => b.callback_data?.startsWith('bf:me:'));
    expect(measures.map((b) => b.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ЕДВ/), expect.stringMatching(/Соцработник на дому/)]),
    );
    expect(fake.callsOf('editMessageText').every((c) => c.outcome === 200)).toBe(true);
  }, 30_000);

  it('agency finder asks for the location with a reply-keyboard button and answers a shared location', async () => {
    const boris = new Citizen(fake, { id: 502, languageCode: 'ru' });
    boris.sendCommand('/where');
    await waitFor(() => fake.messagesIn(boris.id).length >= 1, 'the question');
    const asked = fake.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(boris.id));
    const keyboards = asked.map(
      (c) => c.payload.reply_markup as { keyboard?: { request_location?: boolean }[][] } | undefined,
    );
    expect(keyboards.some((k) => k?.keyboard?.[0]?.[0]?.request_location === true)).toBe(true);
    boris.shareLocation(58.01, 56.25);
    const nearest = await waitFor(
      () => fake.messagesIn(boris.id).find((m) => /Ближайшие к вам/.test(m.text)),
      'the nearest offices',
      { timeoutMs: 8_000 },
    );
    expect(nearest.text).toMatch(/1\. [\s\S]*≈ 4,1 км до центра \(Пермь/);
    expect(nearest.text).toMatch(/3\. /);
  }, 20_000);
});
