/**
 * What the dialog engine knows about the queue for one citizen: plain data the runner computes before each event
 * (the engine stays pure and never reads the database).
 */
import type { TicketPriority } from './handoff-queue.js';
import type { WorkingHours } from './working-hours.js';

export interface QueuePlace {
  /** 1 = next to be taken. */
  position: number;
  /** Expected wait from now (ms), working hours included; undefined when the hours never open. */
  waitMs?: number;
}

export interface CitizenQueueInfo {
  /** The citizen's open ticket; `place` is missing once a consultant took it. */
  own?: { ticketId: number; taken: boolean; place?: QueuePlace };
  /** Where a ticket opened now would stand. */
  forNew: Record<TicketPriority, QueuePlace>;
  hours: {
    open: boolean;
    /** When consultants next work (only when closed). */
    opensAt?: number;
    timeZone: string;
    /** How to name the zone per locale ("по московскому времени"). */
    label: Readonly<Record<string, string>>;
    /** The whole schedule, for "когда вы работаете?". */
    calendar: WorkingHours;
  };
}
