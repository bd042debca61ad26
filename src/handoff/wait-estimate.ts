/**
 * The expected wait told to a citizen, from recent real waits. Each recent ticket tells how long one place in the
 * queue took (its working-time wait divided by the place it had when it opened); the median of those, times the
 * citizen's place, is the working time to wait, laid over the working hours (a ticket at 17:55 waits into tomorrow).
 */
import { addWorkingMs, type WorkingHours } from './working-hours.js';

export interface WaitSample {
  /** Working time from opening to being taken (ms). */
  waitedMs: number;
  /** The place it had when it opened (1 = next). */
  positionAtOpen: number;
}

/** Fewer recent tickets than this and the configured default is used instead. */
export const MIN_SAMPLES = 3;

/** The median working time one place in the queue takes, or `fallbackMs` without enough history. */
export function perPlaceMs(samples: readonly WaitSample[], fallbackMs: number): number {
  if (samples.length < MIN_SAMPLES) return fallbackMs;
  const values = samples.map((s) => s.waitedMs / Math.max(1, s.positionAtOpen)).sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Expected wall-clock wait (ms) for `position`, counted in working time from `now`; undefined if hours never open. */
export function estimateWaitMs(
  position: number,
  placeMs: number,
  hours: WorkingHours,
  now: number,
): number | undefined {
  const at = addWorkingMs(hours, now, Math.max(1, position) * placeMs);
  return at === undefined ? undefined : at - now;
}

/** A wait as a person would say it: whole minutes up to 10, then steps of 5, then 15, then whole hours. */
export function roundWaitMinutes(ms: number): number {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes <= 10) return minutes;
  if (minutes <= 60) return Math.ceil(minutes / 5) * 5;
  if (minutes <= 180) return Math.ceil(minutes / 15) * 15;
  return Math.ceil(minutes / 60) * 60;
}
