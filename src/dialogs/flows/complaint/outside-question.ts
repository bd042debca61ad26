/**
 * A message outside the flow, before the search's answer: a filed complaint to withdraw or add to (a consultant),
 * a question about the tickets (their status), or a complaint told in words («хочу пожаловаться на…»), which begins
 * one with the story kept.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import type { Draft } from './complaint-draft.js';
import { aboutOf, wantsToComplain } from './complaint-words.js';
import { AMEND_COMPLAINT, asksStatus } from './filed-complaint-words.js';
import { isParked, resumeButton } from './left-for-question.js';
import { showStatus } from './status-message.js';
import { isShortStory, isStory, wishOnly } from './story-words.js';
import { takeTold } from './told-story.js';

/** `leftThisTurn`: the turns in which a complaint was left for a question (see leaveForQuestion). */
export function onOutsideQuestion(
  turn: Turn,
  directory: AgencyDirectory,
  days: number,
  leftThisTurn: WeakSet<Turn>,
  text: string,
): boolean {
  // The story told under «how to complain» is kept only until the next question (the state keeps no free text);
  // a complaint left for a question (see leaveForQuestion) waits under each answer while it is kept. It waited
  // under the first only: asked a second question, the citizen found «Продолжить жалобу» starting over, the story
  // gone (a citizen audit).
  const parked = !leftThisTurn.has(turn) && isParked(turn);
  if (!leftThisTurn.has(turn) && !parked) turn.state.offered = undefined;
  const toKnowledgeBase = (): false => {
    if (parked) turn.endNextReply([[resumeButton(turn)]]);
    return false;
  };
  // A complaint filed here, to withdraw or add to: the supervisor reads it, so a person takes the chat.
  if (AMEND_COMPLAINT.test(comparableText(text)) && (turn.deps.records?.complaints.length ?? 0) > 0) {
    turn.handoff('user_request', ['complaints.amend_handoff'], 'complaint:amend');
    return true;
  }
  if (asksStatus(turn, text)) {
    showStatus(turn, days);
    return true;
  }
  if (!wantsToComplain(text)) return toKnowledgeBase();
  const about = aboutOf(text);
  // «Здравствуйте. Хочу пожаловаться на пенсионный фонд города Волжский» is long but tells nothing of what happened.
  const told =
    isShortStory(text) ||
    (isStory(text) && !wishOnly(text, (w) => turn.deps.understanding.region(w) !== undefined));
  // «хочу пожаловаться на соседей»: nothing this chat takes a complaint about; the knowledge base answers.
  if (!about && !told) return toKnowledgeBase();
  // A complaint begun in words with one left waiting: its story goes on in the new one («Ваш рассказ я
  // сохранил» kept only the new words, and the story told first was lost: a verification pass).
  const waiting = parked ? (turn.state.offered?.data.draft as Draft | undefined)?.what : undefined;
  if (parked) turn.state.offered = undefined;
  takeTold(turn, directory, text, about, told, waiting);
  return true;
}
