/**
 * Russian written in Latin letters by sound ("posobie", "matkapital", "skolko platyat"), as people do on phones
 * without a Cyrillic keyboard. Covers the common informal schemes (GOST-like, passport-like, chat style); the
 * result does not need to be perfect because spelling correction against the index vocabulary follows.
 */

/**
 * Longest sequences first: each is tried at the current position before shorter ones. Where a sequence reads two
 * ways ("ts" in "tsentr" is ц, in "detskie" it is тс) both readings are listed and the caller picks the one the
 * vocabulary knows.
 */
const SEQUENCES: [string, string[]][] = [
  ['shch', ['щ']],
  ['sch', ['щ', 'сч']],
  ['zh', ['ж']],
  ['kh', ['х']],
  ['ch', ['ч']],
  ['sh', ['ш']],
  ['ts', ['ц', 'тс']],
  ['tz', ['ц']],
  ['yu', ['ю']],
  ['ju', ['ю']],
  ['iu', ['ию', 'ю']],
  ['ya', ['я']],
  ['ja', ['я']],
  ['ia', ['ия', 'я']],
  ['yo', ['е']],
  ['jo', ['е']],
  ['ye', ['е', 'ые']],
  ['je', ['е']],
  ["'", ['ь']],
  ['`', ['ь']],
];

const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** At most this many readings of one word are produced (two-way sequences multiply them). */
const MAX_READINGS = 16;

/**
 * Readings of one Latin word in Cyrillic, the most common reading first. "y" after a vowel and before a
 * consonant or the end is "й" ("detskiy" → "детский"); elsewhere it is "ы".
 */
export function transliterateWord(word: string): string[] {
  const w = word.toLowerCase();
  let readings = [''];
  let i = 0;
  while (i < w.length) {
    const seq = SEQUENCES.find(([latin]) => w.startsWith(latin, i));
    let options: string[];
    if (seq) {
      options = seq[1];
      i += seq[0].length;
    } else {
      const ch = w[i]!;
      const yAsI =
        ch === 'y' && i > 0 && VOWELS.has(w[i - 1]!) && (i === w.length - 1 || !VOWELS.has(w[i + 1]!));
      options = [yAsI ? 'й' : (LETTERS[ch] ?? ch)];
      i += 1;
    }
    const next: string[] = [];
    for (const r of readings) for (const o of options) if (next.length < MAX_READINGS) next.push(r + o);
    readings = next;
  }
  return readings;
}

/** true when the token is made of Latin letters (and maybe an apostrophe for the soft sign). */
export function couldBeTransliterated(token: string): boolean {
  return /^[a-z][a-z'`]*$/i.test(token);
}
