/** «Назад»: the step before, with what was chosen there open again; from the first, the kinds of complaint. */
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askAgency, askAgencyName, askRegion } from './agency-questions.js';
import type { Draft } from './complaint-draft.js';
import { askConsent, askWhat, askWish } from './detail-questions.js';
import { askAbout } from './kind-question.js';
import { askConfirm } from './summary-message.js';

export function goBack(turn: Turn, directory: AgencyDirectory, draft: Draft): void {
  const previous = draft.h.at(-1);
  const rest: Draft = { ...draft, h: draft.h.slice(0, -1) };
  switch (previous) {
    case undefined:
    case 'about':
      // The story told before the kind was chosen stays (it was dropped by «Назад» after «Подать жалобу здесь»).
      return draft.what
        ? askAbout(turn, true, { h: [], what: draft.what }, md(turn, 'complaints.story_kept'))
        : askAbout(turn, true);
    case 'region':
      return askRegion(turn, rest);
    case 'agency':
      return askAgency(turn, directory, rest);
    case 'agency-name':
      return askAgencyName(turn, rest);
    case 'what':
      return askWhat(turn, rest, undefined, true);
    case 'wish':
    case 'wish-text':
      return askWish(turn, rest, undefined, true);
    case 'consent':
      return askConsent(turn, rest, undefined, true);
    case 'confirm':
      return askConfirm(turn, rest, undefined, true);
    default:
      return askAbout(turn, true);
  }
}
