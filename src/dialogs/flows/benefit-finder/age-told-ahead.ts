/**
 * An own age under every pension age told before the pension question («мне 58 лет» at «Кто-то в семье ждёт
 * ребёнка?»). It was «Не понял ответ». The age does not answer the pension question (the finder does not ask the sex,
 * and a pension is also paid for a disability or early), so nothing is recorded as an answer: the age is kept, the
 * open question asked again saying so, and the pension question, when reached, says what the age means. An age past
 * every pension age answers that question (told-ahead.ts).
 */
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import type { FinderData } from './finder-state.js';
import { ask, takenSteps } from './questionnaire-progress.js';
import { STEPS, type Step } from './questionnaire-steps.js';
import { PENSION_AGE_ALL, readOwnAge } from './said-answers.js';

/**
 * Takes an own age under every pension age told at a question before the pension's, and asks that question again
 * saying the age is kept for the pension question. False for any other reply, or once the pension question was
 * passed or answered.
 */
export function onAgeToldAhead(turn: Turn, step: Step, text: string, d: FinderData): boolean {
  const pensionAhead =
    STEPS.indexOf(step) < STEPS.indexOf('pension') &&
    !d.h.includes('pension') &&
    !takenSteps(turn, d).includes('pension');
  const own = pensionAhead ? readOwnAge(text) : undefined;
  if (!own || own.age >= PENSION_AGE_ALL) return false;
  const lead = md(turn, 'finder.age_told_ahead', { age: own.age });
  ask(turn, step, { ...d, ag: own.age }, false, lead, `finder:age_told_ahead:${step}`, true);
  return true;
}
