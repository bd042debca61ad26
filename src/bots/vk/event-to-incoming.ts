/**
 * VK updates (the same objects arrive through Long Poll and Callback API) → IncomingEvent.
 *
 * - `message_new`: text, commands ("/menu"), the "Начать" button (payload `{"command":"start"}`), presses of
 *   our text-keyboard buttons (payload `{"p": ...}`), shared location (`geo`), and media we cannot read.
 * - `message_event`: a press of one of our callback buttons. VK waits for `messages.sendMessageEventAnswer`;
 *   the caller answers every press, ours or not, with `callbackAnswerOf`.
 * Everything else (edits, typing, joins, our own outgoing messages, group chats) is ignored.
 */
import { z } from 'zod';
import { type IncomingEvent, parseCommand, type UnsupportedMedia } from '../../messaging/incoming-event.js';
import { type ClientCapabilities, capabilitiesFromClientInfo } from './client-capabilities.js';

export const vkUpdateSchema = z.object({
  type: z.string(),
  object: z.unknown(),
  event_id: z.string().optional(),
  group_id: z.number().optional(),
});

export type VkUpdate = z.infer<typeof vkUpdateSchema>;

const messageSchema = z.object({
  id: z.number().optional(),
  conversation_message_id: z.number().optional(),
  peer_id: z.number(),
  from_id: z.number(),
  text: z.string().optional(),
  payload: z.string().optional(),
  geo: z
    .object({ coordinates: z.object({ latitude: z.number(), longitude: z.number() }) })
    .optional()
    .catch(undefined),
  attachments: z
    .array(z.object({ type: z.string(), doc: z.object({ ext: z.string().optional() }).optional() }))
    .optional(),
  fwd_messages: z.array(z.unknown()).optional(),
  action: z.unknown().optional(),
});

const messageNewSchema = z.object({ message: messageSchema, client_info: z.unknown().optional() });

const messageEventSchema = z.object({
  user_id: z.number(),
  peer_id: z.number(),
  event_id: z.string(),
  payload: z.unknown().optional(),
  conversation_message_id: z.number().optional(),
});

/**
 * Whether an update the assistant acts on has the shape VK gives it: message_new and message_event are checked
 * against the schemas used to read them; any other type needs no more than an object (or none). Lets the
 * Callback API route refuse broken or forged bodies with 400 before the library sees them.
 */
export function isWellFormedVkUpdate(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { type, object, event_id: eventId } = body as Record<string, unknown>;
  if (typeof type !== 'string' || (eventId !== undefined && typeof eventId !== 'string')) return false;
  if (type === 'message_new') return messageNewSchema.safeParse(object).success;
  if (type === 'message_event') return messageEventSchema.safeParse(object).success;
  return object === undefined || (typeof object === 'object' && object !== null && !Array.isArray(object));
}

/** What `messages.sendMessageEventAnswer` needs to stop the button's spinner. */
export interface CallbackAnswer {
  event_id: string;
  user_id: number;
  peer_id: number;
}

export type TranslatedUpdate =
  | {
      kind: 'event';
      event: IncomingEvent;
      /** From `client_info` of message_new, or implied by a callback press. */
      capabilities?: ClientCapabilities;
    }
  | { kind: 'ignored'; reason: string };

/** Group chats start at this peer id; the assistant only talks in private dialogs. */
const CHAT_PEER_OFFSET = 2_000_000_000;

/** VK `lang_id` → language code (only those our locales might use; others fall back to Russian). */
const LANG_IDS: Record<number, string> = { 0: 'ru', 1: 'uk', 2: 'be', 3: 'en', 4: 'es', 6: 'de', 16: 'fr' };

const MEDIA: Record<string, UnsupportedMedia> = {
  photo: 'photo',
  sticker: 'sticker',
  audio_message: 'voice',
  video: 'video',
  audio: 'audio',
  doc: 'document',
  poll: 'poll',
  graffiti: 'sticker',
};

/**
 * A press of a callback button implies the client has inline keyboards with callback buttons (and link buttons,
 * which are older than callback buttons).
 */
const CALLBACK_CLIENT: ClientCapabilities = {
  keyboard: true,
  inlineKeyboard: true,
  buttonActions: new Set(['text', 'callback', 'open_link']),
};

/** Our payload from a button: `{"p": "..."}` (string from message_new, already an object from message_event). */
function ourPayload(raw: unknown): string | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (value && typeof value === 'object' && 'p' in value && typeof value.p === 'string') return value.p;
  return undefined;
}

function isStartPayload(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const value = JSON.parse(raw) as unknown;
    return !!value && typeof value === 'object' && 'command' in value && value.command === 'start';
  } catch {
    return false;
  }
}

function languageCode(clientInfo: unknown): string | undefined {
  if (!clientInfo || typeof clientInfo !== 'object' || !('lang_id' in clientInfo)) return undefined;
  const id = clientInfo.lang_id;
  return typeof id === 'number' ? LANG_IDS[id] : undefined;
}

