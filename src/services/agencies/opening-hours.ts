/**
 * Opening hours: written in data/agencies/ as `{ mon-fri: '09:00-20:00', sat: '09:00-17:00', sun: closed }`
 * (a lunch break as '09:00-13:00, 14:00-18:00'); days not listed are closed. "Open now" is computed in the
 * office's own time: Perm is UTC+5 (Moscow + 2 h), Volgograd UTC+3, whatever the server's clock zone is.
 */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** Minutes since midnight: [opens, closes). */
export type Interval = readonly [number, number];

/** Intervals per day, Monday first. */
export type WeeklyHours = readonly (readonly Interval[])[];

const TIME = /^(\d{1,2}):(\d{2})$/;

function minutes(text: string): number | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 && h * 60 + min <= 24 * 60 ? h * 60 + min : undefined;
}

/** Parses the curator's form; an error names what is wrong. */
export function parseWeeklyHours(input: Record<string, string>): { hours: WeeklyHours } | { error: string } {
  const week: Interval[][] = DAYS.map(() => []);
  const seen = new Set<Day>();
  for (const [key, value] of Object.entries(input)) {
    const [from, to] = key.split('-') as [string, string | undefined];
    const start = DAYS.indexOf(from as Day);
    const end = to === undefined ? start : DAYS.indexOf(to as Day);
    if (start < 0 || end < 0 || end < start)
      return { error: `"${key}": days are mon, tue, wed, thu, fri, sat, sun, or a range such as mon-fri` };
    const intervals: Interval[] = [];
    if (String(value).trim().toLowerCase() !== 'closed') {
      for (const part of String(value).split(',')) {
        const [a, b] = part.split('-');
        const open = a === undefined ? undefined : minutes(a);
        const close = b === undefined ? undefined : minutes(b);
        if (open === undefined || close === undefined || close <= open)
          return { error: `"${key}: ${value}": write times as 09:00-18:00 (or "closed")` };
        intervals.push([open, close]);
      }
    }
    for (let d = start; d <= end; d++) {
      if (seen.has(DAYS[d]!)) return { error: `"${key}": ${DAYS[d]} is given twice` };
      seen.add(DAYS[d]!);
      week[d] = intervals;
    }
  }
  return { hours: week };
}

/** The office's local weekday (0 = Monday) and minutes since midnight. */
export function localTime(now: number, utcOffsetHours: number): { day: number; minute: number } {
  const local = new Date(now + utcOffsetHours * 3_600_000);
  return { day: (local.getUTCDay() + 6) % 7, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export type OpenState =
  | { open: true; closesAt: number }
  | { open: false; opensAt?: { day: number; minute: number; today: boolean } };

/** Whether the office is open at `now`, when it closes, or when it opens next (within a week). */
export function openState(hours: WeeklyHours, now: number, utcOffsetHours: number): OpenState {
  const { day, minute } = localTime(now, utcOffsetHours);
  for (const [open, close] of hours[day] ?? []) {
    if (minute >= open && minute < close) return { open: true, closesAt: close };
  }
  for (let ahead = 0; ahead < 8; ahead++) {
    const d = (day + ahead) % 7;
    const next = (hours[d] ?? []).find(([open]) => ahead > 0 || open > minute);
    if (next) return { open: false, opensAt: { day: d, minute: next[0], today: ahead === 0 } };
  }
  return { open: false };
}

export function formatTime(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * "Пн–Пт 9:00–20:00, Сб 9:00–17:00": consecutive days with the same hours grouped; closed days left out.
 * `dayNames` are the short names Monday first (from the locale file).
 */
export function formatWeeklyHours(hours: WeeklyHours, dayNames: readonly string[]): string {
  const key = (d: number) => (hours[d] ?? []).map(([a, b]) => `${formatTime(a)}–${formatTime(b)}`).join(', ');
  const parts: string[] = [];
  let d = 0;
  while (d < 7) {
    const k = key(d);
    let e = d;
    while (e + 1 < 7 && key(e + 1) === k) e++;
    if (k) parts.push(`${dayNames[d]}${e > d ? `–${dayNames[e]}` : ''} ${k}`);
    d = e + 1;
  }
  return parts.join(', ');
}
