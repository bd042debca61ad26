/**
 * The storage port: what the assistant needs to remember, as small synchronous repositories.
 *
 * Synchronous on purpose: better-sqlite3 is synchronous, so one citizen's event is stored, processed and its
 * replies queued inside one transaction, and a crash at any point leaves either all of it or none of it.
 * `createSqliteStore` is the real implementation; `createMemoryStore` is its twin for unit tests.
 */
import type { IncomingEvent, Platform } from '../messaging/incoming-event.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';

export interface Citizen {
  id: number;
  platform: Platform;
  platformUserId: string;
  chatId: string;
  locale: string;
  region: string | null;
  consentAt: number | null;
  active: boolean;
  createdAt: number;
  lastSeenAt: number;
}

export interface StoredEvent {
  id: number;
  citizenId: number;
  event: IncomingEvent;
  status: 'pending' | 'done' | 'failed';
}

export type MessageAuthor = 'citizen' | 'assistant' | 'consultant' | 'system';

export interface TranscriptRecord {
  citizenId: number;
  direction: 'in' | 'out';
  author: MessageAuthor;
  kind: string;
  text: string;
  inboundEventId?: number | null;
  outboxId?: number | null;
  outcome?: string | null;
  confidence?: number | null;
  entryId?: string | null;
  topic?: string | null;
  /** How the engine got there (the outcome's detail: search band, intent, flow). */
  detail?: string | null;
  /** The consultant who wrote a consultant message. */
  consultantId?: number | null;
  createdAt: number;
}

export interface TranscriptLine extends TranscriptRecord {
  id: number;
}

export interface OutboxItem {
  id: number;
  citizenId: number;
  platform: Platform;
  chatId: string;
  /** The message (a store may read it from storedMessage only when it is first asked for). */
  message: OutgoingMessage;
  /**
   * The message as the store keeps it (JSON), when it keeps it so: a sender in another thread takes the text as it
   * is and reads it there, instead of the main thread reading it and copying the result over.
   */
  storedMessage?: string;
  editMessageId: string | null;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  platformMessageIds: string[];
  createdAt: number;
  sentAt: number | null;
}

export interface HandoffRecord {
  id: number;
  citizenId: number;
  reason: string;
  priority: 'urgent' | 'normal';
  status: 'open' | 'cancelled' | 'closed';
  createdAt: number;
  closedAt: number | null;
  /** The consultant working on it; null while it waits in the queue. */
  assignedTo: number | null;
  /** When the current consultant got it (a transfer sets it again). */
  assignedAt: number | null;
  /** When a consultant first took it: the end of its wait in the queue (a transfer leaves it). */
  takenAt: number | null;
  firstResponseAt: number | null;
  /** Its place in the queue when it opened. */
  positionAtOpen: number | null;
  /** When supervisors were alerted that nobody took it. */
  alertedAt: number | null;
  resolution: string | null;
  closedBy: number | null;
  /** The citizen's rating of the help, 1–5. */
  rating: number | null;
  ratingComment: string | null;
  ratedAt: number | null;
}

/** How stale a citizen's `lastSeenAt` may be before a new message writes it again. */
export const SEEN_PRECISION_MS = 60_000;

export interface CitizenRepo {
  /**
   * Finds the citizen of a platform user, creating them on first contact. Their chat id is kept current; the time
   * they were last seen to the minute (SEEN_PRECISION_MS: it serves retention, counted in days, and writing it for
   * every message cost a page of the citizens table per message).
   */
  findOrCreate(
    platform: Platform,
    platformUserId: string,
    chatId: string,
    init: { locale: string; now: number },
  ): Citizen;
  get(id: number): Citizen | undefined;
  update(
    id: number,
    patch: Partial<Pick<Citizen, 'locale' | 'region' | 'consentAt' | 'active' | 'lastSeenAt' | 'chatId'>>,
  ): void;
  /** Deletes the citizen and everything stored about them (/forget). */
  forget(id: number): void;
}

export interface DialogStateRepo {
  load(citizenId: number): { version: number; state: unknown } | undefined;
  save(citizenId: number, version: number, state: unknown, now: number): void;
}

export interface InboxRepo {
  /** Stores an event; 'duplicate' when (platform, eventId) was seen before. */
  insert(
    citizenId: number,
    event: IncomingEvent,
  ): { status: 'inserted'; id: number } | { status: 'duplicate' };
  get(id: number): StoredEvent | undefined;
  /** The same without the event itself (cheaper, when the caller still has it). */
  statusOf(id: number): Omit<StoredEvent, 'event'> | undefined;
  finish(id: number, status: 'done' | 'failed', now: number): void;
  /** Replaces a stored event with a copy that leaves out what the citizen did not agree to keep. */
  redact(id: number, event: IncomingEvent): void;
  /** Events stored but not processed yet (after a crash), oldest first. */
  pending(limit: number): StoredEvent[];
}

export interface TranscriptRepo {
  append(record: TranscriptRecord): number;
  list(citizenId: number, limit?: number): TranscriptLine[];
}

