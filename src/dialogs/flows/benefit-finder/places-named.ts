/**
 * The regions a reply to «Где вы живёте?» names word by word: «уехала из перми в саратов» names two, and which one is
 * home is not guessed (it was saved as Perm, the first one named; a verification pass).
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { Turn } from '../../turn.js';

/** How many different regions the words of a reply name one by one («из перми в саратов»: two). */
export function placesNamed(turn: Turn, text: string): number {
  const regions = comparableText(text)
    .split(' ')
    .map((word) => {
      const place = turn.deps.understanding.place(word);
      return place && (place.region === 'other' ? (place.otherRegion ?? 'other') : place.region);
    })
    .filter(Boolean);
  return new Set(regions).size;
}
