/**
 * A sum the citizen names that an entry shows: «а 9678 рублей кто платит» after the funeral benefit's choices, «мне
 * пришло 28450 рублей 45 копеек это что за деньги», «нам насчитали 11849 25 а должны 15799». The figures are
 * filled in at answer time (data/figures.yaml), so the search never sees them; people repeat the amount they were
 * shown or paid, and it names the measure (citizen audit 4, H5; citizen audit 5, M8).
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { FIGURE_REF, type FigureTable } from '../knowledge/figures.js';

/** Smaller sums are ages, days, percentages and counts more often than money. */
const MIN_AMOUNT = 1000;
/** Sums from which «N тысяч» names the figure rounded down («134 тысячи» for 134 650 ₽). */
const MIN_ROUNDED_AMOUNT = 100_000;
/** «2026» is a year, not 2 026 ₽. */
const YEAR = /^(19[5-9]\d|20[0-4]\d)$/;

/** Read once per figure table and entry (both are replaced when the knowledge base is reloaded). */
const read = new WeakMap<FigureTable, WeakMap<KnowledgeEntry, ReadonlySet<number>>>();

/** The whole roubles of each figure an entry shows (all regions' values, with the entry's shares of them). */
function amountsOf(entry: KnowledgeEntry, figures: FigureTable): ReadonlySet<number> {
  let ofTable = read.get(figures);
  if (!ofTable) {
    ofTable = new WeakMap();
    read.set(figures, ofTable);
  }
  let amounts = ofTable.get(entry);
  if (!amounts) {
    amounts = amountsShown(entry, figures);
    ofTable.set(entry, amounts);
  }
  return amounts;
}

function amountsShown(entry: KnowledgeEntry, figures: FigureTable): Set<number> {
  const amounts = new Set<number>();
  for (const text of [entry.short, ...Object.values(entry.sections)]) {
    for (const m of (text ?? '').matchAll(FIGURE_REF)) {
      const figure = figures.get(m[1]!);
      if (figure?.unit !== 'rub') continue;
      const share = m[2] ? Number(m[2]) : 1;
      for (const v of Object.values(figure.values)) if (v) amounts.add(Math.floor(v.value * share + 1e-6));
    }
  }
  return amounts;
}

/**
 * One's own pension, wage or income («у меня пенсия 12 тысяч», «пенсия 12000 мне доплатят», «зарплата у мужа 40
 * тыс»): what the person lives on, not a sum they were shown or paid. «Пенсия 12000» was the disabled child's entry,
 * whose tax deduction is 12 000 ₽ (citizen audit 7, H2).
 */
export const OWN_INCOME = /^(пенси|зарплат|зп$|доход|получа|оклад|стипенди)/;
/** How many words before the sum such a word may stand («пенсия у меня 12000»). */
export const OWN_INCOME_REACH = 3;

/**
 * The sums in roubles a message names: «28450», «28 450», «28 450,45», «28450 рублей 45 копеек», «134 тысячи»; not
 * years, small numbers or one's own income.
 */
export function amountsNamed(text: string): number[] {
  const words = comparableText(text.replace(/(\d),(\d)/g, '$1.$2')).split(' ');
  const found: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\d+(\.\d+)?$/.test(words[i]!)) continue;
    const start = i;
    let digits = words[i]!;
    // «28 450»: a group of three digits after a number of one to three is its thousands.
    while (/^\d{1,3}$/.test(digits) && /^\d{3}(\.\d+)?$/.test(words[i + 1] ?? '')) digits += words[++i]!;
    const thousands = /^тыс/.test(words[i + 1] ?? '');
    const value = Math.floor(Number(digits) * (thousands ? 1000 : 1));
    if (!Number.isFinite(value) || value < MIN_AMOUNT || (!thousands && YEAR.test(digits))) continue;
    if (words.slice(Math.max(0, start - OWN_INCOME_REACH), start).some((w) => OWN_INCOME.test(w))) continue;
    found.push(value);
  }
  return found;
}

