/** «Отмена», pressed or typed: the complaint is dropped and nothing is filed. */
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';

export function cancel(turn: Turn, edit: boolean): void {
  turn.state.flow = undefined;
  turn.send({ text: md(turn, 'complaints.cancelled'), buttons: [footerRow(turn.ctx)] }, edit);
  turn.outcome({ outcome: 'other', detail: 'complaint:cancelled' });
}
