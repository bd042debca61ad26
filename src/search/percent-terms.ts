/**
 * A number that is a share («60%», «75 процентов») is one term, «60%», apart from the same number as an age or a
 * sum: «встать на биржу труда в 60 лет» matched the «60%» of the unemployment benefit's amount card on the rarest
 * word of the question, and that card won over the one on registering. The normaliser keeps the sign on its number
 * («60%» is one word); a number before a form of «процент» is made the same term, in the index and the queries alike
 * (`document-reader.ts`, `text-analyzer.ts`).
 */

const NUMBER = /^\d+(?:\.\d+)?$/;
/** The stem of every form of «процент» («процентов», «процента», «проценты»). */
const PERCENT_STEM = 'процент';

/** true when a normalised word is a number («60», «5.6»). */
export function isNumberWord(word: string): boolean {
  return NUMBER.test(word);
}

/** true when the stem is that of «процент»: a number before such a word is a share. */
export function isPercentStem(stem: string): boolean {
  return stem === PERCENT_STEM;
}

/** The term of a number that is a share. */
export function percentTerm(number: string): string {
  return `${number}%`;
}
