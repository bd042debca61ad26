/** The complaint's summary before it is sent: each field in the citizen's own words, «Отправить», back, cancel. */
import { REDACTION_TAGS } from '../../../messaging/personal-data.js';
import type { Block, RichText } from '../../../messaging/rich-text.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import { type Draft, type Step, seeksDecisionChange } from './complaint-draft.js';
import { ABOUT } from './complaint-kinds.js';
import { payload } from './complaint-payloads.js';
import { controls, openStep } from './step-reply.js';

function agencyLabel(turn: Turn, draft: Draft): string {
  if (draft.about === 'as') return turn.ctx.t('complaints.this_assistant');
  return draft.agencyName ?? turn.ctx.t('complaints.not_given');
}

/**
 * The citizen's words as saved, with the numbers hidden before saving said in words: the summary showed «мой телефон
 * [phone] снилс [snils]» (a citizen audit). The saved text keeps the tags, which consultants read.
 */
function withHiddenSaid(turn: Turn, text: string): string {
  let shown = text;
  for (const [kind, tag] of Object.entries(REDACTION_TAGS))
    shown = shown.replaceAll(tag, turn.ctx.t(`complaints.hidden.${kind}`));
  return shown;
}

/** `from` is undefined when the summary is shown again (it is no step of its own to go back to). */
export function askConfirm(
  turn: Turn,
  draft: Draft,
  from: Step | undefined,
  edit: boolean,
  lead: RichText = [],
): void {
  const t = turn.ctx.t;
  const labelled = (key: string, value: string): Block => ({
    type: 'paragraph',
    // The citizen's own words are shown as they are, never parsed as markup.
    spans: [{ text: `${t(key)} `, bold: true }, { text: value }],
  });
  openStep(
    turn,
    'confirm',
    draft,
    {
      text: [
        ...lead,
        ...md(turn, 'complaints.confirm_title'),
        labelled('complaints.fields.about', t(`complaints.about.${ABOUT[draft.about ?? 'ag']}`)),
        labelled('complaints.fields.agency', withHiddenSaid(turn, agencyLabel(turn, draft))),
        labelled('complaints.fields.what', withHiddenSaid(turn, draft.what ?? '')),
        labelled('complaints.fields.wish', withHiddenSaid(turn, draft.wish ?? '')),
        labelled('complaints.fields.consent', t(draft.consent ? 'complaints.yes' : 'complaints.no')),
        // A decision is changed only by an appeal to the agency: say so before the person relies on this chat.
        ...(seeksDecisionChange(draft) ? md(turn, 'complaints.decision_note') : []),
      ],
      buttons: [[action(t('complaints.buttons.send'), payload('send'))], controls(turn)],
    },
    edit,
    from,
  );
}
