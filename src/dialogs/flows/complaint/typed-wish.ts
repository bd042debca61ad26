/**
 * What the person wants of the complaint, typed. Free words are the wish («хочу чтобы назначили субсидию»), but «да»,
 * «ок» or «спасибо» say nothing of one: they were filed as «Чего хотите: да» (a walk-through of the complaint). Such
 * a reply gets the question again with a hint; «не знаю» takes «Разобраться и ответить мне», the wish that leaves
 * the decision to the office, and says so.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { type Draft, MAX_WISH_CHARS, type Step, withWish } from './complaint-draft.js';
import { unknownAnswer } from './complaint-words.js';
import { askConsent, askWish } from './detail-questions.js';

/** Replies that answer no question of their own: a yes, a no, a thanks, an «ok». */
const SAYS_NOTHING = new Set(
  [
    'да',
    'ага',
    'угу',
    'ну да',
    'да да',
    'нет',
    'неа',
    'нет нет',
    'ок',
    'окей',
    'ok',
    'ладно',
    'хорошо',
    'понятно',
    'ясно',
    'спасибо',
    'спасибо большое',
    'благодарю',
    'можно',
    'конечно',
    'давайте',
    'ну',
    'так',
    'ничего',
  ].map((w) => comparableText(w)),
);

/**
 * A typed wish to have a decision changed: «пересмотреть», «отменить отказ», «хочу чтобы назначили», «сделать
 * перерасчёт», «пусть выплатят». Over comparable text (lower case, «ё» as «е»).
 */
const REVIEW_WORDS = /(^| )(пересмотр|отмен|назнач|перерасчет|пересчита|выплатил|выплатят|выплатит|верн)/;

export function onTypedWish(
  turn: Turn,
  step: Extract<Step, 'wish' | 'wish-text'>,
  draft: Draft,
  text: string,
): true {
  const typed = comparableText(text);
  if (SAYS_NOTHING.has(typed) || typed === '') {
    askWish(turn, draft, undefined, false, md(turn, 'complaints.wish_again'));
    return true;
  }
  if (unknownAnswer(text) && typed.split(' ').length <= 3) {
    const wish = turn.ctx.t('complaints.wishes.check');
    askConsent(turn, withWish(draft, wish, false), step, false, {
      lead: md(turn, 'complaints.wish_unknown', { wish }),
    });
    return true;
  }
  const wish = redactPersonalData(text.slice(0, MAX_WISH_CHARS));
  askConsent(turn, withWish(draft, wish, REVIEW_WORDS.test(typed)), step, false);
  return true;
}
