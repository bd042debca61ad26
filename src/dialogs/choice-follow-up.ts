/**
 * A short «а …» right after "which of these do you mean?", which the search alone finds nothing in: «а доплата» after
 * choices that include «Доплата к пенсии до прожиточного минимума», «а на второго» after the maternity capital ones.
 * It was refused as off-topic («С этим вопросом я не помогу»), though it is about the choices (a citizen audit).
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';

/** A word compared by its first letters: «доплата» and «доплаты» are one word. */
const STEM_LETTERS = 5;
/** Words that name nothing: the leading «а», prepositions, particles. */
const MIN_WORD_LETTERS = 3;
const FILLER = new Set([
  'а',
  'и',
  'или',
  'как',
  'что',
  'это',
  'так',
  'там',
  'тут',
  'ещё',
  'еще',
  'тоже',
  'про',
  'для',
]);

const stems = (text: string) =>
  comparableText(text)
    .split(' ')
    .filter((w) => w.length >= MIN_WORD_LETTERS && !FILLER.has(w))
    .map((w) => w.slice(0, STEM_LETTERS));

/** Whether the message has the shape of a follow-up: «а» first, at most five words. */
export function isShortFollowUp(query: string): boolean {
  const words = comparableText(query).split(' ');
  return words[0] === 'а' && words.length <= 5;
}

/**
 * The choices whose titles have every word the follow-up names («а доплата» → the choices about a «доплата»); all of
 * them when it names no word of any title, or nothing to compare.
 */
export function choicesNamed(query: string, choices: readonly KnowledgeEntry[]): KnowledgeEntry[] {
  const words = stems(query);
  if (words.length === 0) return [...choices];
  const named = choices.filter((c) => {
    const title = new Set(stems(c.title));
    return words.every((w) => title.has(w));
  });
  return named.length > 0 ? named : [...choices];
}
