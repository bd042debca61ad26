import type { BenefitRules } from '../../../services/benefits/benefit-rules.js';
import { evaluateBenefits } from '../../../services/benefits/evaluate-benefits.js';
import { decodeAnswers, householdFacts } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { action, payload } from './finder-payloads.js';
import { measureButtons } from './result-message.js';

/**
 * A measure's page opened from the result: the entry with the figures of the region answered and a button back to
 * the result. The press is private: its payload has the answers.
 */
export function showMeasure(turn: Turn, rules: BenefitRules, index: string, code: string): void {
  const answers = decodeAnswers(code);
  const measure = answers
    ? measureButtons(turn, evaluateBenefits(rules, householdFacts(answers), turn.deps.kb.figures))[
        Number(index)
      ]
    : undefined;
  const entry = measure && /^\d{1,2}$/.test(index) ? turn.deps.kb.entry(measure.entryId) : undefined;
  if (!answers || !entry) return turn.stale();
  turn.answer(entry, {
    detail: 'finder:measure',
    private: true,
    ...(answers.region ? { region: answers.region } : {}),
    offers: [action(turn.ctx.t('finder.buttons.results'), payload('rs', code))],
  });
}
