import { describe, expect, it } from 'vitest';
import { parseMessageRef, vkUpdateToIncoming } from '../../../../src/bots/vk/event-to-incoming.js';

const message = (fields: Record<string, unknown>, clientInfo?: Record<string, unknown>) => ({
  type: 'message_new',
  event_id: 'ev1',
  group_id: 1,
  object: {
    message: { id: 10, conversation_message_id: 3, peer_id: 42, from_id: 42, text: '', ...fields },
    ...(clientInfo ? { client_info: clientInfo } : {}),
  },
});

describe('vkUpdateToIncoming', () => {
  it('reads text, commands and the language of the client', () => {
    const text = vkUpdateToIncoming(
      message({ text: ' Здравствуйте ' }, { lang_id: 3, button_actions: [] }),
      5,
    );
    expect(text).toMatchObject({
      kind: 'event',
      event: {
        kind: 'text',
        text: 'Здравствуйте',
        eventId: 'ev1',
        userId: '42',
        chatId: '42',
        languageCode: 'en',
        receivedAt: 5,
      },
    });
    expect(vkUpdateToIncoming(message({ text: '/help me' }), 0)).toMatchObject({
      event: { kind: 'command', command: 'help', args: 'me' },
    });
  });

  it('prefers our payload over the text, and treats a foreign payload as text', () => {
    expect(vkUpdateToIncoming(message({ text: 'Меню', payload: '{"p":"menu"}' }), 0)).toMatchObject({
      event: { kind: 'button', payload: 'menu' },
    });
    expect(vkUpdateToIncoming(message({ text: 'Привет', payload: '{"button":"1"}' }), 0)).toMatchObject({
      event: { kind: 'text', text: 'Привет' },
    });
    expect(vkUpdateToIncoming(message({ text: 'x', payload: 'not json' }), 0)).toMatchObject({
      event: { kind: 'text' },
    });
  });

  it('reads a photo with a caption as its text, a gif as an animation, forwarded messages as other', () => {
    expect(
      vkUpdateToIncoming(message({ text: 'что это?', attachments: [{ type: 'photo' }] }), 0),
    ).toMatchObject({
      event: { kind: 'text', text: 'что это?' },
    });
    expect(
      vkUpdateToIncoming(message({ attachments: [{ type: 'doc', doc: { ext: 'GIF' } }] }), 0),
    ).toMatchObject({
      event: { kind: 'unsupported', media: 'animation' },
    });
    expect(vkUpdateToIncoming(message({ fwd_messages: [{}] }), 0)).toMatchObject({
      event: { kind: 'unsupported', media: 'other' },
    });
  });

  it('builds a stable event id when VK gives none', () => {
    const { event_id: _omit, ...update } = message({ text: 'x' });
    const a = vkUpdateToIncoming(update, 1);
    const b = vkUpdateToIncoming(update, 2);
    expect(a.kind === 'event' && a.event.eventId).toBe('message_new:42:3');
    expect(b.kind === 'event' && b.event.eventId).toBe('message_new:42:3');
  });

  it('ignores group chats, service messages, empty messages and other types', () => {
    expect(vkUpdateToIncoming(message({ text: 'x', peer_id: 2_000_000_005 }), 0).kind).toBe('ignored');
    expect(vkUpdateToIncoming(message({ text: '', action: { type: 'chat_invite_user' } }), 0).kind).toBe(
      'ignored',
    );
    expect(vkUpdateToIncoming(message({ text: '' }), 0).kind).toBe('ignored');
    expect(vkUpdateToIncoming({ type: 'message_typing_state', object: {} }, 0).kind).toBe('ignored');
    expect(vkUpdateToIncoming({ type: 'message_new', object: { nonsense: true } }, 0).kind).toBe('ignored');
  });

  it('turns a callback press into a button with the message to edit, and implies callback support', () => {
    const press = vkUpdateToIncoming(
      {
        type: 'message_event',
        event_id: 'ev2',
        object: {
          user_id: 42,
          peer_id: 42,
          event_id: 'abc',
          payload: { p: 'operator' },
          conversation_message_id: 7,
        },
      },
      0,
    );
    expect(press).toMatchObject({
      kind: 'event',
      event: { kind: 'button', payload: 'operator', sourceMessageId: 'c7' },
    });
    expect(press.kind === 'event' && press.capabilities?.buttonActions.has('callback')).toBe(true);
  });

  it('parses message references for editing', () => {
    expect(parseMessageRef('c7')).toEqual({ conversation_message_id: 7 });
    expect(parseMessageRef('123')).toEqual({ message_id: 123 });
    expect(parseMessageRef('x1')).toBeUndefined();
  });
});
