import { describe, expect, it } from 'vitest';
import { clarificationHits, judge } from '../../../src/search/confidence.js';
import type { RankedEntry } from '../../../src/search/knowledge-index.js';
import { DEFAULT_SEARCH_CONFIG } from '../../../src/search/search-config.js';

const entry = (
  id: string,
  topic: string,
  score: number,
  matched: [number, number][] = [],
  regional = false,
) =>
  ({
    entry: { id, topic, regions: regional ? ['perm'] : ['federal'] },
    score,
    matches: matched.map(([idf, strength], i) => ({ stem: `w${i}`, idf, strength })),
  }) satisfies RankedEntry;

const input = (
  ranked: RankedEntry[],
  queryMass: number,
  extra: Partial<{ welfare: boolean; region: boolean }> = {},
) => ({
  ranked,
  queryMass,
  mentionsWelfare: extra.welfare ?? true,
  regionKnown: extra.region ?? false,
});

describe('judge', () => {
  const config = DEFAULT_SEARCH_CONFIG;

  it('answers when the best entry explains the question and stands clear of other topics', () => {
    const j = judge(
      input(
        [
          entry('a', 'A', 10, [
            [2.5, 1],
            [2.5, 1],
          ]),
          entry('b', 'B', 3),
        ],
        5,
      ),
      config,
    );
    expect(j.band).toBe('answer');
    expect(j.hits).toEqual([{ entryId: 'a', topic: 'A', score: 10 }]);
    expect(j.confidence).toBeGreaterThan(config.bands.answer);
  });

  it('never answers with an entry written for a group the question does not name, and offers it after the others', () => {
    const ranked = [
      entry('conscripts', 'A', 10, [
        [2.5, 1],
        [2.5, 1],
      ]),
      entry('b', 'B', 6),
      entry('c', 'C', 5),
    ];
    expect(judge(input(ranked, 5), config).band).toBe('answer');
    const j = judge({ ...input(ranked, 5), forOthers: (r) => r.entry.id === 'conscripts' }, config);
    expect(j.band).toBe('clarify');
    expect(j.hits.map((h) => h.entryId)).toEqual(['b', 'c', 'conscripts']);
  });

  it('does not offer beside an answer an entry of its topic written for a group the question does not name', () => {
    const ranked = [
      entry('a', 'A', 10, [
        [2.5, 1],
        [2.5, 1],
      ]),
      entry('students', 'A', 9.5),
      entry('b', 'B', 3),
    ];
    expect(judge(input(ranked, 5), config).hits.map((h) => h.entryId)).toEqual(['a', 'students']);
    const j = judge({ ...input(ranked, 5), forOthers: (r) => r.entry.id === 'students' }, config);
    expect(j.hits.map((h) => h.entryId)).toEqual(['a']);
  });

  it('answers when only an entry written for a group the question does not name stands near the best', () => {
    const matched: [number, number][] = [
      [2.5, 1],
      [2.5, 1],
    ];
    // The pregnant women's entry (another topic) within 6% of the children's: no rival, as it is never the answer.
    const rival = [entry('a', 'A', 10, matched), entry('pregnant', 'B', 9.4), entry('c', 'C', 4)];
    expect(judge(input(rival, 5), config).band).toBe('clarify');
    const j = judge({ ...input(rival, 5), forOthers: (r) => r.entry.id === 'pregnant' }, config);
    expect(j.band).toBe('answer');
    expect(j.hits.map((h) => h.entryId)).toEqual(['a']);
    // Ranked first, it still makes choices (its group may be what is asked about in other words).
    const above = [entry('pregnant', 'B', 12, matched), entry('a', 'A', 10, matched), entry('c', 'C', 4)];
    const k = judge({ ...input(above, 5), forOthers: (r) => r.entry.id === 'pregnant' }, config);
    expect(k.band).toBe('clarify');
  });

  it('answers a benefit named alone with the entry that has its name as an example question, when it ranks with the best', () => {
    const matched: [number, number][] = [[3, 1]];
    const ranked = [
      entry('amount', 'A', 10, matched),
      entry('overview', 'A', 9.9, matched),
      entry('income', 'A', 9.5, matched),
      entry('pregnant', 'B', 9.3, matched),
    ];
    const alone = { ...input(ranked, 3), subjectAlone: true, subjectOnly: true };
    expect(judge(alone, config).band).toBe('clarify');
    const j = judge({ ...alone, subjectEntry: (r) => r.entry.id === 'overview' }, config);
    expect({ band: j.band, hits: j.hits.map((h) => h.entryId) }).toEqual({
      band: 'answer',
      hits: ['overview', 'amount'],
    });
    // Far below the best, it is not the answer.
    const far = [entry('amount', 'A', 10, matched), entry('overview', 'A', 5, matched)];
    const k = judge(
      {
        ...input(far, 3),
        subjectAlone: true,
        subjectOnly: true,
        subjectEntry: (r) => r.entry.id === 'overview',
      },
      config,
    );
    expect(k.hits[0]?.entryId).toBe('amount');
  });

  it('offers a hand-off the best entry written for the person asking', () => {
    const ranked = [entry('conscripts', 'A', 10, [[1, 1]]), entry('b', 'B', 4)];
    const j = judge({ ...input(ranked, 5), forOthers: (r) => r.entry.id === 'conscripts' }, config);
    expect(j.band).toBe('handoff');
    expect(j.hits.map((h) => h.entryId)).toEqual(['b']);
  });

  it('takes a little less evidence when every word matched and no other topic comes near, and no less otherwise', () => {
    // 2.2 of evidence, under the 2.45 needed, all of the question matched.
    const matched: [number, number][] = [
      [2.1, 1],
      [0.1, 1],
    ];
    const clear = judge(input([entry('a', 'A', 10, matched), entry('b', 'B', 2.5)], 2.2), config);
    expect(clear.band).toBe('answer');
    const near = judge(input([entry('a', 'A', 10, matched), entry('b', 'B', 4)], 2.2), config);
    expect(near.band).toBe('handoff');
    const partly = judge(input([entry('a', 'A', 10, matched), entry('b', 'B', 2.5)], 4), config);
    expect(partly.band).toBe('handoff');
  });

  it('asks which one is meant when another topic scores nearly as well', () => {
    const j = judge(
      input(
        [
          entry('a', 'A', 10, [
            [3, 1],
            [3, 1],
          ]),
          entry('b', 'B', 9.5),
          entry('c', 'C', 2),
        ],
        6,
      ),
      config,
    );
    expect(j.band).toBe('clarify');
    expect(j.hits.map((h) => h.entryId)).toEqual(['a', 'b']);
  });

  it('does not count a second entry of the same topic as a rival', () => {
    const j = judge(
      input(
        [
          entry('a', 'A', 10, [
            [3, 1],
            [3, 1],
          ]),
          entry('a2', 'A', 9.9),
          entry('b', 'B', 2),
        ],
        6,
      ),
      config,
    );
    expect(j.band).toBe('answer');
  });

  it('hands off a welfare question that only matches generic words', () => {
    const j = judge(input([entry('a', 'A', 10, [[0.7, 1]]), entry('b', 'B', 2)], 0.7), config);
    expect(j.band).toBe('handoff');
  });

  it('calls a message with no match and no welfare words out of scope', () => {
    expect(judge(input([], 4, { welfare: false }), config).band).toBe('out_of_scope');
    expect(judge(input([], 4, { welfare: true }), config).band).toBe('handoff');
  });

  it('lowers confidence when much of the question is left unexplained', () => {
    const full = judge(input([entry('a', 'A', 10, [[3, 1]])], 3), config);
    const half = judge(input([entry('a', 'A', 10, [[3, 1]])], 6), config);
    expect(half.confidence).toBeLessThan(full.confidence);
  });

  it('does not answer a long letter that the best entry matches only in a small share of its words', () => {
    // Four matched words of idf 2.5: 10 of evidence, past the saturation of coverage, so the confidence is high.
    const matched: [number, number][] = [
      [2.5, 1],
      [2.5, 1],
      [2.5, 1],
      [2.5, 1],
    ];
    const rivalAt = (score: number) => [entry('a', 'A', 10, matched), entry('b', 'B', score)];
    // A short question those words make up: answered.
    expect(judge(input(rivalAt(4), 12), config).band).toBe('answer');
    // A letter of 60 (the same words a sixth of it): choices, though its confidence clears the answer's line.
    const letter = judge(input(rivalAt(4), 60), config);
    expect(letter.confidence).toBeGreaterThan(config.bands.answer);
    expect(letter.band).toBe('clarify');
    expect(letter.hits.map((h) => h.entryId)).toEqual(['a', 'b']);
    // ...unless no other topic comes near.
    expect(judge(input(rivalAt(2.5), 60), config).band).toBe('answer');
  });

  it('is stricter with a regional entry while the region is unknown', () => {
    const ranked = [
      entry(
        'p',
        'perm-x',
        10,
        [
          [3, 1],
          [3, 1],
        ],
        true,
      ),
      entry('f', 'F', 7),
    ];
    expect(judge(input(ranked, 6, { region: true }), config).band).toBe('answer');
    expect(judge(input(ranked, 6, { region: false }), config).band).toBe('clarify');
  });
});

describe('clarificationHits', () => {
  it('offers distinct topics first, then fills with other entries', () => {
    const ranked = [entry('a1', 'A', 10), entry('a2', 'A', 7), entry('b', 'B', 6), entry('a3', 'A', 5)];
    expect(clarificationHits(ranked, 3, 0).map((h) => h.entryId)).toEqual(['a1', 'b', 'a2']);
  });

  it("offers the best entry's close twin of its own topic second, before the other topics", () => {
    const ranked = [entry('a1', 'A', 10), entry('a2', 'A', 9), entry('b', 'B', 8), entry('c', 'C', 7)];
    expect(clarificationHits(ranked, 3, 0).map((h) => h.entryId)).toEqual(['a1', 'a2', 'b']);
    // With two places, the other topic still comes second.
    expect(clarificationHits(ranked, 2, 0).map((h) => h.entryId)).toEqual(['a1', 'b']);
  });

  it('leaves out entries far below the best', () => {
    const ranked = [entry('a', 'A', 10), entry('b', 'B', 8), entry('c', 'C', 1)];
    expect(clarificationHits(ranked, 3, 4).map((h) => h.entryId)).toEqual(['a', 'b']);
  });
});
