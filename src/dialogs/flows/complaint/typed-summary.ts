/**
 * Text typed over the summary: «отправить» or «отмена» in words, an addition to the story («хочу дополнить
 * жалобу: …»), or anything else, which keeps the complaint unsent with its buttons.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { SearchOutcome } from '../../../search/search-types.js';
import type { Turn } from '../../turn.js';
import { typedAnswer } from '../../typed-answer.js';
import { md } from '../flow-replies.js';
import { cancel } from './cancel-complaint.js';
import { type Draft, withAddition } from './complaint-draft.js';
import { additionOf, typedSend } from './complaint-words.js';
import { controls, openStep } from './step-reply.js';
import { submit } from './submit-complaint.js';
import { askConfirm } from './summary-message.js';

/** «а когда ответят», «сколько ждать ответа», over comparableText. */
const ASKS_WHEN = /(^| )(когда|сколько ждать|срок|сроки|через сколько)( |$)/;

/** `days`: within how many working days supervisors answer. False leaves the text to the assistant. */
export function onTypedSummary(
  turn: Turn,
  days: number,
  draft: Draft,
  text: string,
  result: SearchOutcome,
): boolean {
  const answer = typedAnswer(
    text,
    [
      { value: 'send', label: turn.ctx.t('complaints.buttons.send') },
      { value: 'cancel', label: turn.ctx.t('complaints.buttons.cancel') },
    ],
    { yes: 'send', no: 'cancel' },
  );
  // "Позовите человека" is the consultant, as everywhere.
  if (result?.intent === 'human') return false;
  // «хочу дополнить жалобу: …» was taken for anything else typed: the summary came back without the words.
  const addition = answer === undefined ? additionOf(text) : undefined;
  if (addition === '') {
    const ask = { text: md(turn, 'complaints.ask_addition'), buttons: [controls(turn)] };
    openStep(turn, 'add', draft, ask, false, 'confirm');
  } else if (addition !== undefined) {
    askConfirm(turn, withAddition(draft, addition), undefined, false, md(turn, 'complaints.added'));
  } else if (answer === 'send' || typedSend(text)) submit(turn, draft, days);
  else if (answer === 'cancel') cancel(turn, false);
  else {
    // Anything else typed over the finished complaint («а когда ответят») left it unsent and lost, while the
    // person believed it was filed: it stays, with when the answer comes if asked, and the buttons again.
    const when = ASKS_WHEN.test(comparableText(text));
    askConfirm(turn, draft, undefined, false, [
      ...md(turn, 'complaints.not_sent_yet'),
      ...(when ? md(turn, 'complaints.answer_within', { days }) : []),
    ]);
  }
  return true;
}

/** The addition asked for at the summary («хочу дополнить жалобу» and no more): added, the summary again. */
export function onTypedAddition(turn: Turn, draft: Draft, text: string): boolean {
  // Back from the summary shown again goes where it went before the addition was asked for.
  const h = draft.h.at(-1) === 'confirm' ? draft.h.slice(0, -1) : draft.h;
  askConfirm(turn, withAddition({ ...draft, h }, text), undefined, false, md(turn, 'complaints.added'));
  return true;
}
