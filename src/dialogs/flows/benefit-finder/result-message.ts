/**
 * The result: the measures likely due and those that depend on details, the disclaimer, a button to each measure's
 * entry, and "keep my answers".
 */
import type { OutgoingMessage } from '../../../messaging/outgoing-message.js';
import type { Block } from '../../../messaging/rich-text.js';
import type { BenefitRules } from '../../../services/benefits/benefit-rules.js';
import { evaluateBenefits } from '../../../services/benefits/evaluate-benefits.js';
import {
  encodeAnswers,
  type FactName,
  type HouseholdAnswers,
  householdFacts,
} from '../../../services/benefits/household.js';
import { encodePayload } from '../../payloads.js';
import type { Turn } from '../../turn.js';
import { md, menuButton } from '../flow-replies.js';
import { action, payload } from './finder-payloads.js';
import { incomeLine } from './income-line.js';
import { sendPrivately } from './private-reply.js';

const FACT_LABEL_KEY: Partial<Record<FactName, string>> = {
  region: 'region',
  children: 'children',
  children_under_1_5: 'children',
  children_under_3: 'children',
  children_under_7: 'children',
  children_under_17: 'children',
  children_under_18: 'children',
  students_18_23: 'children',
  pregnant: 'pregnant',
  adults: 'family',
  family_size: 'family',
  income_per_person: 'income',
  disability: 'disability',
  disability_group: 'disability',
  pension: 'pension',
  employment: 'employment',
  veteran: 'veteran',
};

/**
 * The measures of a result that have an entry, one per entry, in the order of their buttons: the likely ones first,
 * as in the text («✅ Льготы ветерану труда» came after six ❔ ones; a web chat audit).
 */
export function measureButtons(
  turn: Turn,
  results: ReturnType<typeof evaluateBenefits>,
): { entryId: string; title: string; status: 'likely' | 'depends' }[] {
  const seen = new Set<string>();
  const ordered = [
    ...results.filter((r) => r.status === 'likely'),
    ...results.filter((r) => r.status !== 'likely'),
  ];
  return ordered.flatMap((r) => {
    if (seen.has(r.measure.entry) || !turn.deps.kb.entry(r.measure.entry)) return [];
    seen.add(r.measure.entry);
    return [{ entryId: r.measure.entry, title: r.measure.title, status: r.status }];
  });
}

/** The result: likely measures, those that depend on details, the disclaimer, and buttons to each entry. */
export function resultMessage(
  turn: Turn,
  rules: BenefitRules,
  answers: HouseholdAnswers,
  saved: boolean,
): OutgoingMessage {
  const t = turn.ctx.t;
  const results = evaluateBenefits(rules, householdFacts(answers), turn.deps.kb.figures);
  const likely = results.filter((r) => r.status === 'likely');
  const depends = results.filter((r) => r.status === 'depends');
  const item = (title: string, detail: string) => [{ text: title, bold: true }, { text: ` — ${detail}` }];
  const text: Block[] = [...md(turn, 'finder.result.title'), ...incomeLine(turn, answers)];
  if (likely.length > 0) {
    text.push(...md(turn, 'finder.result.likely'));
    text.push({ type: 'list', items: likely.map((r) => item(r.measure.title, r.measure.reason)) });
  }
  if (depends.length > 0) {
    text.push(...md(turn, 'finder.result.depends'));
    text.push({
      type: 'list',
      items: depends.map((r) => {
        const missing = [...new Set(r.missing.map((f) => FACT_LABEL_KEY[f] ?? 'other'))].map((k) =>
          t(`finder.facts.${k}`),
        );
        const detail = [
          ...(r.measure.unasked ? [r.measure.unasked] : []),
          ...(r.regionFigure ? [t('finder.result.region_figure')] : []),
          ...(missing.length > 0 ? [t('finder.result.missing', { answers: missing.join(', ') })] : []),
        ].join('; ');
        return item(r.measure.title, detail);
      }),
    });
  }
  if (results.length === 0) text.push(...md(turn, 'finder.result.none'));
  text.push(...md(turn, 'finder.result.disclaimer'));
  if (!saved) text.push(...md(turn, 'finder.result.keep_question'));
  // One button per knowledge-base entry (two measures may share one); the press carries the answers, which the
  // dialog does not keep, so that the measure's page can show the region's figures and lead back here.
  const code = encodeAnswers(answers);
  const entryButtons = measureButtons(turn, results).map((m, i) => [
    action(`${m.status === 'likely' ? '✅' : '❔'} ${m.title}`, payload('me', String(i), code)),
  ]);
  const keepRow = saved
    ? [action(t('finder.buttons.forget_saved'), payload('del'))]
    : [action(t('finder.buttons.keep'), payload('k', code))];
  return {
    text,
    buttons: [
      ...entryButtons,
      keepRow,
      [
        action(t('finder.buttons.restart'), payload('new')),
        action(t('buttons.consultant'), encodePayload({ a: 'handoff', reason: 'user_request' })),
      ],
      [menuButton(turn)],
    ],
  };
}

/** Ends the questionnaire with its result; `saved` for answers kept earlier (then the reply is not private). */
export function showResult(
  turn: Turn,
  rules: BenefitRules,
  answers: HouseholdAnswers,
  edit: boolean,
  saved = false,
): void {
  // The answers leave the dialog state with the result: only the "keep" button carries them on.
  turn.state.flow = undefined;
  const likely = evaluateBenefits(rules, householdFacts(answers), turn.deps.kb.figures).filter(
    (r) => r.status === 'likely',
  );
  const message = resultMessage(turn, rules, answers, saved);
  const detail = `finder:result:${likely.length}`;
  // Saved answers were kept with the person's consent; a fresh result is as private as the answers.
  if (saved) {
    turn.send(message, edit);
    turn.outcome({ outcome: 'other', detail });
  } else sendPrivately(turn, message, edit, detail);
}
