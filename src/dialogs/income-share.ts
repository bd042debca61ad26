/**
 * An income and what one pays for housing, named after a measure whose rule is a share of income: «у меня пенсия
 * 15000 плачу 4000 положено?» after the housing subsidy's «расходы на ЖКУ больше 22% дохода» got choices of the
 * subsidy, the pre-pensioners and the survivor's pension (citizen audit 7, M3 and L1). The share is worked out from the
 * two sums and set beside the rule's own figure (a `percent` figure of data/figures.yaml the measure's part shows), so
 * the number said is the knowledge base's, and whether it is above or below is arithmetic, not a judgement.
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry, SectionKey } from '../knowledge/entry.js';
import { FIGURE_REF, type Figure, type FigureTable, formatFigure } from '../knowledge/figures.js';
import { parseRichText } from '../messaging/rich-text.js';
import { OWN_INCOME, OWN_INCOME_REACH } from './named-amount.js';
import type { Turn } from './turn.js';

/** What one pays named before its sum («плачу 4000», «коммуналка 5 тысяч», «за квартиру 4000»). */
const PAYMENT_WORD = /^(плач|плат|отда|оплач|коммуналк|квартплат|жку$|квартир|жкх$|счет|квитанци)/;
/** Others living with the person, whose incomes count too («живем вдвоем с мужем», «семья из трех»). */
const HOUSEHOLD_WORD =
  /^(вдвоем|втроем|вчетвером|муж|мужем|жена|женой|супруг|семь|сын|доч|дет|ребен|внук|мама|мамой|папа|отец|родител)/;
/** How many words before the sum the word naming it may stand («плачу за квартиру 4000»): as for one's own income. */
const REACH = OWN_INCOME_REACH;
/** Smaller numbers are ages, days and counts, not roubles a month. */
const MIN_SUM = 100;

/** The income and the payment a message names, each once, or undefined. */
export function incomeAndPayment(text: string): { income: number; payment: number } | undefined {
  const words = comparableText(text.replace(/(\d)[.,](\d)/g, '$1$2')).split(' ');
  const incomes: number[] = [];
  const payments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\d+$/.test(words[i]!)) continue;
    const start = i;
    let digits = words[i]!;
    // «15 000»: a group of three digits after a number of one to three is its thousands.
    while (/^\d{1,3}$/.test(digits) && /^\d{3}$/.test(words[i + 1] ?? '')) digits += words[++i]!;
    const thousands = /^(тыс|т$|к$)/.test(words[i + 1] ?? '');
    const value = Number(digits) * (thousands ? 1000 : 1);
    // Any other number may be another income («пенсии 20 и 18 тыс»: 38 000, not 18 000) or a count of people.
    if (value < MIN_SUM) return undefined;
    const before = words.slice(Math.max(0, start - REACH), start);
    // The nearest word says whose sum it is: «пенсия 15000 плачу 4000».
    const last = [...before].reverse().find((w) => OWN_INCOME.test(w) || PAYMENT_WORD.test(w));
    if (last === undefined) return undefined;
    (OWN_INCOME.test(last) ? incomes : payments).push(value);
  }
  // The rule is of the whole family's income: one person's pension is not it where others live with them.
  if (words.some((w) => HOUSEHOLD_WORD.test(w))) return undefined;
  if (incomes.length !== 1 || payments.length !== 1) return undefined;
  const [income, payment] = [incomes[0]!, payments[0]!];
  return payment < income ? { income, payment } : undefined;
}

/** A rule «no more than N% of income» a measure's entry shows: the entry, its part and the figure. */
export interface ShareRule {
  entry: KnowledgeEntry;
  section: SectionKey;
  figure: Figure;
}

/** The first part of these entries (the measure shown and its siblings) that shows a `percent` figure. */
export function shareRule(entries: readonly KnowledgeEntry[], figures: FigureTable): ShareRule | undefined {
  for (const entry of entries) {
    for (const [section, body] of Object.entries(entry.sections) as [SectionKey, string | undefined][]) {
      for (const m of (body ?? '').matchAll(FIGURE_REF)) {
        const figure = figures.get(m[1]!);
        if (figure?.unit === 'percent' && !m[2] && figure.values.federal) return { entry, section, figure };
      }
    }
  }
  return undefined;
}

/** The share of income paid, in whole percent rounded down, so that «above» is never said of a rounding. */
export function sharePercent(income: number, payment: number): number {
  return Math.floor((payment / income) * 100);
}

/**
 * The share of income the message names, set beside the rule of the measure shown (or of its siblings), then the
 * rule's part: true when so answered.
 */
export function answeredByShare(turn: Turn, query: string, shown: KnowledgeEntry): boolean {
  const named = incomeAndPayment(query);
  if (!named) return false;
  const { kb } = turn.deps;
  const rule = shareRule([shown, ...kb.entriesOfTopic(shown.topic)], kb.figures);
  const limit = rule?.figure.values.federal?.value;
  if (!rule || limit === undefined) return false;
  const share = (named.payment / named.income) * 100;
  // Whole percent, or a tenth where the whole one would equal the limit («около 22,5%, больше 22%»).
  const shown100 = Math.floor(share) === limit ? Math.floor(share * 10) / 10 : Math.floor(share);
  const vars = {
    payment: formatFigure(named.payment, 'rub'),
    income: formatFigure(named.income, 'rub'),
    share: formatFigure(shown100, 'percent'),
    limit: formatFigure(limit, 'percent'),
  };
  const key = share > limit ? 'answer.share_above' : 'answer.share_below';
  turn.leadNextReply(parseRichText(turn.ctx.t(key, vars)));
  // The part stays the one talked about: a first question («квартплата 6000 а пенсия 18000 положена субсидия?») had
  // nothing shown before it, and «а документы какие» next got «О какой выплате…».
  if (turn.state.lastEntryId !== rule.entry.id) turn.showing(rule.entry, turn.state.lastEntryRegion);
  turn.answerPart(
    rule.entry,
    rule.section,
    share > limit ? 'follow-up:share:above' : 'follow-up:share:below',
  );
  return true;
}
