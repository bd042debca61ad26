/** The message that asks one question: progress, the question, why it is asked, its buttons, "back" and "skip". */
import { formatFigure } from '../../../knowledge/figures.js';
import type { Button, OutgoingMessage } from '../../../messaging/outgoing-message.js';
import type { Block, RichText } from '../../../messaging/rich-text.js';
import { AGE_BANDS, type AgeBand, type HouseholdAnswers } from '../../../services/benefits/household.js';
import { encodePayload } from '../../payloads.js';
import { rows } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { action, payload } from './finder-payloads.js';
import {
  CODES,
  QUESTION_NUMBER,
  QUESTIONS,
  SEEKING_OPTIONS,
  type Step,
  stepOptions,
} from './questionnaire-steps.js';

/**
 * "Back" and "skip". Once a child has been added, "skip" is gone: pressed instead of "Готово" it dropped the children
 * (a family with a baby got "nothing fits"); "Готово" and "Убрать последнего" are there instead.
 */
function controlsRow(turn: Turn, step: Step, answers: HouseholdAnswers): Button[] {
  const t = turn.ctx.t;
  const back = action(t('finder.buttons.back'), payload('b', CODES[step]));
  if (step === 'children' && (answers.children?.length ?? 0) > 0) return [back];
  return [back, action(t('finder.buttons.skip'), payload('s', CODES[step]))];
}

/** The children's age bands as words: «до 1,5 лет, 7–16 лет». */
export function bandList(turn: Turn, children: readonly AgeBand[]): string {
  return children.map((c) => turn.ctx.t(`finder.bands.${c}`)).join(', ');
}

/** The option value recorded for a question answered by a button, if any. */
function answeredValue(step: Step, a: HouseholdAnswers): string | undefined {
  switch (step) {
    case 'region':
      return a.region;
    case 'pregnant':
      return a.pregnant === undefined ? undefined : a.pregnant ? '1' : '0';
    case 'adults':
      return a.adults === undefined ? undefined : String(Math.min(Math.max(a.adults, 1), 5));
    case 'disability':
      return a.disability;
    case 'group':
      return a.disabilityGroup;
    case 'pension':
      return a.pension;
    case 'employment':
      return a.employment;
    case 'veteran':
      return a.veteran;
    case 'children':
    case 'income':
      return undefined;
  }
}

/** How a question is asked this time: narrowed to looking for work or not, or without its reason (said before it). */
export interface QuestionVariant {
  seeking?: boolean;
  withoutWhy?: boolean;
  /** «Позвать консультанта» above «back» and «skip»: the replies to it could not be read. */
  consultant?: boolean;
}

/** The message asking `step`, with an optional lead (e.g. the income per person just computed). */
export function question(
  turn: Turn,
  step: Step,
  answers: HouseholdAnswers,
  lead: RichText = [],
  variant: QuestionVariant = {},
): OutgoingMessage {
  const t = turn.ctx.t;
  const seeking = step === 'employment' && variant.seeking === true;
  const key = seeking ? 'employment_seeking' : step;
  const text: Block[] = [
    ...lead,
    ...md(turn, 'finder.progress', { n: QUESTION_NUMBER[step], total: QUESTIONS }),
    ...md(turn, `finder.questions.${key}`),
    ...(variant.withoutWhy ? [] : md(turn, `finder.why.${key}`)),
  ];
  const buttons: Button[][] = [];
  if (step === 'children') {
    const kids = answers.children ?? [];
    if (kids.length > 0)
      text.push(...md(turn, 'finder.children_added', { list: bandList(turn, kids), count: kids.length }));
    buttons.push(
      ...rows(
        AGE_BANDS.map((b) => action(t(`finder.bands.${b}`), payload(CODES.children, `+${b}`))),
        2,
      ),
    );
    buttons.push(
      kids.length === 0
        ? [action(t('finder.buttons.no_children'), payload(CODES.children, 'none'))]
        : [
            action(t('finder.buttons.done'), payload(CODES.children, 'done')),
            action(t('finder.buttons.undo'), payload(CODES.children, 'undo')),
          ],
    );
  } else if (step === 'income') {
    if (answers.income !== undefined)
      text.push(
        ...(answers.income === 0
          ? md(turn, 'finder.answered.no_income')
          : md(turn, 'finder.answered.income', { income: formatFigure(answers.income, 'rub') })),
      );
    buttons.push([action(t('finder.buttons.no_income'), payload(CODES.income, '0'))]);
  } else {
    const options = seeking ? SEEKING_OPTIONS : stepOptions(step);
    // A question gone back to («⬅️ Назад») says the answer given, as the children question lists the children added.
    const given = answeredValue(step, answers);
    const chosen = given === undefined ? undefined : options.find(([value]) => value === given);
    if (chosen) text.push(...md(turn, 'finder.answered.choice', { answer: t(chosen[1]) }));
    const opts = options.map(([value, key]) => action(t(key), payload(CODES[step], value)));
    buttons.push(
      ...(seeking ? [opts] : step === 'pregnant' || step === 'group' ? rows(opts, 2) : opts.map((b) => [b])),
    );
  }
  if (variant.consultant)
    buttons.push([
      action(t('buttons.call_consultant'), encodePayload({ a: 'handoff', reason: 'user_request' })),
    ]);
  buttons.push(controlsRow(turn, step, answers));
  return { text, buttons };
}
