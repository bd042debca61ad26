/**
 * One's own income named after a measure whose rule is «all payments less than a regional figure»: «у меня пенсия 13
 * тысяч», «а у меня 14000» after the supplement to the pensioner's subsistence minimum got the same card again, or
 * «Если вы об ответе…» (verification audit 8, M7). The sum is set beside the rule's own figure (a regional `rub`
 * figure of data/figures.yaml the card shows after «меньше»), for the region the person gave, so the number said is
 * the knowledge base's and whether it is less is arithmetic; the card's conditions (not working, all payments
 * together) follow it.
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry, SectionKey } from '../knowledge/entry.js';
import {
  FIGURE_REF,
  type Figure,
  type FigureTable,
  formatFigure,
  SERVED_REGIONS,
} from '../knowledge/figures.js';
import { parseRichText, type RichText } from '../messaging/rich-text.js';
import { type IncomeOwner, incomeOwner } from './income-owner.js';
import { sumAt } from './income-share.js';
import { OWN_INCOME, OWN_INCOME_REACH } from './named-amount.js';
import { withoutDescription } from './retirement-age.js';
import type { Turn } from './turn.js';

/** Words that make a sum something else than one's own income: what one pays, others' incomes, more sums. */
const NOT_OWN_INCOME =
  /^(плач|плат|отда|оплач|коммуналк|квартплат|жку$|квартир|жкх$|счет|квитанци|муж|жен|супруг|семь|сын|доч|дет|ребен|внук|мама|мамой|папа|отец|родител|вдвоем|втроем|едв$|доплат|надбав|пособи|алимент)/;
/** Smaller numbers are ages, years of service and counts, not roubles a month. */
const MIN_SUM = 1000;
/** «а у меня 14000»: after such a card, the sum one has is one's income. */
const HAS_WORDS = /^(у|меня)$/;

/** The one sum of one's own income a message names («у меня пенсия 13 тысяч», «а у меня 14000»), or undefined. */
export function ownIncomeNamed(text: string): number | undefined {
  const words = comparableText(text.replace(/(\d)[.,](\d)/g, '$1$2')).split(' ');
  if (words.some((w) => NOT_OWN_INCOME.test(w))) return undefined;
  const sums: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\d+$/.test(words[i]!)) continue;
    const start = i;
    const { value, last } = sumAt(words, i);
    i = last;
    if (value < MIN_SUM) return undefined;
    const before = words.slice(Math.max(0, start - OWN_INCOME_REACH), start);
    if (!before.some((w) => OWN_INCOME.test(w) || HAS_WORDS.test(w))) return undefined;
    sums.push(value);
  }
  return sums.length === 1 ? sums[0] : undefined;
}

/** A rule «payments less than a regional figure» a card shows: its part and the figure. */
export interface ThresholdRule {
  section: SectionKey;
  figure: Figure;
}

