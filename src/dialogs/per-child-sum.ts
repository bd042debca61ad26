/**
 * A number of children asked after a sum paid for each child: «а на двоих детей» after the unified benefit's amount
 * got its overview again (citizen audit 7, L12); the answer says «на каждого ребёнка … {{fig:pm-child*0.5}}, …». The
 * total is the card's own figures times the children, filled in as the card's are (for the citizen's region), so no
 * number is made up: only multiplied.
 */
import { comparableText } from '../i18n/comparable-text.js';
import { COLLECTIVE_NUMERALS } from '../i18n/russian-numerals.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { FIGURE_REF, type FigureTable } from '../knowledge/figures.js';
import { perChildTotalMessage } from './reply-builders.js';
import type { Turn } from './turn.js';

/** The largest number of children a follow-up is read for. */
const MAX_CHILDREN = 5;
/** How many children, besides the collective numerals: «а если 3 детей», «а на двух детей». */
const COUNT_WORDS: Record<string, number> = {
  двух: 2,
  2: 2,
  трех: 3,
  3: 3,
  четырех: 4,
  4: 4,
  пяти: 5,
  5: 5,
};
/** How many children a word of a follow-up names: «на двоих детей», «а если 3 детей», «а на троих?». */
function countOf(word: string): number | undefined {
  const collective = COLLECTIVE_NUMERALS.get(word);
  return collective !== undefined && collective <= MAX_CHILDREN ? collective : COUNT_WORDS[word];
}

/** Words a follow-up of a number of children may have besides the number. */
const FILLERS = new Set([
  'а',
  'на',
  'если',
  'у',
  'нас',
  'меня',
  'за',
  'сколько',
  'будет',
  'тогда',
  'детей',
  'ребенка',
  'детям',
]);

/** The number of children a short follow-up names and asks nothing else about, or undefined. */
export function childrenCount(query: string): number | undefined {
  const words = comparableText(query).split(' ');
  if (words[0] !== 'а' || words.length > 6) return undefined;
  const counts = words.map(countOf).filter((n): n is number => n !== undefined);
  // Without «детей» only the collective «двоих», «троих»: «а на 2» may be anything.
  const children =
    words.some((w) => /^(дет|ребен)/.test(w)) ||
    words.some((w) => countOf(w) !== undefined && COLLECTIVE_NUMERALS.has(w));
  if (counts.length !== 1 || !children) return undefined;
  if (!words.every((w) => FILLERS.has(w) || countOf(w) !== undefined)) return undefined;
  return counts[0];
}

/** Words of a limit, not of a sum paid. */
const THRESHOLD = /(^| )(доход\S*|ниже|выше|не больше|не более|превыша\S*|если)( |$)/;

/** A line of the entry that says a sum is paid for each child and shows figures in roubles, or undefined. */
export function perChildLine(entry: KnowledgeEntry, figures: FigureTable): string | undefined {
  const texts = [entry.short, entry.sections.amount ?? ''];
  return texts
    .flatMap((t) => t.split('\n'))
    .find(
      (line) =>
        /на каждого ребенка/.test(comparableText(line)) &&
        // A threshold is no sum paid: «…на каждого ребёнка, если доход семьи на человека ниже {{fig:pm-per-capita}}».
        !THRESHOLD.test(comparableText(line)) &&
        [...line.matchAll(FIGURE_REF)].some((m) => figures.get(m[1]!)?.unit === 'rub'),
    );
}

/** The line's figure references in roubles, each multiplied by `count`: «{{fig:pm-child*1}}» for two halves. */
export function multipliedRefs(line: string, count: number, figures: FigureTable): string[] {
  return [...line.matchAll(FIGURE_REF)]
    .filter((m) => figures.get(m[1]!)?.unit === 'rub')
    .map((m) => `{{fig:${m[1]}*${Number(m[2] ?? 1) * count}}}`);
}

/** The total for the children a follow-up names, from the line of the answer shown that gives the sum for each. */
export function answeredPerChild(turn: Turn, query: string, shown: KnowledgeEntry): boolean {
  const count = childrenCount(query);
  if (count === undefined) return false;
  const { figures } = turn.deps.kb;
  const line = perChildLine(shown, figures);
  if (!line) return false;
  turn.send(perChildTotalMessage(turn.ctx, shown, line, multipliedRefs(line, count, figures), count));
  turn.outcome({
    outcome: 'answer',
    entryId: shown.id,
    topics: [shown.topic],
    detail: 'follow-up:per-child',
  });
  return true;
}
