/**
 * The SQLite implementation of the storage port (drizzle-orm over better-sqlite3).
 * WAL mode with synchronous=NORMAL: a committed transaction survives a crash of the process (kill -9);
 * only the last transactions before a power loss of the machine could be lost.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { IncomingEvent, Platform } from '../messaging/incoming-event.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import { DatabaseOpenError } from './database-busy.js';
import * as schema from './schema.js';
import type {
  Citizen,
  ComplaintEvent,
  ComplaintFilter,
  ComplaintRecord,
  HandoffRecord,
  OutboxItem,
  Store,
  StoredEvent,
  TranscriptLine,
} from './store.js';
import { SEEN_PRECISION_MS } from './store.js';

/** The columns of a ticket as HandoffRecord names them (plain rows, without drizzle's mapping). */
const HANDOFF_COLUMNS = `id, citizen_id AS citizenId, reason, priority, status, created_at AS createdAt, closed_at AS closedAt,
             assigned_to AS assignedTo, assigned_at AS assignedAt, taken_at AS takenAt,
             first_response_at AS firstResponseAt, position_at_open AS positionAtOpen, alerted_at AS alertedAt,
             resolution, closed_by AS closedBy, rating, rating_comment AS ratingComment, rated_at AS ratedAt`;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

type OutboxRow = typeof schema.outbox.$inferSelect;
type CitizenRow = typeof schema.citizens.$inferSelect;

type DueRow = Omit<OutboxRow, 'message'>;

