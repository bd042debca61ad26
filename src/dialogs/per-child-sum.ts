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
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import { perChildTotalMessage, quoteMessage } from './reply-builders.js';
import type { Turn } from './turn.js';

/** The largest number of children a follow-up is read for («а на шестерых» after the amount was «Если вы об ответе…»). */
const MAX_CHILDREN = 10;
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
  шести: 6,
  6: 6,
  семи: 7,
  7: 7,
  восьми: 8,
  8: 8,
  девяти: 9,
  9: 9,
  десяти: 10,
  10: 10,
};
/** Twins and triplets, during pregnancy: «а на двойню». */
const MULTIPLE_BIRTH: Record<string, number> = {
  двойня: 2,
  двойню: 2,
  двойни: 2,
  тройня: 3,
  тройню: 3,
  тройни: 3,
};
/** How many children a word of a follow-up names: «на двоих детей», «а если 3 детей», «а на троих?». */
function countOf(word: string): number | undefined {
  const collective = COLLECTIVE_NUMERALS.get(word);
  return collective !== undefined && collective <= MAX_CHILDREN
    ? collective
    : (COUNT_WORDS[word] ?? MULTIPLE_BIRTH[word]);
}
/** A share of a sum named with the children: «а на троих если 75 процентов». */
const PERCENT = /(?:^| )(\d{2,3}) ?(?:%|процент\S*)(?= |$)/;

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
  'всего',
  'вместе',
]);

/** What a follow-up of a number of children asks: how many, of which share of the sum (in per cent), if named. */
export interface ChildrenAsked {
  count: number;
  percent?: number;
  /** «двойню», «тройню»: children not yet born. */
  unborn: boolean;
}

/**
 * The children a short follow-up names and asks nothing else about, or undefined: «а на двоих», «у меня трое»,
 * «а на троих если 75 процентов», «а на двойню».
 */
export function childrenAsked(
  query: string,
  options: { digitAlone?: boolean } = {},
): ChildrenAsked | undefined {
  const text = comparableText(query);
  const percentMatch = PERCENT.exec(text);
  const words = (percentMatch ? text.replace(PERCENT, ' ') : text).split(' ').filter((w) => w !== '');
  // «а на троих», or one's own children told: «у меня двое», «у нас трое детей».
  if (!(words[0] === 'а' || (words[0] === 'у' && /^(меня|нас)$/.test(words[1] ?? ''))) || words.length > 6)
    return undefined;
  const counts = words.map(countOf).filter((n): n is number => n !== undefined);
  // Without «детей» only the collective «двоих», «троих» (and «двойню»): «а на 2» may be anything, except right
  // under a sum for each child (`digitAlone`; audit 8, L11).
  const children =
    (options.digitAlone === true && words.length === 3 && words[1] === 'на' && /^\d$/.test(words[2]!)) ||
    words.some((w) => /^(дет|ребен)/.test(w)) ||
    words.some((w) => COLLECTIVE_NUMERALS.has(w) || MULTIPLE_BIRTH[w] !== undefined);
  if (counts.length !== 1 || !children) return undefined;
  if (!words.every((w) => FILLERS.has(w) || countOf(w) !== undefined)) return undefined;
  return {
    count: counts[0]!,
    ...(percentMatch ? { percent: Number(percentMatch[1]) } : {}),
    unborn: words.some((w) => MULTIPLE_BIRTH[w] !== undefined),
  };
}

/** Words of a limit, not of a sum paid. */
const THRESHOLD = /(^| )(доход\S*|ниже|выше|не больше|не более|превыша\S*|если)( |$)/;

/**
 * Per figure table and entry, the entry's per-child line (null: none). Asked after every card for the card and its
 * measure's entries; entries and tables do not change (a reload makes new ones).
 */
const perChildLines = new WeakMap<FigureTable, WeakMap<KnowledgeEntry, string | null>>();

