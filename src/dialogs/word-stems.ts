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
  'мне нам мужу жене маме папе сыну дочке дочери ребенку детям бабушке дедушке внуку внучке матери отцу родителям вдове'.split(
    ' ',
  ),
);

/**
 * A personal follow-up: «а» and whom it asks for first («а мне самой положена? …», «а нам», «а мужу»). Right after an
 * answer it asks whether that answer holds for this person, whatever the search makes of its words alone.
 */
export function isPersonalFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && ASKED_FOR.has(words[1] ?? '');
}

/** A condition put to the answer shown, about anyone or anything: «а если доход больше», «а если задерживают». */
export function isConditionPut(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && words[1] === 'если' && words.length > 2;
}

/** Who a condition is about: «а если я…», «а если муж…». */
const CONDITION_SUBJECTS = new Set(['я', 'мы', 'он', 'она', 'они', 'муж', 'жена', ...ASKED_FOR]);

/** A condition put to the answer shown: «а если я работаю на полставки», «а если муж работает». */
export function isConditionFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && words[1] === 'если' && CONDITION_SUBJECTS.has(words[2] ?? '');
}

/** Words a personal follow-up may add that ask nothing more than whether the measure is theirs. */
const ONLY_WHETHER = new Set(
  'а и тоже также положено положена положен положены будет будут дадут дают можно получить как что лет год года годика'.split(
    ' ',
  ),
);

/**
 * A personal follow-up that asks nothing but whether the measure is theirs: «а мне?», «а нам положено?», «а матери»,
 * or with an age only, «а мне 25», «а если мне 25 лет». Its answer is who may get the measure.
 */
export function isBarePersonalFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  if (words[0] !== 'а') return false;
  const at = words[1] === 'если' ? 2 : 1;
  if (!ASKED_FOR.has(words[at] ?? '')) return false;
  const rest = words.slice(at + 1);
  return rest.length <= 3 && rest.every((w) => ONLY_WHETHER.has(w) || /^\d{1,3}$/.test(w));
}
