/**
 * Orders of text without ICU's collator: its first use maps ICU's collation data into the process for good (~1.7 MB),
 * and what we sort is either ASCII (ids, ISO dates) or Cyrillic names, for which these orders agree with it.
 */

/** Code-point order: ids and ISO dates. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Names as a Russian reader orders them: letter case and ё against е aside (as in a dictionary), a space before
 * punctuation, punctuation before digits and letters («…» quotes included), then as written, so the order is total. Latin letters come before
 * Cyrillic here, after it in ICU's Russian order; the names we sort are Cyrillic.
 */
export function byRussianName(a: string, b: string): number {
  return byCodePoint(dictionaryForm(a), dictionaryForm(b)) || byCodePoint(a, b);
}

const dictionaryForm = (name: string) =>
  name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N} ]/gu, '!');
