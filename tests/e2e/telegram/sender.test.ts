/**
 * The Telegram sender with the real grammY API client against the fake Bot API: what the person sees, how long
 * answers are split, edits in place, and what each failure tells the delivery worker.
 */
import { HttpError } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeApiError } from '../../../src/bots/telegram/telegram-errors.js';
import { DeliveryError } from '../../../src/messaging/delivery.js';
import type { OutgoingMessage } from '../../../src/messaging/outgoing-message.js';
import { parseRichText, plainText, type RichText } from '../../../src/messaging/rich-text.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { createHarness, type Harness } from './telegram-harness.js';

let fake: FakeBotApi;
let h: Harness;
let chat = 700;

beforeAll(async () => {
  fake = await FakeBotApi.start();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  // A fresh channel (not started: the sender needs no polling) and a fresh chat per test.
  fake.clearFaults();
  h = await createHarness({ fake });
  chat += 1;
});

const send = (message: OutgoingMessage, editMessageId?: string) =>
  h.channel.sender.send(String(chat), message, editMessageId ? { editMessageId } : {});

async function failure(promise: Promise<unknown>): Promise<DeliveryError['failure']> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return (error as DeliveryError).failure;
}

const menu = (label = 'Пособия'): OutgoingMessage['buttons'] => [
  [{ kind: 'action', label, payload: 'section:benefits' }],
  [{ kind: 'link', label: 'Госуслуги', url: 'https://www.gosuslugi.ru/' }],
];

