/** The question the complaint is at, asked again: after a question answered meanwhile, or a button pressed twice. */
import type { RichText } from '../../../messaging/rich-text.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askAgency, askAgencyName, askRegion } from './agency-questions.js';
import type { Draft, Step } from './complaint-draft.js';
import { askConsent, askWhat, askWish } from './detail-questions.js';
import { askAbout } from './kind-question.js';
import { askConfirm } from './summary-message.js';

/**
 * The question of `step` asked again, as it was (nothing chosen is undone). `before`: what is said first (a question
 * about the complaint answered).
 */
export function askCurrent(
  turn: Turn,
  directory: AgencyDirectory,
  step: Step,
  draft: Draft,
  before: RichText = [],
): void {
  // «Ваш рассказ я сохранил» is for coming back to the complaint, not for a question answered at its step.
  const lead = before.length > 0 ? before : draft.what ? md(turn, 'complaints.story_kept') : [];
  switch (step) {
    case 'about':
      return askAbout(turn, false, draft, lead);
    case 'region':
      return askRegion(turn, draft, undefined, { edit: false, lead });
    case 'agency':
      return askAgency(turn, directory, draft, undefined, { edit: false, lead });
    case 'agency-name':
      return askAgencyName(turn, draft, undefined, { edit: false, lead });
    case 'what':
      return askWhat(turn, draft, undefined, false, before);
    case 'wish':
    case 'wish-text':
      return askWish(turn, draft, undefined, false, lead);
    case 'consent':
      return askConsent(turn, draft, undefined, false, { lead });
    case 'confirm':
      return askConfirm(turn, draft, undefined, false, before);
  }
}
