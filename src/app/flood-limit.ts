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

/** One message counted: when it came, its event id (-1: none given) and what it was told. */
interface Counted {
  at: number;
  eventId: number;
  verdict: FloodVerdict;
}

interface Window {
  /** The latest messages, oldest first, at most perMinute + 1. */
  counted: Counted[];
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
      if (now - (w.counted[w.counted.length - 1]?.at ?? 0) > windowMs) windows.delete(id);
  }

  function verdict(w: Window, at: number): FloodVerdict {
    const over = w.counted.length === keep && at - w.counted[0]!.at < windowMs;
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
        w = { counted: [], notified: false, lastEventId: -1 };
        windows.set(citizenId, w);
      }
      if (eventId !== undefined && eventId <= w.lastEventId)
        return w.counted.findLast((c) => c.eventId === eventId)?.verdict ?? 'limited';
      if (eventId !== undefined) w.lastEventId = eventId;
      const message: Counted = { at, eventId: eventId ?? -1, verdict: 'ok' };
      w.counted.push(message);
      if (w.counted.length > keep) w.counted.shift();
      message.verdict = verdict(w, at);
      return message.verdict;
    },
  };
}
