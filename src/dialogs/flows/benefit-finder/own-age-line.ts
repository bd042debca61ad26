/** The line that says what an own age told in the finder means for the pension question. */
import type { RichText } from '../../../messaging/rich-text.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { PENSION_AGE_ALL, PRE_PENSION_FROM } from './said-answers.js';

/**
 * What an own age means at the pension question: from 55 to 59 a woman is a pre-pensioner and a man is not yet, from
 * 60 a man is one and a woman is of pension age; younger, neither by age (a pension for other reasons is said).
 */
export function ownAgeLine(turn: Turn, age: number): RichText {
  if (age < PRE_PENSION_FROM.women) return md(turn, 'finder.age_below_pre_pension', { age });
  if (age < PRE_PENSION_FROM.men) return md(turn, 'finder.pension_age_sex', { age });
  if (age < PENSION_AGE_ALL) return md(turn, 'finder.age.men_pre_pension', { age });
  return [];
}
