/**
 * The regions a reply to «Где вы живёте?» names word by word: «уехала из перми в саратов» names two, and which one is
 * home is not guessed (it was saved as Perm, the first one named; a verification pass).
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { HouseholdAnswers } from '../../../services/benefits/household.js';
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

/**
 * The region a reply names as where the person lives: one of the regions with their own measures, or «Другой регион»
 * for elsewhere in Russia said as home («саратов», «я из казани»; it was «Не понял ответ», and «в саратовской
 * области» left the questionnaire: a verification pass). Undefined for two places, or none.
 */
export function regionSaid(turn: Turn, text: string): HouseholdAnswers['region'] {
  // Two places: which one is home is not guessed.
  if (placesNamed(turn, text) > 1) return undefined;
  const named = turn.deps.understanding.region(text);
  if (named) return named;
  const place = turn.deps.understanding.place(text);
  return place?.region === 'other' && (place.only || place.own) ? 'other' : undefined;
}