/** «меньше … {{fig:…}}» in one line, the figure regional, in roubles, and not «не меньше». */
const LESS_THAN = /(^|[^а-яё])(?<!не )меньше [^{\n]*$/i;

/** The first part of the card that states such a rule. */
export function thresholdRule(entry: KnowledgeEntry, figures: FigureTable): ThresholdRule | undefined {
  for (const [section, body] of Object.entries(entry.sections) as [SectionKey, string | undefined][]) {
    for (const line of (body ?? '').split('\n')) {
      for (const m of line.matchAll(FIGURE_REF)) {
        const figure = figures.get(m[1]!);
        if (figure?.unit !== 'rub' || !figure.regional || m[2]) continue;
        if (LESS_THAN.test(line.slice(0, m.index))) return { section, figure };
      }
    }
  }
  return undefined;
}

/**
 * The income the message names set beside the card's threshold, for the person's region, or for both served regions
 * when none is known (less in one and not in the other is said as such); then the rule's part: true when so answered.
 * Another region's own figure is not in the data: nothing is compared.
 */
export function answeredByThreshold(turn: Turn, query: string, shown: KnowledgeEntry): boolean {
  const set = setBeside(turn, query, shown);
  if (!set) return false;
  turn.leadNextReply(set.lines);
  turn.answerPart(shown, set.rule.section, `follow-up:threshold:${set.side}`);
  return true;
}

/**
 * The same line above the card a question is answered with («мне 70 лет женщина пенсия 12000 доплатят», «пенсия
 * 11000, мне доплатят до минимума?»): the card alone left the person to compare the figures (audit 8, follow-ups).
 */
export function thresholdLead(turn: Turn, query: string, entry: KnowledgeEntry): RichText | undefined {
  // Who asks is not a sum («мне 70 лет»), and what follows the sum asks about it («…12000 доплатят»): the words
  // before it say whose it is.
  // «у мамы пенсия 20000»: the relative is whose the sum is, said in the line instead of «ваши выплаты».
  const owner = incomeOwner(query);
  const ownerless = owner?.without ?? query;
  const plain = withoutDescription(ownerless) ?? comparableText(ownerless);
  const upToSum = /^(.*\d)((?: (?:тыс\S*|тыщ\S*|т|руб\S*|р))*)/.exec(plain);
  return upToSum ? setBeside(turn, `${upToSum[1]}${upToSum[2]}`, entry, owner)?.lines : undefined;
}

/** The income the message names set beside the card's rule, as lines, with the rule and which side it is on. */
function setBeside(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  owner?: IncomeOwner,
): { lines: RichText; rule: ThresholdRule; side: string } | undefined {
  // Asked after every message that follows a card: most name no number, and reading the words costs more.
  if (!/\d/.test(query)) return undefined;
  const income = ownIncomeNamed(query);
  if (income === undefined) return undefined;
  const rule = thresholdRule(shown, turn.deps.kb.figures);
  if (!rule) return undefined;
  const limits = regionLimits(turn, rule);
  if (limits.length === 0) return undefined;
  const less = limits.map((l) => income < l.value);
  // Less in one region and not in the other: which it is depends on the region, said so with both figures.
  const mixed = less.some((l) => l !== less[0]);
  const vars = thresholdVars(turn, income, rule, limits);
  const side = mixed ? 'regions' : less[0] ? 'below' : 'above';
  // Past the figure the line speaks of no one: the same for a relative.
  const key = owner && side !== 'above' ? `answer.threshold_${side}_kin` : `answer.threshold_${side}`;
  const whose: Record<string, string> = owner ? { who: owner.words } : {};
  return { lines: parseRichText(turn.ctx.t(key, { ...vars, ...whose })), rule, side };
}

/** The rule's figure for the person's region, or for both served regions when none is known; none for another region. */
function regionLimits(turn: Turn, rule: ThresholdRule): { region: 'perm' | 'volgograd'; value: number }[] {
  const region = turn.state.lastEntryRegion ?? turn.state.region;
  const regions =
    region === 'perm' || region === 'volgograd'
      ? [region]
      : region === undefined
        ? SERVED_REGIONS.filter((r) => rule.figure.values[r] !== undefined)
        : [];
  return regions.map((r) => ({ region: r, value: rule.figure.values[r]!.value }));
}

/** The income, the figure's name and its values by region, for the locale lines that set one beside the other. */
function thresholdVars(
  turn: Turn,
  income: number,
  rule: ThresholdRule,
  limits: readonly { region: 'perm' | 'volgograd'; value: number }[],
): Record<string, string> {
  const { t } = turn.ctx;
  return {
    income: formatFigure(income, 'rub'),
    figure: rule.figure.title,
    limits: limits
      .map((l) => t(`figures.in_region.${l.region}`, { value: formatFigure(l.value, 'rub') }))
      .join(', '),
  };
}

/**
 * The measure one's own income entitles to when it is less than a regional figure (the entry whose «Кто может
 * получить» states such a rule: the supplement to the pensioner's minimum), with a line setting the income beside its
 * figure: only where the income is less in the person's region, or in both served regions when none is known. «пенсия
 * 12000» after the housing subsidy's card was «Я не уверен» (audit 8, follow-ups); 12 000 ₽ is below the pensioner's
 * minimum of either region.
 */
export function measureBelowThreshold(
  turn: Turn,
  income: number,
): { entry: KnowledgeEntry; lines: RichText } | undefined {
  const { kb } = turn.deps;
  for (const entry of kb.entries) {
    const rule = thresholdRule(entry, kb.figures);
    if (rule?.section !== 'eligibility') continue;
    const limits = regionLimits(turn, rule);
    if (limits.length === 0 || limits.some((l) => income >= l.value)) return undefined;
    const vars = { ...thresholdVars(turn, income, rule, limits), title: entry.title };
    return { entry, lines: parseRichText(turn.ctx.t('answer.threshold_measure', vars)) };
  }
  return undefined;
}
