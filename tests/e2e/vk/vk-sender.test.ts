/**
 * Sending with the real node-vk-bot-api against the fake VK API: what the person sees (plain text, the keyboard
 * their client can show, long answers split), edits in place, and how VK's errors reach the delivery worker.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/bots/channel.js';
import { createVkChannelWithOptions } from '../../../src/bots/vk/vk-channel.js';
import { DeliveryError } from '../../../src/messaging/delivery.js';
import type { OutgoingMessage } from '../../../src/messaging/outgoing-message.js';
import { parseRichText } from '../../../src/messaging/rich-text.js';
import { type ClientInfo, FakeVkApi, MODERN_CLIENT, OLD_CLIENT } from '../../support/fake-vk/fake-vk-api.js';
import {
  deliverLikeTheWorker,
  eventually,
  FAST,
  longPollConfig,
  RecordingSink,
  testDeps,
} from '../../support/fake-vk/vk-test-kit.js';

const PERSON = 7002;

const MENU: OutgoingMessage = {
  text: parseRichText(
    '**Главное меню**\n\nВыберите тему:\n- пособия\n- [Госуслуги](https://www.gosuslugi.ru)\n\nТелефон: [8 800 100-00-01](tel:88001000001)',
  ),
  buttons: [
    [{ kind: 'action', label: 'Пособия на детей', payload: 'topic:children' }],
    [{ kind: 'link', label: 'Открыть Госуслуги', url: 'https://www.gosuslugi.ru' }],
    [
      { kind: 'action', label: 'Меню', payload: 'menu' },
      { kind: 'action', label: 'Консультант', payload: 'operator' },
    ],
  ],
};

describe('VK sender', () => {
  let fake: FakeVkApi;
  let sink: RecordingSink;
  let channel: Channel;

  /** The person writes once, so we learn what their client can show. */
  async function introduce(clientInfo: ClientInfo | null, peer = PERSON) {
    const before = sink.events.length;
    fake.push(fake.messageNew({ fromId: peer, text: 'привет', clientInfo }));
    await eventually(() => sink.events.length === before + 1, 3_000, 'the introduction');
  }

  async function sendExpectingFailure(
    message: OutgoingMessage,
    chat = String(PERSON),
  ): Promise<DeliveryError> {
    try {
      await channel.sender.send(chat, message, {});
    } catch (error) {
      if (error instanceof DeliveryError) return error;
      throw error;
    }
    throw new Error('expected a DeliveryError');
  }

  const hello: OutgoingMessage = { text: parseRichText('Здравствуйте!') };

  beforeEach(async () => {
    fake = await FakeVkApi.start();
    sink = new RecordingSink();
    channel = createVkChannelWithOptions(longPollConfig(fake), testDeps(sink), FAST);
    await channel.start();
  });

  afterEach(async () => {
    await channel.stop();
    await fake.close();
  });

  it('renders plain text and an inline keyboard with callback and open_link buttons for a modern client', async () => {
    await introduce(MODERN_CLIENT);
    const result = await channel.sender.send(String(PERSON), MENU, {});
    const [message] = fake.messagesTo(PERSON);
    expect(result.platformMessageIds).toEqual([String(message!.messageId)]);
    expect(message!.text).toBe(
      'Главное меню\n\nВыберите тему:\n\n• пособия\n• Госуслуги: https://www.gosuslugi.ru\n\nТелефон: 8 800 100-00-01: 88001000001',
    );
    expect(message!.apiVersion).toBe('5.199');
    expect(message!.keyboard).toEqual({
      inline: true,
      buttons: [
        [{ action: { type: 'callback', label: 'Пособия на детей', payload: '{"p":"topic:children"}' } }],
        [{ action: { type: 'open_link', label: 'Открыть Госуслуги', link: 'https://www.gosuslugi.ru' } }],
        [
          { action: { type: 'callback', label: 'Меню', payload: '{"p":"menu"}' } },
          { action: { type: 'callback', label: 'Консультант', payload: '{"p":"operator"}' } },
        ],
      ],
    });
  });

  it('gives an old client a one-time keyboard of text buttons with payloads, and the link in the text', async () => {
    await introduce(OLD_CLIENT);
    await channel.sender.send(String(PERSON), MENU, {});
    const [message] = fake.messagesTo(PERSON);
    expect(message!.keyboard).toEqual({
      one_time: true,
      buttons: [
        [{ action: { type: 'text', label: 'Пособия на детей', payload: '{"p":"topic:children"}' } }],
        [
          { action: { type: 'text', label: 'Меню', payload: '{"p":"menu"}' } },
          { action: { type: 'text', label: 'Консультант', payload: '{"p":"operator"}' } },
        ],
      ],
    });
    expect(message!.text.endsWith('\n\nОткрыть Госуслуги: https://www.gosuslugi.ru')).toBe(true);
  });

  it('a text button press from that keyboard comes back as our button payload', async () => {
    await introduce(OLD_CLIENT);
    await channel.sender.send(String(PERSON), MENU, {});
    const button = fake.messagesTo(PERSON)[0]!.keyboard!.buttons[0]![0]!.action;
    fake.push(
      fake.messageNew({ fromId: PERSON, text: String(button.label), payload: String(button.payload) }),
    );
    await eventually(() => sink.events.length === 2, 3_000, 'the press');
    expect(sink.events[1]).toMatchObject({ kind: 'button', payload: 'topic:children' });
  });

  it('a person we never heard from gets the most compatible keyboard', async () => {
    await channel.sender.send('7999', MENU, {});
    const [message] = fake.messagesTo(7999);
    expect(message!.keyboard?.one_time).toBe(true);
    expect(message!.keyboard?.buttons.flat().every((b) => b.action.type === 'text')).toBe(true);
  });

  it('splits a long answer at paragraph breaks into messages of at most 4,096 characters, keyboard on the last', async () => {
    await introduce(MODERN_CLIENT);
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) => `Абзац ${i + 1}. ${'Текст ответа. '.repeat(24).trim()}`,
    );
    const long: OutgoingMessage = { ...MENU, text: parseRichText(paragraphs.join('\n\n')) };
    const result = await channel.sender.send(String(PERSON), long, {});
    const messages = fake.messagesTo(PERSON);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(result.platformMessageIds).toEqual(messages.map((m) => String(m.messageId)));
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      expect(m.text.startsWith('Абзац ')).toBe(true); // every part starts at a paragraph
    }
    expect(messages.map((m) => m.keyboard !== undefined)).toEqual(
      messages.map((_, i) => i === messages.length - 1),
    );
    expect(messages.map((m) => m.text).join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('puts a menu too big for an inline keyboard into the normal keyboard, keeping every button', async () => {
    await introduce(MODERN_CLIENT);
    const topics: OutgoingMessage = {
      text: parseRichText('Выберите тему:'),
      buttons: [
        ...Array.from({ length: 7 }, (_, i) => [
          { kind: 'action' as const, label: `Тема ${2 * i}`, payload: `c:${2 * i}` },
          { kind: 'action' as const, label: `Тема ${2 * i + 1}`, payload: `c:${2 * i + 1}` },
        ]),
        [
          { kind: 'action', label: 'Консультант', payload: 'h' },
          { kind: 'action', label: 'Меню', payload: 'm' },
        ],
      ],
    };
    await channel.sender.send(String(PERSON), topics, {});
    const keyboard = fake.messagesTo(PERSON)[0]!.keyboard!;
    expect(keyboard.one_time).toBe(true);
    expect(keyboard.buttons.flat()).toHaveLength(16);
    expect(keyboard.buttons.at(-1)!.map((b) => b.action.payload)).toEqual(['{"p":"h"}', '{"p":"m"}']);
  });

  it('keeps inline keyboards within VK limits: long labels shortened, overflow folded, the last row kept', async () => {
    // A client with inline keyboards but no normal keyboard: nowhere else to put the overflow.
    await introduce({
      button_actions: ['text', 'callback', 'open_link'],
      keyboard: false,
      inline_keyboard: true,
    });
    const many: OutgoingMessage = {
      text: parseRichText('Темы'),
      buttons: [
        ...Array.from({ length: 12 }, (_, i) => [
          {
            kind: 'action' as const,
            label: `Тема номер ${i + 1} с очень длинным названием для кнопки`,
            payload: `t:${i}`,
          },
        ]),
        [
          { kind: 'action', label: 'Меню', payload: 'menu' },
          { kind: 'action', label: 'Консультант', payload: 'operator' },
        ],
      ],
    };
    await channel.sender.send(String(PERSON), many, {});
    const keyboard = fake.messagesTo(PERSON)[0]!.keyboard!;
    expect(keyboard.buttons.length).toBeLessThanOrEqual(6);
    expect(keyboard.buttons.flat().length).toBeLessThanOrEqual(10);
    expect(keyboard.buttons.at(-1)!.map((b) => b.action.payload)).toEqual([
      '{"p":"menu"}',
      '{"p":"operator"}',
    ]);
    const first = String(keyboard.buttons[0]![0]!.action.label);
    expect(Array.from(first).length).toBe(40);
    expect(first.endsWith('…')).toBe(true);
  });

  it('edits the pressed message in place, and sends anew when VK refuses the edit', async () => {
    await introduce(MODERN_CLIENT);
    await channel.sender.send(String(PERSON), MENU, {});
    const menu = fake.messagesTo(PERSON)[0]!;
    fake.push(
      fake.messageEvent({
        userId: PERSON,
        payload: { p: 'topic:children' },
        conversationMessageId: menu.conversationMessageId,
      }),
    );
    await eventually(() => sink.events.length === 2, 3_000, 'the press');
    const press = sink.events[1]!;
    expect(press.sourceMessageId).toBe(`c${menu.conversationMessageId}`);

    const answer: OutgoingMessage = { text: parseRichText('Пособия на детей: ...') };
    const edited = await channel.sender.send(String(PERSON), answer, {
      editMessageId: press.sourceMessageId!,
    });
    expect(edited.platformMessageIds).toEqual([press.sourceMessageId]);
    expect(fake.edits).toHaveLength(1);
    expect(fake.messagesTo(PERSON)).toHaveLength(1);
    expect(fake.messagesTo(PERSON)[0]!.text).toBe('Пособия на детей: ...');

    const anew = await channel.sender.send(String(PERSON), answer, { editMessageId: 'c999' });
    expect(fake.messagesTo(PERSON)).toHaveLength(2);
    expect(anew.platformMessageIds).toEqual([String(fake.messagesTo(PERSON)[1]!.messageId)]);
  });

  it('maps VK errors to retry, blocked and rejected', async () => {
    const cases: [Parameters<FakeVkApi['fail']>[1], string][] = [
      [{ kind: 'error', code: 6 }, 'retry'],
      [{ kind: 'error', code: 9 }, 'retry'],
      [{ kind: 'error', code: 10 }, 'retry'],
      [{ kind: 'http', status: 500 }, 'retry'],
      [{ kind: 'http', status: 502 }, 'retry'],
      [{ kind: 'drop' }, 'retry'],
      [{ kind: 'error', code: 901 }, 'blocked'],
      [{ kind: 'error', code: 902 }, 'blocked'],
      [{ kind: 'error', code: 7 }, 'blocked'],
      [{ kind: 'error', code: 100 }, 'rejected'],
      [{ kind: 'error', code: 914 }, 'rejected'],
    ];
    for (const [fault, kind] of cases) {
      fake.fail('messages.send', fault);
      const error = await sendExpectingFailure(hello);
      expect(`${JSON.stringify(fault)} → ${error.failure.kind}`).toBe(`${JSON.stringify(fault)} → ${kind}`);
    }
    fake.fail('messages.send', { kind: 'error', code: 6 });
    expect((await sendExpectingFailure(hello)).failure).toMatchObject({ kind: 'retry', retryAfterMs: 1_000 });
    fake.blockedPeers.add(PERSON);
    expect((await sendExpectingFailure(hello)).failure.kind).toBe('blocked');
    expect((await sendExpectingFailure(hello, 'not-a-peer')).failure.kind).toBe('rejected');
  });

  it('sends the text without buttons when VK refuses the keyboard', async () => {
    await introduce(MODERN_CLIENT);
    fake.fail('messages.send', { kind: 'error', code: 912, message: 'This is a chat bot feature' });
    const result = await channel.sender.send(String(PERSON), MENU, {});
    expect(result.platformMessageIds).toHaveLength(1);
    expect(fake.messagesTo(PERSON)[0]!.keyboard).toBeUndefined();
  });

  it('a retry after a lost answer does not show the message twice (same random_id, VK drops the repeat)', async () => {
    fake.fail('messages.send', { kind: 'drop-after' }); // VK sent it, but the answer never arrived
    const outcome = await deliverLikeTheWorker(channel.sender, String(PERSON), hello);
    expect(outcome.attempts).toBe(2);
    expect(outcome.result?.platformMessageIds).toEqual([String(fake.messagesTo(PERSON)[0]!.messageId)]);
    expect(fake.messagesTo(PERSON)).toHaveLength(1);
    expect(fake.deduplicated).toHaveLength(1);
  });

  it('a long answer interrupted after its first part is completed by the retry without repeating that part', async () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Часть ${i}: ${'слово '.repeat(120).trim()}`);
    const long: OutgoingMessage = { text: parseRichText(paragraphs.join('\n\n')) };
    fake.fail('messages.send', { kind: 'none' }); // the first part goes through
    fake.fail('messages.send', { kind: 'http', status: 503 }); // the second fails
    const outcome = await deliverLikeTheWorker(channel.sender, String(PERSON), long);
    expect(outcome.attempts).toBe(2);
    expect(fake.deduplicated).toHaveLength(1);
    expect(outcome.result).toBeDefined();
    const texts = fake.messagesTo(PERSON).map((m) => m.text);
    expect(new Set(texts).size).toBe(texts.length); // nothing shown twice
    expect(texts.join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('with the API down for a while, retried sends are all delivered once it is back, none twice', async () => {
    await fake.down();
    const sending = [1, 2, 3].map((n) =>
      deliverLikeTheWorker(
        channel.sender,
        String(PERSON),
        { text: parseRichText(`Ответ ${n}`) },
        { deadlineMs: 8_000 },
      ),
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(fake.sent).toHaveLength(0);
    await fake.up();
    const outcomes = await Promise.all(sending);
    expect(outcomes.every((o) => o.result !== undefined && o.attempts > 1)).toBe(true);
    expect(
      fake
        .messagesTo(PERSON)
        .map((m) => m.text)
        .sort(),
    ).toEqual(['Ответ 1', 'Ответ 2', 'Ответ 3']);
  });
});
