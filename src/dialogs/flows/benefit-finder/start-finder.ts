import { instantDate as formatDate } from '../../../i18n/calendar-date.js';
import { formatFigure } from '../../../knowledge/figures.js';
import { parseInline, type RichText } from '../../../messaging/rich-text.js';
import type { BenefitRules } from '../../../services/benefits/benefit-rules.js';
import { decodeAnswers, type HouseholdAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { action, payload } from './finder-payloads.js';
import { incomeLine } from './income-line.js';
import { keptAnswers } from './kept-answers.js';
import { sendPrivately } from './private-reply.js';
import { bandList } from './question-message.js';
import { ask } from './questionnaire-progress.js';
import { nextStep, STEPS, type Step } from './questionnaire-steps.js';
import { showResult } from './result-message.js';

/** The finder opened: the answers kept earlier, if any and unless `fresh`, or else the first question. */
export function startFinder(turn: Turn, fresh: boolean): void {
  const saved = keptAnswers(turn);
  if (saved && !fresh) {
    turn.state.flow = undefined;
    const t = turn.ctx.t;
    turn.send({
      text: md(turn, 'finder.saved_found', { date: formatDate(saved.at) }),
      buttons: [
        [action(t('finder.buttons.show_saved'), payload('saved'))],
        [action(t('finder.buttons.restart'), payload('new'))],
        [action(t('finder.buttons.forget_saved'), payload('del'))],
      ],
    });
    turn.outcome({ outcome: 'other', detail: 'finder:saved' });
    return;
  }
  // A questionnaire open before starts afresh: nothing of it (the questions passed over) carries on.
  turn.state.flow = undefined;
  const answers: HouseholdAnswers = {};
  ask(turn, 'region', { a: answers, h: [] }, false, md(turn, 'finder.intro'));
}

/** Whether the answers say `step`. */
function answered(step: Step, a: HouseholdAnswers): boolean {
  switch (step) {
    case 'group':
      return a.disabilityGroup !== undefined;
    case 'adults':
      return a.adults !== undefined;
    default:
      return a[step] !== undefined;
  }
}

/** What was taken from the message, a line each: «регион — Волгоградская область». */
function takenLines(turn: Turn, a: HouseholdAnswers): string[] {
  const t = turn.ctx.t;
  const line = (fact: string, value: string) =>
    t('finder.statement.fact', { fact: t(`finder.facts.${fact}`), value });
  const lines: string[] = [];
  if (a.region) lines.push(line('region', t(`regions.${a.region}`)));
  if (a.children)
    lines.push(
      line(
        'children',
        t('finder.statement.children', { count: a.children.length, list: bandList(turn, a.children) }),
      ),
    );
  if (a.pregnant) lines.push(line('pregnant', t('finder.options.yes')));
  if (a.adults !== undefined) lines.push(line('family', t('finder.statement.adults', { count: a.adults })));
  if (a.income !== undefined)
    lines.push(line('income', t('finder.statement.income', { income: formatFigure(a.income, 'rub') })));
  if (a.pension) lines.push(line('pension', t(`finder.options.pension.${a.pension}`)));
  if (a.employment) lines.push(line('employment', t(`finder.options.employment.${a.employment}`)));
  if (a.disability) {
    const who = t(`finder.options.disability.${a.disability}`);
    const group = a.disabilityGroup ? `, ${t(`finder.options.group.${a.disabilityGroup}`)}` : '';
    lines.push(line('disability', `${who}${group}`));
  }
  if (a.veteran) lines.push(line('veteran', t(`finder.options.veteran.${a.veteran}`)));
  return lines;
}

/** The answers a button carries and the questions they answer; undefined for none or unreadable ones. */
function carried(code: string): { a: HouseholdAnswers; taken: Step[] } | undefined {
  const a = decodeAnswers(code);
  const taken = a ? STEPS.filter((s) => answered(s, a)) : [];
  return a && taken.length > 0 ? { a, taken } : undefined;
}

/**
 * The finder opened under an answer to a message that told of the family (statement-answers.ts): what was read is
 * shown, to be confirmed before any question is passed over. A reading of free text can be wrong (two verification
 * passes found facts taken wrongly), and a fact passed over changes the result unseen: «✅ Да, всё верно» takes them,
 * «✏️ Нет, отвечу на вопросы» asks every question. Unreadable answers (an old or forged button) start the
 * questionnaire as the menu does.
 */
export function offerStatement(turn: Turn, code: string): void {
  const read = carried(code);
  if (!read) return startFinder(turn, true);
  turn.state.flow = undefined;
  const t = turn.ctx.t;
  sendPrivately(
    turn,
    {
      text: [
        ...md(turn, 'finder.intro'),
        ...md(turn, 'finder.statement.lead'),
        { type: 'list', items: takenLines(turn, read.a).map(parseInline) },
        ...md(turn, 'finder.statement.confirm'),
      ],
      buttons: [
        [action(t('finder.buttons.statement_yes'), payload('sy', code))],
        [action(t('finder.buttons.statement_no'), payload('new'))],
      ],
    },
    false,
    'finder:statement',
  );
}

/** «✅ Да, всё верно»: the facts read are taken, and the questions they answer passed over («Назад» reaches them). */
export function startFromStatement(turn: Turn, rules: BenefitRules, code: string): void {
  const read = carried(code);
  if (!read) return startFinder(turn, true);
  const { a, taken } = read;
  turn.state.flow = undefined;
  const history: Step[] = [];
  let first: Step | undefined = 'region';
  while (first && taken.includes(first)) {
    history.push(first);
    first = nextStep(first, a);
  }
  const lead: RichText = [
    ...(a.income !== undefined ? incomeLine(turn, a) : []),
    ...md(turn, 'finder.statement.passed_over'),
  ];
  // Everything told: the result.
  if (!first) return showResult(turn, rules, a, false, false, lead);
  ask(turn, first, { a, h: history, p: [...taken] }, false, lead, 'finder:statement:taken');
}
