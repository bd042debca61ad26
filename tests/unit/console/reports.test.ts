/** The dashboard figures and the curators' grouping of weak answers (pure functions over what SQL returns). */
import { describe, expect, it } from 'vitest';
import {
  buildDashboard,
  groupWeakAnswers,
  median,
  normalizeQuestion,
  troubledEntries,
} from '../../../src/console/reports.js';

const MIN = 60_000;

describe('the dashboard', () => {
  it('fills quiet days with zero, sums platforms, computes shares, medians and ratings', () => {
    const d = buildDashboard({
      days: [
        { day: 20_000, platform: 'telegram', conversations: 3, resolvedByAssistant: 2, handedOff: 1 },
        { day: 20_000, platform: 'vk', conversations: 1, resolvedByAssistant: 0, handedOff: 1 },
        { day: 20_002, platform: 'telegram', conversations: 4, resolvedByAssistant: 3, handedOff: 0 },
      ],
      tickets: [
        {
          createdAt: 0,
          takenAt: 2 * MIN,
          firstResponseAt: 3 * MIN,
          status: 'closed',
          rating: 5,
          platform: 'telegram',
        },
        {
          createdAt: 0,
          takenAt: 6 * MIN,
          firstResponseAt: null,
          status: 'closed',
          rating: 2,
          platform: 'vk',
        },
        {
          createdAt: 0,
          takenAt: null,
          firstResponseAt: null,
          status: 'cancelled',
          rating: null,
          platform: 'vk',
        },
      ],
      topTopics: [{ topic: 'unified-child-benefit', count: 3 }],
      fromDay: 20_000,
      toDay: 20_002,
      workingMs: (a, b) => b - a,
    });
    expect(d.days.map((x) => [x.date, x.total])).toEqual([
      ['2024-10-04', 4],
      ['2024-10-05', 0],
      ['2024-10-06', 4],
    ]);
    expect(d.days[0]?.byPlatform).toEqual({ telegram: 3, vk: 1 });
    expect(d).toMatchObject({
      conversations: 8,
      resolvedByAssistant: 5,
      handedOff: 2,
      resolvedShare: 5 / 8,
      handoffRate: 2 / 8,
    });
    expect(d.medianWaitMs).toBe(4 * MIN);
    expect(d.medianFirstResponseMs).toBe(3 * MIN);
    expect(d.ratings).toEqual({ counts: [0, 1, 0, 0, 1], total: 2, average: 3.5 });
    expect(d.tickets).toEqual({ created: 3, taken: 2, closed: 2, cancelled: 1, open: 0 });
    expect(median([])).toBeUndefined();
  });
});

describe('weak answers for curators', () => {
  it('groups by what went wrong, then by topic, counting the same question once', () => {
    const rows = [
      {
        id: 1,
        text: 'Пособие на ребёнка?!',
        outcome: 'handoff',
        detail: 'search:not_sure',
        confidence: 0.2,
        topic: null,
        createdAt: 1,
      },
      {
        id: 2,
        text: 'пособие на ребенка',
        outcome: 'handoff',
        detail: 'failed_searches',
        confidence: null,
        topic: null,
        createdAt: 2,
      },
      {
        id: 3,
        text: 'сколько платят ветеранам',
        outcome: 'answer',
        detail: 'search',
        confidence: 0.5,
        topic: 'veterans',
        createdAt: 3,
      },
      {
        id: 4,
        text: 'погода',
        outcome: 'refuse',
        detail: 'search:out_of_scope',
        confidence: 0.1,
        topic: null,
        createdAt: 4,
      },
    ];
    const report = groupWeakAnswers(rows);
    expect(report.map((r) => [r.kind, r.count])).toEqual([
      ['not_found', 2],
      ['low_confidence', 1],
      ['out_of_scope', 1],
    ]);
    expect(report[0]?.groups[0]?.questions).toEqual([
      { text: 'пособие на ребенка', count: 2, lastAt: 2, confidence: 0.2 },
    ]);
    expect(normalizeQuestion('  Ёлка, ЁЖ!! ')).toBe('елка еж');
  });
});

describe('answers people had trouble with', () => {
  const r = (
    entryId: string,
    answers: number,
    helpful: number,
    notHelpful: number,
    notUnderstood: number,
  ) => ({
    entryId,
    answers,
    helpful,
    notHelpful,
    notUnderstood,
  });

  it('lists entries with a 👎 or a "не понял", most troubles first, then the most answered; liked ones stay out', () => {
    const rows = [
      r('liked', 50, 12, 0, 0),
      r('one-dislike', 3, 0, 1, 0),
      r('confusing', 40, 2, 1, 4),
      r('busy-one-dislike', 30, 5, 1, 0),
    ];
    expect(troubledEntries(rows).map((x) => x.entryId)).toEqual([
      'confusing',
      'busy-one-dislike',
      'one-dislike',
    ]);
    expect(troubledEntries(rows, 1)).toHaveLength(1);
  });
});
