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
 * - per chat, the fake applied the rows' first deliveries of new messages in outbox order (edits are counted per
 *   message, see below).
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
  /**
   * Texts written while waiting for a consultant: they go to the consultant, and by design get no automatic reply
   * (after the first acknowledgement). Not counted as unanswered.
   */
  relayed: number;
  /** Events the engine ran more than once (more than one transcript line of their own). */
  processedTwice: number;
  /** Outbox rows not (yet) sent. */
  undelivered: number;
  /** Reply calls applied by the fake that no outbox row accounts for. */
  duplicates: number;
  /** Of those, calls the bot had abandoned (timed out) before the fake applied them. */
  duplicatesAbandoned: number;
  /** The duplicate calls themselves. */
  duplicateSends: AppliedSend[];
  /** Chats whose rows the fake applied out of outbox order (first deliveries). */
  chatsOutOfOrder: number;
  /** Those chats. */
  outOfOrderChats: number[];
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
    const linesOf = new Map<number, number>();
    const relayedEvents = new Set<number>();
    let pendingReplies = new Map<number, number[]>();
    for (const line of db
      .prepare(
        'SELECT citizen_id AS citizenId, inbound_event_id AS inboundId, outbox_id AS outboxId, detail FROM messages ORDER BY id',
      )
      .iterate() as Iterable<{
      citizenId: number;
      inboundId: number | null;
      outboxId: number | null;
      detail: string | null;
    }>) {
      if (line.outboxId !== null) {
        const list = pendingReplies.get(line.citizenId) ?? [];
        list.push(line.outboxId);
        pendingReplies.set(line.citizenId, list);
      } else if (line.inboundId !== null) {
        linesOf.set(line.inboundId, (linesOf.get(line.inboundId) ?? 0) + 1);
        if (line.detail === 'relayed') relayedEvents.add(line.inboundId);
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
    let processedTwice = 0;
    let relayed = 0;
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
      if ((linesOf.get(event.id) ?? 0) > 1) {
        processedTwice += 1;
        note(`update ${update.updateId} was processed ${linesOf.get(event.id)} times`);
      }
      if ((repliesOf.get(event.id) ?? []).length === 0 && relayedEvents.has(event.id)) {
        relayed += 1;
      } else if ((repliesOf.get(event.id) ?? []).length === 0) {
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
    // The rows each call accounts for, oldest first: a row's first part is an edit of the message it was to replace
    // when its id is that message's, every other id is a sendMessage (a message edited again is several rows').
    const rowsByMessage = new Map<string, number[]>();
    const callKey = (chatId: string | number, method: AppliedSend['method'], messageId: string | number) =>
      `${chatId}:${method}:${messageId}`;
    for (const row of rows) {
      if (row.status !== 'sent') {
        undelivered += 1;
        note(`outbox row ${row.id} (chat ${row.chat_id}) is ${row.status}`);
        continue;
      }
      const ids = JSON.parse(row.platform_message_ids ?? '[]') as string[];
      for (const [i, id] of ids.entries()) {
        const method = i === 0 && row.edit_message_id === id ? 'editMessageText' : 'sendMessage';
        const key = callKey(row.chat_id, method, id);
        const list = rowsByMessage.get(key) ?? [];
        list.push(row.id);
        rowsByMessage.set(key, list);
      }
    }

    const duplicateSends: AppliedSend[] = [];
    let abandoned = 0;
    const lastRowOfChat = new Map<number, number>();
    const outOfOrder = new Set<number>();
    // Edits are counted per message: which of several rows editing one message a call delivered cannot be told
    // from the outside, since an edit to what the message already says ("message is not modified") is both how a
    // row is delivered when the same button is pressed twice and how an edit repeated after a restart looks. Edits
    // the person could see beyond the rows that edit that message are duplicates.
    const visibleEdits = new Map<string, AppliedSend[]>();
    for (const send of sends) {
      if (send.method !== 'editMessageText') continue;
      if (send.noChange) continue;
      const key = callKey(send.chatId, send.method, send.messageId);
      const list = visibleEdits.get(key) ?? [];
      list.push(send);
      visibleEdits.set(key, list);
    }
    for (const [key, calls] of visibleEdits) {
      for (const send of calls.slice(rowsByMessage.get(key)?.length ?? 0)) {
        duplicateSends.push(send);
        if (send.clientGone) abandoned += 1;
        note(`editMessageText of message ${send.messageId} in chat ${send.chatId} is one more than its rows`);
      }
    }
    // New messages are told apart by their ids: their order per chat is checked against the outbox.
    for (const send of sends) {
      if (send.method !== 'sendMessage') continue;
      const row = rowsByMessage.get(callKey(send.chatId, send.method, send.messageId))?.shift();
      if (row === undefined) {
        duplicateSends.push(send);
        if (send.clientGone) abandoned += 1;
        note(
          `${send.method} of message ${send.messageId} in chat ${send.chatId} is not any outbox row's delivery${send.clientGone ? ' (the bot had abandoned the call)' : ''}`,
        );
        continue;
      }
      const previous = lastRowOfChat.get(send.chatId) ?? 0;
      if (row < previous && !outOfOrder.has(send.chatId)) {
        outOfOrder.add(send.chatId);
        note(
          `chat ${send.chatId}: outbox row ${row} (${send.method} of message ${send.messageId}) was delivered after row ${previous}`,
        );
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
      processedTwice,
      relayed,
      undelivered,
      duplicates: duplicateSends.length,
      duplicatesAbandoned: abandoned,
      duplicateSends,
      chatsOutOfOrder: outOfOrder.size,
      outOfOrderChats: [...outOfOrder],
      replies: rows.length,
      examples,
    };
  } finally {
    db.close();
  }
}
