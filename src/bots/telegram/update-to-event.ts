/**
 * Turns one Telegram update into the neutral IncomingEvent, or says why it is ignored.
 *
 * Pure: no grammY context, no network. Only private chats are served (the assistant is a one-to-one helper); groups,
 * channels, edited messages and service messages are ignored without an error. A shared contact becomes
 * `{ kind: 'contact' }`: the phone number never leaves this function.
 */
import type { Message, Update, User } from 'grammy/types';
import type { IncomingEvent, IncomingPayload, UnsupportedMedia } from '../../messaging/incoming-event.js';
import { parseCommand } from '../../messaging/incoming-event.js';

export type UpdateMapping =
  | { kind: 'event'; event: IncomingEvent }
  | {
      kind: 'ignored';
      reason: string;
      /** A button press we do not serve still needs its spinner stopped. */
      callbackQueryId?: string;
    };

/** The kind of update, for logs (never its content). */
export function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

function mediaKind(message: Message): UnsupportedMedia | undefined {
  // `animation` messages carry a `document` too, so animation is checked first.
  if (message.animation) return 'animation';
  if (message.sticker) return 'sticker';
  if (message.photo) return 'photo';
  if (message.voice) return 'voice';
  if (message.video || message.video_note) return 'video';
  if (message.audio) return 'audio';
  if (message.document) return 'document';
  if (message.poll) return 'poll';
  if (message.dice || message.game || message.story || message.paid_media || message.checklist)
    return 'other';
  return undefined;
}

function messagePayload(message: Message): IncomingPayload | undefined {
  if (message.text !== undefined) {
    const command = message.text.startsWith('/') ? parseCommand(message.text) : undefined;
    if (command?.command === 'start') return { kind: 'start' };
    if (command) return { kind: 'command', ...command };
    return { kind: 'text', text: message.text };
  }
  // A venue carries its location too.
  if (message.location) {
    return { kind: 'location', latitude: message.location.latitude, longitude: message.location.longitude };
  }
  if (message.contact) return { kind: 'contact' };
  // A photo or a file with words under it: the words are the question (as on VK, where a message's text comes
  // with its attachments).
  const caption = message.caption?.trim();
  if (caption) return { kind: 'text', text: caption };
  const media = mediaKind(message);
  return media ? { kind: 'unsupported', media } : undefined;
}

function person(from: User, chatId: number, languageCode: string | undefined) {
  return {
    userId: String(from.id),
    chatId: String(chatId),
    ...(languageCode ? { languageCode } : {}),
  };
}

/** Maps an update; `receivedAt` is when we got it (milliseconds since epoch). */
export function updateToEvent(update: Update, receivedAt: number): UpdateMapping {
  const eventId = String(update.update_id);
  const base = { eventId, platform: 'telegram' as const, receivedAt };

  if (update.message) {
    const message = update.message;
    if (message.chat.type !== 'private') return { kind: 'ignored', reason: `${message.chat.type} chat` };
    if (!message.from || message.from.is_bot) return { kind: 'ignored', reason: 'no person sent it' };
    const payload = messagePayload(message);
    if (!payload) return { kind: 'ignored', reason: 'service message' };
    return {
      kind: 'event',
      event: { ...payload, ...base, ...person(message.from, message.chat.id, message.from.language_code) },
    };
  }

  if (update.callback_query) {
    const query = update.callback_query;
    const ignored = (reason: string): UpdateMapping => ({
      kind: 'ignored',
      reason,
      callbackQueryId: query.id,
    });
    const source = query.message;
    if (!source) return ignored('button of an inline message');
    if (source.chat.type !== 'private') return ignored(`${source.chat.type} chat`);
    if (query.data === undefined) return ignored('button without data');
    return {
      kind: 'event',
      event: {
        kind: 'button',
        payload: query.data,
        sourceMessageId: String(source.message_id),
        ...base,
        ...person(query.from, source.chat.id, query.from.language_code),
      },
    };
  }

  return { kind: 'ignored', reason: `${updateType(update)} update` };
}

/** Chat id of an update, for ordering and logs; undefined when it has none. */
export function updateChatId(update: Update): string | undefined {
  const chat =
    update.message?.chat ??
    update.edited_message?.chat ??
    update.callback_query?.message?.chat ??
    update.my_chat_member?.chat;
  return chat ? String(chat.id) : undefined;
}
