import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { updateToEvent } from '../../../../src/bots/telegram/update-to-event.js';

const from = { id: 42, is_bot: false, first_name: 'Анна', language_code: 'ru' };
const chat = { id: 42, type: 'private', first_name: 'Анна' };
const message = (content: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
  ({
    update_id: 7,
    message: { message_id: 1, date: 0, chat, from, ...content, ...overrides },
  }) as unknown as Update;

describe('Telegram update → event', () => {
  it('maps text, commands and /start', () => {
    expect(updateToEvent(message({ text: 'Привет' }), 5)).toEqual({
      kind: 'event',
      event: {
        kind: 'text',
        text: 'Привет',
        eventId: '7',
        platform: 'telegram',
        userId: '42',
        chatId: '42',
        languageCode: 'ru',
        receivedAt: 5,
      },
    });
    expect(updateToEvent(message({ text: '/start promo' }), 0)).toMatchObject({ event: { kind: 'start' } });
    expect(updateToEvent(message({ text: '/Help@welfare_bot now' }), 0)).toMatchObject({
      event: { kind: 'command', command: 'help', args: 'now' },
    });
    expect(updateToEvent(message({ text: '/123' }), 0)).toMatchObject({
      event: { kind: 'text', text: '/123' },
    });
  });

  it('never passes the phone number of a shared contact', () => {
    const mapping = updateToEvent(message({ contact: { phone_number: '+79990001122', first_name: 'А' } }), 0);
    expect(mapping).toMatchObject({ event: { kind: 'contact' } });
    expect(JSON.stringify(mapping)).not.toContain('9990001122');
  });

  it('maps a venue to its location and media to unsupported', () => {
    const venue = { location: { latitude: 1, longitude: 2 }, venue: { title: 'МФЦ' } };
    expect(updateToEvent(message(venue), 0)).toMatchObject({
      event: { kind: 'location', latitude: 1, longitude: 2 },
    });
    expect(updateToEvent(message({ animation: {}, document: {} }), 0)).toMatchObject({
      event: { media: 'animation' },
    });
    expect(updateToEvent(message({ dice: { emoji: '🎲', value: 3 } }), 0)).toMatchObject({
      event: { media: 'other' },
    });
  });

  it('reads the words under a photo or a file as the question', () => {
    expect(
      updateToEvent(message({ photo: [{}], caption: ' что делать с этой справкой? ' }), 0),
    ).toMatchObject({
      event: { kind: 'text', text: 'что делать с этой справкой?' },
    });
    expect(updateToEvent(message({ photo: [{}], caption: '  ' }), 0)).toMatchObject({
      event: { kind: 'unsupported', media: 'photo' },
    });
  });

  it('leaves out the language when Telegram does not tell it', () => {
    const mapping = updateToEvent(
      message({ text: 'x' }, { from: { id: 42, is_bot: false, first_name: 'А' } }),
      0,
    );
    expect(mapping.kind === 'event' && 'languageCode' in mapping.event).toBe(false);
  });

  it('ignores groups, bots, service messages and edits', () => {
    expect(
      updateToEvent(message({ text: 'x' }, { chat: { id: -1, type: 'group', title: 'g' } }), 0).kind,
    ).toBe('ignored');
    expect(updateToEvent(message({ text: 'x' }, { from: { ...from, is_bot: true } }), 0).kind).toBe(
      'ignored',
    );
    expect(updateToEvent(message({ new_chat_title: 'x' }), 0).kind).toBe('ignored');
    const edited = {
      update_id: 8,
      edited_message: { message_id: 1, date: 0, chat, from, text: 'x' },
    } as unknown as Update;
    expect(updateToEvent(edited, 0)).toEqual({ kind: 'ignored', reason: 'edited_message update' });
  });

  it('maps a button press with its source message, and keeps the query id of presses it ignores', () => {
    const press = (msg: Record<string, unknown> | undefined, data: string | undefined) =>
      ({
        update_id: 9,
        callback_query: { id: 'q1', from, chat_instance: 'c', data, message: msg },
      }) as unknown as Update;
    expect(updateToEvent(press({ message_id: 33, date: 0, chat }, 'rate:up'), 0)).toMatchObject({
      event: { kind: 'button', payload: 'rate:up', sourceMessageId: '33', chatId: '42' },
    });
    expect(updateToEvent(press(undefined, 'x'), 0)).toMatchObject({ kind: 'ignored', callbackQueryId: 'q1' });
    expect(updateToEvent(press({ message_id: 1, date: 0, chat }, undefined), 0)).toMatchObject({
      kind: 'ignored',
    });
  });
});
