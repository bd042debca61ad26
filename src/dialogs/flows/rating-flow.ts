/**
 * The rating of a consultant's help: when a consultant closes the ticket the citizen gets 1–5 buttons, then may add
 * a comment in one message. The ticket id travels in the payload (`rt:<ticket>:<score>`), so a late press still
 * rates the right conversation; the runner checks the ticket is the citizen's own and closed.
 */
import type { Button, OutgoingMessage } from '../../messaging/outgoing-message.js';
import { parseRichText } from '../../messaging/rich-text.js';
import { encodePayload } from '../payloads.js';
import type { Turn } from '../turn.js';
import type { FlowHandler } from './flow-handler.js';

export const RATING_FLOW = 'rt';
export const MAX_RATING_COMMENT_CHARS = 2000;

const MENU = encodePayload({ a: 'menu' });
const PAYLOAD = /^(\d{1,12}):([1-5]|skip)$/;

const button = (label: string, payload: string): Button => ({ kind: 'action', label, payload });

/** "How did we help? 1–5" with the five buttons. */
export function ratingRequest(turn: Turn, ticketId: number): OutgoingMessage {
  const t = turn.ctx.t;
  return {
    text: parseRichText(t('rating.request')),
    buttons: [
      [1, 2, 3, 4, 5].map((score) =>
        button(t(`rating.score_${score}`), `${RATING_FLOW}:${ticketId}:${score}`),
      ),
      [button(t('buttons.menu'), MENU)],
    ],
  };
}

/** Starts the rating of a closed ticket (the consultant closed it). */
export function startRating(turn: Turn, ticketId: number): void {
  turn.state.flow = { code: RATING_FLOW, step: 'score', data: { ticketId } };
  turn.send(ratingRequest(turn, ticketId));
}

export const ratingFlow: FlowHandler = {
  code: RATING_FLOW,
  onButton(turn, data) {
    const m = PAYLOAD.exec(data);
    if (!m) return turn.stale();
    const ticketId = Number(m[1]);
    if (m[2] === 'skip') {
      if (turn.state.flow?.code === RATING_FLOW) turn.state.flow = undefined;
      turn.send(turn.menu('rating.done'));
      return turn.outcome({ outcome: 'other', detail: 'rating:skip' });
    }
    const score = Number(m[2]);
    turn.effects.push({ type: 'rating', ticketId, score });
    turn.state.flow = { code: RATING_FLOW, step: 'comment', data: { ticketId } };
    turn.send({
      text: parseRichText(turn.ctx.t(score <= 2 ? 'rating.thanks_low' : 'rating.thanks')),
      buttons: [
        [button(turn.ctx.t('rating.no_comment'), `${RATING_FLOW}:${ticketId}:skip`)],
        [button(turn.ctx.t('buttons.menu'), MENU)],
      ],
    });
    turn.outcome({ outcome: 'other', detail: `rating:${score}` });
  },
  onText(turn, text) {
    const flow = turn.state.flow;
    // Before a score is chosen, text is a new question; after it, the text is the comment.
    if (flow?.code !== RATING_FLOW || flow.step !== 'comment') return false;
    const ticketId = Number(flow.data.ticketId);
    if (!Number.isInteger(ticketId)) return false;
    turn.effects.push({ type: 'rating-comment', ticketId, comment: text.slice(0, MAX_RATING_COMMENT_CHARS) });
    turn.state.flow = undefined;
    turn.send(turn.menu('rating.comment_thanks'));
    turn.outcome({ outcome: 'other', detail: 'rating:comment' });
    return true;
  },
};
