import { describe, expect, it } from 'vitest';
import {
  addWorkingMs,
  closingTime,
  isOpen,
  loadWorkingHours,
  localTime,
  nextOpening,
  parseWorkingHours,
  WorkingHoursError,
  workingMsBetween,
} from '../../../src/handoff/working-hours.js';

/** Moscow is UTC+3 all year: 09:00 MSK is 06:00 UTC. */
const msk = (iso: string) => Date.parse(`${iso}+03:00`);
const H = 3_600_000;

const hours = parseWorkingHours({
  timezone: 'Europe/Moscow',
  timezone_label: { ru: 'по московскому времени' },
  week: {
    mon: '09:00-18:00',
    tue: '09:00-18:00',
    wed: ['09:00-13:00', '14:00-18:00'],
    thu: '09:00-18:00',
    fri: '09:00-16:45',
    sat: 'closed',
    sun: null,
  },
  holidays: ['2026-12-31', '2027-01-01', '2027-01-04'],
  workdays: { '2027-01-09': '10:00-15:00' },
});

describe('working hours', () => {
  it('are open inside the ranges of the day, in the configured zone whatever the server zone', () => {
    expect(isOpen(hours, msk('2026-11-23T09:00:00'))).toBe(true); // Monday
    expect(isOpen(hours, msk('2026-11-23T08:59:59'))).toBe(false);
    expect(isOpen(hours, msk('2026-11-23T18:00:00'))).toBe(false); // the end is not included
    expect(isOpen(hours, msk('2026-11-25T13:30:00'))).toBe(false); // Wednesday lunch
    expect(isOpen(hours, msk('2026-11-27T16:50:00'))).toBe(false); // Friday ends at 16:45
    expect(isOpen(hours, msk('2026-11-28T12:00:00'))).toBe(false); // Saturday
  });

  it('know holidays and transferred working days', () => {
    expect(isOpen(hours, msk('2026-12-31T12:00:00'))).toBe(false); // a Thursday, but a holiday
    expect(isOpen(hours, msk('2027-01-09T12:00:00'))).toBe(true); // a Saturday worked
    expect(isOpen(hours, msk('2027-01-09T15:30:00'))).toBe(false);
  });

  it('tell when consultants next work: the evening before, over a weekend, over the New Year', () => {
    expect(nextOpening(hours, msk('2026-11-23T19:00:00'))).toBe(msk('2026-11-24T09:00:00'));
    expect(nextOpening(hours, msk('2026-11-27T17:00:00'))).toBe(msk('2026-11-30T09:00:00'));
    expect(nextOpening(hours, msk('2026-11-25T13:10:00'))).toBe(msk('2026-11-25T14:00:00'));
    expect(nextOpening(hours, msk('2026-12-30T18:30:00'))).toBe(msk('2027-01-05T09:00:00'));
    const open = msk('2026-11-23T10:00:00');
    expect(nextOpening(hours, open)).toBe(open);
    expect(closingTime(hours, open)).toBe(msk('2026-11-23T18:00:00'));
    expect(closingTime(hours, msk('2026-11-23T20:00:00'))).toBeUndefined();
  });

  it('count waiting in working time only: a night does not count', () => {
    expect(workingMsBetween(hours, msk('2026-11-23T17:00:00'), msk('2026-11-24T10:00:00'))).toBe(2 * H);
    expect(workingMsBetween(hours, msk('2026-11-28T10:00:00'), msk('2026-11-29T10:00:00'))).toBe(0);
    expect(workingMsBetween(hours, msk('2026-11-25T12:00:00'), msk('2026-11-25T15:00:00'))).toBe(2 * H);
    expect(addWorkingMs(hours, msk('2026-11-23T17:30:00'), H)).toBe(msk('2026-11-24T09:30:00'));
    expect(addWorkingMs(hours, msk('2026-11-28T03:00:00'), 0)).toBe(msk('2026-11-30T09:00:00'));
  });

  it('answer from the hours asked about: days already worked out for other hours are not reused', () => {
    const from = msk('2026-11-23T17:30:00');
    expect(addWorkingMs(hours, from, H)).toBe(msk('2026-11-24T09:30:00'));
    // The same days again, with hours edited and reloaded: a longer Monday and a later Tuesday.
    const edited = parseWorkingHours({
      timezone: 'Europe/Moscow',
      week: { mon: '09:00-20:00', tue: '11:00-18:00', wed: null, thu: null, fri: null, sat: null, sun: null },
    });
    expect(addWorkingMs(edited, from, H)).toBe(msk('2026-11-23T18:30:00'));
    expect(addWorkingMs(edited, from, 3 * H)).toBe(msk('2026-11-24T11:30:00'));
    expect(workingMsBetween(edited, from, msk('2026-11-24T12:00:00'))).toBe(3.5 * H);
    // And the first hours still answer as before.
    expect(addWorkingMs(hours, from, 3 * H)).toBe(msk('2026-11-24T11:30:00'));
    expect(workingMsBetween(hours, from, msk('2026-11-24T12:00:00'))).toBe(3.5 * H);
  });

  it('name every mistake in the file at once, for an operator', () => {
    expect(() =>
      parseWorkingHours({
        timezone: 'Europe/Moskva',
        week: { mon: '9-18', tue: '18:00-09:00', wed: null, thu: null, fri: null, sat: null, sun: null },
        holidays: ['31.12.2026'],
      }),
    ).toThrow(WorkingHoursError);
    try {
      parseWorkingHours({
        timezone: 'Europe/Moskva',
        week: { mon: '9-18', tue: '18:00-09:00', wed: null, thu: null, fri: null, sat: null, sun: null },
        holidays: ['31.12.2026'],
      });
    } catch (error) {
      const text = (error as WorkingHoursError).problems.join('\n');
      expect(text).toMatch(/timezone: "Europe\/Moskva" is not a time zone/);
      expect(text).toMatch(/week\.mon: "9-18" is not a range like 09:00-18:00/);
      expect(text).toMatch(/week\.tue: "18:00-09:00" ends before it starts/);
      expect(text).toMatch(/holidays: "31\.12\.2026" is not a date/);
    }
  });

  it('the shipped file is valid and closed on weekends', () => {
    const shipped = loadWorkingHours('data/console/working-hours.yaml');
    expect(shipped.timeZone).toBe('Europe/Moscow');
    expect(shipped.label.ru).toMatch(/москов/);
    expect(isOpen(shipped, msk('2026-11-29T12:00:00'))).toBe(false);
  });
});

describe('local time (offsets cached by quarter hour)', () => {
  it('matches Intl at every instant around daylight-saving changes, in zones with odd offsets too', () => {
    const zones = [
      'Europe/Moscow',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ];
    // Days with transitions in 2026 (Berlin and New York in March, Lord Howe in April), 7-minute steps and odd ms.
    const starts = [Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 29), Date.UTC(2026, 3, 4), Date.UTC(2026, 9, 25)];
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
      for (const start of starts) {
        for (let ms = start; ms < start + 2 * 86_400_000; ms += 7 * 60_000 + 123) {
          const p = Object.fromEntries(intl.formatToParts(ms).map((x) => [x.type, x.value]));
          expect(localTime(ms, timeZone)).toEqual({
            date: `${p.year}-${p.month}-${p.day}`,
            msOfDay: (Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second)) * 1000 + (ms % 1000),
          });
        }
      }
    }
  });
});
