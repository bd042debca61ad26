import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../../src/knowledge/check-knowledge.js';
import { reviewSchedule } from '../../../src/knowledge/review-schedule.js';

describe('the review schedule kb:check prints for curators', () => {
  const entries = [
    { id: 'pension-old', reviewBy: '2026-11-01' },
    { id: 'ep-b', reviewBy: '2026-12-31' },
    { id: 'ep-a', reviewBy: '2026-12-31' },
    { id: 'later', reviewBy: '2027-06-30' },
    { id: 'edge', reviewBy: '2026-12-04' },
  ];

  it('counts past, soon and later, and lists what is past or due soon by date, ids sorted', () => {
    const lines = reviewSchedule(entries, '2026-12-04', 30);
    expect(lines[0]).toBe('Review dates (today 2026-12-04): 1 past, 3 due within 30 days, 1 later.');
    expect(lines.slice(1)).toEqual([
      '  2026-11-01 (past): 1',
      '    pension-old',
      '  2026-12-04: 1',
      '    edge',
      '  2026-12-31: 2',
      '    ep-a, ep-b',
    ]);
    expect(lines.join('\n')).not.toContain('later,');
  });

  it('wraps a long list of ids into lines a terminal shows whole', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `entry-number-${i}`, reviewBy: '2026-12-31' }));
    const lines = reviewSchedule(many, '2026-12-04').slice(2);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110);
    expect(lines.join(' ').match(/entry-number-\d+/g)).toHaveLength(40);
  });

  it('is part of the kb:check report', () => {
    const report = checkKnowledge('tests/unit/knowledge/fixtures/valid', { today: '2026-11-23' });
    expect(report.text).toMatch(
      /Review dates \(today 2026-11-23\): \d+ past, \d+ due within 30 days, \d+ later\./,
    );
  });
});
