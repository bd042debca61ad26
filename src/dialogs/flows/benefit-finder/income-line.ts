import { formatFigure } from '../../../knowledge/figures.js';
import type { RichText } from '../../../messaging/rich-text.js';
import { subsistenceMinimum } from '../../../services/benefits/evaluate-benefits.js';
import { type HouseholdAnswers, incomePerPerson } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';

/** "Доход на человека — 12 500 ₽; прожиточный минимум (Пермский край) — 17 424 ₽: ниже." */
export function incomeLine(turn: Turn, answers: HouseholdAnswers): RichText {
  const perPerson = incomePerPerson(answers);
  const pm = subsistenceMinimum(turn.deps.kb.figures, answers.region);
  if (perPerson === undefined || !pm) return [];
  const t = turn.ctx.t;
  return md(turn, 'finder.income_line', {
    income: formatFigure(perPerson, 'rub'),
    pm: formatFigure(pm.value, 'rub'),
    where: pm.region === 'federal' ? t('finder.pm_federal') : t(`regions.${pm.region}`),
    comparison: t(perPerson < pm.value ? 'finder.below' : 'finder.above'),
  });
}
