/**
 * The one platform-neutral event the dialog engine understands.
 *
 * Every adapter in `src/bots/` turns its platform's update into one of these. The shape follows what both
 * Telegram and VK can deliver, not either platform's own update object.
 */

/** Messengers and local channels the assistant talks through. */
export type Platform = 'telegram' | 'vk' | 'web' | 'cli';

export const PLATFORMS: readonly Platform[] = ['telegram', 'vk', 'web', 'cli'];

/** Media we receive but cannot read (we answer "I read text for now"). */
export type UnsupportedMedia =
  | 'sticker'
  | 'photo'
  | 'voice'
  | 'video'
  | 'audio'
  | 'document'
  | 'animation'
  | 'poll'
  | 'other';

export type IncomingPayload =
  /** First contact or the messenger's own start button (Telegram /start, VK "Начать"). */
  | { kind: 'start' }
  | { kind: 'text'; text: string }
  /** A slash command such as /menu; `command` is lower-case without the slash. */
  | { kind: 'command'; command: string; args: string }
  /** A press of one of our buttons; `payload` is what we put into the button. */
  | { kind: 'button'; payload: string }
  | { kind: 'location'; latitude: number; longitude: number }
  /** A shared contact card. We never store the number itself, only that one was shared. */
  | { kind: 'contact' }
  | { kind: 'unsupported'; media: UnsupportedMedia }
  /**
   * Something the system did to the citizen's dialog (a consultant took or closed their ticket). Adapters never
   * produce it: the consultant console hands it to the runner, so the engine changes the dialog in order with the
   * citizen's own events.
   */
  | { kind: 'system'; signal: SystemSignal };

export type SystemSignal =
  /** A consultant took the citizen's ticket. */
  | { type: 'handoff-taken'; ticketId: number }
  /** A consultant closed it with a resolution category: the chat is the assistant's again, and we ask for a rating. */
  | { type: 'handoff-closed'; ticketId: number; resolution: string; consultantId: number | null };

export type IncomingEvent = IncomingPayload & {
  /** Unique per platform (Telegram update_id, VK event_id, ...). Used for de-duplication. */
  eventId: string;
  platform: Platform;
  /** The person on the platform (stable id). */
  userId: string;
  /** Where replies go (equal to userId for private chats). */
  chatId: string;
  /** The platform's language code of the person, if it tells us (e.g. "ru", "en-US"). */
  languageCode?: string;
  /** The platform message that carried the pressed button, so the reply can edit it in place. */
  sourceMessageId?: string;
  /** Milliseconds since epoch when we received it. */
  receivedAt: number;
};

/** Parses "/cmd@bot args" into its parts; returns undefined for text that is not a command. */
export function parseCommand(text: string): { command: string; args: string } | undefined {
  const match = /^\/([a-zA-Z][a-zA-Z0-9_]{0,31})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  return { command: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() };
}
