/**
 * Complaints and appeals. A guided complaint (about what, which agency from the directory, what happened, what the
 * person wants, consent to be contacted) ends in a `complaint` effect: the runner stores it and fills the ticket
 * number into the receipt (the engine does no I/O, so it cannot know the number). /status lists the citizen's
 * tickets from the records the runner reads before the transition. "How to appeal a refusal" shows the appeal
 * section of the knowledge-base entry of the benefit the person names.
 */
import type { AgencyDirectory } from '../../services/agencies/agency-directory.js';
import type { Turn } from '../turn.js';
import { onKnowledgeAnswer } from './complaint/answer-offers.js';
import { GENERAL_APPEAL_ENTRY } from './complaint/appeal-section.js';
import { COMPLAINT_CODE, payload } from './complaint/complaint-payloads.js';
import { asksStatus } from './complaint/filed-complaint-words.js';
import { beginAnew, isParked, resumeButton } from './complaint/left-for-question.js';
import { onOutsideQuestion } from './complaint/outside-question.js';
import { onPressedButton } from './complaint/pressed-button.js';
import { showStatus } from './complaint/status-message.js';
import { onTypedReply } from './complaint/typed-reply.js';
import type { FlowHandler } from './flow-handler.js';
import { action } from './flow-replies.js';

export { MAX_DESCRIPTION_CHARS } from './complaint/complaint-draft.js';
export { COMPLAINT_CODE } from './complaint/complaint-payloads.js';

export interface ComplaintFlowOptions {
  directory: AgencyDirectory;
  /** Project policy, not law: within how many working days supervisors answer. The team sets it. */
  answerWithinWorkingDays?: number;
  /** Topics under whose answers "file a complaint here" is offered. */
  offerTopics?: readonly string[];
}

export function createComplaintFlow(options: ComplaintFlowOptions): FlowHandler {
  const { directory } = options;
  const days = options.answerWithinWorkingDays ?? 5;
  const offerTopics = new Set(options.offerTopics ?? ['complaint-about-service', 'appeal-refusal']);
  /** Turns in which a complaint was left for a question: onQuestion of the same turn must not drop it. */
  const leftThisTurn = new WeakSet<Turn>();
  /** Turns whose text onQuestion read: «↩️ Продолжить жалобу» is added at the end of their reply already. */
  const readThisTurn = new WeakSet<Turn>();

  return {
    code: COMPLAINT_CODE,
    commands: ['status', 'complaint'],
    menuButtons: (turn) => [action(turn.ctx.t('complaints.menu'), payload('go'))],
    entryButtons(turn, entry) {
      // An answer opened by a button (one of «Уточните…»'s choices) under the answer to a question asked in the
      // middle of a complaint: the complaint still waits, and its button is offered again (citizen audit 6: it was
      // under the earlier message only).
      const resume = isParked(turn) && !readThisTurn.has(turn) ? [resumeButton(turn)] : [];
      if (!offerTopics.has(entry.topic)) return resume;
      // Under the general procedure itself, «⚖️ Как обжаловать отказ по выплате» read as its own title again (beside
      // its «Как обжаловать» part); what it does is ask which benefit, for that benefit's own procedure (citizen audit 8).
      const appealLabel =
        entry.id === GENERAL_APPEAL_ENTRY ? 'complaints.offer_appeal_own' : 'complaints.offer_appeal';
      return entry.topic === 'appeal-refusal'
        ? [action(turn.ctx.t(appealLabel), payload('ap')), ...resume]
        : [action(turn.ctx.t('complaints.offer'), payload('go')), ...resume];
    },
    onAnswer(turn, text, entry) {
      return onKnowledgeAnswer(turn, offerTopics, text, entry);
    },
    onQuestion(turn, text) {
      readThisTurn.add(turn);
      return onOutsideQuestion(turn, directory, days, leftThisTurn, text);
    },
    onWaitingText(turn, text) {
      // «какой статус моей жалобы» while waiting for a consultant got «Передал консультанту»: the tickets are data
      // the chat has, and the consultant still sees the question in the transcript.
      if (!asksStatus(turn, text)) return false;
      showStatus(turn, days);
      return true;
    },
    onCommand(turn, command) {
      if (command === 'status') return showStatus(turn, days);
      beginAnew(turn);
    },
    onButton(turn, raw) {
      onPressedButton(turn, directory, days, raw);
    },
    onText(turn, raw, result) {
      return onTypedReply(turn, directory, days, leftThisTurn, raw, result);
    },
  };
}
