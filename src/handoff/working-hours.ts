/**
 * When consultants work: weekly hours in one time zone, holidays and transferred working days (Russia moves days
 * off by government decree every year). Pure functions of a timestamp; the zone's clock comes from `zone-clock`, so
 * hours stay right whatever zone the server runs in.
 *
 * Read from `data/console/working-hours.yaml` (or QUEUE_WORKING_HOURS_FILE) by `loadWorkingHours`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { isTimeZone, offsetAt, wallClock } from '../i18n/zone-clock.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Minutes from local midnight: [from, to), `to` at most 1440. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface WorkingHours {
  /** IANA zone, e.g. Europe/Moscow. */
  timeZone: string;
  week: Record<Weekday, TimeRange[]>;
  /** Local dates (YYYY-MM-DD) nobody works although the weekday says so. */
  holidays: ReadonlySet<string>;
  /** Local dates that are working days with their own hours (a Saturday worked instead of a holiday). */
  workdays: ReadonlyMap<string, TimeRange[]>;
  /** How to name the zone to a citizen, per locale ("по московскому времени"). */
  label: Readonly<Record<string, string>>;
}

const DAY_MS = 86_400_000;
/** Looking further ahead than this for an opening means the hours never open (a config mistake). */
const MAX_DAYS_AHEAD = 400;

interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

export function localTime(ms: number, timeZone: string): LocalTime {
  const { date, msOfDay } = wallClock(ms, timeZone);
  return { date, msOfDay };
}

function isoDate(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function dateToUtcMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: string, days: number): string {
  return isoDate(dateToUtcMidnight(date) + days * DAY_MS);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(dateToUtcMidnight(date)).getUTCDay()]!;
}

/** The instant of a local date and minute in the zone. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const naive = dateToUtcMidnight(date) + minutes * 60_000;
  const first = naive - offsetAt(naive, timeZone);
  // A second pass settles instants next to a daylight-saving change (Russia has none since 2014; others do).
  return naive - offsetAt(first, timeZone);
}

/** The working ranges of a local date: holidays have none, transferred working days have their own. */
export function rangesOn(hours: WorkingHours, date: string): TimeRange[] {
  const transferred = hours.workdays.get(date);
  if (transferred) return transferred;
  if (hours.holidays.has(date)) return [];
  return hours.week[weekdayOf(date)];
}

type Interval = readonly [start: number, end: number];

/**
 * A local day's working intervals (instants), by working hours and the day's UTC midnight. A wait estimate walks
 * day by day through as many days as the queue is long (weeks with a few hundred open tickets), and every hand-off
 * and queue question asks again: building each day's date string and instants anew was ~4% of the load profile.
 * Keyed by the hours object, so reloaded hours start afresh.
 */
const dayCache = new WeakMap<WorkingHours, Map<number, readonly Interval[]>>();
const DAY_CACHE_LIMIT = 4_000;

function intervalsOfDay(hours: WorkingHours, utcMidnight: number): readonly Interval[] {
  let days = dayCache.get(hours);
  if (!days) {
    days = new Map();
    dayCache.set(hours, days);
  }
  let intervals = days.get(utcMidnight);
  if (!intervals) {
    const day = isoDate(utcMidnight);
    intervals = rangesOn(hours, day).map(
      (r): Interval => [zonedInstant(day, r.from, hours.timeZone), zonedInstant(day, r.to, hours.timeZone)],
    );
    if (days.size >= DAY_CACHE_LIMIT) days.clear();
    days.set(utcMidnight, intervals);
  }
  return intervals;
}

/** Working intervals (instants) of the local days from `date` on, in order, one day at a time. */
function* intervalsFrom(hours: WorkingHours, date: string, days: number): Generator<Interval> {
  const first = dateToUtcMidnight(date);
  for (let i = 0; i < days; i++) yield* intervalsOfDay(hours, first + i * DAY_MS);
}

export function isOpen(hours: WorkingHours, now: number): boolean {
  const { date, msOfDay } = localTime(now, hours.timeZone);
  return rangesOn(hours, date).some((r) => msOfDay >= r.from * 60_000 && msOfDay < r.to * 60_000);
}

/** When consultants next work: `now` when open, else the start of the next working range (undefined: never). */
export function nextOpening(hours: WorkingHours, now: number): number | undefined {
  const { date } = localTime(now, hours.timeZone);
  for (const [start, end] of intervalsFrom(hours, addDays(date, -1), MAX_DAYS_AHEAD)) {
    if (end <= now) continue;
    return Math.max(start, now);
  }
  return undefined;
}

/** When the current working range ends (undefined when closed now). Adjacent ranges count as one. */
export function closingTime(hours: WorkingHours, now: number): number | undefined {
  if (!isOpen(hours, now)) return undefined;
  const { date } = localTime(now, hours.timeZone);
  let end: number | undefined;
  for (const [start, stop] of intervalsFrom(hours, addDays(date, -1), MAX_DAYS_AHEAD)) {
    if (stop <= now) continue;
    if (end === undefined) {
      if (start > now) break;
      end = stop;
    } else if (start <= end) end = Math.max(end, stop);
    else break;
  }
  return end;
}

