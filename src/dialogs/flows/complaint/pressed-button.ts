/**
 * A press of one of the complaint's buttons (`cp:<kind>:<value>`, see complaint-payloads.ts): those that begin or
 * resume a complaint, list the tickets or show an appeal work anywhere; a step's own buttons only at that step (an
 * older message's button is stale).
 */
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askAgency, askAgencyName, askRegion, SOCIAL_FUND, socialFundOffice } from './agency-questions.js';
import { askAppeal } from './appeal-question.js';
import { showAppeal } from './appeal-section.js';
import { cancel } from './cancel-complaint.js';
import { draftOf, type Step, withWish } from './complaint-draft.js';
import { ABOUT, WISHES } from './complaint-kinds.js';
import { COMPLAINT_CODE } from './complaint-payloads.js';
import { type AboutCode, aboutOf } from './complaint-words.js';
import { afterAgency, askConsent } from './detail-questions.js';
import { goBack } from './go-back.js';
import { askAbout, chooseAbout } from './kind-question.js';
import { beginAnew, resume } from './left-for-question.js';
import { showStatus } from './status-message.js';
import { controls, openStep } from './step-reply.js';
import { submit } from './submit-complaint.js';
import { askConfirm } from './summary-message.js';
import { TOLD_OFFER_MS, takeTold } from './told-story.js';

/** `raw` is the payload after `cp:`; `days`, within how many working days supervisors answer. */
export function onPressedButton(turn: Turn, directory: AgencyDirectory, days: number, raw: string): void {
  const [kind = '', value] = raw.split(/:(.*)/s);
  const t = turn.ctx.t;
  switch (kind) {
    case 'go':
      return beginAnew(turn);
    case 'told': {
      const offered = turn.state.offered;
      turn.state.offered = undefined;
      const what = offered?.code === COMPLAINT_CODE ? offered.data.what : undefined;
      if (typeof what !== 'string' || turn.deps.now - (offered?.at ?? 0) > TOLD_OFFER_MS)
        return askAbout(turn, false);
      return takeTold(turn, directory, what, aboutOf(what), true);
    }
    case 'rs':
      return resume(turn, directory);
    case 'st':
      return showStatus(turn, days);
    case 'ap':
      if (!value) return askAppeal(turn, false);
      return showAppeal(turn, turn.deps.kb.entry(value), true);
    case 'aq':
      // Under an answer to "мне отказали в …": the answer stays, the procedure comes as a new message.
      return showAppeal(turn, turn.deps.kb.entry(value ?? ''), false);
    default:
      break;
  }
  const draft = draftOf(turn);
  const step = turn.state.flow?.step as Step | undefined;
  if (!draft || !step) return turn.stale();
  switch (kind) {
    case 'x':
      return cancel(turn, true);
    case 'b':
      return goBack(turn, directory, draft);
    case 'ab': {
      if (step !== 'about' || !value || !(value in ABOUT)) return turn.stale();
      return chooseAbout(turn, directory, draft, value as AboutCode);
    }
    case 'rg': {
      if (!value) return askRegion(turn, draft, step);
      if (step !== 'region' || (value !== 'perm' && value !== 'volgograd' && value !== 'other'))
        return turn.stale();
      return askAgency(turn, directory, { ...draft, region: value }, 'region');
    }
    case 'ag': {
      if (step !== 'agency' || !value) return turn.stale();
      if (value === '-') return askAgencyName(turn, draft, 'agency');
      const fund = value === SOCIAL_FUND ? socialFundOffice(turn, draft) : undefined;
      if (fund) return afterAgency(turn, { ...draft, agencyName: fund }, 'agency', true);
      const agency = directory.agency(value);
      if (!agency) return turn.stale();
      return afterAgency(
        turn,
        { ...draft, agencyId: agency.id, agencyName: agency.name, region: agency.region },
        'agency',
        true,
      );
    }
    case 'w': {
      if (step !== 'wish' || !value) return turn.stale();
      if (value === 'other')
        return openStep(
          turn,
          'wish-text',
          draft,
          { text: md(turn, 'complaints.ask_wish_text'), buttons: [controls(turn)] },
          true,
          'wish',
        );
      if (!(WISHES as readonly string[]).includes(value)) return turn.stale();
      return askConsent(
        turn,
        withWish(draft, t(`complaints.wishes.${value}`), value === 'review'),
        'wish',
        true,
      );
    }
    case 'c':
      if (step !== 'consent' || (value !== '1' && value !== '0')) return turn.stale();
      return askConfirm(turn, { ...draft, consent: value === '1' }, 'consent', true);
    case 'send':
      if (step !== 'confirm') return turn.stale();
      return submit(turn, draft, days);
    default:
      return turn.stale();
  }
}
