/**
 * Turns what people type in messengers into comparable words: lower case, ё→е, punctuation and emoji gone,
 * letters glued to digits split ("2ндфл" → "2 ндфл"), decimal numbers kept whole ("1,5" → "1.5"), Latin
 * look-alike letters inside Cyrillic words fixed ("пocoбие"). Everything downstream (stemming, synonyms, intents,
 * the index) works on these words. It runs over every word of the knowledge base at each index build, so the
 * common case (Russian, Latin, digits, ASCII punctuation) takes a single native regular-expression pass.
 */

/** Latin letters that look like Cyrillic ones; people mix them in one word when a phone switches layouts. */
const LATIN_LOOKALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;

enum CharKind {
  Other = 0,
  Letter = 1,
  Digit = 2,
}

function kindOf(code: number, ch: string): CharKind {
  if (code >= 0x30 && code <= 0x39) return CharKind.Digit;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x430 && code <= 0x44f)) return CharKind.Letter;
  if (code < 0x80) return CharKind.Other;
  return /[\p{L}\p{N}]/u.test(ch) ? (/\p{N}/u.test(ch) ? CharKind.Digit : CharKind.Letter) : CharKind.Other;
}

/** A word written with both alphabets ("пocoбие" with Latin o and c) is rewritten in Cyrillic. */
function fixMixedScript(word: string): string {
  if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
  let out = '';
  for (const ch of word) {
    const cyr = LATIN_LOOKALIKES[ch];
    if (cyr === undefined && LATIN.test(ch)) return word; // a real Latin letter: leave the word alone
    out += cyr ?? ch;
  }
  return out;
}

/**
 * Splits text into normalised words. Decimal numbers keep their point ("1,5" and "1.5" → "1.5") because
 * "до 1,5 лет" is the name of a benefit, not two numbers.
 */
export function normalizeWords(text: string): string[] {
  const lower = (COMBINING_MARK.test(text) ? text.normalize('NFC') : text).toLowerCase();
  // Nearly all text is Russian, Latin, digits and ASCII or common typographic punctuation: one native regex pass
  // splits it (about twice as fast as the loop in splitWords, which handles every other alphabet and symbol).
  if (OUTSIDE_FAST_PATH.test(lower))
    return splitWords(lower.replace(/ё/g, 'е').replace(/(\d),(?=\d)/g, '$1.'));
  const words = lower.match(FAST_WORD) ?? [];
  if (lower.includes('ё') || DECIMAL_COMMA.test(lower) || MIXED_SCRIPT.test(lower)) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!.replace(/ё/g, 'е').replace(/,/g, '.');
      words[i] = LATIN.test(w) && CYRILLIC.test(w) ? fixMixedScript(w) : w;
    }
  }
  return words;
}

/** Characters the fast path does not know: letters of other alphabets, emoji, rare symbols. */
const OUTSIDE_FAST_PATH =
  /[^\s!-~\u0430-\u044f\u0451\u00a0\u00ab\u00b0\u00bb\u00d7\u2010-\u2026\u20bd\u2116\u2190-\u21ff]/;
/** Numbers (with decimal points or commas) and runs of Latin or Russian letters. */
const FAST_WORD = /\d+(?:[.,]\d+)*|[a-zа-яё]+/g;
const DECIMAL_COMMA = /\d,\d/;
const MIXED_SCRIPT = /[a-z][а-яё]|[а-яё][a-z]/;
const COMBINING_MARK = /[\u0300-\u036f]/;

/** The general splitter, one pass over the characters. */
function splitWords(folded: string): string[] {
  const words: string[] = [];
  let start = -1;
  let prevKind = CharKind.Other;
  let latin = false;
  const flush = (end: number) => {
    if (start >= 0) {
      const word = folded.slice(start, end);
      words.push(latin ? fixMixedScript(word) : word);
    }
    start = -1;
    latin = false;
  };
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    let kind = kindOf(code, folded[i]!);
    // A point between two digits stays inside the number.
    if (
      code === 0x2e &&
      prevKind === CharKind.Digit &&
      kindOf(folded.charCodeAt(i + 1), folded[i + 1] ?? '') === CharKind.Digit
    ) {
      kind = CharKind.Digit;
    }
    if (kind === CharKind.Other) {
      flush(i);
    } else if (start < 0) {
      start = i;
    } else if (kind !== prevKind) {
      // Letters glued to digits are separate words: "2ндфл", "10тыс", "3гр".
      flush(i);
      start = i;
    }
    if (code >= 0x61 && code <= 0x7a) latin = true;
    prevKind = kind;
  }
  flush(folded.length);
  return words;
}

/** The normalised text as one string of words separated by single spaces. */
export function normalizeRussian(text: string): string {
  return normalizeWords(text).join(' ');
}

/** true when the word has a Cyrillic letter. */
export function isCyrillicWord(word: string): boolean {
  return CYRILLIC.test(word);
}
