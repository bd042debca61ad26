/**
 * The consultant queue as pure functions over tickets and a clock: one queue for every messenger, crisis tickets
 * first, then first come, first served. Who takes what (the next ticket, a chosen one, or auto-assignment to the least
 * busy online consultant within a per-consultant limit) and which tickets waited too long for supervisors to be
 * alerted (nobody took them, or nobody answered them once taken). No storage here: `queue-service.ts` feeds these
 * functions from the database.
 */
import { type WorkingHours, workingMsBetween } from './working-hours.js';

export type TicketPriority = 'urgent' | 'normal';

export interface QueueTicket {
  id: number;
  priority: TicketPriority;
  createdAt: number;
  /** The consultant working on it; null while it waits in the queue. */
  assignedTo: number | null;
  /** When supervisors were last alerted about it: nobody took it, or nobody answered (null: not yet). */
  alertedAt?: number | null;
  /** When the consultant who has it now got it. */
  assignedAt?: number | null;
  /** The first consultant reply. */
  firstResponseAt?: number | null;
}

/** Queue order: urgent before normal, then the earlier ticket, then the lower id (same millisecond). */
export function compareTickets(a: QueueTicket, b: QueueTicket): number {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id - b.id;
}

/** Open tickets nobody has taken, in the order consultants should take them. */
export function waitingOrder<T extends QueueTicket>(tickets: readonly T[]): T[] {
  return tickets.filter((t) => t.assignedTo === null).sort(compareTickets);
}

/**
 * The place of a waiting ticket (1 = next to be taken); undefined when it is taken or not open. Counted, not sorted:
 * every message of a citizen in the queue asks it, with thousands of tickets open in a surge.
 */
export function positionOf(tickets: readonly QueueTicket[], ticketId: number): number | undefined {
  const ticket = tickets.find((t) => t.id === ticketId);
  if (!ticket || ticket.assignedTo !== null) return undefined;
  let ahead = 0;
  for (const t of tickets) if (t.assignedTo === null && compareTickets(t, ticket) < 0) ahead++;
  return ahead + 1;
}

/** The place a ticket opened now would get: an urgent one goes behind the other urgent ones only. */
export function positionForNew(tickets: readonly QueueTicket[], priority: TicketPriority): number {
  let ahead = 0;
  for (const t of tickets)
    if (t.assignedTo === null && (priority === 'normal' || t.priority === 'urgent')) ahead++;
  return ahead + 1;
}

/** The ticket a consultant gets from "take the next one". */
export function nextTicket<T extends QueueTicket>(tickets: readonly T[]): T | undefined {
  return waitingOrder(tickets)[0];
}

export interface ConsultantLoad {
  id: number;
  /** Has the console open (a live connection). */
  online: boolean;
  /** Said "I take tickets" (not on a break). */
  available: boolean;
  /** Open tickets assigned to them now. */
  open: number;
  /** Most open tickets auto-assignment gives them. */
  limit: number;
  /** When they last got a ticket, so that equal loads take turns. */
  lastAssignedAt?: number | null;
}

/** The online, available consultant with the fewest open tickets under their limit (ties: who waited longest). */
export function leastBusy(consultants: readonly ConsultantLoad[]): ConsultantLoad | undefined {
  return consultants
    .filter((c) => c.online && c.available && c.open < c.limit)
    .sort((a, b) => a.open - b.open || (a.lastAssignedAt ?? 0) - (b.lastAssignedAt ?? 0) || a.id - b.id)[0];
}

export interface Assignment {
  ticketId: number;
  consultantId: number;
}

/** Auto-assignment: waiting tickets in queue order, each to the least busy consultant, until nobody has room. */
export function planAutoAssignment(
  tickets: readonly QueueTicket[],
  consultants: readonly ConsultantLoad[],
  now: number,
): Assignment[] {
  const loads = consultants.map((c) => ({ ...c }));
  const plan: Assignment[] = [];
  for (const ticket of waitingOrder(tickets)) {
    const chosen = leastBusy(loads);
    if (!chosen) break;
    plan.push({ ticketId: ticket.id, consultantId: chosen.id });
    chosen.open += 1;
    chosen.lastAssignedAt = now;
  }
  return plan;
}

/** An urgent (crisis) ticket alerts after this share of the limit: a person in danger cannot wait the full time. */
export const URGENT_ALERT_SHARE = 1 / 3;

/** How long a ticket may go unattended before supervisors are alerted: the limit, a third of it for urgent ones. */
export function alertLimitMs(ticket: Pick<QueueTicket, 'priority'>, thresholdMs: number): number {
  return ticket.priority === 'urgent' ? Math.round(thresholdMs * URGENT_ALERT_SHARE) : thresholdMs;
}

/**
 * Waiting tickets nobody took within their limit (`alertLimitMs`) of working time, not alerted yet. Working time, so
 * that what came in at night alerts after the morning opening, not the moment the console opens.
 */
export function unattendedTickets<T extends QueueTicket>(
  tickets: readonly T[],
  now: number,
  thresholdMs: number,
  hours: WorkingHours,
): T[] {
  return waitingOrder(tickets).filter(
    (t) => !t.alertedAt && workingMsBetween(hours, t.createdAt, now) >= alertLimitMs(t, thresholdMs),
  );
}

/**
 * Taken tickets with no consultant reply within their limit (`alertLimitMs`) of working time since the current
 * consultant got them, not alerted about since then (an alert while the ticket waited does not count: that one was
 * about nobody taking it). A transfer starts the time again, for the new consultant.
 */
export function unansweredTickets<T extends QueueTicket>(
  tickets: readonly T[],
  now: number,
  thresholdMs: number,
  hours: WorkingHours,
): T[] {
  return tickets
    .filter((t) => t.assignedTo !== null && t.assignedAt != null && !t.firstResponseAt)
    .filter((t) => !alertedUnanswered(t))
    .filter((t) => workingMsBetween(hours, t.assignedAt!, now) >= alertLimitMs(t, thresholdMs))
    .sort(compareTickets);
}

/** Whether supervisors were alerted that nobody answered the ticket since its consultant got it. */
export function alertedUnanswered(t: QueueTicket): boolean {
  return t.assignedTo !== null && !t.firstResponseAt && !!t.alertedAt && t.alertedAt >= (t.assignedAt ?? 0);
}
