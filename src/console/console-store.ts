/**
 * The console's storage port: accounts, sessions, the ticket list with what the queue page shows, ticket events
 * (notes, transfers), FAQ proposals and the figures of reports. Synchronous like the main `Store` (same SQLite
 * connection, so a console action and the outbox write share one transaction). Implemented in
 * `src/storage/sqlite-console-store.ts`; tests use it on `:memory:` SQLite (the aggregates are SQL, an in-memory twin
 * would only re-implement them).
 */
import type { Platform } from '../messaging/incoming-event.js';

export const ROLES = ['consultant', 'supervisor', 'curator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Account {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  active: boolean;
  available: boolean;
  maxTickets: number | null;
  lastAssignedAt: number | null;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface TicketSummary {
  id: number;
  citizenId: number;
  platform: Platform;
  locale: string;
  region: string | null;
  reason: string;
  priority: 'urgent' | 'normal';
  status: 'open' | 'cancelled' | 'closed';
  createdAt: number;
  closedAt: number | null;
  assignedTo: number | null;
  assignedName: string | null;
  assignedAt: number | null;
  firstResponseAt: number | null;
  alertedAt: number | null;
  resolution: string | null;
  closedBy: number | null;
  rating: number | null;
  ratingComment: string | null;
  /** What the ticket is about: the citizen's question before the hand-off (or their first message after it). */
  firstMessage: string | null;
  /** When the citizen last wrote. */
  lastCitizenAt: number | null;
}

export type TicketEventKind = 'taken' | 'assigned' | 'transferred' | 'note' | 'alert' | 'closed';

export interface TicketEvent {
  id: number;
  handoffId: number;
  kind: TicketEventKind;
  actorId: number | null;
  actorName: string | null;
  targetId: number | null;
  targetName: string | null;
  text: string | null;
  createdAt: number;
}

export type ProposalStatus = 'new' | 'accepted' | 'rejected';

export interface FaqProposal {
  id: number;
  citizenId: number;
  handoffId: number | null;
  messageId: number;
  question: string;
  answer: string;
  topic: string | null;
  status: ProposalStatus;
  proposedBy: number;
  proposedByName: string | null;
  createdAt: number;
  decidedBy: number | null;
  decidedAt: number | null;
}

/** One day (in the zone of the working hours) and platform: how many people wrote, and what became of them. */
export interface ConversationDay {
  /** Days since 1970-01-01 in that zone. */
  day: number;
  platform: Platform;
  /** People who wrote that day. */
  conversations: number;
  /** ... of whom got at least one answer from the assistant and no hand-off that day. */
  resolvedByAssistant: number;
  /** ... of whom were handed to a consultant that day. */
  handedOff: number;
}

export interface TicketFigures {
  createdAt: number;
  /** When a consultant first took it (a transfer does not change it). */
  takenAt: number | null;
  firstResponseAt: number | null;
  status: string;
  rating: number | null;
  platform: Platform;
}

/** A citizen question the assistant could not answer well. */
export interface WeakAnswer {
  id: number;
  text: string;
  outcome: string;
  detail: string | null;
  confidence: number | null;
  topic: string | null;
  createdAt: number;
}

/** How citizens took the answers of one knowledge-base entry in a period. */
export interface EntryReactions {
  entryId: string;
  /** Times the entry was the answer to a question or a follow-up. */
  answers: number;
  helpful: number;
  notHelpful: number;
  /** "Не понял" right after its answer. */
  notUnderstood: number;
}

export interface ConsoleStore {
  accounts: {
    create(a: { login: string; displayName: string; role: Role; passwordHash: string; now: number }): Account;
    get(id: number): Account | undefined;
    byLogin(login: string): (Account & { passwordHash: string }) | undefined;
    list(): Account[];
    update(
      id: number,
      patch: Partial<
        Pick<Account, 'active' | 'available' | 'maxTickets' | 'lastAssignedAt' | 'lastLoginAt' | 'role'>
      > & {
        passwordHash?: string;
      },
    ): void;
  };
  sessions: {
    create(idHash: string, consultantId: number, now: number, expiresAt: number): void;
    /** The active account of an unexpired session, and when the session ends. */
    find(idHash: string, now: number): { account: Account; expiresAt: number } | undefined;
    delete(idHash: string): void;
    deleteOf(consultantId: number): void;
    deleteExpired(now: number): number;
  };
  tickets: {
    open(): TicketSummary[];
    get(id: number): TicketSummary | undefined;
    /** Closed and cancelled tickets, newest first. */
    finished(limit: number): TicketSummary[];
    /** The citizen's latest ticket (open or not): its id, status and closing time (asked after every event). */
    latestOf(citizenId: number): Pick<TicketSummary, 'id' | 'status' | 'closedAt'> | undefined;
    openCountByConsultant(): Map<number, number>;
  };
  events: {
    add(e: {
      handoffId: number;
      kind: TicketEventKind;
      actorId: number | null;
      targetId?: number | null;
      text?: string | null;
      now: number;
    }): number;
    list(handoffId: number): TicketEvent[];
  };
  proposals: {
    add(
      p: Omit<FaqProposal, 'id' | 'status' | 'proposedByName' | 'decidedBy' | 'decidedAt'>,
    ): number | undefined;
    get(id: number): FaqProposal | undefined;
    list(status?: ProposalStatus): FaqProposal[];
    byMessage(messageIds: readonly number[]): Map<number, FaqProposal>;
    decide(id: number, status: ProposalStatus, by: number, now: number): void;
  };
  reports: {
    conversationDays(from: number, to: number, offsetMs: number): ConversationDay[];
    tickets(from: number, to: number): TicketFigures[];
    topTopics(from: number, to: number, limit: number): { topic: string; count: number }[];
    weakAnswers(from: number, to: number, lowConfidence: number, limit: number): WeakAnswer[];
    /** Per entry: answers given, 👍, 👎 and "не понял" in the period (entries with none of them left out). */
    entryReactions(from: number, to: number): EntryReactions[];
  };
}
