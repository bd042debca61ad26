/**
 * The queue over the database: feeds the pure functions of `handoff-queue.ts`, `wait-estimate.ts` and
 * `working-hours.ts` from the open tickets and recent waits, for the dialog engine (a citizen's place and wait) and
 * the console (the queue page, auto-assignment, alerts).
 */
import type { HandoffRecord, Store } from '../storage/store.js';
import { positionForNew, positionOf, type TicketPriority } from './handoff-queue.js';
import type { CitizenQueueInfo, QueuePlace } from './queue-info.js';
import { estimateWaitMs, perPlaceMs, type WaitSample } from './wait-estimate.js';
import { isOpen, nextOpening, type WorkingHours, workingMsBetween } from './working-hours.js';

export interface QueueSettings {
  hours: WorkingHours;
  /** Working time one place in the queue takes when there is no history yet (ms). */
  defaultPlaceMs: number;
  /** Working time a ticket may wait untaken before supervisors are alerted (ms). */
  unattendedMs: number;
  /** Give waiting tickets to the least busy online consultant by themselves. */
  autoAssign: boolean;
  /** Default most open tickets per consultant for auto-assignment. */
  maxPerConsultant: number;
}

export interface QueueService {
  readonly settings: QueueSettings;
  /** What the engine tells a citizen about the queue. */
  citizenInfo(citizenId: number, now: number): CitizenQueueInfo;
  /** Expected wait of a place in the queue from now. */
  place(position: number, now: number): QueuePlace;
  /** Working time a ticket has waited (ms). */
  waited(ticket: Pick<HandoffRecord, 'createdAt'>, now: number): number;
  /** Forget the cached per-place time (a ticket was just taken). */
  invalidate(): void;
}

/** Recent taken tickets that make the estimate. */
const SAMPLE_SIZE = 20;
/** The estimate is recomputed at most this often, unless a ticket is taken. */
const CACHE_MS = 60_000;

export function createQueueService(store: Store, settings: QueueSettings): QueueService {
  let cached: { at: number; placeMs: number } | undefined;

  function placeMs(now: number): number {
    if (cached && now - cached.at < CACHE_MS && now >= cached.at) return cached.placeMs;
    const samples: WaitSample[] = store.handoffs
      .recentlyTaken(SAMPLE_SIZE)
      .filter((h) => h.takenAt !== null)
      .map((h) => ({
        // From the request to the first consultant: a transfer later (assignedAt set again) is not waiting.
        waitedMs: workingMsBetween(settings.hours, h.createdAt, h.takenAt!),
        positionAtOpen: h.positionAtOpen ?? 1,
      }));
    const value = perPlaceMs(samples, settings.defaultPlaceMs);
    cached = { at: now, placeMs: value };
    return value;
  }

  function place(position: number, now: number): QueuePlace {
    const waitMs = estimateWaitMs(position, placeMs(now), settings.hours, now);
    return waitMs === undefined ? { position } : { position, waitMs };
  }

  return {
    settings,
    place,
    citizenInfo(citizenId, now) {
      const open = store.handoffs.listOpen();
      const own = open.filter((h) => h.citizenId === citizenId).at(-1);
      const openNow = isOpen(settings.hours, now);
      const opensAt = openNow ? undefined : nextOpening(settings.hours, now);
      const forNew = (priority: TicketPriority) => place(positionForNew(open, priority), now);
      let ownInfo: CitizenQueueInfo['own'];
      if (own) {
        const position = positionOf(open, own.id);
        ownInfo = {
          ticketId: own.id,
          taken: own.assignedTo !== null,
          ...(position !== undefined ? { place: place(position, now) } : {}),
        };
      }
      return {
        ...(ownInfo ? { own: ownInfo } : {}),
        forNew: { urgent: forNew('urgent'), normal: forNew('normal') },
        hours: {
          open: openNow,
          ...(opensAt !== undefined ? { opensAt } : {}),
          timeZone: settings.hours.timeZone,
          label: settings.hours.label,
          calendar: settings.hours,
        },
      };
    },
    waited: (ticket, now) => workingMsBetween(settings.hours, ticket.createdAt, now),
    invalidate() {
      cached = undefined;
    },
  };
}
