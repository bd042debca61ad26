/**
 * A short «а …» right after "which of these do you mean?", which the search alone finds nothing in: «а доплата» after
 * choices that include «Доплата к пенсии до прожиточного минимума», «а на второго» after the maternity capital ones.
 * It was refused as off-topic («С этим вопросом я не помогу»), though it is about the choices (a citizen audit).
 */
import type { KnowledgeEntry, SectionKey } from '../knowledge/entry.js';
import { wordStems } from './word-stems.js';

/** Shorter words («а», «и», «на», «за») name nothing. */
const MIN_WORD_LETTERS = 3;
/** Nor do these particles and pronouns. */
const FILLER = new Set(['или', 'как', 'что', 'это', 'так', 'там', 'тут', 'еще', 'тоже', 'про', 'для']);

const stems = (text: string) => wordStems(text, MIN_WORD_LETTERS).filter((w) => !FILLER.has(w));

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

/**
 * The choice a bare part («сколько», «а документы», «а сколько дадут») typed at "which of these do you mean?" opens:
 * the first whose title names that part («Размер материнского капитала…» for «сколько»), else the first that has it.
 * The same choices again, each opening that part, looked like the question unheard (citizen audit 7, M4).
 */
export function choiceForPart(
  section: SectionKey,
  choices: readonly KnowledgeEntry[],
  partOf: (title: string) => SectionKey | undefined,
): KnowledgeEntry | undefined {
  const having = choices.filter((c) => c.sections[section] !== undefined);
  return having.find((c) => partOf(c.title) === section) ?? having[0];
}
