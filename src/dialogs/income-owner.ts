/**
 * Whose income a message names when it is a relative's: «у мамы пенсия 20000», «пенсия у мужа 20000». The kin word
 * is who the question is about, not what it asks: «у мамы пенсия 20000 положена ли доплата» was «Я не уверен» and «у
 * мужа пенсия 20000» the retirement age (whose examples name a husband), where «пенсия 20000 положена ли доплата» is
 * the supplement to the pensioner's minimum with the sum set beside it. The sum's line then says whose it is.
 */
import { comparableText } from '../i18n/comparable-text.js';
import { OWN_INCOME, OWN_INCOME_REACH } from './named-amount.js';

/** A relative named in the genitive after «у»: «у мамы», «у мужа». */
const KIN = new Set([
  'мамы',
  'матери',
  'мамочки',
  'жены',
  'супруги',
  'бабушки',
  'бабули',
  'свекрови',
  'тещи',
  'сестры',
  'тети',
  'дочери',
  'дочки',
  'папы',
  'отца',
  'мужа',
  'супруга',
  'дедушки',
  'деда',
  'свекра',
  'тестя',
  'брата',
  'дяди',
  'сына',
]);

/** Words that say the income was a late relative's: that pension is not set beside anything (deceased-pension.ts). */
const PAST = /^(был|была|было|умер\S*|погиб\S*|скончал\S*|похорон\S*)$/;

/** A relative whose income the message names: the words as typed («у мамы»). */
export interface IncomeOwner {
  /** «у мамы», as the message wrote it (lower case). */
  words: string;
  /** The message without those words («у мамы пенсия 20000» → «пенсия 20000»), comparable. */
  without: string;
}

/**
 * The relative whose pension or wage the message names, «у <kin>» at most a few words before the income word or
 * right after it, or undefined: also when the income was theirs in the past.
 */
export function incomeOwner(text: string): IncomeOwner | undefined {
  const words = comparableText(text).split(' ');
  if (words.some((w) => PAST.test(w))) return undefined;
  const income = words.findIndex((w) => OWN_INCOME.test(w));
  if (income < 0) return undefined;
  for (let i = Math.max(0, income - OWN_INCOME_REACH); i <= income + 1 && i < words.length - 1; i++) {
    if (words[i] === 'у' && KIN.has(words[i + 1]!)) {
      const without = [...words.slice(0, i), ...words.slice(i + 2)].join(' ');
      return { words: `у ${words[i + 1]}`, without };
    }
  }
  return undefined;
}

/** The message without the relative's words («у мамы пенсия 20000» → «пенсия 20000»), comparable, or undefined. */
export function withoutIncomeOwner(text: string): string | undefined {
  return incomeOwner(text)?.without;
}
