/**
 * Answers said in a sentence rather than by a button's words: «да я беременна 5 месяцев», «у сына инвалидность»,
 * «у мужа 2 группа», «да у меня 3 группа», «внуков нет мы с дедом вдвоем». The questionnaire stopped at such
 * replies («Подбор мер прерван на вопросе 3 из 9») or said «Не понял ответ» (a citizen audit).
 */

import { CHILD_WORDS } from '../../../i18n/birth-years.js';
import { comparableText } from '../../../i18n/comparable-text.js';
import { numberTokens, readNumber } from '../../../i18n/russian-numerals.js';
import type { DISABILITY_GROUPS } from '../../../services/benefits/household.js';

const words = (text: string) => comparableText(text).split(' ').filter(Boolean);

/** A reply that says no: a «не» or «нет» anywhere in it (for who has a disability). */
const saysNo = (said: readonly string[]) => said.some((w) => w === 'не' || w === 'нет' || w === 'нету');

const PREGNANT = /^беременн/;

/**
 * What is over, planned or asked about, not the family now: «была беременна, выкидыш», «планируем беременность»,
 * «у меня была 3 группа сняли», «муж инвалид был раньше», «беременна? а зачем вам это» (a verification pass: each was
 * recorded as now).
 */
const NOT_NOW =
  /^(была|был|были|было|раньше|ранее|бывш\S*|сняли|сняла|снял|сняты?|выкидыш\S*|замерш\S*|прерва\S*|потеря\S*|планир\S*|хотим|хочу|хотели|собира\S*|зачем|почему|что|как|какое|какая|какой|можно|надо|ли)$/;

const notNow = (text: string, said: readonly string[]) =>
  text.includes('?') || said.some((w) => NOT_NOW.test(w));

/**
 * «да я беременна 5 месяцев», «жена беременна, я не работаю» → '1'; «нет, не беременна» → '0'; undefined when it says
 * neither, or speaks of the past, a plan or a question.
 */
export function saidPregnant(text: string): '0' | '1' | undefined {
  const said = words(text);
  if (said.length < 2 || notNow(text, said)) return undefined;
  if (said[0] === 'нет') return '0';
  if (said[0] === 'да') return said[1] === 'нет' || said[1] === 'не' ? undefined : '1';
  const at = said.findIndex((w) => PREGNANT.test(w));
  if (at < 0) return undefined;
  // The «не» of another clause («я не работаю») is not about the pregnancy.
  return said[at - 1] === 'не' ? '0' : '1';
}

/**
 * «да, я беременна», «жена беременна» typed at another question (the children's): a pregnancy named, not a bare «да»
 * (which there says that there are children).
 */
export function namesPregnancy(text: string): boolean {
  return words(text).some((w) => PREGNANT.test(w)) && saidPregnant(text) === '1';
}

const ADULT = new Set([
  'муж',
  'мужа',
  'мужу',
  'жена',
  'жены',
  'жене',
  'супруг',
  'супруга',
  'супруги',
  'мама',
  'мамы',
  'маме',
  'мать',
  'матери',
  'папа',
  'папы',
  'папе',
  'отец',
  'отца',
  'бабушка',
  'бабушки',
  'дедушка',
  'дедушки',
  'дед',
  'деда',
  'брат',
  'брата',
  'сестра',
  'сестры',
]);
const SELF = new Set(['я', 'меня', 'мне', 'мой', 'моя', 'сам', 'сама']);
const GROUP_WORDS: Record<string, (typeof DISABILITY_GROUPS)[number]> = {
  '1': '1',
  '2': '2',
  '3': '3',
  i: '1',
  ii: '2',
  iii: '3',
  первая: '1',
  первую: '1',
  первой: '1',
  вторая: '2',
  вторую: '2',
  второй: '2',
  третья: '3',
  третью: '3',
  третьей: '3',
};

export interface SaidDisability {
  who: 'self' | 'child' | 'other';
  group?: (typeof DISABILITY_GROUPS)[number];
}

/**
 * Who has a disability, and its group if said: «у сына инвалидность» (a child when the family has children, else
 * another adult), «у мужа 2 группа», «да у меня 3 группа». Undefined for a «нет», or when no one is named.
 */
export function saidDisability(text: string, hasChildren: boolean): SaidDisability | undefined {
  const said = words(text);
  // «оформляем инвалидность мужу» is the option of its own («Оформляем инвалидность»).
  if (
    said.length === 0 ||
    said.length > 8 ||
    saysNo(said) ||
    notNow(text, said) ||
    said.some((w) => w.startsWith('оформ'))
  )
    return undefined;
  const groupAt = said.findIndex((w) => w.startsWith('групп') || w === 'гр');
  const number =
    groupAt < 0 ? undefined : [said[groupAt - 1], said[groupAt + 1]].find((w) => w && GROUP_WORDS[w]);
  const group = number ? GROUP_WORDS[number] : undefined;
  const aboutDisability = said.some((w) => w.startsWith('инвалид')) || groupAt >= 0;
  // Without a word of disability only «у сына», «у мужа» answer the question: «мама 80 лет» does not.
  if (!aboutDisability && !(said.length === 2 && said[0] === 'у')) return undefined;
  const child = said.some((w) => CHILD_WORDS.has(w));
  const adult = said.some((w) => ADULT.has(w));
  // Two people named («у мужа 2 группа и у сына инвалидность»): the question is asked again, not half taken.
  if (child && adult) return undefined;
  let who: SaidDisability['who'] | undefined;
  if (child) who = hasChildren ? 'child' : 'other';
  else if (adult) who = 'other';
  else if (said.some((w) => SELF.has(w)) || (said[0] === 'да' && aboutDisability)) who = 'self';
  if (!who) return undefined;
  // A child's disability has no group: «ребёнок-инвалид» is a status of its own.
  return group && who !== 'child' ? { who, group } : { who };
}

