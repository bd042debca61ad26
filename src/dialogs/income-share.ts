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
import { measureBelowThreshold } from './income-threshold.js';
import { OWN_INCOME, OWN_INCOME_REACH } from './named-amount.js';
import * as reply from './reply-builders.js';
import type { Turn } from './turn.js';

/** What one pays named before its sum («плачу 4000», «коммуналка 5 тысяч», «за квартиру 4000»). */
const PAYMENT_WORD = /^(плач|плат|отда|оплач|коммуналк|квартплат|жку$|квартир|кв$|жкх$|счет|квитанци)/;
/**
 * A second payment of another season, an alternative to the first, not added to it («квартплата 4 тыс в месяц а летом
 * 2500»; audit 8, M3): the larger is the one set beside the rule.
 */
const SEASON_WORD = /^(летом|зимой|осенью|весной)$/;
/**
 * Words between the word naming a sum and the sum that say nothing of whose it is («квартплата зимой доходит до 5
 * тысяч», «плачу где то около 4000»): skipped, so that the naming word is still within reach. «доходит» is not
 * «доход».
 */
const FILLER_WORD =
  /^(до|около|примерно|почти|где|то|бывает|доходит|доходят|выходит|выходят|получается|в|за|месяц|мес|у|меня|нас|сейчас|всего|уже|по)$/;
/** Others living with the person, whose incomes count too («живем вдвоем с мужем», «семья из трех»). */
const HOUSEHOLD_WORD =
  /^(вдвоем|втроем|вчетвером|муж|мужем|жена|женой|супруг|семь|сын|доч|дет|ребен|внук|мама|мамой|папа|отец|родител)/;
/**
 * The family's own total named as an income («у нас семья 4 человека доход 40000», «общий доход семьи»): the income the
 * rule is of, so the share is worked out although others live there (audit 8, M3).
 */
const FAMILY_TOTAL = /^(семь|семейн|общ|совокупн|нас$|наш)/;
/** The income named as a family's total, not one person's pension or wage. */
const TOTAL_INCOME = /^доход(?!ит|ят)/;
/** Words after a number that make it an age, a year or a count of people, not roubles («мне 74 года», «4 человека»). */
const NOT_A_SUM = /^(лет|год|года|г|гр|человек|человека|чел)$/;
/** How many words before the sum the word naming it may stand («плачу за квартиру 4000»): as for one's own income. */
const REACH = OWN_INCOME_REACH;
/** Smaller numbers are ages, days and counts, not roubles a month. */
const MIN_SUM = 100;

/**
 * What a message says of the share of income paid for housing: an income and a payment that give it (`share`), a sum
 * named where others living with the person have incomes of their own (`family`: the rule is of the whole family's),
 * a payment with no income (`payment`), an income with no payment (`income`, the answer to «напишите доход семьи»).
 * Undefined where it names no such sum, or a number whose it is not said.
 */
export type ShareReading =
  | { kind: 'share'; income: number; payment: number }
  | { kind: 'family' }
  | { kind: 'payment'; payment: number }
  | { kind: 'income'; income: number };

/** Housing or its bills named («за квартиру», «коммуналка», «субсидия на жку»), not only «плачу». */
const HOUSING_WORD = /^(коммунал|квартплат|жку$|жкх$|квартир|кв$|жиль|отоплен|субсиди)/;

/** Whether the message names a pension («пенсия 12000», «пенсии у меня 12 тыс»). */
function namesPension(text: string): boolean {
  return comparableText(text)
    .split(' ')
    .some((w) => /^пенси/.test(w));
}

/** Whether the message names housing or its bills: a payment then is for them («плачу 4000 за квартиру»). */
export function namesHousing(text: string): boolean {
  return comparableText(text)
    .split(' ')
    .some((w) => HOUSING_WORD.test(w));
}

/**
 * The words before the one at `start`, nearest last, at most REACH of them: filler words and other numbers left out,
 * so that «пенсии 15 и 17 тысяч» names both sums pensions.
 */
function namingWords(words: readonly string[], start: number): string[] {
  const before: string[] = [];
  for (let j = start - 1; j >= 0 && before.length < REACH; j--) {
    if (!FILLER_WORD.test(words[j]!) && !/^(\d+|и)$/.test(words[j]!)) before.unshift(words[j]!);
  }
  return before;
}

/**
 * The sum written in digits from `words[i]` («15000», «15 000», «15 тыс», «4 тыщи», «15к»): its value in roubles and
 * the index of its last digit word. A group of three digits after a number of one to three is its thousands.
 */
export function sumAt(words: readonly string[], i: number): { value: number; last: number } {
  let last = i;
  let digits = words[i]!;
  while (/^\d{1,3}$/.test(digits) && /^\d{3}$/.test(words[last + 1] ?? '')) digits += words[++last]!;
  const thousands = /^(тыс|тыщ|т$|к$)/.test(words[last + 1] ?? '');
  return { value: Number(digits) * (thousands ? 1000 : 1), last };
}

