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
  let lower = text.toLowerCase();
  // Nearly all text is Russian, Latin, digits and ASCII or common typographic punctuation: native regular
  // expressions split it (several times faster than the loop in splitWords, which handles every other alphabet
  // and symbol). Each fix-up below runs only when the text needs it.
  if (OUTSIDE_FAST_PATH.test(lower)) {
    if (COMBINING_MARK.test(lower)) lower = text.normalize('NFC').toLowerCase();
    return splitWords(lower.replace(/ё/g, 'е').replace(/(\d),(?=\d)/g, '$1.'));
  }
  if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
  const words = lower.match(FAST_WORD) ?? [];
  const decimals = DECIMAL_COMMA.test(lower);
  if (decimals || MIXED_SCRIPT.test(lower)) {
    for (let i = 0; i < words.length; i++) {
      const w = decimals ? words[i]!.replace(/,/g, '.') : words[i]!;
      words[i] = LATIN.test(w) && CYRILLIC.test(w) ? fixMixedScript(w) : w;
    }
  }
  return words;
}

/**
 * Characters the fast path does not know: letters of other alphabets, emoji, rare symbols (ASCII, Russian lower
 * case, Unicode spaces and common typographic signs are known). Listing ASCII as one range keeps the test cheap.
 */
const OUTSIDE_FAST_PATH =
  /[^\0-\u007f\u0430-\u044f\u0451\u00a0\u00ab\u00b0\u00bb\u00d7\u1680\u2000-\u200a\u2010-\u2029\u202f\u205f\u20bd\u2116\u2190-\u21ff\u3000\ufeff]/;
/** Numbers (with decimal points or commas) and runs of Latin or Russian letters (ё is folded before). */
const FAST_WORD = /\d+(?:[.,]\d+)*|[a-zа-я]+/g;
const DECIMAL_COMMA = /\d,\d/;
const MIXED_SCRIPT = /[a-z][а-я]|[а-я][a-z]/;
const COMBINING_MARK = /[\u0300-\u036f]/;

/**
 * The words of a text as written (case, ё and decimal commas kept) when the text is plain enough (Russian and Latin
 * letters of either case, digits, common punctuation) that normalising each word on its own gives exactly
 * `normalizeWords(text)`; undefined for any other text. A caller that meets the same words again and again (the
 * index reading the whole knowledge base) can then normalise each distinct word once.
 */
export function rawWords(text: string): string[] | undefined {
  if (OUTSIDE_RAW_PATH.test(text)) return undefined;
  return text.match(RAW_WORD) ?? [];
}

/** OUTSIDE_FAST_PATH with upper-case Russian letters allowed too. */
const OUTSIDE_RAW_PATH =
  /[^\0-\u007f\u0401\u0410-\u044f\u0451\u00a0\u00ab\u00b0\u00bb\u00d7\u1680\u2000-\u200a\u2010-\u2029\u202f\u205f\u20bd\u2116\u2190-\u21ff\u3000\ufeff]/;
const RAW_WORD = /\d+(?:[.,]\d+)*|[a-zA-Zа-яА-ЯёЁ]+/g;

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
