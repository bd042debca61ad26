import { describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../../src/knowledge/entry.js';
import { createDatedEntries } from '../../../src/search/dated-entries.js';
import type { RankedEntry } from '../../../src/search/knowledge-index.js';

const entry = (id: string, topic: string, title: string) => ({ id, topic, title }) as KnowledgeEntry;
const ENTRIES = [
  entry('next', 'indexation', 'Повышение пенсий в 2027 году'),
  entry('this', 'indexation', 'Индексация страховых пенсий в 2026 году'),
  entry('plain', 'indexation', 'Как узнать размер пенсии'),
  entry('matcap', 'matcap', 'Размер материнского капитала в 2026 году'),
  entry('rule', 'indexation', 'Новое правило с 1 апреля 2027 года'),
];
const ranked = (...scores: [string, number][]): RankedEntry[] =>
  scores.map(([id, score]) => {
    const e = ENTRIES.find((x) => x.id === id)!;
    return { entry: { id, topic: e.topic, regions: ['federal'] }, score, matches: [] };
  });
const order = (r: RankedEntry[]) => r.map((x) => `${x.entry.id}:${x.score}`);

describe('preferYearAsked', () => {
  const dated = createDatedEntries(ENTRIES);

  it('halves an entry dated to another year when its topic has one dated to the year asked', () => {
    const r = dated.preferYearAsked(ranked(['next', 10], ['this', 9], ['plain', 8]), ['пенсия', '2026']);
    expect(order(r)).toEqual(['this:9', 'plain:8', 'next:5']);
  });

  it('takes no start date of a rule for the year an entry is written for («с 1 апреля 2027 года»)', () => {
    const input = ranked(['rule', 10], ['this', 9]);
    expect(order(dated.preferYearAsked(input, ['правило', '2026']))).toEqual(['rule:10', 'this:9']);
  });

  it('leaves the ranking alone when no year is named, or no entry of the topic is dated to it', () => {
    const input = ranked(['next', 10], ['this', 9]);
    expect(dated.preferYearAsked(input, ['пенсия'])).toBe(input);
    expect(order(dated.preferYearAsked(ranked(['matcap', 10], ['next', 3]), ['маткапитал', '2027']))).toEqual(
      ['matcap:10', 'next:3'],
    );
  });
});