export interface OutboxRepo {
  enqueue(item: {
    citizenId: number;
    platform: Platform;
    chatId: string;
    message: OutgoingMessage;
    editMessageId?: string | null;
    now: number;
  }): number;
  get(id: number): OutboxItem | undefined;
  /**
   * The next deliverable item of every chat (only the oldest pending one of each chat, so a chat's messages go out
   * in order), whose time has come, oldest first; `except`: ids left out (those in flight already).
   */
  due(now: number, limit: number, except?: readonly number[]): OutboxItem[];
  markSent(id: number, platformMessageIds: string[], now: number): void;
  markRetry(id: number, nextAttemptAt: number, error: string): void;
  markDead(id: number, error: string): void;
  /** Gives up every pending item of a citizen (they blocked us); returns how many. */
  dropPendingOf(citizenId: number, error: string): number;
  /** Pending items (all chats) for metrics and shutdown. */
  pendingCount(): number;
  /** The earliest next_attempt_at among pending items, if any. */
  nextDueAt(): number | undefined;
  /** Sent or pending items of one chat (of the citizens now in it) after an outbox id, oldest first (the web chat). */
  listForChat(platform: Platform, chatId: string, afterId: number, limit: number): OutboxItem[];
}

export interface FeedbackRepo {
  add(citizenId: number, entryId: string, helpful: boolean, now: number): void;
}

export interface HandoffRepo {
  open(
    citizenId: number,
    reason: string,
    priority: 'urgent' | 'normal',
    now: number,
    positionAtOpen?: number,
  ): HandoffRecord;
  get(id: number): HandoffRecord | undefined;
  /** The open hand-off of a citizen, if any. */
  openFor(citizenId: number): HandoffRecord | undefined;
  setStatus(id: number, status: 'cancelled' | 'closed', now: number): void;
  setPriority(id: number, priority: 'urgent' | 'normal'): void;
  listOpen(): HandoffRecord[];
  /**
   * Gives an open ticket to a consultant. With `onlyIfWaiting`, only when nobody has it yet (two consultants taking
   * the same ticket: one wins). Returns whether it changed.
   */
  assign(id: number, consultantId: number, now: number, options?: { onlyIfWaiting?: boolean }): boolean;
  /** Records the first consultant reply (later replies leave it). */
  markFirstResponse(id: number, now: number): void;
  markAlerted(id: number, now: number): void;
  /** Closes an open ticket with a resolution category; false if it was not open. */
  close(id: number, closing: { resolution: string; closedBy: number | null; now: number }): boolean;
  rate(id: number, score: number, now: number): void;
  comment(id: number, text: string): void;
  /** The tickets first taken most recently (for wait estimates), newest first; a transfer does not count. */
  recentlyTaken(limit: number): HandoffRecord[];
}

export type ComplaintStatus = 'new' | 'in_progress' | 'answered';
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['new', 'in_progress', 'answered'];
export type ComplaintAbout = 'agency' | 'employee' | 'decision' | 'assistant';

export interface NewComplaint {
  citizenId: number;
  about: ComplaintAbout;
  agencyId: string | null;
  agencyName: string | null;
  region: string | null;
  description: string;
  wish: string;
  contactConsent: boolean;
  now: number;
}

export interface ComplaintRecord extends Omit<NewComplaint, 'now'> {
  id: number;
  status: ComplaintStatus;
  createdAt: number;
  updatedAt: number;
}

export interface ComplaintEvent {
  id: number;
  complaintId: number;
  status: ComplaintStatus;
  byWho: string;
  note: string | null;
  outboxId: number | null;
  createdAt: number;
}

export interface ComplaintFilter {
  status?: ComplaintStatus | readonly ComplaintStatus[];
  region?: string;
  citizenId?: number;
  /** Newest first; default 100, at most 500. */
  limit?: number;
  offset?: number;
}

export interface ComplaintRepo {
  /** Stores a new complaint (status new) with its first history event (by "citizen"). */
  create(input: NewComplaint): ComplaintRecord;
  get(id: number): ComplaintRecord | undefined;
  /** Newest first. */
  list(filter?: ComplaintFilter): ComplaintRecord[];
  count(filter?: Omit<ComplaintFilter, 'limit' | 'offset'>): number;
  setStatus(id: number, status: ComplaintStatus, now: number): void;
  addEvent(event: Omit<ComplaintEvent, 'id'>): number;
  /** Oldest first. */
  events(complaintId: number): ComplaintEvent[];
}

export interface Store {
  readonly citizens: CitizenRepo;
  readonly dialogs: DialogStateRepo;
  readonly inbox: InboxRepo;
  readonly transcript: TranscriptRepo;
  readonly outbox: OutboxRepo;
  readonly feedback: FeedbackRepo;
  readonly handoffs: HandoffRepo;
  readonly complaints: ComplaintRepo;
  /** Runs `fn` atomically: all its writes happen, or none. */
  transaction<T>(fn: () => T): T;
  /** Checks the database answers (for /readyz). */
  ping(): boolean;
  close(): void;
}