/** An outbox item's fields but its message. */
function outboxFields(row: DueRow): Omit<OutboxItem, 'message' | 'storedMessage'> {
  return {
    id: row.id,
    citizenId: row.citizenId,
    platform: row.platform as Platform,
    chatId: row.chatId,
    editMessageId: row.editMessageId,
    status: row.status as OutboxItem['status'],
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    platformMessageIds: row.platformMessageIds ? (JSON.parse(row.platformMessageIds) as string[]) : [],
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

function toOutboxItem(row: OutboxRow): OutboxItem {
  let message: OutgoingMessage | undefined;
  return {
    ...outboxFields(row),
    // Read when asked for: a sender in the Telegram thread takes storedMessage and reads it there.
    get message() {
      message ??= JSON.parse(row.message) as OutgoingMessage;
      return message;
    },
    storedMessage: row.message,
  };
}

/**
 * A due item reads its message by id when asked for, and does not keep it. Most rows a delivery tick reads are not
 * sent in it (their chat's previous message is still in flight), and the text of one that is goes to the sender's
 * thread at once: kept on the item, it lived as long as the send, often past two young collections, so it was
 * promoted (a heap sampling under load found a fifth of what survived young collections there).
 */
function toDueItem(row: DueRow, readMessage: (id: number) => string | undefined): OutboxItem {
  return {
    ...outboxFields(row),
    get message() {
      const stored = readMessage(row.id);
      // Only if the row went between the tick's query and the send (it does not: the send starts in the same turn).
      if (stored === undefined) throw new Error(`outbox message ${row.id} is no longer stored`);
      return JSON.parse(stored) as OutgoingMessage;
    },
    get storedMessage() {
      return readMessage(row.id);
    },
  };
}

function toCitizen(row: CitizenRow): Citizen {
  return { ...row, platform: row.platform as Platform };
}

/** A citizens row as drizzle would map it, read with a plain statement (`active` is 0/1 in SQLite). */
const CITIZEN_COLUMNS = `id, platform, platform_user_id AS platformUserId, chat_id AS chatId, locale, region,
  consent_at AS consentAt, active, created_at AS createdAt, last_seen_at AS lastSeenAt`;
const CITIZEN_SELECT = `SELECT ${CITIZEN_COLUMNS} FROM citizens`;
/** The columns a citizen's update may set (Store['citizens']['update']). */
const CITIZEN_PATCH_COLUMNS = {
  locale: 'locale',
  region: 'region',
  consentAt: 'consent_at',
  active: 'active',
  lastSeenAt: 'last_seen_at',
  chatId: 'chat_id',
} as const;
function citizenRow(row: unknown): CitizenRow | undefined {
  if (!row) return undefined;
  const r = row as Omit<CitizenRow, 'active'> & { active: unknown };
  return { ...r, active: r.active === 1 };
}

type ComplaintRow = typeof schema.complaints.$inferSelect;

function toComplaint(row: ComplaintRow): ComplaintRecord {
  return {
    ...row,
    about: row.about as ComplaintRecord['about'],
    status: row.status as ComplaintRecord['status'],
  };
}

function complaintWhere(filter: Omit<ComplaintFilter, 'limit' | 'offset'>): SQL | undefined {
  const { complaints } = schema;
  const statuses =
    filter.status === undefined
      ? []
      : typeof filter.status === 'string'
        ? [filter.status]
        : [...filter.status];
  const conditions = [
    ...(statuses.length > 0 ? [inArray(complaints.status, statuses)] : []),
    ...(filter.region !== undefined ? [eq(complaints.region, filter.region)] : []),
    ...(filter.citizenId !== undefined ? [eq(complaints.citizenId, filter.citizenId)] : []),
  ];
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export interface SqliteStoreOptions {
  /** How long a write waits for a lock held by another connection before failing (ms). */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) the database at `path` (or ":memory:") and applies the migrations. */
export function createSqliteStore(
  path: string,
  options: SqliteStoreOptions = {},
): Store & { readonly sqlite: Database.Database } {
  let sqlite: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
  } catch (error) {
    throw new DatabaseOpenError(path, (error as Error).message);
  }
  sqlite.pragma('synchronous = NORMAL');
  // Deleted rows are overwritten, not left in free pages of the file: /forget must really remove what a person
  // asked to delete (their answers, complaints, conversation), not only unlink it.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('foreign_keys = ON');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection; it filled under load and was 12 MB of the
  // assistant's peak memory (184 → 172 MB in the bench) for no measurable speed: the hot pages are few (the tails
  // of the tables and indexes), and the operating system caches the rest of the file anyway.
  sqlite.pragma('cache_size = -4000');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  const { citizens, inboundEvents, messages, outbox, feedback, handoffs, complaints, complaintEvents } =
    schema;

  // The statements of every incoming event and every delivery, prepared once: otherwise drizzle builds the query
  // and SQLite compiles it on each call, which was the largest cost in the load profile (scripts/bench). They are
  // plain better-sqlite3 statements: drizzle's placeholder filling and result mapping cost more than the query.
  const hot = {
    citizenOfUser: sqlite.prepare(
      `${CITIZEN_SELECT} WHERE platform = @platform AND platform_user_id = @userId`,
    ),
    citizenSeen: sqlite.prepare('UPDATE citizens SET last_seen_at = @now, chat_id = @chatId WHERE id = @id'),
    citizen: sqlite.prepare(`${CITIZEN_SELECT} WHERE id = @id`),
    // A surge brings new people as much as questions: drizzle built and SQLite compiled this insert for each one.
    insertCitizen: sqlite.prepare(`
      INSERT INTO citizens (platform, platform_user_id, chat_id, locale, created_at, last_seen_at)
      VALUES (@platform, @userId, @chatId, @locale, @now, @now)
      RETURNING ${CITIZEN_COLUMNS}`),
    dialogState: sqlite.prepare('SELECT version, state FROM dialog_states WHERE citizen_id = @citizenId'),
    saveDialogState: sqlite.prepare(`
      INSERT INTO dialog_states (citizen_id, version, state, updated_at) VALUES (@citizenId, @version, @state, @now)
      ON CONFLICT (citizen_id) DO UPDATE SET version = excluded.version, state = excluded.state,
        updated_at = excluded.updated_at`),
    insertEvent: sqlite.prepare(`
      INSERT INTO inbound_events (platform, event_id, citizen_id, event, received_at)
      VALUES (@platform, @eventId, @citizenId, @event, @receivedAt) ON CONFLICT DO NOTHING`),
    event: sqlite.prepare(
      'SELECT id, citizen_id AS citizenId, event, status FROM inbound_events WHERE id = ?',
    ),
    eventStatus: sqlite.prepare(
      'SELECT id, citizen_id AS citizenId, status FROM inbound_events WHERE id = ?',
    ),
    finishEvent: sqlite.prepare(
      'UPDATE inbound_events SET status = @status, processed_at = @now WHERE id = @id',
    ),
    appendLine: sqlite.prepare(`
      INSERT INTO messages (citizen_id, direction, author, kind, text, inbound_event_id, outbox_id, outcome, confidence,
        entry_id, topic, detail, consultant_id, created_at)
      VALUES (@citizenId, @direction, @author, @kind, @text, @inboundEventId, @outboxId, @outcome, @confidence,
        @entryId, @topic, @detail, @consultantId, @createdAt)`),
    enqueue: sqlite.prepare(`
      INSERT INTO outbox (citizen_id, platform, chat_id, message, edit_message_id, next_attempt_at, created_at)
      VALUES (@citizenId, @platform, @chatId, @message, @editMessageId, @now, @now)`),
    // The oldest pending message of each chat (a chat's messages go out in order), due now, oldest first. It walks
    // the pending rows in id order (partial index of migration 0003) and stops after `limit` heads, each checked
    // with one probe of the per-chat index: the cost follows the limit, not the number of chats waiting.
    due: sqlite.prepare(`
      SELECT o.id, o.citizen_id AS citizenId, o.platform, o.chat_id AS chatId, o.edit_message_id AS editMessageId,
             o.status, o.attempts, o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError,
             o.platform_message_ids AS platformMessageIds, o.created_at AS createdAt, o.sent_at AS sentAt
      FROM outbox o INDEXED BY outbox_pending
      WHERE o.status = 'pending' AND o.next_attempt_at <= ?
        AND o.id NOT IN (SELECT value FROM json_each(?))
        AND NOT EXISTS (
          SELECT 1 FROM outbox p INDEXED BY outbox_pending_chat
          WHERE p.status = 'pending' AND p.platform = o.platform AND p.chat_id = o.chat_id AND p.id < o.id)
      ORDER BY o.id LIMIT ?`),
    outboxMessage: sqlite.prepare('SELECT message FROM outbox WHERE id = ?').pluck(),
    markSent: sqlite.prepare(`
      UPDATE outbox SET status = 'sent', sent_at = @now, platform_message_ids = @ids, attempts = attempts + 1
      WHERE id = @id`),
    nextDueAt: sqlite.prepare("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'").pluck(),
    // Read for every event (the queue place, the console's queue page): plain rows, without drizzle's mapping.
    openHandoffs: sqlite.prepare(`
      SELECT ${HANDOFF_COLUMNS}
      FROM handoffs WHERE status = 'open' ORDER BY id`),
    handoff: sqlite.prepare(`
      SELECT ${HANDOFF_COLUMNS}
      FROM handoffs WHERE id = ?`),
    openHandoff: sqlite.prepare(`
      INSERT INTO handoffs (citizen_id, reason, priority, created_at, position_at_open)
      VALUES (@citizenId, @reason, @priority, @now, @positionAtOpen)
      RETURNING ${HANDOFF_COLUMNS}`),
    handoffStatus: sqlite.prepare('UPDATE handoffs SET status = @status, closed_at = @now WHERE id = @id'),
    // Changes with every write to handoffs (triggers of migration 0004): the open tickets are read again only then.
    handoffsGeneration: sqlite.prepare('SELECT value FROM handoffs_generation WHERE id = 1').pluck(),
  };
  const readOutboxMessage = (id: number) => hot.outboxMessage.get(id) as string | undefined;

  /** A citizen's update by the columns it sets (a consent, a region: a few combinations, each prepared once). */
  const citizenUpdates = new Map<string, Database.Statement>();
  function citizenUpdate(keys: readonly (keyof typeof CITIZEN_PATCH_COLUMNS)[]): Database.Statement {
    const cacheKey = keys.join(',');
    let statement = citizenUpdates.get(cacheKey);
    if (!statement) {
      const assignments = keys.map((key) => `${CITIZEN_PATCH_COLUMNS[key]} = @${key}`).join(', ');
      statement = sqlite.prepare(`UPDATE citizens SET ${assignments} WHERE id = @id`);
      citizenUpdates.set(cacheKey, statement);
    }
    return statement;
  }

  /**
   * The open tickets, cached until handoffs change. Every hand-off event read them up to three times (the queue
   * place for the engine, the new ticket's place, the console's queue), which was the largest single cost in the
   * load profile with a few hundred open. The rows are frozen: callers share them.
   */
  let openCache: { generation: Buffer; rows: readonly HandoffRecord[] } | undefined;
  function openHandoffs(): readonly HandoffRecord[] {
    const generation = hot.handoffsGeneration.get() as Buffer;
    if (!openCache?.generation.equals(generation)) {
      const rows = hot.openHandoffs.all() as HandoffRecord[];
      for (const row of rows) Object.freeze(row);
      openCache = { generation, rows };
    }
    return openCache.rows;
  }

  /**
   * Runs a write to one ticket and keeps the cache of open tickets current without reading them all again: the
   * ticket is read back and put in (or taken out). Only when the cache was current before the write, and inside a
   * transaction (a savepoint when nested), so no other connection's write slips in between; if the surrounding
   * transaction rolls back, the generation goes back to its old value and the cache no longer matches it.
   */
  const inTransaction = sqlite.transaction(<T>(run: () => T): T => run());
  function writeTicket<T>(write: () => T, ticketId: (result: T) => number | undefined): T {
    return inTransaction(() => {
      const before = hot.handoffsGeneration.get() as Buffer;
      const current = openCache?.generation.equals(before) ? openCache : undefined;
      const result = write();
      const id = ticketId(result);
      if (current && id !== undefined) {
        const row = hot.handoff.get(id) as HandoffRecord | undefined;
        const rows = current.rows.filter((h) => h.id !== id);
        if (row?.status === 'open') {
          Object.freeze(row);
          const at = rows.findIndex((h) => h.id > id);
          rows.splice(at < 0 ? rows.length : at, 0, row);
        }
        openCache = { generation: hot.handoffsGeneration.get() as Buffer, rows };
      }
      return result;
    }) as T;
  }

  const store: Store & { sqlite: Database.Database } = {
    sqlite,
    citizens: {
      findOrCreate(platform, platformUserId, chatId, init) {
        const found = citizenRow(hot.citizenOfUser.get({ platform, userId: platformUserId }));
        if (found) {
          if (found.chatId === chatId && init.now - found.lastSeenAt < SEEN_PRECISION_MS)
            return toCitizen(found);
          hot.citizenSeen.run({ id: found.id, now: init.now, chatId });
          return toCitizen({ ...found, chatId, lastSeenAt: init.now });
        }
        const row = hot.insertCitizen.get({
          platform,
          userId: platformUserId,
          chatId,
          locale: init.locale,
          now: init.now,
        });
        return toCitizen(citizenRow(row)!);
      },
      get(id) {
        const row = citizenRow(hot.citizen.get({ id }));
        return row ? toCitizen(row) : undefined;
      },
      update(id, patch) {
        const keys = (Object.keys(patch) as (keyof typeof patch)[]).filter(
          (key) => Object.hasOwn(CITIZEN_PATCH_COLUMNS, key) && patch[key] !== undefined,
        );
        if (keys.length === 0) return;
        const values: Record<string, unknown> = { id };
        for (const key of keys) values[key] = key === 'active' ? Number(patch.active) : patch[key];
        citizenUpdate(keys).run(values);
      },
      forget(id) {
        // Foreign keys cascade to states, events, transcript, outbox, feedback and hand-offs.
        db.delete(citizens).where(eq(citizens.id, id)).run();
      },
    },
    dialogs: {
      load(citizenId) {
        const row = hot.dialogState.get({ citizenId }) as { version: number; state: string } | undefined;
        return row ? { version: row.version, state: JSON.parse(row.state) as unknown } : undefined;
      },
      save(citizenId, version, state, now) {
        hot.saveDialogState.run({ citizenId, version, state: JSON.stringify(state), now });
      },
    },
    inbox: {
      insert(citizenId, event) {
        const result = hot.insertEvent.run({
          platform: event.platform,
          eventId: event.eventId,
          citizenId,
          event: JSON.stringify(event),
          receivedAt: event.receivedAt,
        });
        return result.changes > 0
          ? { status: 'inserted', id: Number(result.lastInsertRowid) }
          : { status: 'duplicate' };
      },
      get(id) {
        const row = hot.event.get(id) as
          | { id: number; citizenId: number; event: string; status: string }
          | undefined;
        return row
          ? {
              id: row.id,
              citizenId: row.citizenId,
              event: JSON.parse(row.event) as IncomingEvent,
              status: row.status as StoredEvent['status'],
            }
          : undefined;
      },
      statusOf(id) {
        return hot.eventStatus.get(id) as Omit<StoredEvent, 'event'> | undefined;
      },
      finish(id, status, now) {
        hot.finishEvent.run({ id, status, now });
      },
      redact(id, event) {
        db.update(inboundEvents)
          .set({ event: JSON.stringify(event) })
          .where(eq(inboundEvents.id, id))
          .run();
      },
      pending(limit) {
        return db
          .select()
          .from(inboundEvents)
          .where(eq(inboundEvents.status, 'pending'))
          .orderBy(asc(inboundEvents.id))
          .limit(limit)
          .all()
          .map((row) => ({
            id: row.id,
            citizenId: row.citizenId,
            event: JSON.parse(row.event) as IncomingEvent,
            status: 'pending' as const,
          }));
      },
    },
    transcript: {
      append(record) {
        const result = hot.appendLine.run({
          ...record,
          inboundEventId: record.inboundEventId ?? null,
          outboxId: record.outboxId ?? null,
          outcome: record.outcome ?? null,
          confidence: record.confidence ?? null,
          entryId: record.entryId ?? null,
          topic: record.topic ?? null,
          detail: record.detail ?? null,
          consultantId: record.consultantId ?? null,
        });
        return Number(result.lastInsertRowid);
      },
      list(citizenId, limit = 500) {
        return db
          .select()
          .from(messages)
          .where(eq(messages.citizenId, citizenId))
          .orderBy(desc(messages.id))
          .limit(limit)
          .all()
          .reverse() as TranscriptLine[];
      },
    },
    outbox: {
      enqueue(item) {
        const result = hot.enqueue.run({
          citizenId: item.citizenId,
          platform: item.platform,
          chatId: item.chatId,
          message: JSON.stringify(item.message),
          editMessageId: item.editMessageId ?? null,
          now: item.now,
        });
        return Number(result.lastInsertRowid);
      },
      get(id) {
        const row = db.select().from(outbox).where(eq(outbox.id, id)).get();
        return row ? toOutboxItem(row) : undefined;
      },
      due(now, limit, except = []) {
        return (hot.due.all(now, JSON.stringify(except), limit) as DueRow[]).map((row) =>
          toDueItem(row, readOutboxMessage),
        );
      },
      markSent(id, platformMessageIds, now) {
        hot.markSent.run({ id, now, ids: JSON.stringify(platformMessageIds) });
      },
      markRetry(id, nextAttemptAt, error) {
        db.update(outbox)
          .set({ nextAttemptAt, lastError: error.slice(0, 500), attempts: sql`${outbox.attempts} + 1` })
          .where(eq(outbox.id, id))
          .run();
      },
      markDead(id, error) {
        db.update(outbox)
          .set({ status: 'dead', lastError: error.slice(0, 500), attempts: sql`${outbox.attempts} + 1` })
          .where(eq(outbox.id, id))
          .run();
      },
      dropPendingOf(citizenId, error) {
        return db
          .update(outbox)
          .set({ status: 'dead', lastError: error.slice(0, 500) })
          .where(and(eq(outbox.citizenId, citizenId), eq(outbox.status, 'pending')))
          .run().changes;
      },
      pendingCount() {
        return (
          db.select({ n: sql<number>`count(*)` }).from(outbox).where(eq(outbox.status, 'pending')).get()?.n ??
          0
        );
      },
      nextDueAt() {
        return (hot.nextDueAt.get() as number | null) ?? undefined;
      },
      listForChat(platform, chatId, afterId, limit) {
        // By the chat's citizens (citizens_chat, then outbox_citizen, whose entries are in id order per citizen):
        // there is no index of the whole outbox by chat (migration 0006).
        const ofChat = db
          .select({ id: citizens.id })
          .from(citizens)
          .where(and(eq(citizens.platform, platform), eq(citizens.chatId, chatId)));
        return db
          .select()
          .from(outbox)
          .where(
            and(
              inArray(outbox.citizenId, ofChat),
              eq(outbox.platform, platform),
              eq(outbox.chatId, chatId),
              gt(outbox.id, afterId),
            ),
          )
          .orderBy(asc(outbox.id))
          .limit(limit)
          .all()
          .map(toOutboxItem);
      },
    },
    feedback: {
      add(citizenId, entryId, helpful, now) {
        db.insert(feedback).values({ citizenId, entryId, helpful, createdAt: now }).run();
      },
    },
    handoffs: {
      open(citizenId, reason, priority, now, positionAtOpen) {
        return writeTicket(
          () =>
            hot.openHandoff.get({
              citizenId,
              reason,
              priority,
              now,
              positionAtOpen: positionAtOpen ?? null,
            }) as HandoffRecord,
          (row) => row.id,
        );
      },
      get(id) {
        return hot.handoff.get(id) as HandoffRecord | undefined;
      },
      openFor(citizenId) {
        const open = openHandoffs().findLast((h) => h.citizenId === citizenId);
        return open ? { ...open } : undefined;
      },
      setStatus(id, status, now) {
        writeTicket(
          () => hot.handoffStatus.run({ id, status, now }),
          () => id,
        );
      },
      setPriority(id, priority) {
        writeTicket(
          () => db.update(handoffs).set({ priority }).where(eq(handoffs.id, id)).run(),
          () => id,
        );
      },
      listOpen() {
        return openHandoffs().slice();
      },
      assign(id, consultantId, now, options = {}) {
        const conditions = [eq(handoffs.id, id), eq(handoffs.status, 'open')];
        if (options.onlyIfWaiting) conditions.push(isNull(handoffs.assignedTo));
        return writeTicket(
          () =>
            db
              .update(handoffs)
              .set({
                assignedTo: consultantId,
                assignedAt: now,
                takenAt: sql`coalesce(${handoffs.takenAt}, ${now})`,
              })
              .where(and(...conditions))
              .run().changes > 0,
          () => id,
        );
      },
      markFirstResponse(id, now) {
        writeTicket(
          () =>
            db
              .update(handoffs)
              .set({ firstResponseAt: now })
              .where(and(eq(handoffs.id, id), isNull(handoffs.firstResponseAt)))
              .run(),
          () => id,
        );
      },
      markAlerted(id, now) {
        writeTicket(
          () => db.update(handoffs).set({ alertedAt: now }).where(eq(handoffs.id, id)).run(),
          () => id,
        );
      },
      close(id, closing) {
        return writeTicket(
          () =>
            db
              .update(handoffs)
              .set({
                status: 'closed',
                closedAt: closing.now,
                resolution: closing.resolution,
                closedBy: closing.closedBy,
              })
              .where(and(eq(handoffs.id, id), eq(handoffs.status, 'open')))
              .run().changes > 0,
          () => id,
        );
      },
      rate(id, score, now) {
        db.update(handoffs).set({ rating: score, ratedAt: now }).where(eq(handoffs.id, id)).run();
      },
      comment(id, text) {
        db.update(handoffs).set({ ratingComment: text }).where(eq(handoffs.id, id)).run();
      },
      recentlyTaken(limit) {
        return db
          .select()
          .from(handoffs)
          .where(isNotNull(handoffs.takenAt))
          .orderBy(desc(handoffs.takenAt))
          .limit(limit)
          .all() as HandoffRecord[];
      },
    },
    complaints: {
      create(input) {
        const { now, ...fields } = input;
        const row = db
          .insert(complaints)
          .values({ ...fields, status: 'new', createdAt: now, updatedAt: now })
          .returning()
          .get();
        db.insert(complaintEvents)
          .values({ complaintId: row.id, status: 'new', byWho: 'citizen', createdAt: now })
          .run();
        return toComplaint(row);
      },
      get(id) {
        const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
        return row ? toComplaint(row) : undefined;
      },
      list(filter = {}) {
        return db
          .select()
          .from(complaints)
          .where(complaintWhere(filter))
          .orderBy(desc(complaints.id))
          .limit(Math.min(Math.max(filter.limit ?? 100, 1), 500))
          .offset(Math.max(filter.offset ?? 0, 0))
          .all()
          .map(toComplaint);
      },
      count(filter = {}) {
        return (
          db.select({ n: sql<number>`count(*)` }).from(complaints).where(complaintWhere(filter)).get()?.n ?? 0
        );
      },
      setStatus(id, status, now) {
        db.update(complaints).set({ status, updatedAt: now }).where(eq(complaints.id, id)).run();
      },
      addEvent(event) {
        return db.insert(complaintEvents).values(event).returning({ id: complaintEvents.id }).get().id;
      },
      events(complaintId) {
        return db
          .select()
          .from(complaintEvents)
          .where(eq(complaintEvents.complaintId, complaintId))
          .orderBy(asc(complaintEvents.id))
          .all() as ComplaintEvent[];
      },
    },
    transaction(fn) {
      // BEGIN IMMEDIATE takes the write lock first (waiting busy_timeout for another connection to let go), so a
      // transaction that reads and then writes cannot fail halfway with SQLITE_BUSY when it upgrades its lock.
      // One wrapper for all calls: better-sqlite3 builds five functions for each `transaction()` (~1% of the load
      // profile when made per event).
      return inTransaction.immediate(fn) as ReturnType<typeof fn>;
    },
    ping() {
      try {
        return sqlite.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
  return store;
}
