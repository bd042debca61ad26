/**
 * A story told where a step's answer was awaited: the whole story, a few words of what went wrong, or more of it.
 * The patterns run over comparableText.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { asksQuestion, unknownAnswer } from './complaint-words.js';

/** Typed text this long at a button step is the story of what happened, not an answer to the step. */
const STORY_MIN_WORDS = 8;
export const isStory = (text: string) => text.split(/\s+/).filter(Boolean).length >= STORY_MIN_WORDS;
/**
 * What went wrong, in a few words ("нахамили в мфц", "документы не приняли"), over comparableText: at the region
 * step, and at the office list, such text is the story too, however short (it left the complaint, and an office
 * list took it for the office's name). An office's own name has none of these words.
 */
const WHAT_WENT_WRONG =
  /(^| )(нахам\S*|нагруб\S*|груб\S*|хам\S*|оскорб\S*|накрич\S*|кричал\S*|орал\S*|обман\S*|унизил\S*|издевал\S*|выгнал\S*|отказал\S*|отказыва\S*|отказ|не принял\S*|не принима\S*|не прин[яе]ли|потерял\S*|волокит\S*|не отвечают|не ответил\S*|не дозвон\S*|заставил\S*)( |$)/;
/** Words of an office's name ("управление соцзащиты", "мфц", "клиентская служба сфр"), over comparableText. */
export const OFFICE_WORDS =
  /(^| )(соцзащит\S*|собес\S*|управлени\S*|мфц|сфр|пфр|осфр|соцфонд\S*|фонд\S*|центр\S*|отдел\S*|филиал\S*|служб\S*|администрац\S*|цсзн|кцсон|учреждени\S*)( |$)/;
export const isShortStory = (text: string) =>
  text.split(/\s+/).filter(Boolean).length >= 2 && WHAT_WENT_WRONG.test(comparableText(text));
/** «не поняла вопрос», «непонятно что выбрать»: the step not understood, which is asked again, not a story. */
const PUZZLED = /(^| )(не понял\S*|не понима\S*|непонятн\S*)( |$)/;
/**
 * A sentence told where a step's answer was awaited («меня даже не выслушали», «пособие отменили незаконно а
 * сотрудник не объяснил»): the story, or more of it. Only «а ещё…» or the words of WHAT_WENT_WRONG were taken, and
 * the rest was lost under «Ваш рассказ я сохранил». Not a question, not «не знаю», not an office's name, and three
 * words at least (a name such as «Иванова Мария» is no story).
 */
export const tellsMore = (text: string) => {
  const words = comparableText(text);
  return (
    words.split(' ').filter(Boolean).length >= 3 &&
    !asksQuestion(text) &&
    !unknownAnswer(text) &&
    !PUZZLED.test(words) &&
    (!OFFICE_WORDS.test(words) || WHAT_WENT_WRONG.test(words))
  );
};

/**
 * The words of a wish to complain and whom it is about, with a greeting and the place («Здравствуйте. Хочу
 * пожаловаться на пенсионный фонд города Волжский»): no story however many they are.
 */
const WISH_WORDS = new Set(
  (
    'здравствуйте здраствуйте добрый день вечер утро привет я мы хочу хотим хотела хотел бы хотелось пожаловаться ' +
    'пожаловатся жалобу жалоба подать написать оставить направить на в во по из город города г область области ' +
    'края район района районе ваш вашу вашего пожалуйста сотрудника сотрудницу сотрудников работу'
  ).split(' '),
);
/** At most this many words besides those of the wish, the office and the place («пенсионный», «клиентскую»). */
const WISH_OTHER_WORDS = 2;

/**
 * A long message that only asks to complain about an office in a place: 8 words made it the story, and the summary
 * showed «Что случилось: Здравствуйте. Хочу пожаловаться на пенсионный фонд…» without «Опишите, что случилось» ever
 * asked. `isPlace`: whether a word names a town or region.
 */
export function wishOnly(text: string, isPlace: (word: string) => boolean): boolean {
  const other = comparableText(text)
    .split(' ')
    .filter((w) => w && !WISH_WORDS.has(w) && !OFFICE_WORDS.test(w) && !isPlace(w));
  return other.length <= WISH_OTHER_WORDS;
}
