/**
 * Turns what people type in messengers into comparable words: lower case, ё→е, punctuation and emoji gone,
 * letters glued to digits split ("2ндфл" → "2 ндфл"), decimal numbers kept whole ("1,5" → "1.5"), the percent sign
 * kept on its number ("60%": a share, not the age of «в 60 лет»), Latin
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
/**
 * Numbers (with decimal points or commas, and a percent sign right after: «60%» is a share, see `percent-terms.ts`)
 * and runs of Latin or Russian letters (ё is folded before).
 */
const FAST_WORD = /\d+(?:[.,]\d+)*%?|[a-zа-я]+/g;
const DECIMAL_COMMA = /\d,\d/;
const MIXED_SCRIPT = /[a-z][а-я]|[а-я][a-z]/;
const COMBINING_MARK = /[\u0300-\u036f]/;

/**
 * The words of a text as written (case, ё and decimal commas kept) when the text is plain enough (Russian and Latin
 * letters of either case, digits, common punctuation) that normalising each word on its own gives exactly
 * `normalizeWords(text)`; undefined for any other text. A caller that meets the same words again and again (the
 * index reading the whole knowledge base) can then normalise each distinct word once. `rawWordSpans` finds the
 * same words without making strings; this regular-expression form is its definition (a unit test compares them).
 */
export function rawWords(text: string): string[] | undefined {
  if (OUTSIDE_RAW_PATH.test(text)) return undefined;
  return text.match(RAW_WORD) ?? [];
}

/** OUTSIDE_FAST_PATH with upper-case Russian letters allowed too. */
const OUTSIDE_RAW_PATH =
  /[^\0-\u007f\u0401\u0410-\u044f\u0451\u00a0\u00ab\u00b0\u00bb\u00d7\u1680\u2000-\u200a\u2010-\u2029\u202f\u205f\u20bd\u2116\u2190-\u21ff\u3000\ufeff]/;
const RAW_WORD = /\d+(?:[.,]\d+)*%?|[a-zA-Zа-яА-ЯёЁ]+/g;

/**
 * Where `rawWords` would find words, without making a string of each: for every word the start, the end and a hash
 * of its characters (`wordHash` over the same characters), three numbers each in `spans.data`. Returns the number
 * of words, or -1 for text `rawWords` declines. A caller that has seen most words before (the document reader,
 * reading the whole knowledge base) finds each word by its hash and makes a string only of words new to it.
 */
export function rawWordSpans(text: string, spans: SpanBuffer): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    const kind = RAW_KIND[c]!;
    if (kind === RawKind.Letter) {
      const start = i;
      let hash = HASH_SEED;
      do {
        hash = Math.imul(hash ^ c, HASH_PRIME);
        c = ++i < n ? text.charCodeAt(i) : 0;
      } while (RAW_KIND[c] === RawKind.Letter);
      spans.put(count++, start, i, hash);
    } else if (kind === RawKind.Digit) {
      // \d+(?:[.,]\d+)*: a point or comma stays inside a number when a digit follows it.
      const start = i;
      let hash = HASH_SEED;
      for (;;) {
        hash = Math.imul(hash ^ c, HASH_PRIME);
        c = ++i < n ? text.charCodeAt(i) : 0;
        if (RAW_KIND[c] === RawKind.Digit) continue;
        if ((c === 0x2e || c === 0x2c) && i + 1 < n && RAW_KIND[text.charCodeAt(i + 1)] === RawKind.Digit)
          continue;
        if (c === 0x25) {
          // %? : the percent sign stays on its number
          hash = Math.imul(hash ^ c, HASH_PRIME);
          i++;
        }
        break;
      }
      spans.put(count++, start, i, hash);
    } else if (kind === RawKind.Separator) {
      i++;
    } else {
      return -1;
    }
  }
  return count;
}

/** Start, end and hash of each word found by `rawWordSpans`, in one growing array. */
export class SpanBuffer {
  data = new Int32Array(3 * 256);
  put(k: number, start: number, end: number, hash: number): void {
    const at = 3 * k;
    if (at + 3 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = hash;
  }
}

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** The hash `rawWordSpans` gives a word (32-bit FNV-1a over its UTF-16 code units). */
export function wordHash(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), HASH_PRIME);
  return hash;
}

enum RawKind {
  /** A character OUTSIDE_RAW_PATH rejects. */
  Outside = 0,
  Separator = 1,
  /** [a-zA-Zа-яА-ЯёЁ] of RAW_WORD. */
  Letter = 2,
  Digit = 3,
}

/** The kind of every UTF-16 code unit for `rawWordSpans`: one look-up per character instead of range tests. */
const RAW_KIND = (() => {
  const kinds = new Uint8Array(0x10000);
  const mark = (from: number, to: number, kind: RawKind) => kinds.fill(kind, from, to + 1);
  mark(0x00, 0x7f, RawKind.Separator);
  for (const [from, to] of [
    [0xa0, 0xa0],
    [0xab, 0xab],
    [0xb0, 0xb0],
    [0xbb, 0xbb],
    [0xd7, 0xd7],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2010, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x20bd, 0x20bd],
    [0x2116, 0x2116],
    [0x2190, 0x21ff],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ] as const) {
    mark(from, to, RawKind.Separator);
  }
  mark(0x30, 0x39, RawKind.Digit);
  mark(0x41, 0x5a, RawKind.Letter);
  mark(0x61, 0x7a, RawKind.Letter);
  mark(0x410, 0x44f, RawKind.Letter);
  mark(0x401, 0x401, RawKind.Letter);
  mark(0x451, 0x451, RawKind.Letter);
  return kinds;
})();

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
    // A percent sign right after a number stays on it and ends it: «60%».
    if (code === 0x25 && prevKind === CharKind.Digit && start >= 0) {
      flush(i + 1);
      prevKind = CharKind.Other;
      continue;
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
