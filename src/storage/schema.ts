/**
 * The database schema (drizzle). Migrations in `drizzle/` are generated from this file with `npm run db:generate`
 * and applied at start. Everything a citizen said and everything we sent is kept, so a crash loses nothing.
 */

import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * Retention runs daily over everything older than RETENTION_DAYS, and rows are never deleted. The three tables that
 * grow with every message (inbound_events, messages, outbox) get rows in time order, so retention keeps how far it
 * has come in each (retention_marks, below) and a daily run reads by primary key just the rows that came of age since
 * the last one: no index of its own on the hot path. Partial indexes of the rows still to anonymise did that job
 * before (migration 0008) and cost ~7% of the storage CPU per message (an index entry for every inbound event,
 * transcript line and outbox message written, removed again when anonymised). Citizens are not in time order: the
 * quiet ones are found through citizens_seen, whose entry moves at most once a minute per citizen
 * (SEEN_PRECISION_MS). Tables retention reads that stay small (complaints, notes, ratings, proposals) have none.
 */

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
  (t) => [
    uniqueIndex('citizens_platform_user').on(t.platform, t.platformUserId),
    // A chat's outbox is found through its citizen (outbox_citizen): see the outbox's indexes.
    index('citizens_chat').on(t.platform, t.chatId),
    // Retention's quiet citizens, and the web chat's idle sessions (sqlite-idle-sessions.ts): see above.
    index('citizens_seen').on(t.lastSeenAt).where(sql`platform_user_id NOT LIKE 'anonymised:%'`),
  ],
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
    // Only the events waiting to be processed (recovery after a restart reads them in id order): an index of every
    // event by status moved each event's entry once more when it was done.
    index('inbound_pending').on(t.id).where(sql`status = 'pending'`),
    // Removing a person (/forget) deletes their events by this foreign key: without it, a scan of every event.
    index('inbound_citizen').on(t.citizenId),
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
    /** How the engine got there (search band, intent, flow), for reports of what the assistant could not answer. */
    detail: text('detail'),
    /** The consultant who wrote an outbound consultant message. */
    consultantId: integer('consultant_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('messages_citizen').on(t.citizenId, t.id),
    // The console's statistics by day.
    index('messages_created').on(t.createdAt),
  ],
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
    // The earliest retry among the pending messages (the worker's next wake-up); only the pending rows, as below.
    index('outbox_due').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    // Removing a person (/forget) deletes their messages by this foreign key: without it, a scan of the whole outbox
    // (~0.3 s for 200,000 messages, the event loop held all the while). The web chat reads a chat's messages by it
    // too: an index of every message by (platform, chat) took an insert into a page of its own for nearly every
    // message (1,000 chats, text keys), 5–20% of the storage work per message in alternating runs (migration 0006).
    index('outbox_citizen').on(t.citizenId),
    // The delivery worker looks for the oldest pending messages, each the first pending one of its chat, many times
    // a second: these indexes hold only the pending rows (in id order, and by chat), so that search stops after
    // the few it needs and never touches the sent history.
    index('outbox_pending').on(t.id).where(sql`status = 'pending'`),
    index('outbox_pending_chat').on(t.platform, t.chatId, t.id).where(sql`status = 'pending'`),
  ],
);

export const feedback = sqliteTable(
  'feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    entryId: text('entry_id').notNull(),
    helpful: integer('helpful', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  // Every foreign key has an index, so that a cascade looks rows up (tests/unit/storage/foreign-key-indexes.test.ts).
  (t) => [index('feedback_citizen').on(t.citizenId)],
);

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
    /** The consultant working on it (null while it waits in the queue). */
    assignedTo: integer('assigned_to'),
    /** When the current consultant got it (a transfer sets it again: the unattended alert counts from it). */
    assignedAt: integer('assigned_at'),
    /** When a consultant first took it, the end of its wait in the queue (a transfer leaves it). */
    takenAt: integer('taken_at'),
    /** The first consultant reply (for the first-response time). */
    firstResponseAt: integer('first_response_at'),
    /** Its place in the queue when it opened (for wait estimates). */
    positionAtOpen: integer('position_at_open'),
    /** When supervisors were told nobody took it. */
    alertedAt: integer('alerted_at'),
    /** The resolution category chosen when closing (see src/console/resolutions.ts). */
    resolution: text('resolution'),
    closedBy: integer('closed_by'),
    /** The citizen's rating 1–5 of the help, and an optional comment. */
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: integer('rated_at'),
  },
  (t) => [
    index('handoffs_status').on(t.status, t.priority, t.createdAt),
    index('handoffs_citizen').on(t.citizenId, t.status),
    index('handoffs_created').on(t.createdAt),
    index('handoffs_taken').on(t.takenAt),
  ],
);

