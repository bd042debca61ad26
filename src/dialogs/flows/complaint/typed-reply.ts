/**
 * Free text while a complaint is going on: «Отмена», a question left to the knowledge base (the complaint waits
 * under its answer), or the step's answer typed (the longer readings each in a module of their own). False leaves
 * the text to the assistant as a new question.
 */
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { SearchOutcome } from '../../../search/search-types.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { isTypedCancel } from '../../handoff-events.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { showTypedAppeal } from './appeal-question.js';
import { cancel } from './cancel-complaint.js';
import { draftOf, MAX_DESCRIPTION_CHARS, type Step } from './complaint-draft.js';
import { asksQuestion, givesUpComplaint, unknownAnswer } from './complaint-words.js';
import { askCurrent } from './current-question.js';
import { askWish } from './detail-questions.js';
import { leaveForQuestion } from './left-for-question.js';
import { asksWhichOffice } from './office-name-words.js';
import { asksAboutThisComplaint, plainQuestion } from './process-question.js';
import { controls } from './step-reply.js';
import { keepStoryAtStep, toldAtStep } from './story-at-step.js';
import { onTypedAgency } from './typed-agency.js';
import { onTypedConsent } from './typed-consent.js';
import { onTypedKind } from './typed-kind.js';
import { onTypedPlace, onTypedRegion } from './typed-region.js';
import { onTypedAddition, onTypedSummary } from './typed-summary.js';
import { onTypedWish } from './typed-wish.js';
import { unreadReply } from './unread-reply.js';

/** The steps before the summary, where a question about the complaint is answered and the step asked again. */
const ASKS_AGAIN_AFTER = new Set<Step>([
  'about',
  'region',
  'agency',
  'agency-name',
  'what',
  'wish',
  'wish-text',
  'consent',
]);

/** `days`: within how many working days supervisors answer; `leftThisTurn`: see leaveForQuestion. */
export function onTypedReply(
  turn: Turn,
  directory: AgencyDirectory,
  days: number,
  leftThisTurn: WeakSet<Turn>,
  raw: string,
  result: SearchOutcome,
): boolean {
  const draft = draftOf(turn);
  const step = turn.state.flow?.step as Step | undefined;
  if (!draft || !step) return false;
  const text = raw.trim();
  // «Отмена» typed ends the complaint as its button does (at the office's name it became the name); at the
  // consent and the summary «не надо» is the answer «no».
  if (step !== 'consent' && step !== 'confirm' && (isTypedCancel(text) || givesUpComplaint(text))) {
    cancel(turn, false);
    return true;
  }
  // «позовите консультанта» at a step is no answer to it: the person is called, and the consultant takes the
  // complaint from there. It was kept as the office's name or the story (citizen audit 5, H5). Not kept waiting for
  // «↩️ Продолжить жалобу»: while a consultant is awaited, the chat's messages are theirs, and the form could not be
  // finished (a verification pass).
  if (result?.intent === 'human') return false;
  // «а сколько ждать ответа?», «кто её прочитает»: this complaint's own answer, which the form knows. It became the
  // office's name or the story, or got the knowledge base's times for benefit applications (a citizen audit); it is
  // answered here and the step asked again, the form kept.
  if (ASKS_AGAIN_AFTER.has(step) && asksAboutThisComplaint(text)) {
    askCurrent(turn, directory, step, draft, md(turn, 'complaints.answer_process', { days }));
    return true;
  }
  if (
    (step === 'about' || step === 'region' || step === 'consent') &&
    asksQuestion(text) &&
    !unknownAnswer(text)
  )
    return leaveForQuestion(turn, leftThisTurn, step, draft);
  // Where free words are the answer (the office's name, what one wants), only a question the knowledge base
  // answers outright leaves for it: «какая пенсия у инвалида 2 группы» became the office's name (a verification
  // pass).
  // «а какое выбрать?» asks about the list itself: it is explained there (see onTypedAgency), not searched.
  // Where the story is asked, only a question plainly asked («какие документы нужны для субсидии»; it was kept as the
  // story): «почему мне не дали пособие?» is the story.
  const atOffice = step === 'agency' || step === 'agency-name';
  if (
    (atOffice || step === 'wish' || (step === 'what' && plainQuestion(text))) &&
    asksQuestion(text) &&
    !(atOffice && asksWhichOffice(text)) &&
    (result?.band === 'answer' || result?.band === 'clarify') &&
    result.intent === undefined
  )
    return leaveForQuestion(turn, leftThisTurn, step, draft);
  if (step === 'about') return onTypedKind(turn, directory, draft, text, result);
  if (step === 'region' && onTypedPlace(turn, directory, draft, text)) return true;
  const told = toldAtStep(turn, step, text);
  if (keepStoryAtStep(turn, directory, step, draft, text, told)) return true;
  if (step === 'region' && onTypedRegion(turn, directory, draft, text, told)) return true;
  switch (step) {
    case 'agency':
    case 'agency-name':
      return onTypedAgency(turn, directory, step, draft, text);
    case 'what':
      if (text.length < 10) {
        turn.send({ text: md(turn, 'complaints.what_too_short'), buttons: [controls(turn)] });
        turn.outcome({ outcome: 'other', detail: 'complaint:what-too-short' });
        return true;
      }
      askWish(
        turn,
        { ...draft, what: redactPersonalData(text.slice(0, MAX_DESCRIPTION_CHARS)) },
        'what',
        false,
      );
      return true;
    case 'wish':
    case 'wish-text':
      return onTypedWish(turn, step, draft, text);
    case 'consent':
      return onTypedConsent(turn, draft, text, result);
    case 'confirm':
      return onTypedSummary(turn, days, draft, text, result);
    case 'add':
      return onTypedAddition(turn, draft, text);
    case 'appeal':
      showTypedAppeal(turn, text);
      return true;
    default:
      return unreadReply(turn, step, draft, text, result);
  }
}
