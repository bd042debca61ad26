import type { BenefitRules } from '../../../services/benefits/benefit-rules.js';
import {
  AGE_BANDS,
  DISABILITY_GROUPS,
  DISABILITY_VALUES,
  EMPLOYMENT_VALUES,
  PENSION_VALUES,
  REGION_VALUES,
  VETERAN_VALUES,
} from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import type { FinderData } from './finder-state.js';
import { advance, ask } from './questionnaire-progress.js';
import { MAX_CHILDREN, type Step } from './questionnaire-steps.js';

/** A button's answer; `edit` replaces the question pressed under (false for an answer typed as words). */
export function onButtonAnswer(
  turn: Turn,
  rules: BenefitRules,
  step: Step,
  value: string,
  d: FinderData,
  edit = true,
): void {
  const a = { ...d.a };
  switch (step) {
    case 'region': {
      const region = REGION_VALUES.find((r) => r === value);
      if (!region) return turn.stale();
      // Not saved as the citizen's region: the answers are kept only if the person asks for it.
      a.region = region;
      break;
    }
    case 'children': {
      const kids = [...(a.children ?? [])];
      if (value.startsWith('+')) {
        const band = AGE_BANDS.find((b) => b === value.slice(1));
        if (!band) return turn.stale();
        if (kids.length < MAX_CHILDREN) kids.push(band);
        return ask(turn, 'children', { a: { ...a, children: kids }, h: d.h }, edit);
      }
      if (value === 'undo') {
        kids.pop();
        return ask(turn, 'children', { a: { ...a, children: kids }, h: d.h }, edit);
      }
      if (value === 'none') a.children = [];
      else if (value === 'done') a.children = kids;
      else return turn.stale();
      break;
    }
    case 'pregnant':
      if (value !== '0' && value !== '1') return turn.stale();
      a.pregnant = value === '1';
      break;
    case 'adults': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 5) return turn.stale();
      a.adults = n;
      break;
    }
    case 'income':
      if (value !== '0') return turn.stale();
      a.income = 0;
      break;
    case 'disability': {
      const v = DISABILITY_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.disability = v;
      if (v !== 'self' && v !== 'other') delete a.disabilityGroup;
      break;
    }
    case 'group': {
      const v = DISABILITY_GROUPS.find((x) => x === value);
      if (!v) return turn.stale();
      a.disabilityGroup = v;
      break;
    }
    case 'pension': {
      const v = PENSION_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.pension = v;
      break;
    }
    case 'employment': {
      const v = EMPLOYMENT_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.employment = v;
      break;
    }
    case 'veteran': {
      const v = VETERAN_VALUES.find((x) => x === value);
      if (!v) return turn.stale();
      a.veteran = v;
      break;
    }
  }
  // The questions taken ahead go on with the answer, those this reply told beside it too.
  advance(turn, rules, step, { a, h: d.h, ...(d.p ? { p: d.p } : {}) }, edit);
}
