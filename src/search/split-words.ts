/**
 * Words broken in two by a stray space, as voice typing and small phone keyboards leave them: "пере
 * освидетельствование", "много детным". Two neighbouring words are joined when together they make a word the search
 * knows and one of them alone is not a word it knows ("не работаю" stays two words: both are known).
 */

/** Shorter parts are left alone: a lone letter is a preposition or one of the spelled-out letters. */
const MIN_PART = 2;

/** The negation is written apart ("не знаю"), and its joined misspelling ("незнаю") must not be made. */
const NEGATIONS = new Set(['не', 'ни']);

/** The words with such breaks mended; the same array when there are none (the common case). */
export function joinSplitWords(words: string[], knows: (word: string) => boolean): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (
      next !== undefined &&
      word.length >= MIN_PART &&
      !NEGATIONS.has(word) &&
      next.length >= MIN_PART &&
      (!knows(word) || !knows(next)) &&
      knows(word + next)
    ) {
      out ??= words.slice(0, i);
      out.push(word + next);
      i++;
      continue;
    }
    out?.push(word);
  }
  return out ?? words;
}
