/**
 * What a ticket's transcript says that its row does not: whether the citizen wrote to the consultant after the last
 * reply (they wait for an answer), and which message made a waiting ticket urgent (a crisis written while waiting; the
 * ticket keeps the reason and the question it was opened with). Pure functions over transcript lines, used by the
 * queue and the ticket page.
 */
import type { TranscriptLine } from '../storage/store.js';
import type { TicketSummary } from './console-store.js';

/** A citizen's message meant for the consultant: relayed while the ticket is open, or a crisis message. */
function forConsultant(line: TranscriptLine): boolean {
  return (
    line.author === 'citizen' &&
    line.direction === 'in' &&
    (line.detail === 'relayed' || line.detail === 'crisis')
  );
}

/**
 * When the citizen started waiting for a reply: their first message for the consultant after the consultant's last
 * reply in this ticket (or after the ticket opened, when nobody has replied yet); undefined when they do not wait.
 * `lines` are in time order and may be only the latest ones of the transcript.
 */
export function awaitingReplySince(
  lines: readonly TranscriptLine[],
  ticket: Pick<TicketSummary, 'createdAt'>,
): number | undefined {
  let since: number | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    // The message that opened the ticket has the ticket's own time; it is the question, shown in the row anyway.
    if (line.author === 'consultant' || line.createdAt <= ticket.createdAt) break;
    if (forConsultant(line)) since = line.createdAt;
  }
  return since;
}

/** A ticket opened for another reason that a crisis message made urgent while it was open. */
export function escalatedToCrisis(ticket: Pick<TicketSummary, 'priority' | 'reason'>): boolean {
  return ticket.priority === 'urgent' && ticket.reason !== 'crisis';
}

/** The crisis message that made an open ticket urgent (the latest one), if the lines still hold it. */
export function crisisMessage(
  lines: readonly TranscriptLine[],
  ticket: Pick<TicketSummary, 'createdAt' | 'priority' | 'reason'>,
): Pick<TranscriptLine, 'text' | 'createdAt'> | undefined {
  if (!escalatedToCrisis(ticket)) return undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.createdAt < ticket.createdAt) break;
    if (line.author === 'citizen' && line.detail === 'crisis')
      return { text: line.text, createdAt: line.createdAt };
  }
  return undefined;
}
