/**
 * The Snowball Russian stemmer behind one function, so that the index, the intents and the section cues all cut
 * words the same way ("пособия", "пособие", "пособий" → "пособ"). Results are memoised: a few thousand distinct
 * words cover all traffic, and the stemmer is the hottest call on every query.
 */
import snowball from 'snowball-stemmers';

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
