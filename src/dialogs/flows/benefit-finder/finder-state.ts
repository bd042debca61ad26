/**
 * What the flow state holds while the questions are asked, and only then: the answers leave the state with the result.
 */
import type { HouseholdAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { FINDER_CODE } from './finder-payloads.js';
import { STEPS, type Step } from './questionnaire-steps.js';

/** The flow's data while the questions are asked: the answers, kept short in the state's JSON. */
export interface FinderData {
  a: HouseholdAnswers;
  /** Steps answered or skipped, for "back". */
  h: Step[];
  /** "Не работаю" was typed at the work question: it asks now whether the person is looking for work. */
  nw?: boolean;
  /** Replies in a row the open question could not read: from the second, a consultant is offered with it. */
  u?: number;
  /** A bare «нет» to the income asked whether the family has no income at all: «да» confirms it. */
  n0?: boolean;
  /**
   * Questions answered before they were asked (a pregnancy told at the children question): passed over on the way
   * forward, reached by «⬅️ Назад».
   */
  p?: Step[];
  /**
   * The own age told before the pension question, under every pension age («мне 58 лет»): not an answer, said with
   * the pension question when it is reached (age-told-ahead.ts).
   */
  ag?: number;
  [key: string]: unknown;
}

/** The finder's data, or undefined when another flow (or none) is active. */
export function finderData(turn: Turn): FinderData | undefined {
  const flow = turn.state.flow;
  return flow?.code === FINDER_CODE ? (flow.data as FinderData) : undefined;
}

/** The question open now, or undefined when the state names none the finder knows (an older version's). */
export function currentStep(turn: Turn): Step | undefined {
  const step = turn.state.flow?.code === FINDER_CODE ? turn.state.flow.step : undefined;
  return STEPS.find((s) => s === step);
}
