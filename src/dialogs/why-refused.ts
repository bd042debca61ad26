/**
 * A question that asks why a measure was refused («не дали субсидию на жкх почему», «почему отказали в едв»): the
 * reason is in the decision, and a measure's «Как обжаловать» part says which reasons there are and what to do.
 */
import { comparableText } from '../i18n/comparable-text.js';

const WHY_ASKED = /(^| )(почему|отчего|по какой причине|какая причина|из за чего)( |$)/;
const REFUSAL_TOLD = /(^| )(отказ\S*|не (дали|дают|одобрил\S*|одобряют|назначил\S*|назначают))( |$)/;

/** Whether the message asks why a measure was refused (over comparableText). */
export function asksWhyRefused(query: string | undefined): boolean {
  const text = comparableText(query ?? '');
  return WHY_ASKED.test(text) && REFUSAL_TOLD.test(text);
}
