/**
 * The words a typed reply may use instead of a button: everyday names of options, "готово", "пропустить", "назад",
 * "стоп", "не работаю" said with or without whether the person looks for work, and a relative at the SVO.
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

/**
 * A bare no. At the income question it may refuse the question or answer another one, so it is not taken as no income
 * (see NO_INCOME_SAID in household.ts).
 */
export const BARE_NO = new Set(['нет', 'нету', 'неа', 'не', 'нет нет']);

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

/**
 * What keeps the person at home, said with «не работаю» or instead of it: «сижу с детьми», «ухаживаю за мамой». Such a
 * person is not looking for work, so that is not asked.
 */
const AT_HOME = new Set(
  [
    'сижу дома с со в декрете отпуске по уходу за ухаживаю',
    'детьми ребенком ребенка детей малышом внуками внуком внучкой дочкой сыном дочерью',
    'мамой папой мужем женой бабушкой дедушкой родителями свекровью мамы папы мужа бабушки дедушки родителей',
    'инвалидом больной больным лежачей лежачим пожилой пожилым',
  ].flatMap((words) => words.split(' ')),
);
const AT_HOME_VERBS = new Set(['сижу', 'ухаживаю', 'декрете']);

/**
 * «не работаю» typed at the work question: `unsure` when it does not say whether the person looks for work,
 * `at-home` when it says why they are at home (and so are not looking), undefined for anything else.
 */
export function notWorking(text: string): 'unsure' | 'at-home' | undefined {
  const words = comparableText(text)
    .split(' ')
    .filter((w) => w && !NOT_WORKING_FILLERS.has(w));
  const phrase = words.join(' ');
  if (NOT_WORKING.has(phrase)) return 'unsure';
  if (phrase === 'домохозяйка' || phrase === 'домохозяин') return 'at-home';
  // «не работаю, сижу с детьми», «сижу дома с ребенком», «не работаю ухаживаю за мамой».
  const lead = ['нет не работаю', 'не работаю', 'не работаем', 'нет'].find((p) => phrase.startsWith(`${p} `));
  const rest = lead ? words.slice(lead.split(' ').length) : words;
  if (rest.some((w) => AT_HOME_VERBS.has(w)) && rest.every((w) => AT_HOME.has(w))) return 'at-home';
  return undefined;
}

/** Words that say someone is at the special military operation. */
const SVO = new Set([
  'сво',
  'спецоперации',
  'спецоперация',
  'военной',
  'мобилизован',
  'мобилизованный',
  'мобилизовали',
]);
/** Relatives whose service makes the person a family member of an SVO participant. */
const SVO_RELATIVES =
  /^(муж|мужа|мужем|сын|сына|сыном|сыновья|брат|брата|отец|отца|папа|папы|внук|внука|зять|зятя|жена|жены|супруг|супруга)$/;
/** Words such a sentence is made of besides the relative and the SVO. */
const SVO_WORDS = new Set(
  [
    'я мой моя наш у меня нас на в по с сейчас уже тоже был была сам',
    'воюет воевал воевала воюют служит служил служила служат участник участвует участвовал участвовала',
    'ушел ушла пошел пошла ушли забрали призвали контракту контракт добровольцем доброволец погиб ранен пропал',
    'без вести зоне специальной военной операции',
  ].flatMap((words) => words.split(' ')),
);

/**
 * «муж воюет на сво», «сын на сво по контракту»: `svo-family`; «я был на сво»: `svo`; undefined for anything else
 * (a question about SVO payments leaves the questionnaire as other questions do).
 */
export function svoSaid(text: string): 'svo' | 'svo-family' | undefined {
  const words = comparableText(text).split(' ').filter(Boolean);
  if (!words.some((w) => SVO.has(w))) return undefined;
  let relative = false;
  for (const w of words) {
    if (SVO_RELATIVES.test(w)) relative = true;
    else if (!SVO.has(w) && !SVO_WORDS.has(w)) return undefined;
  }
  if (relative) return 'svo-family';
  return words.includes('я') ? 'svo' : undefined;
}

