/** The questionnaire left for a new question: the reply to it says so, with a button to go on where it stopped. */
import type { Button } from '../../../messaging/outgoing-message.js';
import type { SearchOutcome, SpecialIntent } from '../../../search/search-types.js';
import { encodeAnswers, type HouseholdAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { action, payload } from './finder-payloads.js';
import type { FinderData } from './finder-state.js';
import { CODES, QUESTION_NUMBER, QUESTIONS, type Step } from './questionnaire-steps.js';

/** Intents after which a person, not the questionnaire, answers: no "continue" under that reply. */
const HANDED_OVER = new Set<SpecialIntent>(['human', 'crisis', 'personal_case']);

/** The button back to the question where the person stopped; it carries the answers so far (nothing is stored). */
function continueButton(turn: Turn, step: Step, answers: HouseholdAnswers): Button {
  return action(turn.ctx.t('finder.buttons.continue'), payload('c', CODES[step], encodeAnswers(answers)));
}

/**
 * The questionnaire is left for a new question: the reply to it says so, with a button to go on where it stopped
 * (the answers were lost without a word; a citizen audit). Nothing to say when nothing was answered yet.
 */
export function noteInterrupted(
  turn: Turn,
  step: Step,
  d: FinderData,
  found: SearchOutcome | undefined,
): void {
  if (d.h.length === 0 && Object.keys(d.a).length === 0) return;
  if (found?.intent && HANDED_OVER.has(found.intent)) return;
  turn.leadNextReply(md(turn, 'finder.interrupted', { n: QUESTION_NUMBER[step], total: QUESTIONS }));
  turn.endNextReply([[continueButton(turn, step, d.a)]]);
}
