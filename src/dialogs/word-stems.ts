/**
 * Words compared the way the short follow-up rules compare them (choice-follow-up.ts, answer-quote.ts): lower case,
 * ё as е, by their first letters, so «доплата» and «доплаты», «работающим» and «работающих» are one word.
 */
import { comparableText } from '../i18n/comparable-text.js';

const STEM_LETTERS = 5;

/** The message's words of at least `minLetters` letters, each cut to its first letters. */
export function wordStems(text: string, minLetters: number): string[] {
  return comparableText(text)
    .split(' ')
    .filter((w) => w.length >= minLetters)
    .map((w) => w.slice(0, STEM_LETTERS));
}

/** A follow-up's shape: «а» first, at most five words («а в перми?», «а доплата», «а работающим тоже»). */
export function isShortFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && words.length <= 5;
}