/**
 * «безработный, ищу работу», «уволили, ищу работу», «стою на бирже»: looking for work, said in a few words (the first
 * opened the job centre's entry, the second «Я не уверен»; citizen audit 6).
 */
const SAYS_JOB_SEEKING =
  /^(?=(?:\S+ ){0,5}\S+$).*(?:^|\s)(?:ищу работу|безработн\S*|на бирже|стою на учете в центре занятости|стою на учете в цзн)(?:\s|$)/;

/** «я сижу с малым», «сижу дома с ребенком»: at home with a child, not employed. */
const SAYS_AT_HOME_WITH_CHILD =
  /(?:^|\s)(?:сижу|сидим|нахожусь)(?: дома)? с (?:малым|малышом|малышкой|ребенком|детьми|дочкой|сыном|внуком|внучкой)(?:\s|$)/;

/**
 * «работаю продавцом», «я работаю на заводе»: a short sentence that starts with the person working. Not unofficial
 * work («работаю неофициально»), which is no employment for the measures that ask it.
 */
const SAYS_WORKING =
  /^(?:да )?(?:я )?работаю(?! (?:но )?(?:не ?официально|без оформления|без договора|самозанят))(?: \S+){1,3}$/;

/**
 * «я в декрете», «в отпуске по уходу»: employed, on leave with a child. Not «не работаю, в декрете», which notWorking
 * reads (at home).
 */
const ON_LEAVE =
  /^(?!(?:нет|не работаю)(?:\s|$))(?:.* )?(?:в декрете|в декретном отпуске|в отпуске по уходу)(?:\s|$)/;

/**
 * A reply that asks something besides answering: «сижу с ребенком, положено ли мне пособие…», «нет, но муж
 * инвалид 1 группы, мне положено что-то за уход?» were taken as answers and their questions lost (verification pass
 * 7). Such a reply leaves the questionnaire for the search, as before.
 */
export function asksSomething(text: string, typed: string): boolean {
  return (
    text.includes('?') ||
    /(?:^|\s)(?:ли|положено|положен|положена|сколько|как|где|куда|когда|какие|какой|можно|нужно|дадут|платят)(?:\s|$)/.test(
      typed,
    ) ||
    typed.split(' ').length > 10
  );
}

/** «нет, но муж получает пенсию»: no, and someone else of the family is a pensioner. */
const NO_BUT_A_RELATIVE =
  /^нет,? но (?:у )?(?:муж|мужа|жена|жены|мама|мамы|мать|папа|папы|отец|бабушка|бабушки|дедушка|дедушки|свекровь|свекор|теща|тесть)(?:\s|$)/;

/**
 * The answer to «Вы сейчас работаете?» said in a sentence: «безработный, ищу работу», «я в декрете», «работаю
 * самозанятой», «муж работает я сижу с малым», «работаю продавцом»; undefined for anything else, and for a reply
 * that asks something too.
 */
export function employmentSaid(text: string): string | undefined {
  const typed = comparableText(text);
  if (asksSomething(text, typed)) return undefined;
  if (SAYS_JOB_SEEKING.test(typed)) return 'job-seeking';
  // «я в декрете сижу с ребенком»: on leave from a job, employed (verification pass 7: it was «Не работаю», and the
  // childcare benefit left the result).
  if (ON_LEAVE.test(typed)) return 'working';
  if (/(?:^|\s)самозанят/.test(typed)) return 'self-employed';
  // «работаю продавцом»: working, where; «муж работает я сижу с малым»: the person is at home with the child (both
  // were asked again; citizen audit 6).
  if (SAYS_AT_HOME_WITH_CHILD.test(typed)) return 'not-working';
  if (SAYS_WORKING.test(typed)) return 'working';
  return undefined;
}

/** «нет, но муж получает пенсию» at the pension question, with nothing asked besides. */
export function saidNoButARelative(text: string): boolean {
  const typed = comparableText(text);
  return !asksSomething(text, typed) && NO_BUT_A_RELATIVE.test(typed);
}
