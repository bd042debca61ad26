/**
 * A reply the step could not read, with a complaint begun: the question again with a hint and the consultant; a
 * request for a person, or a step with no such hint, leaves the text to the assistant.
 */
import type { SearchOutcome } from '../../../search/search-types.js';
import { isTypedCancel } from '../../handoff-events.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askRegion } from './agency-questions.js';
import { cancel } from './cancel-complaint.js';
import type { Draft, Step } from './complaint-draft.js';
import { askConsent } from './detail-questions.js';
import { askAbout } from './kind-question.js';

/**
 * A reply the step could not read (a name, «не знаю какой регион», «ага»), with a complaint begun: the question
 * again with a hint and the consultant. It left the flow as a new question and the complaint was lost unseen.
 */
function askAgain(turn: Turn, step: Step, draft: Draft): boolean {
  const kept = draft.what ? md(turn, 'complaints.story_kept') : [];
  switch (step) {
    case 'about':
      askAbout(turn, false, draft, [...md(turn, 'complaints.about_again'), ...kept]);
      return true;
    case 'region':
      askRegion(turn, draft, undefined, {
        edit: false,
        consultant: true,
        lead: [...md(turn, 'complaints.region_again'), ...kept],
      });
      return true;
    case 'consent':
      askConsent(turn, draft, undefined, false, {
        consultant: true,
        lead: md(turn, 'complaints.consent_again'),
      });
      return true;
    default:
      return false;
  }
}

/** `text` typed at `step` and not read there; false leaves it to the assistant as a new question. */
export function unreadReply(
  turn: Turn,
  step: Step,
  draft: Draft,
  text: string,
  result: SearchOutcome,
): boolean {
  // "Позовите человека" is the consultant, as everywhere.
  if (result?.intent === 'human' || result?.intent === 'personal_case') return false;
  if (isTypedCancel(text)) {
    cancel(turn, false);
    return true;
  }
  return askAgain(turn, step, draft);
}
