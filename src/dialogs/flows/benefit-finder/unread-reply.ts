/**
 * A reply the question could not read: «а зачем вам это?» (the reason again), a reply that asks nothing of its own
 * (the question again, with a hint), or a new question (the questionnaire is left for it).
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { RichText } from '../../../messaging/rich-text.js';
import type { SearchOutcome, SpecialIntent } from '../../../search/search-types.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { readFamilyStatement, withoutFamilyWords } from './family-statement.js';
import { placesNamed } from './places-named.js';
import { type Step, stepOptions } from './questionnaire-steps.js';
import { svoSaid } from './typed-answer-words.js';

/** Intents that are a request of their own whatever question is open. */
const LEAVING_INTENTS = new Set<SpecialIntent>([
  'human',
  'crisis',
  'personal_case',
  'off_topic',
  'hours',
  'find_office',
  'about',
]);
/**
 * Unread replies in a row after which the question comes with «Позвать консультанта»: seven unread replies got the
 * same question seven times and no way to a person (a tester's report).
 */
export const UNREAD_FOR_CONSULTANT = 2;
/** A reply longer than this asks something of its own when a question word is anywhere in it, not only first. */
const MAX_SHORT_REPLY_WORDS = 6;
/** Words that ask for something wherever they stand: «мне бы узнать про субсидию», «подскажите что положено». */
const REQUEST_WORDS = new Set([
  'подскажите',
  'скажите',
  'расскажите',
  'объясните',
  'помогите',
  'узнать',
  'интересует',
  'интересно',
]);
const LEAD_PARTICLES = new Set(['а', 'и', 'ну', 'так', 'ой']);
const WHY_WORDS = new Set(['зачем', 'почему', 'для чего', 'к чему', 'это зачем']);
/** What "зачем …" may be about and still be about the question: «а зачем вам мой доход». */
const WHY_OBJECTS = new Set([
  'вам',
  'вы',
  'тебе',
  'это',
  'этот',
  'нужно',
  'надо',
  'знать',
  'спрашиваете',
  'спрашиваешь',
  'такое',
  'такие',
  'вопрос',
  'вопросы',
  'мой',
  'моя',
  'мои',
  'наш',
  'доход',
  'данные',
  'сведения',
  'информация',
  'спрашивать',
  'нужна',
  'нужен',
]);
const QUESTION_WORDS = new Set([
  'как',
  'где',
  'куда',
  'когда',
  'сколько',
  'какой',
  'какая',
  'какие',
  'каких',
  'какое',
  'кто',
  'что',
  'чем',
  'можно',
  'почему',
  'зачем',
  'откуда',
  'кому',
  'положено',
  'положены',
  'положен',
]);

/**
 * The income told as small or low without an amount («маленькая пенсия», «очень маленький», «ниже прожиточного
 * минимума», «мизерная зарплата»): an answer to the income question, not a new question, though «пенсия» or
 * «прожиточный минимум» name a subject. They left the questionnaire, and every answer with it, for the pension
 * supplement's page or «Уточните…». The amount is asked again.
 */
const INCOME_DESCRIBED =
  /^(маленьк\S*|небольш\S*|низк\S*|мизерн\S*|мал\S*|копе\S*|очень|совсем|ниже|меньше|прожиточн\S*|минимум\S*|минимальн\S*|мрот|пенси\S*|зарплат\S*|доход\S*|у|меня|нас|мужа|жены|и|а|всего|только|одна|один|на|всех|двоих|семью)$/;

/** Whether `words` only tell that the income is small, with a word of how small or of whose. */
function tellsSmallIncome(words: readonly string[]): boolean {
  return (
    words.length > 0 &&
    words.every((w) => INCOME_DESCRIBED.test(w)) &&
    words.some((w) => /^(маленьк|небольш|низк|мизерн|мал|копе|ниже|меньше|минимальн|мрот)/.test(w))
  );
}

/**
 * What to do with a reply the question could not read: `why` for «а зачем вам это?», `again` for a reply that asks
 * nothing of its own («тридцатка», «не понял», «щас», or an answer told in the person's own words that was not read),
 * `leave` for a new question (it names a subject, asks something of its own, or asks for a person).
 */
export function unreadReply(
  turn: Turn,
  step: Step,
  text: string,
  found: SearchOutcome | undefined,
): 'why' | 'again' | 'leave' {
  if (found?.intent && LEAVING_INTENTS.has(found.intent)) return 'leave';
  const all = comparableText(text).split(' ').filter(Boolean);
  const words = LEAD_PARTICLES.has(all[0] ?? '') ? all.slice(1) : all;
  const names = turn.deps.understanding.namesSubject(withoutFamilyWords(text));
  const why = WHY_WORDS.has(words.slice(0, 2).join(' ')) ? 2 : WHY_WORDS.has(words[0] ?? '') ? 1 : 0;
  if (why > 0 && words.slice(why).every((w) => WHY_OBJECTS.has(w))) return 'why';
  // The words of several buttons («ветеран» at «Ветеран труда» and «Ветеран боевых действий»): one of them was meant.
  const labels = stepOptions(step).map(([, key]) => comparableText(turn.ctx.t(key)).split(' '));
  if (all.length > 0 && labels.filter((l) => all.every((w) => l.includes(w))).length > 1) return 'again';
  // Digits that are not an amount («45000 на двоих и пенсия 12000»): the income was meant.
  if (step === 'income' && /\d/.test(text) && all.length <= MAX_SHORT_REPLY_WORDS * 2) return 'again';
  // «уехала из перми в саратов» answers where, though «перми» names a subject: asked again, which one is home.
  if (step === 'region' && placesNamed(turn, text) > 1) return 'again';
  // «муж воюет на сво» at the adults question, «пенсия 14 тысяч» at the pregnancy one tell about the family and ask
  // nothing, though they name a subject: they left the questionnaire for the SVO article or «Я не уверен» (a
  // verification pass). The question is asked again; the veteran and income questions come later.
  if (svoSaid(text) || readFamilyStatement(text)) return 'again';
  if (step === 'income' && !text.includes('?') && tellsSmallIncome(words)) return 'again';
  if (names) return 'leave';
  // «что?», «как?», «в смысле?» ask what is meant; «как оформить?» asks something else.
  const asks =
    text.includes('?') ||
    QUESTION_WORDS.has(words[0] ?? '') ||
    words.some((w) => REQUEST_WORDS.has(w)) ||
    (words.length > MAX_SHORT_REPLY_WORDS && words.some((w) => QUESTION_WORDS.has(w)));
  // A long reply that asks nothing is an answer in the person's own words («у нас всё сложно, муж то работает, то
  // нет»): it left the questionnaire, and every answer with it, for a search that had nothing to say (a tester's
  // report). Now the question is asked again, and after two such replies a consultant is offered.
  return words.length > 2 && asks ? 'leave' : 'again';
}

/**
 * The hint said before a question asked again, for the `unread`-th reply in a row it could not read; `hintKey` for a
 * reply that needs its own (a bare «нет» to the income).
 */
export function againLead(turn: Turn, step: Step, unread: number, hintKey = againHintKey(step)): RichText {
  const hint = md(turn, hintKey);
  return unread >= UNREAD_FOR_CONSULTANT ? [...hint, ...md(turn, 'finder.again.consultant')] : hint;
}

function againHintKey(step: Step): string {
  if (step === 'income') return 'finder.income_again';
  return step === 'children' || step === 'region' || step === 'adults'
    ? `finder.again.${step}`
    : 'finder.again.buttons';
}
