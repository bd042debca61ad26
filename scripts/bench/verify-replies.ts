/**
 * Did every message get exactly one reply? Reads the assistant's SQLite file (after it stopped) next to what the
 * fake Bot API saw, and accounts for every update and every reply call:
 *
 * - each update the fake made available is stored once (inbound_events is unique by update_id) and processed;
 * - each processed event has its reply in the outbox (the transcript links both: the engine's replies are written
 *   in the same transaction just before the event's own line), and each outbox row was sent;
 * - each reply call the fake applied is one outbox row's delivery. A call no row accounts for is a duplicate: the
 *   message reached Telegram but the assistant did not learn it (killed before marking the row sent, or the call
 *   timed out on its side while Telegram still applied it), so it sent it again.
 * - per chat, the fake applied the rows' first deliveries in outbox order.
 */
import Database from 'better-sqlite3';
import type { AppliedSend, OfferedUpdate } from './citizen-crowd.js';

export interface ReplyAccount {
  /** Updates the fake made available. */
  updates: number;
  /** Updates that reached getUpdates more than once (not confirmed before a stop or crash). */
  redeliveredUpdates: number;
  /** Updates never stored, or stored but not processed (pending) or failed. */
  notStored: number;
  notProcessed: number;
  failed: number;
  /** Processed events without any reply in the outbox. */
  unanswered: number;
  /** Outbox rows not (yet) sent. */
  undelivered: number;
  /** Reply calls applied by the fake that no outbox row accounts for. */
  duplicates: number;
  /** Of those, calls the bot had abandoned (timed out) before the fake applied them. */
  duplicatesAbandoned: number;
  /** Chats whose rows the fake applied out of outbox order (first deliveries). */
  chatsOutOfOrder: number;
  /** Outbox rows (reply messages) in all. */
  replies: number;
  /** Examples of each problem, for the failure message. */
  examples: string[];
}

interface OutboxRow {
  id: number;
  chat_id: string;
  status: string;
  edit_message_id: string | null;
  platform_message_ids: string | null;
}

export function verifyReplies(
  databasePath: string,
  updates: Iterable<OfferedUpdate>,
  sends: readonly AppliedSend[],
): ReplyAccount {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const examples: string[] = [];
    const note = (what: string) => {
      if (examples.length < 20) examples.push(what);
    };
    const events = new Map<string, { id: number; status: string }>();
    for (const row of db
      .prepare(`SELECT id, event_id AS eventId, status FROM inbound_events WHERE platform = 'telegram'`)
      .all() as { id: number; eventId: string; status: string }[])
      events.set(row.eventId, row);

    // Which outbox rows each event produced: transcript lines per citizen in id order, replies before the event.
    const repliesOf = new Map<number, number[]>();
    let pendingReplies = new Map<number, number[]>();
    for (const line of db
      .prepare(
        'SELECT citizen_id AS citizenId, inbound_event_id AS inboundId, outbox_id AS outboxId FROM messages ORDER BY id',
      )
      .iterate() as Iterable<{ citizenId: number; inboundId: number | null; outboxId: number | null }>) {
      if (line.outboxId !== null) {
        const list = pendingReplies.get(line.citizenId) ?? [];
        list.push(line.outboxId);
        pendingReplies.set(line.citizenId, list);
      } else if (line.inboundId !== null) {
        repliesOf.set(line.inboundId, pendingReplies.get(line.citizenId) ?? []);
        pendingReplies.delete(line.citizenId);
      }
    }
    pendingReplies = new Map();

    let count = 0;
    let redelivered = 0;
    let notStored = 0;
    let notProcessed = 0;
    let failed = 0;
    let unanswered = 0;
    for (const update of updates) {
      count += 1;
      if (update.fetched > 1) redelivered += 1;
      const event = events.get(String(update.updateId));
      if (!event) {
        notStored += 1;
        note(`update ${update.updateId} (chat ${update.chatId}) was never stored`);
        continue;
      }
      if (event.status === 'pending') {
        notProcessed += 1;
        note(`update ${update.updateId} is stored but not processed`);
        continue;
      }
      if (event.status === 'failed') {
        failed += 1;
        note(`processing update ${update.updateId} failed`);
      }
      if ((repliesOf.get(event.id) ?? []).length === 0) {
        unanswered += 1;
        note(`update ${update.updateId} (${update.kind}, chat ${update.chatId}) got no reply`);
      }
    }

    const rows = db
      .prepare(
        `SELECT id, chat_id, status, edit_message_id, platform_message_ids FROM outbox WHERE platform = 'telegram' ORDER BY id`,
      )
      .all() as OutboxRow[];
    let undelivered = 0;
    // The rows each platform message id accounts for, oldest first (an edited message can be several rows').
    const rowsByMessage = new Map<string, number[]>();
    for (const row of rows) {
      if (row.status !== 'sent') {
        undelivered += 1;
        note(`outbox row ${row.id} (chat ${row.chat_id}) is ${row.status}`);
        continue;
      }
      for (const id of JSON.parse(row.platform_message_ids ?? '[]') as string[]) {
        const key = `${row.chat_id}:${id}`;
        const list = rowsByMessage.get(key) ?? [];
        list.push(row.id);
        rowsByMessage.set(key, list);
      }
    }

    let duplicates = 0;
    let abandoned = 0;
    const lastRowOfChat = new Map<number, number>();
    const outOfOrder = new Set<number>();
    for (const send of sends) {
      const key = `${send.chatId}:${send.messageId}`;
      const row = rowsByMessage.get(key)?.shift();
      if (row === undefined) {
        duplicates += 1;
        if (send.clientGone) abandoned += 1;
        note(
          `${send.method} of message ${send.messageId} in chat ${send.chatId} is not any outbox row's delivery${send.clientGone ? ' (the bot had abandoned the call)' : ''}`,
        );
        continue;
      }
      const previous = lastRowOfChat.get(send.chatId) ?? 0;
      if (row < previous && !outOfOrder.has(send.chatId)) {
        outOfOrder.add(send.chatId);
        note(`chat ${send.chatId}: outbox row ${row} was delivered after row ${previous}`);
      }
      lastRowOfChat.set(send.chatId, Math.max(previous, row));
    }
    return {
      updates: count,
      redeliveredUpdates: redelivered,
      notStored,
      notProcessed,
      failed,
      unanswered,
      undelivered,
      duplicates,
      duplicatesAbandoned: abandoned,
      chatsOutOfOrder: outOfOrder.size,
      replies: rows.length,
      examples,
    };
  } finally {
    db.close();
  }
}
