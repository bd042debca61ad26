/**
 * A knowledge-base answer the complaint flow improves on: a story told under «how to complain» is kept for «Подать
 * жалобу здесь», a refusal gets the way to appeal it under the benefit's answer, and the general appeal procedure
 * gives way to the named benefit's own appeal section.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../../../knowledge/entry.js';
import { redactPersonalData } from '../../../messaging/personal-data.js';
import { measureEntryWithPart } from '../../same-measure.js';
import type { Turn } from '../../turn.js';
import { asksWhyRefused } from '../../why-refused.js';
import { action } from '../flow-replies.js';
import { GENERAL_APPEAL_ENTRY, namedBenefit, showAppeal } from './appeal-section.js';
import { MAX_DESCRIPTION_CHARS } from './complaint-draft.js';
import { COMPLAINT_CODE, payload } from './complaint-payloads.js';
import { toldMiscounted, toldUnfair } from './complaint-words.js';
import { isShortStory, isStory } from './story-words.js';

/** A question that says a benefit was refused (not "отказаться от соцпакета"), over comparableText. */
const REFUSED =
  /(^| )(отказали|отказал|отказала|отказано|откажут|отказывают|отказывает|отказ в|отказе в|получил отказ|получила отказ|получили отказ|пришел отказ)( |$)/;

/** `offerTopics`: the topics under whose answers the flow is offered already. */
export function onKnowledgeAnswer(
  turn: Turn,
  offerTopics: ReadonlySet<string>,
  text: string,
  entry: KnowledgeEntry,
): boolean {
  // A story answered with how to complain («в соцзащите нахамили, документы не приняли»): «Подать жалобу здесь»
  // under it began with «На что вы хотите пожаловаться?» and the story had to be typed again.
  // A decision told as a grievance under how to appeal («пенсионный фонд неправильно посчитал пенсию стаж не весь
  // учли что делать»): the complaint about it is offered too, the story kept (citizen audit 7, M9).
  const decisionTold = entry.topic === 'appeal-refusal' && isStory(text) && toldMiscounted(text);
  // A named benefit's refusal told as unfair («отказали в едином пособии непонятно почему я считаю это несправедливо»):
  // the benefit's own way to appeal, and the complaint about the decision with the story kept (citizen audit 8, e05).
  if (entry.id === GENERAL_APPEAL_ENTRY && isStory(text) && toldUnfair(text)) {
    const named = namedBenefit(turn, text);
    if (named) {
      keepStory(turn, text);
      showAppeal(turn, named, false, entry.topic, true);
      return true;
    }
  }
  if ((entry.topic === 'complaint-about-service' && (isStory(text) || isShortStory(text))) || decisionTold) {
    keepStory(turn, text);
    const offers = turn
      .flowOffers(entry)
      .map((b) =>
        b.kind === 'action' && b.payload === payload('go') ? { ...b, payload: payload('told') } : b,
      );
    if (decisionTold) offers.push(action(turn.ctx.t('complaints.offer'), payload('told')));
    turn.answer(entry, { detail: 'search:complaint-told', offers });
    return true;
  }
  // "отказали в субсидии на жку что делать" was answered with the subsidy's renewal and no word of appealing:
  // the benefit's answer stays, with the way to appeal the refusal under it.
  if (entry.id !== GENERAL_APPEAL_ENTRY) {
    if (offerTopics.has(entry.topic) || !REFUSED.test(comparableText(text))) return false;
    const appeal = namedBenefit(turn, text) ?? turn.deps.kb.entry(GENERAL_APPEAL_ENTRY);
    if (!appeal) return false;
    // «отказали в субсидии на жкх почему»: why is what the benefit's own appeal part says, so it leads, as for «не
    // дали … почему» (transition.ts), not a button under the card on who may get it.
    const own =
      appeal.id !== GENERAL_APPEAL_ENTRY && appeal.sections.appeal
        ? appeal
        : measureEntryWithPart(turn, entry, 'appeal');
    if (asksWhyRefused(text) && own) {
      showAppeal(turn, own, false, entry.topic);
      return true;
    }
    turn.answer(entry, {
      detail: 'search:refused',
      offers: [
        action(turn.ctx.t('complaints.offer_appeal'), payload('aq', appeal.id)),
        ...turn.flowOffers(entry),
      ],
    });
    return true;
  }
  // Only the general procedure is improved on; an entry found for the benefit itself is answered as it is.
  const named = namedBenefit(turn, text);
  if (!named) return false;
  showAppeal(turn, named, false, entry.topic);
  return true;
}

/** The story kept for «✍️ Подать жалобу здесь» (its `told` payload), so that it need not be typed again. */
function keepStory(turn: Turn, text: string): void {
  const what = redactPersonalData(text.slice(0, MAX_DESCRIPTION_CHARS));
  turn.state.offered = { code: COMPLAINT_CODE, data: { what }, at: turn.deps.now };
}
