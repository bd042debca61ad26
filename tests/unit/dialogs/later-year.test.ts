import { describe, expect, it } from 'vitest';
import { figuresChangeBy, laterYearAsked } from '../../../src/dialogs/later-year.js';
import type { KnowledgeEntry } from '../../../src/knowledge/entry.js';
import type { Figure } from '../../../src/knowledge/figures.js';

describe('laterYearAsked', () => {
  it.each([
    ['а на 2027', 2027],
    ['единое пособие с 1 января 2027 сколько будет', 2027],
    ['а в следующем году сколько', 2027],
    ['а на будущий год', 2027],
  ])('«%s» asks about %i (in 2026)', (text, year) => {
    expect(laterYearAsked(text, 2026)).toBe(year);
  });

  it.each(['а в 2026', 'а в 2025 году сколько было', 'мне 2050 рублей', 'а сколько'])(
    '«%s» asks about no later year',
    (text) => {
      expect(laterYearAsked(text, 2026)).toBeUndefined();
    },
  );
});

describe('figuresChangeBy', () => {
  const figure = (key: string, nextChange?: string): Figure => ({
    key,
    title: key,
    unit: 'rub',
    regional: false,
    values: {},
    ...(nextChange ? { nextChange } : {}),
  });
  const figures = new Map([
    ['pm', figure('pm', '2027-01-01')],
    ['edv', figure('edv', '2027-02-01')],
    ['fixed', figure('fixed')],
  ]);
  const entry = (short: string, amount?: string) =>
    ({ short, sections: amount ? { amount } : {} }) as unknown as KnowledgeEntry;

  it('is the earliest change by the year asked of the figures the entry shows', () => {
    expect(figuresChangeBy(entry('{{fig:edv}}', 'и {{fig:pm*0.5}}'), figures, 2027)).toBe('2027-01-01');
    expect(figuresChangeBy(entry('{{fig:edv}}'), figures, 2027)).toBe('2027-02-01');
  });

  it('is undefined for figures that do not change by then, or none', () => {
    expect(figuresChangeBy(entry('{{fig:fixed}}'), figures, 2027)).toBeUndefined();
    expect(figuresChangeBy(entry('{{fig:pm}}'), figures, 2026)).toBeUndefined();
    expect(figuresChangeBy(entry('без сумм'), figures, 2027)).toBeUndefined();
  });
});

describe('laterYearAsked, greetings', () => {
  it('«с новым годом» is a greeting, «с нового года» a date', () => {
    expect(laterYearAsked('с новым годом, какой прожиточный минимум в перми', 2026)).toBeUndefined();
    expect(laterYearAsked('с нового года сколько будет пенсия', 2026)).toBe(2027);
  });
});
