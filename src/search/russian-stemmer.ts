/**
 * The Snowball Russian stemmer behind one function, so that the index, the intents and the section cues all cut
 * words the same way ("пособия", "пособие", "пособий" → "пособ"). Results are memoised: a few thousand distinct
 * words cover all traffic, and the stemmer is the hottest call on every query.
 */
import { createRequire } from 'node:module';

// Required, not imported: on Node 24 (not 20) a CommonJS module imported from ESM keeps its source text twice in
// the heap (the ESM loader's copy for finding named exports, and the CommonJS loader's), and this one is 850 KB
// (every Snowball language in one file). Heap snapshots on Node 24: 1.7 MB imported, 0.85 MB required.
const snowball = createRequire(import.meta.url)(
  'snowball-stemmers',
) as typeof import('snowball-stemmers').default;
const russian = snowball.newStemmer('russian');
const MAX_CACHE = 50_000;
const cache = new Map<string, string>();

/** The stem of one normalised word. Numbers, Latin words and words of up to 2 letters are returned unchanged. */
export function stemRussian(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  if (word.length <= 2 || !/[а-я]/.test(word)) return word;
  const stem = russian.stem(word);
  // Snowball can strip a short word down to one or two letters ("дом" stays, but "ее" → "е"); keep such words whole.
  const result = stem.length < 2 ? word : stem;
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, result);
  return result;
}
