import { describe, expect, it } from 'vitest';
import { bandsFor, DEFAULT_SEARCH_CONFIG, EVIDENCE_REFERENCE } from '../../../src/search/search-config.js';

/** The rarity the index gives a word in `df` of `n` entries (knowledge-index.ts). */
const rarity = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

describe('the evidence thresholds as the knowledge base grows', () => {
  const bands = DEFAULT_SEARCH_CONFIG.bands;

  it('keeps one word found in ten entries below the least evidence, at any size from the reference up', () => {
    // At the reference size, a word in ten entries is just short of the line (2.4689 against 2.47); each entry added
    // raised it, until it crossed the line as written (at 124 entries).
    expect(rarity(EVIDENCE_REFERENCE.wordEntries, 124)).toBeGreaterThan(bands.minEvidence);
    for (const n of [123, 124, 130, 200, 1000]) {
      expect(rarity(EVIDENCE_REFERENCE.wordEntries, n), `${n} entries`).toBeLessThan(
        bandsFor(bands, n).minEvidence,
      );
      // A word in nine entries still counts as enough.
      expect(rarity(EVIDENCE_REFERENCE.wordEntries - 1, n), `${n} entries`).toBeGreaterThan(
        bandsFor(bands, n).minEvidence,
      );
    }
  });

  it('moves the least evidence with no other threshold, and leaves a smaller knowledge base (a test’s) as written', () => {
    const grown = bandsFor(bands, 150);
    const rise = grown.minEvidence - bands.minEvidence;
    expect(rise).toBeGreaterThan(0);
    expect(grown.minEvidenceSeparated - bands.minEvidenceSeparated).toBeCloseTo(rise, 12);
    expect({ ...grown, minEvidence: 0, minEvidenceSeparated: 0 }).toEqual({
      ...bands,
      minEvidence: 0,
      minEvidenceSeparated: 0,
    });
    expect(bandsFor(bands, 20)).toEqual(bands);
    expect(bandsFor(bands, EVIDENCE_REFERENCE.entries)).toEqual(bands);
  });
});
