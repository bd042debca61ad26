/**
 * Abbreviations spelled out letter by letter, as voice typing writes what is dictated and as some people type them:
 * "м с э", "е д в", "тэ эс эр", "эмэсэ". Elderly people dictate to their phones, and "МСЭ", "ЕДВ", "ТСР" are among
 * the words they ask about most. A run of letters (or of the letters' Russian names) becomes one word when that word
 * is one the search knows; a prepositions' run such as "и в" stays as it is, since "ив" is no word it knows.
 */

/** The Russian names of consonant letters, as speech recognition writes them. Vowels are named by themselves. */
const LETTER_NAMES: ReadonlyMap<string, string> = new Map([
  ['бэ', 'б'],
  ['вэ', 'в'],
  ['гэ', 'г'],
  ['дэ', 'д'],
  ['жэ', 'ж'],
  ['зэ', 'з'],
  ['ка', 'к'],
  ['эл', 'л'],
  ['эль', 'л'],
  ['эм', 'м'],
  ['эн', 'н'],
  ['пэ', 'п'],
  ['эр', 'р'],
  ['эс', 'с'],
  ['тэ', 'т'],
  ['эф', 'ф'],
  ['ха', 'х'],
  ['цэ', 'ц'],
  ['ша', 'ш'],
  ['ща', 'щ'],
]);

/** Abbreviations shorter than this are left alone: two letters ("и п", "е п") are too often two words. */
const MIN_LETTERS = 3;

const SINGLE_LETTER = /^[а-я]$/;

/** The letter a word names: itself when it is one letter, the letter of its name when it is one. */
const letterOf = (word: string) => (SINGLE_LETTER.test(word) ? word : LETTER_NAMES.get(word));

/**
 * The letters a word is made of when it is letter names run together ("эмэсэ" → "мсэ"), or undefined. Vowels stand
 * for themselves between the names ("едэвэ" → "едв").
 */
function fusedLetters(word: string): string | undefined {
  if (word.length < 4) return undefined;
  const spell = (from: number): string | undefined => {
    if (from === word.length) return '';
    for (const size of [3, 2]) {
      const letter = LETTER_NAMES.get(word.slice(from, from + size));
      if (letter === undefined) continue;
      const rest = spell(from + size);
      if (rest !== undefined) return letter + rest;
    }
    const ch = word[from]!;
    if ('аеиоуэюяы'.includes(ch)) {
      const rest = spell(from + 1);
      if (rest !== undefined) return ch + rest;
    }
    return undefined;
  };
  const letters = spell(0);
  return letters !== undefined && letters.length >= MIN_LETTERS && letters.length < word.length
    ? letters
    : undefined;
}

/**
 * The words with spelled-out abbreviations joined into the word they spell, when `knows` it; the same array when
 * there are none (the common case).
 */
export function joinSpelledLetters(words: string[], knows: (word: string) => boolean): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // The longest run of letters from here that spells a known word ("м с э в поликлинике": "мсэ").
    let letters = '';
    for (let end = i; end < words.length; end++) {
      const letter = letterOf(words[end]!);
      if (letter === undefined) break;
      letters += letter;
    }
    let length = letters.length;
    while (length >= MIN_LETTERS && !knows(letters.slice(0, length))) length--;
    if (length >= MIN_LETTERS) {
      out ??= words.slice(0, i);
      out.push(letters.slice(0, length));
      i += length - 1;
      continue;
    }
    const fused = knows(word) ? undefined : fusedLetters(word);
    if (fused !== undefined && knows(fused)) {
      out ??= words.slice(0, i);
      out.push(fused);
      continue;
    }
    out?.push(word);
  }
  return out ?? words;
}
