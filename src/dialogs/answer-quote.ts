/**
 * The line of the answer just given that a short follow-up asks about: «а работающим тоже?» after an answer that says
 * «…с 1 января, и работающим тоже». Such follow-ups got «Если вы об ответе … откройте нужную часть кнопкой» though
 * the answer had the line (a citizen audit); quoting it answers from the knowledge base itself, nothing made up.
 */
import { type KnowledgeEntry, SECTION_KEYS } from '../knowledge/entry.js';
import { wordStems } from './word-stems.js';

const MIN_WORD_LETTERS = 4;
/** Words too common in answers to tell one line from another. */
const COMMON = new Set(
  [
    'можно',
    'нужно',
    'надо',
    'если',
    'тоже',
    'когда',
    'какой',
    'какая',
    'какие',
    'каким',
    'сколько',
    'получить',
    'получать',
    'положено',
    'положена',
    'положен',
    'будет',
    'будут',
    'есть',
    'этот',
    'этого',
    'тогда',
    'только',
    'могут',
    'может',
    'дадут',
    'платят',
    'выплата',
    'выплату',
    'пособие',
    'сейчас',
    'вообще',
    'скажите',
    'подскажите',
  ].flatMap((w) => wordStems(w, 1)),
);
/** Lines this long or longer are not a quotable answer to a short question. */
const MAX_LINE_CHARS = 400;

function stems(text: string): string[] {
  return wordStems(text, MIN_WORD_LETTERS).filter((s) => !COMMON.has(s));
}

/** The entry's text as lines: paragraphs and list items of the short answer, then of each part. */
function lines(entry: KnowledgeEntry): string[] {
  const texts = [entry.short, ...SECTION_KEYS.map((k) => entry.sections[k] ?? '')];
  return texts
    .flatMap((t) => t.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l.length < MAX_LINE_CHARS && !l.startsWith('#'));
}

/**
 * The line that has every word the follow-up names (at most three, none of them common), or undefined: none, more
 * than three, or no single line with all of them.
 */
export function lineAbout(entry: KnowledgeEntry, query: string): string | undefined {
  const wanted = [...new Set(stems(query))];
  if (wanted.length === 0 || wanted.length > 3) return undefined;
  return lines(entry).find((line) => {
    const have = new Set(stems(line));
    return wanted.every((w) => have.has(w));
  });
}