/** Working time between two instants (ms): a ticket left overnight has not waited the night. */
export function workingMsBetween(hours: WorkingHours, from: number, to: number): number {
  if (to <= from) return 0;
  const { date } = localTime(from, hours.timeZone);
  const days = Math.min(MAX_DAYS_AHEAD, Math.ceil((to - from) / DAY_MS) + 2);
  let total = 0;
  for (const [start, end] of intervalsFrom(hours, addDays(date, -1), days + 1)) {
    if (start >= to) break;
    total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}

/** The instant when `workMs` of working time has passed after `from` (undefined when the hours never open). */
export function addWorkingMs(hours: WorkingHours, from: number, workMs: number): number | undefined {
  const { date } = localTime(from, hours.timeZone);
  let left = workMs;
  for (const [start, end] of intervalsFrom(hours, addDays(date, -1), MAX_DAYS_AHEAD)) {
    if (end <= from) continue;
    const begin = Math.max(start, from);
    if (begin + left <= end) return begin + left;
    left -= end - begin;
  }
  return undefined;
}

// ---- loading -----------------------------------------------------------------------------------------------

export class WorkingHoursError extends Error {
  override readonly name = 'WorkingHoursError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: working hours are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$/;

/** "09:00-18:00" → minutes; throws a readable message. */
export function parseRange(text: string): TimeRange {
  const m = RANGE.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a range like 09:00-18:00`);
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  if (to > 24 * 60) throw new Error(`"${text}" ends after 24:00`);
  if (to <= from) throw new Error(`"${text}" ends before it starts`);
  return { from, to };
}

const dayValue = z.union([z.null(), z.literal('closed'), z.string(), z.array(z.string())]);
const fileSchema = z.object({
  timezone: z.string().min(1),
  timezone_label: z.record(z.string(), z.string()).optional(),
  week: z.object({
    mon: dayValue,
    tue: dayValue,
    wed: dayValue,
    thu: dayValue,
    fri: dayValue,
    sat: dayValue,
    sun: dayValue,
  }),
  holidays: z.array(z.union([z.string(), z.date()])).default([]),
  workdays: z.record(z.string(), dayValue).default({}),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function asDate(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

/** Builds working hours from the parsed YAML; every problem is listed at once. */
export function parseWorkingHours(raw: unknown, file = 'working-hours.yaml'): WorkingHours {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new WorkingHoursError(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  const problems: string[] = [];
  const f = parsed.data;
  if (!isTimeZone(f.timezone)) {
    problems.push(`timezone: "${f.timezone}" is not a time zone (use e.g. Europe/Moscow)`);
  }
  const ranges = (where: string, value: z.infer<typeof dayValue>): TimeRange[] => {
    if (value === null || value === 'closed') return [];
    const list = Array.isArray(value) ? value : [value];
    const out: TimeRange[] = [];
    for (const item of list) {
      try {
        out.push(parseRange(item));
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
    }
    return out.sort((a, b) => a.from - b.from);
  };
  const week = Object.fromEntries(
    (Object.keys(f.week) as Weekday[]).map((d) => [d, ranges(`week.${d}`, f.week[d])]),
  ) as Record<Weekday, TimeRange[]>;
  const holidays = new Set<string>();
  for (const h of f.holidays) {
    const date = asDate(h);
    if (!ISO_DATE.test(date)) problems.push(`holidays: "${date}" is not a date like 2027-01-01`);
    else holidays.add(date);
  }
  const workdays = new Map<string, TimeRange[]>();
  for (const [date, value] of Object.entries(f.workdays)) {
    if (!ISO_DATE.test(date)) problems.push(`workdays: "${date}" is not a date like 2027-01-01`);
    else workdays.set(date, ranges(`workdays.${date}`, value));
  }
  if (Object.values(week).every((r) => r.length === 0))
    problems.push('week: no working hours on any day, so no citizen would ever be answered');
  if (problems.length > 0) throw new WorkingHoursError(file, problems);
  return { timeZone: f.timezone, week, holidays, workdays, label: f.timezone_label ?? {} };
}

export function loadWorkingHours(file: string): WorkingHours {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkingHoursError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new WorkingHoursError(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  return parseWorkingHours(raw, file);
}

/** Around the clock, every day: for tests and for services that always have someone on duty. */
export function alwaysOpen(timeZone = 'Europe/Moscow'): WorkingHours {
  const all = [{ from: 0, to: 24 * 60 }];
  return {
    timeZone,
    week: { mon: all, tue: all, wed: all, thu: all, fri: all, sat: all, sun: all },
    holidays: new Set(),
    workdays: new Map(),
    label: {},
  };
}
