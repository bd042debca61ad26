/** The complaint's own details: what happened, what the person wants, and consent to be contacted here. */
import type { RichText } from '../../../messaging/rich-text.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import type { Draft, Step } from './complaint-draft.js';
import { WISHES } from './complaint-kinds.js';
import { payload } from './complaint-payloads.js';
import { type AskOptions, consultantRow, controls, openStep } from './step-reply.js';

export function askWhat(
  turn: Turn,
  draft: Draft,
  from: Step | undefined,
  edit: boolean,
  lead: RichText = [],
): void {
  openStep(
    turn,
    'what',
    draft,
    { text: [...lead, ...md(turn, 'complaints.ask_what')], buttons: [controls(turn)] },
    edit,
    from,
  );
}

export function askWish(
  turn: Turn,
  draft: Draft,
  from: Step | undefined,
  edit: boolean,
  lead: RichText = [],
): void {
  const t = turn.ctx.t;
  openStep(
    turn,
    'wish',
    draft,
    {
      text: [...lead, ...md(turn, 'complaints.ask_wish')],
      buttons: [
        ...WISHES.map((w) => [action(t(`complaints.wishes.${w}`), payload('w', w))]),
        [action(t('complaints.wishes.other'), payload('w', 'other'))],
        controls(turn),
      ],
    },
    edit,
    from,
  );
}

export function askConsent(
  turn: Turn,
  draft: Draft,
  from: Step | undefined,
  edit: boolean,
  opts: AskOptions = {},
): void {
  const t = turn.ctx.t;
  openStep(
    turn,
    'consent',
    draft,
    {
      text: [...(opts.lead ?? []), ...md(turn, 'complaints.ask_consent')],
      buttons: [
        [
          action(t('complaints.buttons.consent_yes'), payload('c', '1')),
          action(t('complaints.buttons.consent_no'), payload('c', '0')),
        ],
        controls(turn),
        ...consultantRow(turn, opts),
      ],
    },
    edit,
    from,
  );
}

/** The question after the office: what happened, or the wish when the story is told already. */
export function afterAgency(turn: Turn, draft: Draft, from: Step, edit: boolean, lead: RichText = []): void {
  // The story may have come already, typed at a button step (see story-at-step.ts).
  if (draft.what) return askWish(turn, draft, from, edit, lead);
  askWhat(turn, draft, from, edit, lead);
}