/** Reads the message's sums of income and of what one pays for housing (see ShareReading). */
export function readShare(text: string): ShareReading | undefined {
  const words = comparableText(text.replace(/(\d)[.,](\d)/g, '$1$2')).split(' ');
  const incomes: number[] = [];
  const payments: number[] = [];
  let seasonal = false;
  let totalIncome = false;
  let unread = false;
  for (let i = 0; i < words.length; i++) {
    if (!/^\d+$/.test(words[i]!)) continue;
    const start = i;
    const sum = sumAt(words, i);
    i = sum.last;
    if (NOT_A_SUM.test(words[i + 1] ?? '')) continue;
    const { value } = sum;
    // Any other number may be another income («пенсии 20 и 18 тыс»: 38 000, not 18 000) or a count of people.
    if (value < MIN_SUM) {
      unread = true;
      continue;
    }
    // The nearest word says whose sum it is: «пенсия 15000 плачу 4000».
    const before = namingWords(words, start);
    const last = [...before].reverse().find((w) => OWN_INCOME.test(w) || PAYMENT_WORD.test(w));
    // «…а летом 2500» after a payment: that payment in another season.
    if (last === undefined && payments.length > 0 && before.some((w) => SEASON_WORD.test(w))) {
      seasonal = true;
      payments.push(value);
      continue;
    }
    if (last === undefined) return undefined;
    if (OWN_INCOME.test(last)) {
      incomes.push(value);
      totalIncome = TOTAL_INCOME.test(last);
    } else payments.push(value);
  }
  // The rule is of the whole family's income: one person's pension is not it where others live with them («мы с
  // мужем… платим 8000 а пенсии 15 и 17 тысяч» got choices of the survivor's pension and the unified benefit).
  const household = words.some((w) => HOUSEHOLD_WORD.test(w));
  const familyTotal = totalIncome && words.some((w) => FAMILY_TOTAL.test(w));
  if (household && !familyTotal) {
    // «плачу 5000 мы с мужем на пенсии»: what one pays and no income at all; the family's is asked for.
    if (incomes.length === 0 && payments.length === 1 && !unread)
      return { kind: 'payment', payment: payments[0]! };
    return incomes.length + payments.length > 0 ? { kind: 'family' } : undefined;
  }
  if (unread || incomes.length > 1 || (payments.length > 1 && !seasonal)) return undefined;
  const payment = Math.max(...payments);
  if (incomes.length === 0) return payments.length > 0 ? { kind: 'payment', payment } : undefined;
  const income = incomes[0]!;
  if (payments.length === 0) return { kind: 'income', income };
  return payment < income ? { kind: 'share', income, payment } : undefined;
}

/** Words a sum typed alone may come with («около 4 тыс руб в месяц»). */
const BARE_SUM_WORD = /^(\d+|тыс\S*|тыщ\S*|т|к|руб\S*|р|в|месяц|мес|около|примерно|где|то|а|ну|у|меня|нас)$/;

/** A sum typed alone («4000», «около 4 тыс»), the answer to the question the last reply asked: its value. */
export function bareSum(text: string): number | undefined {
  const words = comparableText(text.replace(/(\d)[.,](\d)/g, '$1$2')).split(' ');
  if (!words.every((w) => BARE_SUM_WORD.test(w))) return undefined;
  const at = words.findIndex((w) => /^\d+$/.test(w));
  if (at < 0) return undefined;
  const { value, last } = sumAt(words, at);
  if (words.slice(last + 1).some((w) => /^\d+$/.test(w)) || value < MIN_SUM) return undefined;
  return value;
}

