/**
 * Text typed with the English layout switched on while the person meant Russian: "gjcj,bt" is "пособие".
 * The map is the standard ЙЦУКЕН keyboard laid over QWERTY, including the punctuation keys that carry Russian
 * letters (, . ; ' [ ] ` → б ю ж э х ъ ё), so those characters must be mapped before punctuation is stripped.
 */

const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбюё';
/** Shifted keys whose Russian meaning differs from the upper-case letter rule. */
const SHIFTED: Record<string, string> = {
  '{': 'х',
  '}': 'ъ',
  ':': 'ж',
  '"': 'э',
  '<': 'б',
  '>': 'ю',
  '~': 'ё',
  // On the Russian layout the "/" key types "." and Shift+"/" types ",".
  '/': '.',
  '?': ',',
  // Shift+7 is "?" on the Russian layout: people end questions with it.
  '&': '?',
};

const TO_RUSSIAN = new Map<string, string>();
for (let i = 0; i < QWERTY.length; i++) TO_RUSSIAN.set(QWERTY[i]!, JCUKEN[i]!);
for (const [key, letter] of Object.entries(SHIFTED)) TO_RUSSIAN.set(key, letter);

const TO_LATIN = new Map<string, string>();
for (let i = 0; i < QWERTY.length; i++) TO_LATIN.set(JCUKEN[i]!, QWERTY[i]!);

/** The reverse: Russian text as it comes out with the English layout on (for tests and benchmarks). */
export function toWrongLayout(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += TO_LATIN.get(ch) ?? ch;
  return out;
}

/** Characters that a wrong-layout Russian word can consist of (Latin letters and the letter-carrying keys). */
const WRONG_LAYOUT_CHARS = /^[a-z[\]{};:'"`~,.<>]+[?/&]?$/i;

/**
 * Retypes `text` as if the Russian layout had been on. Characters without a Russian counterpart (digits,
 * spaces, Cyrillic) are kept. Case is lowered: the downstream pipeline ignores it anyway.
 */
export function fromWrongLayout(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += TO_RUSSIAN.get(ch) ?? ch;
  return out;
}

/** true when the token could be a Russian word typed on the English layout (and is not plain punctuation). */
export function couldBeWrongLayout(token: string): boolean {
  return /[a-z]/i.test(token) && WRONG_LAYOUT_CHARS.test(token);
}
