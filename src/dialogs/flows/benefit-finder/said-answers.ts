/**
 * Answers said in a sentence rather than by a button's words: «да я беременна 5 месяцев», «у сына инвалидность»,
 * «у мужа 2 группа», «да у меня 3 группа», «внуков нет мы с дедом вдвоем». The questionnaire stopped at such
 * replies («Подбор мер прерван на вопросе 3 из 9») or said «Не понял ответ» (a citizen audit).
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { DISABILITY_GROUPS } from '../../../services/benefits/household.js';

const words = (text: string) => comparableText(text).split(' ').filter(Boolean);

/** A reply that says no: a «не» or «нет» anywhere in it. */
const saysNo = (said: readonly string[]) => said.some((w) => w === 'не' || w === 'нет' || w === 'нету');

const PREGNANT = /^беременн/;

/** «да я беременна 5 месяцев» → '1', «нет, не беременна» → '0'; undefined when it says neither. */
export function saidPregnant(text: string): '0' | '1' | undefined {
  const said = words(text);
  if (said.length < 2) return undefined;
  if (said[0] === 'нет') return '0';
  if (said[0] === 'да') return saysNo(said.slice(1)) ? undefined : '1';
  const at = said.findIndex((w) => PREGNANT.test(w));
  if (at < 0) return undefined;
  return said[at - 1] === 'не' || saysNo(said) ? '0' : '1';
}

const CHILD = new Set([
  'сын',
  'сына',
  'сыну',
  'сынок',
  'дочь',
  'дочка',
  'дочки',
  'дочке',
  'дочери',
  'ребенок',
  'ребенка',
  'ребенку',
  'внук',
  'внука',
  'внуку',
  'внучка',
  'внучки',
  'внучке',
]);
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
  if (said.length === 0 || said.length > 8 || saysNo(said) || said.some((w) => w.startsWith('оформ')))
    return undefined;
  const groupAt = said.findIndex((w) => w.startsWith('групп') || w === 'гр');
  const number =
    groupAt < 0 ? undefined : [said[groupAt - 1], said[groupAt + 1]].find((w) => w && GROUP_WORDS[w]);
  const group = number ? GROUP_WORDS[number] : undefined;
  const aboutDisability = said.some((w) => w.startsWith('инвалид')) || groupAt >= 0;
  let who: SaidDisability['who'] | undefined;
  if (said.some((w) => CHILD.has(w))) who = hasChildren ? 'child' : 'other';
  else if (said.some((w) => ADULT.has(w))) who = 'other';
  else if (said.some((w) => SELF.has(w)) || (said[0] === 'да' && aboutDisability)) who = 'self';
  if (!who || (!aboutDisability && said.length > 3)) return undefined;
  // A child's disability has no group: «ребёнок-инвалид» is a status of its own.
  return group && who !== 'child' ? { who, group } : { who };
}

const NO_CHILDREN =
  /(^| )(детей|внуков|ребенка|ребят|деток) (нет|нету)( |$)|(^| )(нет|нету) (детей|внуков|ребенка|деток)( |$)/;

/** «внуков нет мы с дедом вдвоем», «нет детей, живу одна»: no children, whatever else is said. */
export function saidNoChildren(text: string): boolean {
  return NO_CHILDREN.test(comparableText(text));
}
