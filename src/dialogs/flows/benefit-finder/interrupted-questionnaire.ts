/** The questionnaire left for a new question: the reply to it says so, with a button to go on where it stopped. */
import type { Button } from '../../../messaging/outgoing-message.js';
import type { SearchOutcome, SpecialIntent } from '../../../search/search-types.js';
import { encodeAnswers, type HouseholdAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { action, payload } from './finder-payloads.js';
import type { FinderData } from './finder-state.js';
import { CODES, QUESTION_NUMBER, QUESTIONS, STEPS, type Step } from './questionnaire-steps.js';

/** Intents after which a person, not the questionnaire, answers: no "continue" under that reply. */
const HANDED_OVER = new Set<SpecialIntent>(['human', 'crisis', 'personal_case']);

/**
 * The button back to the question where the person stopped; it carries the answers so far (nothing is stored) and
 * the questions answered ahead (`taken`), so that they are not asked again: they were lost on resuming, and the
 * disability told at the pregnancy question was asked at its own (an audit walk-through).
 */
function continueButton(turn: Turn, step: Step, answers: HouseholdAnswers, taken: readonly Step[]): Button {
  const parts = [CODES[step], encodeAnswers(answers)];
  if (taken.length > 0) parts.push(encodeTaken(taken));
  return action(turn.ctx.t('finder.buttons.continue'), payload('c', ...parts));
}

/** The questions taken ahead as their places in STEPS, one digit each («568»): a few bytes of the 64 a payload has. */
function encodeTaken(taken: readonly Step[]): string {
  return taken.map((s) => STEPS.indexOf(s)).join('');
}

/** The reverse of encodeTaken: none for a button made before it was carried; undefined for anything malformed. */
export function decodeTaken(code: string | undefined): Step[] | undefined {
  if (code === undefined) return [];
  if (!/^\d{1,10}$/.test(code)) return undefined;
  const steps = [...code].map((digit) => STEPS[Number(digit)]);
  return steps.every((s) => s !== undefined) ? (steps as Step[]) : undefined;
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
  turn.endNextReply([[continueButton(turn, step, d.a, d.p ?? [])]]);
}