function mediaOf(message: z.infer<typeof messageSchema>): UnsupportedMedia {
  const first = message.attachments?.[0];
  if (!first) return 'other';
  if (first.type === 'doc' && first.doc?.ext?.toLowerCase() === 'gif') return 'animation';
  return MEDIA[first.type] ?? 'other';
}

export function vkUpdateToIncoming(update: VkUpdate, receivedAt: number): TranslatedUpdate {
  if (update.type === 'message_new') return fromMessageNew(update, receivedAt);
  if (update.type === 'message_event') return fromMessageEvent(update, receivedAt);
  return { kind: 'ignored', reason: `type ${update.type}` };
}

function fromMessageNew(update: VkUpdate, receivedAt: number): TranslatedUpdate {
  const parsed = messageNewSchema.safeParse(update.object);
  if (!parsed.success) return { kind: 'ignored', reason: 'message_new without a readable message' };
  const { message, client_info: clientInfo } = parsed.data;
  if (message.peer_id >= CHAT_PEER_OFFSET) return { kind: 'ignored', reason: 'group chat' };
  if (message.from_id <= 0) return { kind: 'ignored', reason: 'not from a person' };
  if (message.action !== undefined) return { kind: 'ignored', reason: 'service message' };
  const language = languageCode(clientInfo);
  const capabilities = capabilitiesFromClientInfo(clientInfo);
  const base = {
    eventId:
      update.event_id ??
      `message_new:${message.peer_id}:${message.conversation_message_id ?? message.id ?? receivedAt}`,
    platform: 'vk' as const,
    userId: String(message.from_id),
    chatId: String(message.peer_id),
    ...(language ? { languageCode: language } : {}),
    receivedAt,
  };
  const withCapabilities = (event: IncomingEvent): TranslatedUpdate => ({
    kind: 'event',
    event,
    ...(capabilities ? { capabilities } : {}),
  });
  const text = (message.text ?? '').trim();
  if (isStartPayload(message.payload)) return withCapabilities({ ...base, kind: 'start' });
  const payload = ourPayload(message.payload);
  if (payload !== undefined) return withCapabilities({ ...base, kind: 'button', payload });
  if (message.geo) {
    const { latitude, longitude } = message.geo.coordinates;
    return withCapabilities({ ...base, kind: 'location', latitude, longitude });
  }
  if (text !== '') {
    const command = parseCommand(text);
    return withCapabilities(
      command ? { ...base, kind: 'command', ...command } : { ...base, kind: 'text', text },
    );
  }
  if ((message.attachments?.length ?? 0) > 0 || (message.fwd_messages?.length ?? 0) > 0) {
    return withCapabilities({ ...base, kind: 'unsupported', media: mediaOf(message) });
  }
  return { kind: 'ignored', reason: 'empty message' };
}

function fromMessageEvent(update: VkUpdate, receivedAt: number): TranslatedUpdate {
  const parsed = messageEventSchema.safeParse(update.object);
  if (!parsed.success) return { kind: 'ignored', reason: 'message_event without a readable object' };
  const object = parsed.data;
  const payload = ourPayload(object.payload);
  if (payload === undefined || object.peer_id >= CHAT_PEER_OFFSET) {
    // Still answered by the caller (see callbackAnswerOf), so the button stops spinning.
    return { kind: 'ignored', reason: 'callback press without our payload' };
  }
  return {
    kind: 'event',
    event: {
      kind: 'button',
      payload,
      eventId: update.event_id ?? `message_event:${object.event_id}`,
      platform: 'vk',
      userId: String(object.user_id),
      chatId: String(object.peer_id),
      ...(object.conversation_message_id !== undefined
        ? { sourceMessageId: conversationMessageRef(object.conversation_message_id) }
        : {}),
      receivedAt,
    },
    capabilities: CALLBACK_CLIENT,
  };
}

/**
 * Message references we hand out: `"123"` is a message_id (what messages.send returns), `"c45"` a
 * conversation_message_id (what a callback press tells us). messages.edit takes either.
 */
export function conversationMessageRef(conversationMessageId: number): string {
  return `c${conversationMessageId}`;
}

export function parseMessageRef(
  ref: string,
): { message_id: number } | { conversation_message_id: number } | undefined {
  const match = /^(c?)(\d{1,15})$/.exec(ref);
  if (!match) return undefined;
  const id = Number(match[2]);
  return match[1] === 'c' ? { conversation_message_id: id } : { message_id: id };
}

/** Answer data for an ignored press too: every message_event must be answered. */
export function callbackAnswerOf(update: VkUpdate): CallbackAnswer | undefined {
  if (update.type !== 'message_event') return undefined;
  const parsed = messageEventSchema.safeParse(update.object);
  return parsed.success
    ? { event_id: parsed.data.event_id, user_id: parsed.data.user_id, peer_id: parsed.data.peer_id }
    : undefined;
}
