import type { OutgoingMessage } from '../../../messaging/outgoing-message.js';
import type { Turn } from '../../turn.js';

/**
 * A questionnaire message: the answer that led to it and the message itself (which repeats the answers) are kept
 * out of the transcript, because the person has not agreed to keep their answers.
 */
export function sendPrivately(turn: Turn, message: OutgoingMessage, edit: boolean, detail: string): void {
  turn.send(message, edit, true);
  turn.outcome({ outcome: 'other', detail, private: true });
}
