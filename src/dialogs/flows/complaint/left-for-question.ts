/**
 * A complaint left for a question asked at one of its steps: it waits under the knowledge base's answers for
 * «↩️ Продолжить жалобу» (an hour at most), and comes back where it stopped.
 */
import type { Button } from '../../../messaging/outgoing-message.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { action } from '../flow-replies.js';
import { type Draft, draftOf, type Step } from './complaint-draft.js';
import { COMPLAINT_CODE, payload } from './complaint-payloads.js';
import { askCurrent } from './current-question.js';
import { askAbout } from './kind-question.js';
import { TOLD_OFFER_MS } from './told-story.js';

/**
 * A question asked at a step («а какой лимит?», «сколько ждать ответа?»): the knowledge base answers it, and the
 * complaint waits under the answer for «↩️ Продолжить жалобу» (and under the next ones: an hour at most). It got
 * «Не понял…» and the question was never answered. `leftThisTurn` is the flow's record of such turns.
 */
export function leaveForQuestion(turn: Turn, leftThisTurn: WeakSet<Turn>, step: Step, draft: Draft): false {
  turn.state.offered = { code: COMPLAINT_CODE, data: { step, draft }, at: turn.deps.now };
  leftThisTurn.add(turn);
  turn.endNextReply([[resumeButton(turn)]]);
  return false;
}

/** «↩️ Продолжить жалобу»: back to the complaint left for a question (see resume). */
export function resumeButton(turn: Turn): Button {
  return action(turn.ctx.t('complaints.buttons.resume'), payload('rs'));
}

/**
 * A complaint begun anew (the button, /complaint): the one left waiting for a question is not offered again beside
 * it (it came back after the new one was sent, and could be sent twice: a verification pass).
 */
export function beginAnew(turn: Turn): void {
  if (turn.state.offered?.code === COMPLAINT_CODE) turn.state.offered = undefined;
  askAbout(turn, false);
}

/** Whether a complaint left for a question (see leaveForQuestion) is still kept. */
export function isParked(turn: Turn): boolean {
  const offered = turn.state.offered;
  return (
    offered?.code === COMPLAINT_CODE &&
    offered.data.draft !== undefined &&
    turn.deps.now - offered.at <= TOLD_OFFER_MS
  );
}

/** «↩️ Продолжить жалобу»: the complaint left for a question, at its step. */
export function resume(turn: Turn, directory: AgencyDirectory): void {
  const data = isParked(turn) ? turn.state.offered?.data : undefined;
  turn.state.offered = undefined;
  const draft = data?.draft as Draft | undefined;
  if (!draft || !Array.isArray(draft.h)) {
    // An earlier «Продолжить жалобу» pressed with the complaint already going on: its question again. It began a
    // new complaint, and the one half-filled was lost (a verification pass).
    const going = draftOf(turn);
    const step = turn.state.flow?.step as Step | undefined;
    if (going && step) return askCurrent(turn, directory, step, going);
    return askAbout(turn, false);
  }
  askCurrent(turn, directory, (data?.step as Step | undefined) ?? 'about', draft);
}
