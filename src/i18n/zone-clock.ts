/**
 * The wall clock of a time zone at an instant, without ICU for Russia's zones.
 *
 * Every Russian zone has kept one UTC offset since Volgograd's last change on 27 December 2020 (no daylight saving
 * since 2014), so the offset is a table look-up. Asking `Intl.DateTimeFormat` instead maps ~7 MB of ICU's data (the
 * zone rules, the locale's calendar and its names) into the process for good, and that is 3–4% of the memory the
 * assistant may take under load (issue 8). Other zones, and instants before the table holds, go to `Intl`; a unit test
 * compares the table with `Intl` for every zone in it, so a future change of Russia's zones in Node's time zone data
 * fails it.
 */

const HOUR_MS = 3_600_000;
const QUARTER_MS = 15 * 60_000;

/** 27 December 2020, 02:00 in Volgograd (+4 before, +3 after): from here on the table is right. */
export const FIXED_OFFSETS_SINCE = Date.UTC(2020, 11, 26, 22);

/** UTC offsets in hours, as Node's time zone data has them since FIXED_OFFSETS_SINCE. */
const FIXED_OFFSET_HOURS: ReadonlyMap<string, number> = new Map([
  ['UTC', 0],
  ['Etc/UTC', 0],
  ['Europe/Kaliningrad', 2],
  ['Europe/Moscow', 3],
  ['Europe/Simferopol', 3],
  ['Europe/Kirov', 3],
  ['Europe/Volgograd', 3],
  ['Europe/Astrakhan', 4],
  ['Europe/Samara', 4],
  ['Europe/Saratov', 4],
  ['Europe/Ulyanovsk', 4],
  ['Asia/Yekaterinburg', 5],
  ['Asia/Omsk', 6],
  ['Asia/Barnaul', 7],
  ['Asia/Krasnoyarsk', 7],
  ['Asia/Novokuznetsk', 7],
  ['Asia/Novosibirsk', 7],
  ['Asia/Tomsk', 7],
  ['Asia/Irkutsk', 8],
  ['Asia/Chita', 9],
  ['Asia/Khandyga', 9],
  ['Asia/Yakutsk', 9],
  ['Asia/Ust-Nera', 10],
  ['Asia/Vladivostok', 10],
  ['Asia/Magadan', 11],
  ['Asia/Sakhalin', 11],
  ['Asia/Srednekolymsk', 11],
  ['Asia/Anadyr', 12],
  ['Asia/Kamchatka', 12],
]);

/** The zones whose offset is a look-up (the test compares each with Intl). */
export const FIXED_OFFSET_ZONES: readonly string[] = [...FIXED_OFFSET_HOURS.keys()];

/** Whether `zone` names a time zone (e.g. Europe/Moscow). */
export function isTimeZone(zone: string): boolean {
  if (FIXED_OFFSET_HOURS.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (Moscow: +3 h). */
export function offsetAt(ms: number, timeZone: string): number {
  const hours = FIXED_OFFSET_HOURS.get(timeZone);
  if (hours !== undefined && ms >= FIXED_OFFSETS_SINCE) return hours * HOUR_MS;
  return intlOffsetAt(ms, timeZone);
}

/**
 * Offsets read from Intl by zone and quarter of an hour. Offsets change only at a zone's transitions, which fall on
 * whole quarters of an hour, so one Intl call per quarter serves every instant in it.
 */
const intlOffsets = new Map<string, number>();

/** The offset as Node's time zone data has it (the table is checked against it). */
export function intlOffsetAt(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_MS);
  const key = `${timeZone}\u0000${quarter}`;
  let offset = intlOffsets.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const parts = Object.fromEntries(
      intlFormatter(timeZone)
        .formatToParts(start)
        .map((p) => [p.type, Number(p.value)]),
    ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    offset = local - start;
    if (intlOffsets.size >= 10_000) intlOffsets.clear();
    intlOffsets.set(key, offset);
  }
  return offset;
}

const intlFormatters = new Map<string, Intl.DateTimeFormat>();
function intlFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = intlFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    intlFormatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant. */
export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  weekday: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
  /** The local date, YYYY-MM-DD. */
  date: string;
}

export function wallClock(ms: number, timeZone: string): WallClock {
  const local = new Date(ms + offsetAt(ms, timeZone));
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour,
    minute,
    weekday: local.getUTCDay(),
    msOfDay: ((hour * 60 + minute) * 60 + local.getUTCSeconds()) * 1000 + local.getUTCMilliseconds(),
    date: local.toISOString().slice(0, 10),
  };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "09:05" in the zone: how both of our locales write a time of day. */
export function clockTime(ms: number, timeZone: string): string {
  const c = wallClock(ms, timeZone);
  return `${twoDigits(c.hour)}:${twoDigits(c.minute)}`;
}

/** "07.12.2026" in the zone. */
export function numericDate(ms: number, timeZone: string): string {
  const c = wallClock(ms, timeZone);
  return `${twoDigits(c.day)}.${twoDigits(c.month)}.${c.year}`;
}

/** "07.12" in the zone. */
export function numericDayMonth(ms: number, timeZone: string): string {
  const c = wallClock(ms, timeZone);
  return `${twoDigits(c.day)}.${twoDigits(c.month)}`;
}
