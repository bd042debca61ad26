/**
 * The words a typed reply may use instead of a button: everyday names of options, "готово", "пропустить", "назад",
 * "стоп", and "не работаю" said without saying whether the person looks for work.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { Step } from './questionnaire-steps.js';

/**
 * Everyday words for an option that its label does not have: «пенсионерка» (which names a subject, and so left the
 * questionnaire as a new question).
 */
const PENSIONER = ['пенсионер', 'пенсионерка', 'на пенсии', 'я на пенсии', 'я пенсионер', 'я пенсионерка'];
const RELATIVES = [
  'мужа',
  'жены',
  'супруга',
  'супруги',
  'мамы',
  'матери',
  'папы',
  'отца',
  'бабушки',
  'дедушки',
];
export const SAID_AS: Partial<Record<Step, Record<string, string>>> = {
  disability: {
    ...Object.fromEntries(RELATIVES.map((w) => [`у ${w}`, 'other'])),
    инвалид: 'self',
    'я инвалид': 'self',
    'у меня инвалидность': 'self',
    'ребенок инвалид': 'child',
    'у ребенка инвалидность': 'child',
    'нет инвалидности': 'none',
    'инвалидности нет': 'none',
    никто: 'none',
  },
  pension: {
    ...Object.fromEntries(PENSIONER.map((w) => [w, 'pensioner'])),
    'да получаю': 'pensioner',
    получаю: 'pensioner',
    предпенсионер: 'pre-pension',
    предпенсионерка: 'pre-pension',
    'я предпенсионер': 'pre-pension',
    'я предпенсионерка': 'pre-pension',
    'нет не получаю': 'no',
    'не получаю': 'no',
  },
  employment: {
    ...Object.fromEntries(PENSIONER.map((w) => [w, 'not-working'])),
    домохозяйка: 'not-working',
    'ищу работу': 'job-seeking',
    студент: 'student',
    студентка: 'student',
    'да работаю': 'working',
    самозанятый: 'self-employed',
    самозанятая: 'self-employed',
    ип: 'self-employed',
  },
};

/** "Готово" typed after the children were added. */
export const DONE = new Set(['готово', 'все', 'это все', 'больше нет', 'больше никого']);
/** "Skip" in words, and refusals to say, which skipping is for. */
export const SKIP = new Set([
  'пропустить',
  'пропусти',
  'пропускаю',
  'пропуск',
  'дальше',
  'далее',
  'следующий',
  'следующий вопрос',
  'не знаю',
  'незнаю',
  'не скажу',
  'не хочу говорить',
  'не хочу отвечать',
  'не буду говорить',
  'не буду отвечать',
  'без ответа',
]);
export const BACK = new Set(['назад', 'вернуться', 'вернуться назад', 'предыдущий вопрос', 'верните назад']);
/** An explicit "stop the questionnaire": the menu, with the button to continue later. */
export const STOP = new Set([
  'стоп',
  'хватит',
  'отмена',
  'отменить',
  'выйти',
  'выход',
  'закончить',
  'не надо',
  'не хочу',
  'прекратить',
  'остановить',
  'потом',
]);
/** "Не работаю" without saying whether the person looks for work: the words around it that add nothing. */
const NOT_WORKING = new Set([
  'нет',
  'неа',
  'не работаю',
  'не работаем',
  'нет не работаю',
  'безработный',
  'безработная',
]);
const NOT_WORKING_FILLERS = new Set(['я', 'сейчас', 'пока', 'нигде', 'уже', 'мы']);

export function notWorking(text: string): boolean {
  const words = comparableText(text)
    .split(' ')
    .filter((w) => w && !NOT_WORKING_FILLERS.has(w));
  return NOT_WORKING.has(words.join(' '));
}
