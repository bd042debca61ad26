/**
 * The database schema (drizzle). Migrations in `drizzle/` are generated from this file with `npm run db:generate`
 * and applied at start. Everything a citizen said and everything we sent is kept, so a crash loses nothing.
 */

import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const citizens = sqliteTable(
  'citizens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    chatId: text('chat_id').notNull(),
    locale: text('locale').notNull().default('ru'),
    /** perm | volgograd | other, when the person told us. */
    region: text('region'),
    /** When the personal-data notice was shown at first contact. */
    consentAt: integer('consent_at'),
    /** 0 when the person blocked us (Telegram 403, VK 901/902): we stop sending. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('citizens_platform_user').on(t.platform, t.platformUserId)],
);

export const dialogStates = sqliteTable('dialog_states', {
  citizenId: integer('citizen_id')
    .primaryKey()
    .references(() => citizens.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  state: text('state').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Every incoming event, stored before it is processed; (platform, event_id) de-duplicates redeliveries. */
export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    eventId: text('event_id').notNull(),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    /** The IncomingEvent as JSON. */
    event: text('event').notNull(),
    /** pending → done | failed */
    status: text('status').notNull().default('pending'),
    receivedAt: integer('received_at').notNull(),
    processedAt: integer('processed_at'),
  },
  (t) => [
    uniqueIndex('inbound_platform_event').on(t.platform, t.eventId),
    index('inbound_status').on(t.status, t.id),
  ],
);

/** The transcript: every inbound and outbound message, with what search made of it. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull(),
    /** citizen | assistant | consultant | system */
    author: text('author').notNull(),
    /** text, button, command, start, location, contact, unsupported, reply */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    inboundEventId: integer('inbound_event_id'),
    outboxId: integer('outbox_id'),
    /** answer | clarify | handoff | refuse | other (for inbound free text and button presses). */
    outcome: text('outcome'),
    confidence: real('confidence'),
    entryId: text('entry_id'),
    topic: text('topic'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('messages_citizen').on(t.citizenId, t.id)],
);

/** Messages waiting to be delivered (and delivered ones, for the record). */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    /** OutgoingMessage as JSON. */
    message: text('message').notNull(),
    /** The platform's id of an earlier message of ours to replace in place (the one whose button was pressed). */
    editMessageId: text('edit_message_id'),
    /** pending → sent | dead */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    platformMessageIds: text('platform_message_ids'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_chat').on(t.platform, t.chatId, t.id),
  ],
);

export const feedback = sqliteTable('feedback', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  citizenId: integer('citizen_id')
    .notNull()
    .references(() => citizens.id, { onDelete: 'cascade' }),
  entryId: text('entry_id').notNull(),
  helpful: integer('helpful', { mode: 'boolean' }).notNull(),
  createdAt: integer('created_at').notNull(),
});

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    /** user_request | negative_feedback | failed_searches | crisis | not_found | personal_case */
    reason: text('reason').notNull(),
    /** urgent | normal */
    priority: text('priority').notNull(),
    /** open | cancelled | closed */
    status: text('status').notNull().default('open'),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [index('handoffs_status').on(t.status, t.priority, t.createdAt)],
);
