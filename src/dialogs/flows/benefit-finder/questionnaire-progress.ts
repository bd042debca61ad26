/** Moving through the questionnaire: asking a question, going on to the next one or the result, skipping, going back. */
import type { RichText } from '../../../messaging/rich-text.js';
import type { BenefitRules } from '../../../services/benefits/benefit-rules.js';
import type { Turn } from '../../turn.js';
import { FINDER_CODE } from './finder-payloads.js';
import { type FinderData, finderData } from './finder-state.js';
import { incomeLine } from './income-line.js';
import { ownAgeLine } from './own-age-line.js';
import { sendPrivately } from './private-reply.js';
import { question } from './question-message.js';
import { clearStep, nextStep, type Step } from './questionnaire-steps.js';
import { showResult } from './result-message.js';
import { UNREAD_FOR_CONSULTANT } from './unread-reply.js';

/** Opens `step` in the flow state and asks it, privately; `detail` names the outcome recorded. */
export function ask(
  turn: Turn,
  step: Step,
  d: FinderData,
  edit: boolean,
  lead: RichText = [],
  detail = `finder:${step}`,
  withoutWhy = false,
): void {
  // The questions taken stay passed over whatever answer comes next, and an own age told stays for the pension's.
  const open = finderData(turn);
  const taken = d.p ?? open?.p;
  const age = d.ag ?? open?.ag;
  const data = { ...d, ...(taken ? { p: taken } : {}), ...(age !== undefined ? { ag: age } : {}) };
  turn.state.flow = { code: FINDER_CODE, step, data };
  const consultant = (d.u ?? 0) >= UNREAD_FOR_CONSULTANT;
  // Asked afresh, the pension question says what the age told before means (not when asked again after a reply).
  const ageLine = step === 'pension' && age !== undefined && !withoutWhy ? ownAgeLine(turn, age) : [];
  sendPrivately(
    turn,
    question(turn, step, d.a, [...lead, ...ageLine], { seeking: d.nw === true, withoutWhy, consultant }),
    edit,
    detail,
  );
}

/** The questions answered before they were asked (told early), passed over on the way forward. */
export function takenSteps(turn: Turn, d: FinderData): Step[] {
  return d.p ?? finderData(turn)?.p ?? [];
}

/**
 * The question after `step` for `answers`, passing over the questions taken; they are added to `history`, so that
 * «⬅️ Назад» reaches them.
 */
export function nextQuestion(
  turn: Turn,
  step: Step,
  d: FinderData,
  answers: FinderData['a'],
  history: Step[],
): Step | undefined {
  const taken = takenSteps(turn, d);
  let next = nextStep(step, answers);
  for (; next && taken.includes(next); next = nextStep(next, answers)) {
    if (!history.includes(next)) history.push(next);
  }
  return next;
}

/** Moves on after `step` was answered or skipped. */
export function advance(turn: Turn, rules: BenefitRules, step: Step, d: FinderData, edit: boolean): void {
  const history = d.h.includes(step) ? [...d.h] : [...d.h, step];
  const next = nextQuestion(turn, step, d, d.a, history);
  if (!next) return showResult(turn, rules, d.a, edit);
  const data: FinderData = { a: d.a, h: history, ...(d.p ? { p: d.p } : {}) };
  ask(turn, next, data, edit, step === 'income' ? incomeLine(turn, d.a) : []);
}

/**
 * "Skip", pressed or typed. Once children were added they are kept: "skip" typed instead of «Готово», or pressed under
 * an older copy of the children question.
 */
export function skip(turn: Turn, rules: BenefitRules, step: Step, d: FinderData, edit: boolean): void {
  if (step === 'children' && (d.a.children?.length ?? 0) > 0) return advance(turn, rules, step, d, edit);
  advance(turn, rules, step, { a: clearStep(d.a, step), h: d.h }, edit);
}

/** "Back", pressed or typed: the question before, or the menu from the first one. */
export function goBack(turn: Turn, d: FinderData, edit: boolean): void {
  const previous = d.h.at(-1);
  if (!previous) {
    turn.state.flow = undefined;
    turn.send(turn.menu(), edit);
    return turn.outcome({ outcome: 'other', detail: 'finder:back-to-menu' });
  }
  ask(turn, previous, { a: d.a, h: d.h.slice(0, -1) }, edit);
}
