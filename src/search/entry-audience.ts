/**
 * An entry's `requires`: the words that name the group of people it is written for (conscripts' families). The
 * search answers with such an entry on its own only when the question names the group, and kb:check makes sure
 * that the entry's own example questions do.
 */
import { compilePattern, patternText } from './word-patterns.js';

/** Words of an entry's patterns (`requires`, `overview_for`) this long also match with one typo, as in data/search/. */
export const ENTRY_PATTERN_FUZZY_MIN_LENGTH = 7;

/** Whether a message (its normalised words) names the group; compiled once per entry. */
export type Audience = (words: readonly string[]) => boolean;

export function compileAudience(requires: string): Audience {
  const pattern = compilePattern(requires, { fuzzyMinLength: ENTRY_PATTERN_FUZZY_MIN_LENGTH });
  return (words) => pattern.matches(patternText(words));
}
