/**
 * An age told without «лет» («мне 62 когда пенсия», «маме 58, когда на пенсию?»), read as the age with its word is
 * read: «мне 62 лет когда пенсия». The synonyms that take «… лет когда пенсия» for the retirement age, and the
 * descriptions of someone by age, are written with that word; without it «мне 62 когда пенсия» was searched on «62»
 * and «пенсия» alone and got «Я не уверен», though «мне 62 года когда пенсия» had the person's line of the table.
 *
 * Only an adult's age (30 to 99) right after whom it is told of, as the dialog's reader of an age takes it
 * (src/dialogs/retirement-age.ts), «уже» or «сейчас» between at most, and not before a word saying what else the
 * number counts («мне 62 года», «мне 15 тысяч», «ей 40 процентов»).
 *
 * An age told last, after the question («когда пенсия мне 62», «когда на пенсию маме 57 лет»), is read first, as it is
 * usually told: the synonyms that take «… лет когда пенсия» for the retirement age are written in that order, and
 * «когда пенсия мне 62» got «Я не уверен» where «мне 62 когда пенсия» had the person's line of the table.
 */

/** Whom an age is told of: «мне», «маме», «мужу исполнилось». */
const TOLD_OF: ReadonlySet<string> = new Set([
  'мне',
  'ему',
  'ей',
  'маме',
  'папе',
  'мужу',
  'жене',
  'бабушке',
  'дедушке',
  'отцу',
  'матери',
  'исполнилось',
  'исполнится',
]);
/** Words that may stand between: «мне уже 62», «мне сейчас 58». */
const BETWEEN: ReadonlySet<string> = new Set(['уже', 'сейчас']);
/** How many words may stand between whom an age is told of and the age. */
const MAX_BETWEEN = 2;
const ADULT_AGE = /^[3-9]\d$/;
/** Words after a number that say what it counts, when that is not the years of an age told bare. */
const COUNTED: ReadonlySet<string> = new Set([
  'лет',
  'год',
  'года',
  'г',
  'годика',
  'тыс',
  'тысяч',
  'тысячи',
  'тысяча',
  'т',
  'к',
  'р',
  'руб',
  'рублей',
  'рубля',
  'процентов',
  'процента',
  'дней',
  'дня',
  'недель',
  'недели',
  'месяцев',
  'месяца',
  'часов',
  'раз',
]);
/** The word for the years of an age, put in after a bare one. */
const YEARS = 'лет';

/** Where the word telling whom the age at `at` is told of stands («мне» of «мне уже 62»); -1 if none does. */
function toldOfAt(words: readonly string[], at: number): number {
  for (let j = at - 1; j >= 0 && j >= at - 1 - MAX_BETWEEN; j--) {
    if (TOLD_OF.has(words[j]!)) return j;
    if (!BETWEEN.has(words[j]!)) return -1;
  }
  return -1;
}

/**
 * Words beside an age that say nothing more: «а мне уже 62» alone is no question, and is left as typed (it got
 * «Я постараюсь помочь…», and «мне 62 лет» would be refused as off the subject).
 */
const ALONGSIDE: ReadonlySet<string> = new Set(['а', 'я', 'вот', 'и']);

/** Words for the years of an age told: the age told last ends with one of them or with the number. */
const YEARS_WORDS: ReadonlySet<string> = new Set([YEARS, 'год', 'года']);

/**
 * The words with each adult's age told bare given its «лет», and an age told last moved to the front; the same array
 * when there is none (the common case).
 */
export function withToldAgeYears(words: readonly string[]): readonly string[] {
  return withToldAgeFirst(withYears(words));
}

/**
 * «когда пенсия мне 62 лет» as «мне 62 лет когда пенсия»: the words telling whose age it is (with «уже», «сейчас»
 * between), the age and its word of years, when they end the message and something stands before them.
 */
function withToldAgeFirst(words: readonly string[]): readonly string[] {
  const n = words.length;
  if (n < 4 || !YEARS_WORDS.has(words[n - 1]!) || !ADULT_AGE.test(words[n - 2]!)) return words;
  const from = toldOfAt(words, n - 2);
  if (from <= 0) return words;
  return [...words.slice(from), ...words.slice(0, from)];
}

function withYears(words: readonly string[]): readonly string[] {
  const saysMore = words.some(
    (w) => !TOLD_OF.has(w) && !BETWEEN.has(w) && !ALONGSIDE.has(w) && !/^\d+$/.test(w),
  );
  if (!saysMore) return words;
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    out?.push(word);
    if (!ADULT_AGE.test(word)) continue;
    const next = words[i + 1];
    if (toldOfAt(words, i) < 0 || (next !== undefined && (COUNTED.has(next) || /^\d/.test(next)))) continue;
    out ??= words.slice(0, i + 1);
    out.push(YEARS);
  }
  return out ?? words;
}
