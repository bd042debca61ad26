/** Report periods from the address: real calendar dates from 2000 to 2100 only, anything else said so. */
import { describe, expect, it } from 'vitest';
import { isReportDate, parsePeriod } from '../../../src/console/routes/insight-routes.js';

const NOW = Date.parse('2026-12-05T09:00:00Z');
const ZONE = 'Europe/Moscow';

describe('report periods', () => {
  it('takes only dates that exist, 2000-01-01 to 2100-12-31', () => {
    for (const ok of ['2000-01-01', '2028-02-29', '2026-12-31', '2100-12-31'])
      expect(isReportDate(ok), ok).toBe(true);
    for (const bad of [
      '1999-12-31',
      '2101-01-01',
      '9999-12-31',
      '2026-02-29',
      '2026-02-30',
      '2026-13-45',
      '2026-00-10',
      '2026-1-5',
      'завтра',
    ])
      expect(isReportDate(bad), bad).toBe(false);
  });

  it('an invalid date falls back to the default and carries the message; a missing one is no error', () => {
    expect(parsePeriod({}, NOW, ZONE)).toEqual({ from: '2026-11-06', to: '2026-12-05' });
    expect(parsePeriod({ from: '', to: '' }, NOW, ZONE)).toEqual({ from: '2026-11-06', to: '2026-12-05' });
    expect(parsePeriod({ to: '9999-12-31' }, NOW, ZONE)).toEqual({
      from: '2026-11-06',
      to: '2026-12-05',
      error: 'period.invalid_date',
    });
    expect(parsePeriod({ from: '2026-02-30', to: '2026-03-10' }, NOW, ZONE)).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
      error: 'period.invalid_date',
    });
    expect(parsePeriod({ from: '2026-03-10', to: '2026-02-01' }, NOW, ZONE)).toEqual({
      from: '2026-02-01',
      to: '2026-03-10',
    });
  });
});