/** The income and the payment a message names, each once, or undefined. */
export function incomeAndPayment(text: string): { income: number; payment: number } | undefined {
  const read = readShare(text);
  return read?.kind === 'share' ? { income: read.income, payment: read.payment } : undefined;
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

/** How a message is read against a share rule: after its card, as a first question, or at a payment asked about. */
export interface ShareOptions {
  /**
   * The message follows the measure's card: a sum that gives no share is answered too, with why it cannot be worked
   * out (others' incomes count) or a question for the family's income (a payment alone).
   */
  followUp?: boolean;
  /** The payment the last reply asked the family's income for («я плачу за коммуналку 7000»; audit 8, L5). */
  askedPayment?: number;
  /** The income the last reply asked the payment for («пенсия 12000» after the card; audit 8, follow-ups). */
  askedIncome?: number;
  /**
   * The search answers the message with another measure («пенсия 12000 мне доплатят»: the supplement to the
   * pensioner's minimum): an income alone is then not asked the payment for.
   */
  answeredElsewhere?: boolean;
  /** Other needs of the same message, each a button under the answer (a letter's «и ещё… скидка на коммуналку?»). */
  others?: readonly KnowledgeEntry[];
}

/** The share, in whole percent, or to a tenth where the whole one would equal the limit («около 22,5%, больше 22%»). */
function shareText(share: number, limit: number): string {
  if (Math.floor(share) !== limit) return formatFigure(Math.floor(share), 'percent');
  return `${(Math.floor(share * 10) / 10).toFixed(1).replace('.', ',')}%`;
}

/**
 * The share of income the message names, set beside the rule of the measure shown (or of its siblings), then the
 * rule's part, with a button to how to apply: true when so answered. After the card, a sum that gives no share gets
 * the rule of the whole family's income or a question for it instead of the card again or choices of other measures
 * (audit 8, M3 and L5).
 */
export function answeredByShare(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  options: ShareOptions = {},
): boolean {
  // The sum alone answers the question asked: «4000» after «напишите, сколько вы платите».
  const bare = (options.askedIncome ?? options.askedPayment) ? bareSum(query) : undefined;
  const read: ShareReading | undefined =
    bare === undefined
      ? readShare(query)
      : options.askedIncome !== undefined
        ? { kind: 'payment', payment: bare }
        : { kind: 'income', income: bare };
  const named =
    read?.kind === 'income' && options.askedPayment !== undefined
      ? { income: read.income, payment: options.askedPayment }
      : read?.kind === 'payment' && options.askedIncome !== undefined
        ? { income: options.askedIncome, payment: read.payment }
        : read?.kind === 'share'
          ? read
          : undefined;
  const incomeAlone =
    read?.kind === 'income' && options.askedIncome === undefined && !options.answeredElsewhere;
  if (!named && !(options.followUp && (read?.kind === 'family' || read?.kind === 'payment' || incomeAlone)))
    return false;
  const { kb } = turn.deps;
  const rule = shareRule([shown, ...kb.entriesOfTopic(shown.topic)], kb.figures);
  const limit = rule?.figure.values.federal?.value;
  if (!rule || limit === undefined) return false;
  const limitText = formatFigure(limit, 'percent');
  if (turn.state.lastEntryId !== rule.entry.id) turn.showing(rule.entry, turn.state.lastEntryRegion);
  // «я плачу за коммуналку 7000» with no income: asked once; a payment alone again gets the conditions.
  if (!named && read?.kind === 'payment' && options.askedPayment === undefined) {
    turn.state.sharePayment = read.payment;
    const vars = { payment: formatFigure(read.payment, 'rub'), limit: limitText };
    turn.send(reply.partsOffer(turn.ctx, rule.entry, 'answer.share_income_ask', vars, { short: true }));
    turn.outcome({ outcome: 'clarify', entryId: rule.entry.id, detail: 'follow-up:share:ask' });
    return true;
  }
  // «пенсия 12000» with no payment: what one pays is asked, once; a pension under the pensioner's minimum also gets
  // the supplement to it, a button away.
  if (!named && read?.kind === 'income' && incomeAlone) {
    turn.state.shareIncome = read.income;
    const vars = { income: formatFigure(read.income, 'rub'), limit: limitText };
    const below = namesPension(query) ? measureBelowThreshold(turn, read.income) : undefined;
    turn.send(
      reply.partsOffer(turn.ctx, rule.entry, 'answer.share_payment_ask', vars, {
        short: true,
        ...(below ? { lines: below.lines, offers: [reply.nextQuestionButton(turn.ctx, below.entry)] } : {}),
      }),
    );
    turn.outcome({ outcome: 'clarify', entryId: rule.entry.id, detail: 'follow-up:share:ask-payment' });
    return true;
  }
  let detail = 'follow-up:share:family';
  if (named) {
    const share = (named.payment / named.income) * 100;
    const vars = {
      payment: formatFigure(named.payment, 'rub'),
      income: formatFigure(named.income, 'rub'),
      share: shareText(share, limit),
      limit: limitText,
    };
    turn.leadNextReply(
      parseRichText(turn.ctx.t(share > limit ? 'answer.share_above' : 'answer.share_below', vars)),
    );
    detail = share > limit ? 'follow-up:share:above' : 'follow-up:share:below';
  } else turn.leadNextReply(parseRichText(turn.ctx.t('answer.share_family', { limit: limitText })));
  // Where to apply is the next step for most («…и куда идти оформлять?» in the same message; audit 8, M3 and L2).
  const apply = kb
    .entriesOfTopic(rule.entry.topic)
    .find((e) => e.id !== rule.entry.id && rule.entry.sameMeasure?.includes(e.id) && e.sections.apply);
  const offers = [
    ...(options.others ?? []).filter((e) => e.topic !== rule.entry.topic),
    ...(apply ? [apply] : []),
  ].map((e) => reply.nextQuestionButton(turn.ctx, e));
  turn.answerPart(rule.entry, rule.section, detail, { offers });
  return true;
}
