/**
 * Ticket numbers of complaints. The number is derived from the stored row's id, so the dialog engine (which does
 * no I/O) cannot know it: it writes TICKET_PLACEHOLDER into the receipt, and the runner fills it in after storing
 * the complaint in the same transaction (see the `complaint` effect).
 */
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';

/** Stands for the ticket number in a receipt built by the engine. */
export const TICKET_PLACEHOLDER = '{{ticket}}';

/** "Ж-000042": short enough to say on the phone, sortable, and never reused. */
export function ticketNumber(id: number): string {
  return `Ж-${String(id).padStart(6, '0')}`;
}

/** The id behind a ticket number typed by a person ("ж-42", "Ж-000042", "42"); undefined if it is not one. */
export function parseTicketNumber(text: string): number | undefined {
  const m = /^\s*(?:[жЖ]\s*-?\s*)?0*(\d{1,9})\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The message with every placeholder replaced by the ticket number. */
export function fillTicket(message: OutgoingMessage, ticket: string): OutgoingMessage {
  const fill = (s: string) => s.split(TICKET_PLACEHOLDER).join(ticket);
  return {
    ...message,
    text: message.text.map((block) =>
      block.type === 'paragraph'
        ? { ...block, spans: block.spans.map((span) => ({ ...span, text: fill(span.text) })) }
        : {
            ...block,
            items: block.items.map((item) => item.map((span) => ({ ...span, text: fill(span.text) }))),
          },
    ),
  };
}
