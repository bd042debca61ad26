/**
 * «Отправить»: the `complaint` effect. The runner stores it and fills the ticket number into the receipt (the engine
 * does no I/O, so it cannot know the number).
 */
import type { Button, OutgoingMessage } from '../../../messaging/outgoing-message.js';
import { TICKET_PLACEHOLDER } from '../../../services/complaints/ticket.js';
import type { ComplaintDraft } from '../../effects.js';
import type { Turn } from '../../turn.js';
import { action, md, menuButton } from '../flow-replies.js';
import { storyBenefit } from './appeal-section.js';
import { type Draft, seeksDecisionChange } from './complaint-draft.js';
import { ABOUT } from './complaint-kinds.js';
import { payload } from './complaint-payloads.js';

/** The official channel offered as an alternative to this chat. */
const GOSUSLUGI_FEEDBACK_URL = 'https://pos.gosuslugi.ru/';

/** `days`: within how many working days supervisors answer, as the receipt promises. */
export function submit(turn: Turn, draft: Draft, days: number): void {
  const t = turn.ctx.t;
  if (!draft.about || !draft.what || !draft.wish || draft.consent === undefined) return turn.stale();
  const complaint: ComplaintDraft = {
    about: ABOUT[draft.about],
    agencyId: draft.agencyId ?? null,
    agencyName: draft.about === 'as' ? null : (draft.agencyName ?? null),
    region: draft.region ?? turn.state.region ?? null,
    description: draft.what,
    wish: draft.wish,
    contactConsent: draft.consent,
  };
  const decision = seeksDecisionChange(draft);
  const receipt: OutgoingMessage = {
    text: [
      ...md(turn, 'complaints.receipt', { ticket: TICKET_PLACEHOLDER, days }),
      ...md(turn, draft.consent ? 'complaints.receipt_contact' : 'complaints.receipt_no_contact'),
      ...md(turn, decision ? 'complaints.official_decision' : 'complaints.official'),
    ],
    buttons: [
      ...(decision ? [[appealButton(turn, draft.what)]] : []),
      [{ kind: 'link', label: t('complaints.buttons.gosuslugi'), url: GOSUSLUGI_FEEDBACK_URL }],
      [action(t('complaints.buttons.my_tickets'), payload('st')), menuButton(turn)],
    ],
  };
  turn.state.flow = undefined;
  // What came before the complaint is not what «а когда ответят» right after it asks about (see asksStatus).
  turn.state.lastEntryId = undefined;
  turn.effects.push({ type: 'complaint', complaint, receipt });
  turn.outcome({ outcome: 'other', detail: `complaint:filed:${complaint.about}` });
}

/**
 * «Как обжаловать отказ» under the receipt: the appeal of the benefit the story names («отказали в едином пособии»),
 * as a new message under the receipt; else the question of which benefit (citizen audit 6: it asked again
 * «В какой выплате вам отказали?» of a story that said it).
 */
function appealButton(turn: Turn, story: string): Button {
  const named = storyBenefit(turn, story);
  return action(turn.ctx.t('complaints.buttons.appeal'), named ? payload('aq', named.id) : payload('ap'));
}
