/**
 * Words compared the way the follow-up to choices compares them with the titles (choice-follow-up.ts): lower case,
 * ё as е, by their first letters, so «доплата» and «доплаты», «работающим» and «работающих» are one word. A line of
 * the answer shown is found otherwise (answer-quote.ts): there the synonyms of search are needed.
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

/**
 * A follow-up's shape: «а» first, at most five words («а в перми?», «а доплата», «а работающим тоже»), or as many as
 * `maxWords` («а мне самой положена? я не работаю сижу с младшим»).
 */
export function isShortFollowUp(query: string, maxWords = 5): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && words.length <= maxWords;
}

/** A message of at most `maxWords` words, «а» first or not («можно на ремонт потратить?»). */
export function isShortMessage(query: string, maxWords: number): boolean {
  return comparableText(query).split(' ').length <= maxWords;
}

/** Whom a personal follow-up asks for: «а мне…», «а нам…», «а мужу…». */
const ASKED_FOR = new Set(
  'мне нам мужу жене маме папе сыну дочке дочери ребенку детям бабушке дедушке внуку внучке'.split(' '),
);

/**
 * A personal follow-up: «а» and whom it asks for first («а мне самой положена? …», «а нам», «а мужу»). Right after an
 * answer it asks whether that answer holds for this person, whatever the search makes of its words alone.
 */
export function isPersonalFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && ASKED_FOR.has(words[1] ?? '');
}

/** Who a condition is about: «а если я…», «а если муж…». */
const CONDITION_SUBJECTS = new Set(['я', 'мы', 'он', 'она', 'они', 'муж', 'жена', ...ASKED_FOR]);

/** A condition put to the answer shown: «а если я работаю на полставки», «а если муж работает». */
export function isConditionFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && words[1] === 'если' && CONDITION_SUBJECTS.has(words[2] ?? '');
}