/** Console accounts: consultants, supervisors and curators. Never deleted, only deactivated. */
export const consultants = sqliteTable(
  'consultants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    /** consultant | supervisor | curator */
    role: text('role').notNull(),
    /** scrypt$N$r$p$salt$hash (see src/console/auth/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Takes tickets now (off during a break); auto-assignment only gives tickets to available consultants. */
    available: integer('available', { mode: 'boolean' }).notNull().default(true),
    /** Most open tickets auto-assignment gives them (null: QUEUE_MAX_PER_CONSULTANT). */
    maxTickets: integer('max_tickets'),
    lastAssignedAt: integer('last_assigned_at'),
    createdAt: integer('created_at').notNull(),
    lastLoginAt: integer('last_login_at'),
  },
  (t) => [uniqueIndex('consultants_login').on(t.login)],
);

/** Console sessions. The id is the SHA-256 of the cookie value, so a copy of the database opens no session. */
export const consoleSessions = sqliteTable(
  'console_sessions',
  {
    id: text('id').primaryKey(),
    consultantId: integer('consultant_id')
      .notNull()
      .references(() => consultants.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('console_sessions_expiry').on(t.expiresAt),
    index('console_sessions_consultant').on(t.consultantId),
  ],
);

/** What happened to a ticket besides messages: taken, transferred, internal notes, alerts, closing. */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    handoffId: integer('handoff_id')
      .notNull()
      .references(() => handoffs.id, { onDelete: 'cascade' }),
    /** taken | assigned | transferred | note | alert | closed */
    kind: text('kind').notNull(),
    /** The consultant who did it (null: the system). */
    actorId: integer('actor_id'),
    /** The other consultant of an assignment or transfer. */
    targetId: integer('target_id'),
    /** A note's text or a resolution category. */
    text: text('text'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ticket_events_handoff').on(t.handoffId, t.id)],
);

/** Consultant replies a curator proposed as knowledge-base entries, and what became of them. */
export const faqProposals = sqliteTable(
  'faq_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Gone with the citizen's data on /forget. */
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    handoffId: integer('handoff_id'),
    /** The transcript line of the consultant reply. */
    messageId: integer('message_id').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    topic: text('topic'),
    /** new | accepted | rejected */
    status: text('status').notNull().default('new'),
    proposedBy: integer('proposed_by').notNull(),
    createdAt: integer('created_at').notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: integer('decided_at'),
  },
  (t) => [
    uniqueIndex('faq_proposals_message').on(t.messageId),
    index('faq_proposals_status').on(t.status),
    index('faq_proposals_citizen').on(t.citizenId),
  ],
);

/**
 * Complaints filed through the chat (the complaint flow). Supervisors see them in the console and change their
 * status; every change is recorded in `complaint_events` and, with the citizen's consent, sent to them. The ticket
 * number shown to the citizen is derived from `id` (see src/services/complaints/ticket.ts).
 */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    citizenId: integer('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    /** agency | employee | decision | assistant */
    about: text('about').notNull(),
    /** The directory id of the agency, when the citizen picked one from data/agencies/. */
    agencyId: text('agency_id'),
    /** The agency as the citizen named it (or the directory record's name). */
    agencyName: text('agency_name'),
    /** perm | volgograd | other, when known. */
    region: text('region'),
    /** What happened, in the citizen's words. */
    description: text('description').notNull(),
    /** What the citizen wants (a preset code or their own words). */
    wish: text('wish').notNull(),
    /** The citizen agreed to be contacted in this chat about the complaint (status changes are sent only then). */
    contactConsent: integer('contact_consent', { mode: 'boolean' }).notNull(),
    /** new | in_progress | answered */
    status: text('status').notNull().default('new'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('complaints_status').on(t.status, t.createdAt),
    index('complaints_citizen').on(t.citizenId, t.id),
  ],
);

/** The history of a complaint: who changed its status, when, and what the citizen was told. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    /** The supervisor's login, or "citizen" for the filing itself. */
    byWho: text('by_who').notNull(),
    /** The answer or note sent to the citizen with this change, if any. */
    note: text('note'),
    /** The outbox row that told the citizen (null when they did not consent to be contacted). */
    outboxId: integer('outbox_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('complaint_events_complaint').on(t.complaintId, t.id)],
);

/**
 * How far retention has come in a table that gets rows in time order (see the note on retention above): every row
 * with id up to last_id is anonymised, or was not to be (sqlite-retention.ts).
 */
export const retentionMarks = sqliteTable('retention_marks', {
  /** The table's name. */
  name: text('name').primaryKey(),
  lastId: integer('last_id').notNull(),
});
