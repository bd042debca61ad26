/**
 * Queues a message for a citizen and records it in the transcript, as one step: every message that leaves us (the
 * assistant's replies, a consultant's answer, a complaint's status) is both delivered and part of the history the
 * console shows. Call it inside the caller's transaction.
 */
import type { Platform } from '../messaging/incoming-event.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import { toPlainText } from '../messaging/rich-text.js';
import type { MessageAuthor, Store } from './store.js';

export interface ReplyRecipient {
  id: number;
  platform: Platform;
  chatId: string;
}

export interface ReplyRecord {
  author: MessageAuthor;
  now: number;
  /** The platform's id of an earlier message of ours to replace in place. */
  editMessageId?: string | null;
  /** The transcript's text, when it must differ from the message (a private answer, the consultant's own words). */
  transcriptText?: string;
  detail?: string;
  consultantId?: number;
}

/** Returns the outbox id of the queued message. */
export function enqueueReply(
  store: Store,
  to: ReplyRecipient,
  message: OutgoingMessage,
  record: ReplyRecord,
): number {
  const outboxId = store.outbox.enqueue({
    citizenId: to.id,
    platform: to.platform,
    chatId: to.chatId,
    message,
    ...(record.editMessageId !== undefined ? { editMessageId: record.editMessageId } : {}),
    now: record.now,
  });
  store.transcript.append({
    citizenId: to.id,
    direction: 'out',
    author: record.author,
    kind: 'reply',
    text: record.transcriptText ?? toPlainText(message.text),
    outboxId,
    ...(record.detail !== undefined ? { detail: record.detail } : {}),
    ...(record.consultantId !== undefined ? { consultantId: record.consultantId } : {}),
    createdAt: record.now,
  });
  return outboxId;
}