/**
 * The message without the sums of one's own income in digits («пенсия 12000 мне доплатят» → «пенсия мне
 * доплатят»), or undefined when it has none. No entry names the person's own figure, so it weighed as an unknown
 * word and left «пенсия … доплатят» to «Я не уверен», where «у меня пенсия 12 тысяч» got the supplement to the
 * subsistence minimum (citizen audit 7, H2).
 */
export function withoutOwnIncomeSums(text: string): string | undefined {
  const words = text.split(/\s+/);
  let dropped = false;
  let droppedAt = -1;
  const kept = words.filter((word, i) => {
    // «моя пенсия 9000 рублей»: the currency after the sum goes with it; «рублей» alone drew the carers' card, whose
    // text names roubles (audit 8, H3).
    if (i === droppedAt + 1 && droppedAt >= 0 && CURRENCY.test(comparableText(word))) return false;
    // «у меня пенсия 9 тысяч почему так мало»: the thousands after the sum go with it too (audit 8, H3 followed).
    if (i === droppedAt + 1 && droppedAt >= 0 && THOUSANDS.test(comparableText(word))) {
      droppedAt = i;
      return false;
    }
    const digits = word.replace(/[.,!?;:)]+$/, '');
    const inThousands = /^\d{1,3}$/.test(digits) && THOUSANDS.test(comparableText(words[i + 1] ?? ''));
    if (!inThousands && (!/^\d{4,7}$/.test(digits) || YEAR.test(digits) || Number(digits) < MIN_AMOUNT))
      return true;
    const before = words.slice(Math.max(0, i - OWN_INCOME_REACH), i).map((w) => comparableText(w));
    if (!before.some((w) => OWN_INCOME.test(w))) return true;
    dropped = true;
    droppedAt = i;
    return false;
  });
  return dropped ? kept.join(' ') : undefined;
}

/** Thousands written after a sum: «9 тысяч», «9 тыс», «9 т». */
const THOUSANDS = /^(тыс\S*|тыщ\S*|т)$/;
/** The currency written after a sum: «рублей», «руб», «р», «₽». */
const CURRENCY = /^(руб\S*|р|₽)$/;

/**
 * The entries of `among` showing the most of the sums the message names (a round «134 тысячи» matches 134 650 ₽,
 * from 100 000 ₽ up), or none when it names no sum or no entry shows one.
 */
export function entriesShowingAmount(
  text: string,
  among: readonly KnowledgeEntry[],
  figures: FigureTable,
): KnowledgeEntry[] {
  const named = amountsNamed(text);
  if (named.length === 0) return [];
  const matched = among.map((entry) => {
    const shown = amountsOf(entry, figures);
    // «134 тысячи» for 134 650 ₽; smaller sums said in thousands («7 тысяч» on the utilities) are the person's own.
    const thousands = new Set(
      [...shown].filter((s) => s >= MIN_ROUNDED_AMOUNT).map((s) => Math.floor(s / 1000) * 1000),
    );
    const count = named.filter((n) => shown.has(n) || (n % 1000 === 0 && thousands.has(n))).length;
    return { entry, count };
  });
  const most = Math.max(0, ...matched.map((m) => m.count));
  return most === 0 ? [] : matched.filter((m) => m.count === most).map((m) => m.entry);
}

/** «что за деньги», «что это за выплата», «за что пришло», «откуда деньги»: what a sum received is. */
const ASKS_WHAT_MONEY =
  /(^| )(что (это )?за (деньги|выплат\S*|сумм\S*|перевод\S*|пособи\S*|начислени\S*)|за что (пришл\S*|начислил\S*|перевел\S*|заплатил\S*)|откуда (деньги|пришл\S*)|что (это )?(пришло|за поступлени\S*))( |$)/;

export function asksWhatMoneyIs(text: string): boolean {
  return ASKS_WHAT_MONEY.test(comparableText(text));
}