/** A line of the entry that says a sum is paid for each child and shows figures in roubles, or undefined. */
export function perChildLine(entry: KnowledgeEntry, figures: FigureTable): string | undefined {
  let lines = perChildLines.get(figures);
  if (!lines) {
    lines = new WeakMap();
    perChildLines.set(figures, lines);
  }
  let line = lines.get(entry);
  if (line === undefined) {
    line = findPerChildLine(entry, figures) ?? null;
    lines.set(entry, line);
  }
  return line ?? undefined;
}

function findPerChildLine(entry: KnowledgeEntry, figures: FigureTable): string | undefined {
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

/**
 * The line's figure references in roubles, each multiplied by `count`: «{{fig:pm-child*1}}» for two halves. With a
 * share named («если 75 процентов»), only the figure that is that share of its base ({{fig:pm-child*0.75}}), if the
 * line has one.
 */
export function multipliedRefs(
  line: string,
  count: number,
  figures: FigureTable,
  percent?: number,
): string[] {
  const refs = [...line.matchAll(FIGURE_REF)].filter((m) => figures.get(m[1]!)?.unit === 'rub');
  const share = percent === undefined ? [] : refs.filter((m) => Number(m[2] ?? 1) * 100 === percent);
  return (share.length > 0 ? share : refs).map((m) => `{{fig:${m[1]}*${Number(m[2] ?? 1) * count}}}`);
}

/**
 * A line on several children or on the child after birth, where no sum is paid for each: «…за двумя и более детьми…
 * пособия на них складываются», «После рождения ребёнка на него подают отдельное заявление…» (a pregnant woman's
 * unified benefit is hers).
 */
const SEVERAL_CHILDREN = /(двумя|двух|нескольк\S*) и более дет|(^| )после рождения ребенка/;

/** The entry's line on several children (see SEVERAL_CHILDREN), or undefined. */
function severalChildrenLine(entry: KnowledgeEntry): string | undefined {
  return [entry.short, ...Object.values(entry.sections)]
    .flatMap((t) => (t ?? '').split('\n'))
    .find((line) => SEVERAL_CHILDREN.test(comparableText(line)));
}

/**
 * The total for the children a follow-up names, from the line that gives the sum for each: of the answer shown, or of
 * another entry of the same measure (`measure`: «а на двоих» after the unified benefit overview's «Сколько платят»
 * got the family payment; audit 8, H1). Where no sum is paid for each child, the line on several children (twins in
 * pregnancy, two children under 1.5), not another measure's card.
 */
export function answeredPerChild(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  measure: readonly KnowledgeEntry[] = [],
): boolean {
  const { figures } = turn.deps.kb;
  // «а на 2» right under the card's own sum for each child is two children.
  const asked = childrenAsked(query, { digitAlone: perChildLine(shown, figures) !== undefined });
  if (asked === undefined) return false;
  const source = asked.unborn ? undefined : [shown, ...measure].find((e) => perChildLine(e, figures));
  const line = source && perChildLine(source, figures);
  // The answer comes from `entry` (the shown one or another of its measure, which the next follow-up is then about).
  const answerFrom = (entry: KnowledgeEntry, message: () => OutgoingMessage, detail: string): true => {
    if (entry !== shown) turn.showing(entry, turn.state.lastEntryRegion);
    turn.send(message());
    turn.outcome({ outcome: 'answer', entryId: entry.id, topics: [entry.topic], detail });
    return true;
  };
  if (source && line) {
    const refs = () => multipliedRefs(line, asked.count, figures, asked.percent);
    return answerFrom(
      source,
      () => perChildTotalMessage(turn.ctx, source, line, refs(), asked.count),
      'follow-up:per-child',
    );
  }
  const told = [shown, ...measure].find((e) => severalChildrenLine(e));
  const several = told && severalChildrenLine(told);
  if (!told || !several) return false;
  return answerFrom(told, () => quoteMessage(turn.ctx, told, several), 'follow-up:per-child:line');
}
