/**
 * The per-citizen flood limit: past `perMinute` messages in a sliding minute, a citizen's messages are stored but
 * not run through search, and they are told once to wait. Keeps at most `perMinute + 1` timestamps per citizen
 * (the limit is passed exactly when the (perMinute + 1)-th latest message is less than a minute old), in memory:
 * after a restart everyone starts afresh, which errs on the side of answering.
 */

export type FloodVerdict =
  /** Under the limit: process the message. */
  | 'ok'
  /** Just went over: store it and tell the citizen to wait (once per burst). */
  | 'notify'
  /** Still over and already told: store it, say nothing. */
  | 'limited';

export interface FloodLimiter {
  /**
   * Counts one message of the citizen received at `at` (ms) and says what to do with it. `eventId` (increasing per
   * citizen): asked again about a message counted already (its batch runs again after a rollback), it gives the
   * same answer without counting the message twice; one that left the window since, behind more than `perMinute`
   * newer ones, is 'limited'.
   */
  check(citizenId: number, at: number, eventId?: number): FloodVerdict;
}

interface Window {
  /** The latest timestamps, oldest first, at most perMinute + 1. */
  times: number[];
  /** Beside each timestamp: its message's event id (-1: none given) and what it was told. */
  eventIds: number[];
  verdicts: FloodVerdict[];
  notified: boolean;
  /** The latest event id counted. */
  lastEventId: number;
}

/** Citizens not heard from for this long are forgotten at the next sweep. */
const SWEEP_EVERY = 10_000;

export function createFloodLimiter(options: { perMinute: number; windowMs?: number }): FloodLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const keep = options.perMinute + 1;
  const windows = new Map<number, Window>();
  let checks = 0;

  function sweep(now: number) {
    for (const [id, w] of windows)
      if (now - (w.times[w.times.length - 1] ?? 0) > windowMs) windows.delete(id);
  }

  function verdict(w: Window, at: number): FloodVerdict {
    const over = w.times.length === keep && at - w.times[0]! < windowMs;
    if (!over) {
      w.notified = false;
      return 'ok';
    }
    if (w.notified) return 'limited';
    w.notified = true;
    return 'notify';
  }

  return {
    check(citizenId, at, eventId) {
      if (options.perMinute <= 0) return 'ok';
      if (++checks % SWEEP_EVERY === 0) sweep(at);
      let w = windows.get(citizenId);
      if (!w) {
        w = { times: [], eventIds: [], verdicts: [], notified: false, lastEventId: -1 };
        windows.set(citizenId, w);
      }
      if (eventId !== undefined && eventId <= w.lastEventId) {
        const i = w.eventIds.lastIndexOf(eventId);
        return i >= 0 ? w.verdicts[i]! : 'limited';
      }
      if (eventId !== undefined) w.lastEventId = eventId;
      w.times.push(at);
      w.eventIds.push(eventId ?? -1);
      if (w.times.length > keep) {
        w.times.shift();
        w.eventIds.shift();
        w.verdicts.shift();
      }
      const told = verdict(w, at);
      w.verdicts.push(told);
      return told;
    },
  };
}