const NO_CHILDREN =
  /(^| )(детей|внуков|ребенка|ребят|деток) (пока |еще |уже )?(нет|нету)( |$)|(^| )(нет|нету) (детей|внуков|ребенка|деток)( |$)/;

/** A child in the family said beside «своих детей нет» («внук под опекой», «у нас внук живёт»). */
const CHILD_IN_FAMILY =
  /(^| )(внук\S*|внучк\S*|опек\S*|попечит\S*|приемн\S*|сын\S*|доч\S*|ребенок|ребенка|племянни\S*)( |$)/;

/**
 * «внуков нет мы с дедом вдвоем», «нет детей, живу одна»: no children. Not when a child is named beside it («своих
 * детей нет, внук под опекой» was recorded as no children, and every child measure left the result).
 */
export function saidNoChildren(text: string): boolean {
  const typed = comparableText(text);
  const match = NO_CHILDREN.exec(typed);
  if (!match) return false;
  return !CHILD_IN_FAMILY.test(typed.replace(match[0], ' '));
}

/** Pre-retirement age, per the knowledge entry pre-pensioner-rights: women from 55, men from 60. */
export const PRE_PENSION_FROM = { women: 55, men: 60 } as const;

/** Words around an age said of oneself: «мне уже 58 лет». */
export const AGE_FILLERS: ReadonlySet<string> = new Set(['мне', 'уже', 'лет', 'год', 'года', 'исполнилось']);

/** Pre-pension lasts 5 years; in its last one the pension may already be due (2026: women at 59, men at 64). */
export const PRE_PENSION_YEARS = 5;
/** From this age a person is of pension age whatever their sex (men's pension age from 2028). */
export const PENSION_AGE_ALL = PRE_PENSION_FROM.men + PRE_PENSION_YEARS;

/** The person's own age, and whether they said beside it that they get no pension («мне 62, пенсию не получаю»). */
export interface OwnAge {
  age: number;
  noPension: boolean;
}

/**
 * «мне 58», «58 лет», «мне пятьдесят восемь», «мне 55 лет, пенсию не получаю»: the person's own age. Undefined for
 * anything else, for «скоро 55» or «мужу 60» (not one's age now), and for «мне 58, получаю пенсию» (which answers the
 * pension question in words of its own).
 */
export function readOwnAge(text: string): OwnAge | undefined {
  const tokens = numberTokens(text);
  let age: number | undefined;
  let pensionSaid = false;
  let noPension = false;
  for (let i = 0; i < tokens.length; ) {
    const n = age === undefined ? readNumber(tokens, i) : undefined;
    if (n) {
      age = n.value;
      i = n.next;
    } else if (AGE_FILLERS.has(tokens[i]!)) i++;
    else if (NO_PENSION_WORDS.has(tokens[i]!)) {
      pensionSaid = true;
      noPension ||= tokens[i] === 'не' || tokens[i] === 'нет';
      i++;
    } else return undefined;
  }
  // «мне 58, получаю пенсию» answers the question; «мне 55, пенсию не получаю» does not say if pre-pension.
  if (pensionSaid && !noPension) return undefined;
  return age !== undefined && Number.isInteger(age) && age >= 18 && age <= 110
    ? { age, noPension }
    : undefined;
}

/**
 * «мне 58», «58 лет», «мне пятьдесят восемь»: the person's own age, at the pension question (it was «Не понял ответ»;
 * citizen audit 6, M2). Undefined for anything else, and for «скоро 55» or «мужу 60» (not one's age now).
 */
export function saidOwnAge(text: string): number | undefined {
  return readOwnAge(text)?.age;
}

/** The pension question's answer an own age gives by itself, and that age. */
export interface PensionOfAge {
  age: number;
  pension: 'pensioner' | 'no';
}

/**
 * An own age past every sex's pension age answers the pension question: «мне 74 года» is «Получаю пенсию», and «мне
 * 74, пенсию не получаю» is «Нет», as pre-pension age is behind at that age too (it left the questionnaire told at an
 * earlier question, and got the pre-pension rule and «Не понял» at the pension question; an audit walk-through).
 */
export function pensionOfAgeSaid(text: string): PensionOfAge | undefined {
  const own = readOwnAge(text);
  if (!own || own.age < PENSION_AGE_ALL) return undefined;
  return { age: own.age, pension: own.noPension ? 'no' : 'pensioner' };
}

/**
 * «пенсию не получаю», «но пенсию еще не дали» said with the age: not a pensioner, and whether pre-pension is asked
 * with the rule (verification pass 8: they left the questionnaire, or got «Я не уверен»).
 */
const NO_PENSION_WORDS = new Set([
  'пенсию',
  'пенсии',
  'пенсия',
  'не',
  'нет',
  'получаю',
  'еще',
  'дали',
  'назначили',
  'но',
  'а',
  'на',
]);
