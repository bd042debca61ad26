import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clockTime,
  FIXED_OFFSET_ZONES,
  FIXED_OFFSETS_SINCE,
  intlOffsetAt,
  isTimeZone,
  numericDate,
  numericDayMonth,
  offsetAt,
  wallClock,
} from '../../../src/i18n/zone-clock.js';

const HOUR = 3_600_000;

describe('zone clock', () => {
  afterEach(() => vi.restoreAllMocks());

  it("has every Russian zone's offset as Node's time zone data has it, from the table's start to 2031", () => {
    expect(FIXED_OFFSET_ZONES).toContain('Europe/Moscow');
    expect(FIXED_OFFSET_ZONES).toContain('Asia/Kamchatka');
    const wrong: string[] = [];
    for (const zone of FIXED_OFFSET_ZONES) {
      for (let ms = FIXED_OFFSETS_SINCE; ms < Date.UTC(2031, 0, 1); ms += 5 * 86_400_000 + 7 * HOUR) {
        if (offsetAt(ms, zone) !== intlOffsetAt(ms, zone)) {
          wrong.push(`${zone} ${new Date(ms).toISOString()}`);
          break;
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads Russian clocks without Intl, which would map ICU data into the process', () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat');
    const at = Date.UTC(2026, 11, 7, 20, 5);
    expect(clockTime(at, 'Europe/Moscow')).toBe('23:05');
    expect(clockTime(at, 'Asia/Yekaterinburg')).toBe('01:05');
    expect(numericDate(at, 'Asia/Yekaterinburg')).toBe('08.12.2026');
    expect(wallClock(at, 'Europe/Volgograd')).toMatchObject({ date: '2026-12-07', weekday: 1, hour: 23 });
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(intl).not.toHaveBeenCalled();
  });

  it('asks Intl for other zones and for instants before the table holds, daylight saving included', () => {
    // Volgograd was on +4 from October 2018 to 27 December 2020.
    expect(offsetAt(Date.UTC(2020, 5, 1), 'Europe/Volgograd')).toBe(4 * HOUR);
    expect(offsetAt(Date.UTC(2026, 6, 1, 12), 'America/New_York')).toBe(-4 * HOUR);
    expect(offsetAt(Date.UTC(2026, 0, 1, 12), 'America/New_York')).toBe(-5 * HOUR);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('writes times and dates as the Russian locale does', () => {
    const ru = (timeZone: string, options: Intl.DateTimeFormatOptions, ms: number) =>
      new Intl.DateTimeFormat('ru-RU', { timeZone, ...options }).format(ms);
    for (const zone of ['Europe/Moscow', 'Asia/Vladivostok', 'America/New_York']) {
      for (const ms of [
        Date.UTC(2026, 0, 5, 6, 7),
        Date.UTC(2026, 11, 31, 22, 59),
        Date.UTC(2027, 6, 15, 13),
      ]) {
        expect(clockTime(ms, zone)).toBe(ru(zone, { hour: '2-digit', minute: '2-digit' }, ms));
        expect(numericDate(ms, zone)).toBe(
          ru(zone, { day: '2-digit', month: '2-digit', year: 'numeric' }, ms),
        );
        expect(numericDayMonth(ms, zone)).toBe(ru(zone, { day: '2-digit', month: '2-digit' }, ms));
      }
    }
  });
});
