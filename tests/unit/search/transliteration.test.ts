import { describe, expect, it } from 'vitest';
import { transliterateWord } from '../../../src/search/transliteration.js';

describe('transliterateWord', () => {
  it('reads common informal transliteration', () => {
    expect(transliterateWord('posobie')[0]).toBe('пособие');
    expect(transliterateWord('matkapital')[0]).toBe('маткапитал');
    expect(transliterateWord('kommunalka')[0]).toBe('коммуналка');
    expect(transliterateWord('shchedro')[0]).toBe('щедро');
  });

  it('offers both readings where a letter pair is ambiguous', () => {
    // "ts" is ц in "tsentr" and тс in "detskie"
    expect(transliterateWord('detskie')).toContain('детские');
    expect(transliterateWord('tsentr')).toContain('центр');
  });

  it('reads "y" after a vowel at the end as й', () => {
    expect(transliterateWord('detskiy')).toContain('детский');
  });
});
