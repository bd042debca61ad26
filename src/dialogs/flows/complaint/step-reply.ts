/** How every step of the complaint is asked: the step opened in the flow state, and the buttons the steps share. */
import type { Button, OutgoingMessage } from '../../../messaging/outgoing-message.js';
import type { RichText } from '../../../messaging/rich-text.js';
import { encodePayload } from '../../payloads.js';
import type { Turn } from '../../turn.js';
import { action } from '../flow-replies.js';
import type { Draft, Step } from './complaint-draft.js';
import { COMPLAINT_CODE, payload } from './complaint-payloads.js';

/** `step` opened with `draft` and its question sent; `from`, the step answered, is remembered for "back". */
export function openStep(
  turn: Turn,
  step: Step,
  draft: Draft,
  message: OutgoingMessage,
  edit: boolean,
  from?: Step,
): void {
  const h = from && draft.h.at(-1) !== from ? [...draft.h, from] : draft.h;
  turn.state.flow = { code: COMPLAINT_CODE, step, data: { ...draft, h } };
  turn.send(message, edit);
  turn.outcome({ outcome: 'other', detail: `complaint:${step}` });
}

/** «Назад» and «Отмена», under every step's question. */
export function controls(turn: Turn): Button[] {
  return [
    action(turn.ctx.t('complaints.buttons.back'), payload('b')),
    action(turn.ctx.t('complaints.buttons.cancel'), payload('x')),
  ];
}

/** `lead` goes before the question; `edit: false` for a question asked after typed text (nothing to edit). */
export interface AskOptions {
  lead?: RichText;
  edit?: boolean;
  /** The consultant one tap away, under a question asked again after a reply it could not read. */
  consultant?: boolean;
}

export function consultantRow(turn: Turn, opts: AskOptions): Button[][] {
  return opts.consultant
    ? [[action(turn.ctx.t('buttons.consultant'), encodePayload({ a: 'handoff', reason: 'user_request' }))]]
    : [];
}
