/**
 * A reply the question could not read: «а зачем вам это?» (the reason again), a short reply (the question again, with
 * a hint), or a message of its own (the questionnaire is left for it).
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { RichText } from '../../../messaging/rich-text.js';
import type { SearchOutcome, SpecialIntent } from '../../../search/search-types.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { type Step, stepOptions } from './questionnaire-steps.js';

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
/** A reply longer than this, not understood as an answer, is a message of its own. */
const MAX_SHORT_REPLY_WORDS = 6;
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
 * What to do with a reply the question could not read: `why` for «а зачем вам это?», `again` for a short reply that
 * asks nothing of its own («тридцатка», «не понял», «щас»), `leave` for a new question (it names a subject, asks
 * something of its own, is long, or asks for a person).
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
  const names = turn.deps.understanding.namesSubject(text);
  const why = WHY_WORDS.has(words.slice(0, 2).join(' ')) ? 2 : WHY_WORDS.has(words[0] ?? '') ? 1 : 0;
  if (why > 0 && words.slice(why).every((w) => WHY_OBJECTS.has(w))) return 'why';
  // The words of several buttons («ветеран» at «Ветеран труда» and «Ветеран боевых действий»): one of them was meant.
  const labels = stepOptions(step).map(([, key]) => comparableText(turn.ctx.t(key)).split(' '));
  if (all.length > 0 && labels.filter((l) => all.every((w) => l.includes(w))).length > 1) return 'again';
  // Digits that are not an amount («45000 на двоих и пенсия 12000»): the income was meant.
  if (step === 'income' && /\d/.test(text) && all.length <= MAX_SHORT_REPLY_WORDS * 2) return 'again';
  if (names || all.length > MAX_SHORT_REPLY_WORDS) return 'leave';
  // «что?», «как?», «в смысле?» ask what is meant; «как оформить?» asks something else.
  const ownQuestion = words.length > 2 && (text.includes('?') || QUESTION_WORDS.has(words[0] ?? ''));
  return ownQuestion ? 'leave' : 'again';
}

/** The hint said before a question asked again, for a reply it could not read. */
export function againLead(turn: Turn, step: Step): RichText {
  if (step === 'income') return md(turn, 'finder.income_again');
  if (step === 'children' || step === 'region' || step === 'adults') return md(turn, `finder.again.${step}`);
  return md(turn, 'finder.again.buttons');
}