describe('Telegram sender', () => {
  it('escapes every dynamic string: the person sees the literal characters', async () => {
    const text: RichText = [
      { type: 'paragraph', spans: [{ text: 'Тег <b>не жирный</b> & <script>alert(1)</script>' }] },
      {
        type: 'paragraph',
        spans: [
          { text: 'Жирный <i>', bold: true },
          { text: ' и ссылка "с кавычками" & <угловыми>', href: 'https://example.org/?q="x"&a=<b>' },
        ],
      },
      { type: 'list', items: [[{ text: 'пункт <1>' }], [{ text: 'пункт & 2' }]] },
    ];
    const result = await send({ text });
    const [message] = fake.messagesIn(chat);
    expect(result.platformMessageIds).toEqual([String(message!.message_id)]);
    expect(message!.parseMode).toBe('HTML');
    expect(message!.text).toBe(
      'Тег <b>не жирный</b> & <script>alert(1)</script>\n\n' +
        'Жирный <i> и ссылка "с кавычками" & <угловыми>\n\n' +
        '• пункт <1>\n• пункт & 2',
    );
    const bold = message!.entities.find((e) => e.type === 'bold')!;
    expect(message!.text.slice(bold.offset, bold.offset + bold.length)).toBe('Жирный <i>');
    const link = message!.entities.find((e) => e.type === 'text_link')!;
    expect(link.url).toBe(new URL('https://example.org/?q="x"&a=<b>').href);
    expect(message!.entities.map((e) => e.type)).toEqual(['bold', 'text_link']);
  });

  it('shows tel: links as visible numbers and other schemes as text, never as links', async () => {
    await send({
      text: [
        {
          type: 'paragraph',
          spans: [
            { text: 'Горячая линия', href: 'tel:88001000001' },
            { text: ' и ' },
            { text: 'клик', href: 'javascript:alert(1)' },
          ],
        },
      ],
    });
    const [message] = fake.messagesIn(chat);
    expect(message!.text).toBe('Горячая линия (88001000001) и клик (javascript:alert(1))');
    expect(message!.entities).toEqual([]);
  });

  it('renders action buttons as callback data and link buttons as URLs', async () => {
    await send({ text: parseRichText('Что вас интересует?'), buttons: menu() });
    const [message] = fake.messagesIn(chat);
    expect(message!.replyMarkup).toEqual({
      inline_keyboard: [
        [{ text: 'Пособия', callback_data: 'section:benefits' }],
        [{ text: 'Госуслуги', url: 'https://www.gosuslugi.ru/' }],
      ],
    });
  });

  it('splits a long answer on paragraphs, with the keyboard only on the last part', async () => {
    const paragraph = (n: number) => `Абзац ${n}. ${'Текст про выплаты и льготы. '.repeat(60)}`.trim();
    const source = [1, 2, 3, 4, 5].map(paragraph).join('\n\n');
    const result = await send({ text: parseRichText(source), buttons: menu() });
    const messages = fake.messagesIn(chat);
    expect(messages.length).toBeGreaterThan(1);
    expect(result.platformMessageIds).toEqual(messages.map((m) => String(m.message_id)));
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      // Each part starts with a whole paragraph.
      expect(m.text).toMatch(/^Абзац \d\./);
    }
    expect(messages.map((m) => m.text).join('\n\n')).toBe(source);
    expect(messages.slice(0, -1).every((m) => m.replyMarkup === undefined)).toBe(true);
    expect(messages.at(-1)!.replyMarkup).toHaveProperty('inline_keyboard');
  });

  it('splits a paragraph without breaks at spaces, and text without spaces anywhere, keeping every character', async () => {
    const words = 'слово '.repeat(1500).trim(); // ~9,000 characters, one line
    await send({ text: plainText(words) });
    const parts = fake.messagesIn(chat);
    expect(parts.length).toBe(3);
    expect(parts.every((m) => m.text.length <= 4096 && !m.text.startsWith(' '))).toBe(true);
    expect(parts.map((m) => m.text).join('')).toBe(words);

    chat += 1;
    const blob = '😀'.repeat(3000); // 6,000 UTF-16 units: a cut must not split a pair
    await send({ text: plainText(blob) });
    const pieces = fake.messagesIn(chat);
    expect(pieces.length).toBe(2);
    expect(pieces.map((m) => m.text).join('')).toBe(blob);
  });

  it('edits a message in place, and treats "not modified" as done', async () => {
    const first = await send({ text: parseRichText('Раздел: **пособия**'), buttons: menu() });
    const id = first.platformMessageIds[0]!;
    const edited = await send({ text: parseRichText('Раздел: **пенсии**'), buttons: menu('Пенсии') }, id);
    expect(edited.platformMessageIds).toEqual([id]);
    const [message] = fake.messagesIn(chat);
    expect(message!.text).toBe('Раздел: пенсии');
    expect(message!.edits).toBe(1);
    expect(
      (message!.replyMarkup as { inline_keyboard: { text: string }[][] }).inline_keyboard[0]![0]!.text,
    ).toBe('Пенсии');

    // The same press twice renders the same thing: Telegram says "not modified", which is success.
    const again = await send({ text: parseRichText('Раздел: **пенсии**'), buttons: menu('Пенсии') }, id);
    expect(again.platformMessageIds).toEqual([id]);
    expect(fake.callsOf('editMessageText').at(-1)!.outcome).toBe(400);
    expect(fake.messagesIn(chat)).toHaveLength(1);
  });

  it('sends a new message when the old one cannot be edited or is gone', async () => {
    const first = await send({ text: parseRichText('Старое меню'), buttons: menu() });
    const old = fake.messages.get(Number(first.platformMessageIds[0]))!;
    old.editable = false;
    const result = await send({ text: parseRichText('Новое меню'), buttons: menu() }, String(old.message_id));
    expect(result.platformMessageIds).not.toEqual([String(old.message_id)]);
    expect(fake.messagesIn(chat).map((m) => m.text)).toEqual(['Старое меню', 'Новое меню']);

    const gone = await send({ text: parseRichText('Ещё новее') }, '999999');
    expect(
      fake
        .messagesIn(chat)
        .map((m) => m.text)
        .at(-1),
    ).toBe('Ещё новее');
    expect(gone.platformMessageIds).toHaveLength(1);
  });

  it('falls back to plain text when Telegram cannot parse the HTML, and logs it', async () => {
    fake.failNext('sendMessage', {
      type: 'error',
      code: 400,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 3',
    });
    const result = await send({
      text: parseRichText('**Важно:** см. [сайт СФР](https://sfr.gov.ru/)'),
      buttons: menu(),
    });
    const [message] = fake.messagesIn(chat);
    expect(result.platformMessageIds).toEqual([String(message!.message_id)]);
    expect(message!.parseMode).toBeUndefined();
    expect(message!.text).toBe('Важно: см. сайт СФР (https://sfr.gov.ru/)');
    expect(message!.replyMarkup).toHaveProperty('inline_keyboard');
    expect(h.log.lines.some((l) => String(l.msg).includes('plain text') && l.level === 40)).toBe(true);
  });

  it('maps 429 to retry after retry_after seconds', async () => {
    fake.failNext('sendMessage', { type: 'rate-limit', retryAfter: 7 });
    expect(await failure(send({ text: parseRichText('Привет') }))).toMatchObject({
      kind: 'retry',
      retryAfterMs: 7000,
    });
  });

  it('maps 500 and a dropped connection to retry', async () => {
    fake.failNext('sendMessage', { type: 'server-error' });
    expect(await failure(send({ text: parseRichText('Привет') }))).toMatchObject({ kind: 'retry' });
    fake.failNext('sendMessage', { type: 'drop' });
    const dropped = await failure(send({ text: parseRichText('Привет') }));
    expect(dropped.kind).toBe('retry');
    expect(dropped.reason).toMatch(/^network:/);
    // The token must not reach the outbox or the log, not even from an error that quotes the request's URL.
    expect(dropped.reason).not.toContain(fake.token.split(':')[1]);
    const quoting = new HttpError(
      "Network request for 'sendMessage' failed!",
      new Error(`request to ${fake.apiRoot}/bot${fake.token}/sendMessage failed, reason: socket hang up`),
    );
    expect(describeApiError(quoting)).toContain('bot<token>/sendMessage');
    expect(describeApiError(quoting)).not.toContain(fake.token.split(':')[1]);
    // And the next send goes through.
    await send({ text: parseRichText('Привет') });
    expect(fake.messagesIn(chat)).toHaveLength(1);
  });

  it('maps a call that hangs past the timeout to retry', async () => {
    const slow = await createHarness({ fake, channel: { callTimeoutMs: 100 } });
    fake.failNext('sendMessage', { type: 'hang', ms: 400 });
    const error = await slow.channel.sender
      .send(String(chat), { text: parseRichText('Медленно') }, {})
      .catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).failure.kind).toBe('retry');
  });

  it('maps 403 (blocked by the user) to blocked and other 400s to rejected', async () => {
    fake.failNext('sendMessage', { type: 'blocked' });
    expect(await failure(send({ text: parseRichText('Привет') }))).toMatchObject({ kind: 'blocked' });
    fake.blockChat(chat);
    expect((await failure(send({ text: parseRichText('Привет') }))).reason).toContain(
      'bot was blocked by the user',
    );
    fake.failNext('sendMessage', { type: 'error', code: 400, description: 'Bad Request: chat not found' });
    expect(
      await failure(h.channel.sender.send('12345', { text: parseRichText('Привет') }, {})),
    ).toMatchObject({
      kind: 'rejected',
    });
  });

  it('does not send the first part twice when a later part hits a rate limit', async () => {
    const source = [1, 2].map((n) => `Часть ${n}. ${'Много текста. '.repeat(200)}`.trim()).join('\n\n');
    const message = { text: parseRichText(source) };
    fake.failNext('sendMessage', { type: 'rate-limit', retryAfter: 1 }, 1, { skip: 1 });
    expect(await failure(send(message))).toMatchObject({ kind: 'retry', retryAfterMs: 1000 });
    expect(fake.messagesIn(chat)).toHaveLength(1);
    const retried = await send(message);
    const messages = fake.messagesIn(chat);
    expect(messages.map((m) => m.text.slice(0, 7))).toEqual(['Часть 1', 'Часть 2']);
    expect(retried.platformMessageIds).toEqual(messages.map((m) => String(m.message_id)));

    // The same with the worker's idempotency key (one outbox message, whatever its content looks like).
    chat += 1;
    fake.failNext('sendMessage', { type: 'server-error' }, 1, { skip: 1 });
    const key = { idempotencyKey: 'outbox:77' };
    expect(await failure(h.channel.sender.send(String(chat), message, key))).toMatchObject({ kind: 'retry' });
    await h.channel.sender.send(String(chat), message, key);
    expect(fake.messagesIn(chat).map((m) => m.text.slice(0, 7))).toEqual(['Часть 1', 'Часть 2']);
  });

  it('asks for the location with a one-time reply keyboard', async () => {
    await send({
      text: parseRichText('Поделитесь местоположением, чтобы найти ближайший МФЦ.'),
      requestLocation: true,
    });
    const [message] = fake.messagesIn(chat);
    expect(message!.replyMarkup).toMatchObject({
      keyboard: [[{ request_location: true }]],
      one_time_keyboard: true,
    });
    // With buttons too, the location keyboard goes with the first part and the buttons with the last.
    await send({
      text: parseRichText('Поделитесь местоположением.\n\nИли выберите регион в меню.'),
      requestLocation: true,
      buttons: menu(),
    });
    const [, first, second] = fake.messagesIn(chat);
    expect(first!.replyMarkup).toHaveProperty('keyboard');
    expect(second!.replyMarkup).toHaveProperty('inline_keyboard');
  });

  it('refuses a button payload over 64 bytes in development, and leaves the button out in production', async () => {
    const long = 'section:'.concat('очень-длинный-идентификатор'.repeat(3));
    const message: OutgoingMessage = {
      text: parseRichText('Меню'),
      buttons: [
        [{ kind: 'action', label: 'Длинная', payload: long }],
        [{ kind: 'action', label: 'Короткая', payload: 'ok' }],
      ],
    };
    expect(await failure(send(message))).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/64/),
    });
    expect(fake.messagesIn(chat)).toHaveLength(0);

    const production = await createHarness({ fake, channel: { strictButtons: false } });
    await production.channel.sender.send(String(chat), message, {});
    const [sent] = fake.messagesIn(chat);
    expect(sent!.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'Короткая', callback_data: 'ok' }]] });
    expect(production.log.lines.some((l) => l.msg === 'button left out')).toBe(true);
  });

  it('rejects a message without text', async () => {
    expect(await failure(send({ text: [] }))).toMatchObject({ kind: 'rejected' });
  });
});
