/** What the dialog engine asks the runner to do. Data only: the runner executes it atomically with the state. */
import type { Locale } from '../i18n/translator.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import type { HandoffReason, RegionChoice } from './dialog-state.js';

/** How the engine handled a citizen's message (for the transcript, evaluation and reports). */
export type ReplyOutcome = 'answer' | 'clarify' | 'handoff' | 'refuse' | 'other';

export type Effect =
  /**
   * Send a message; `edit` replaces the message whose button was pressed, where the platform can. `private`: it
   * repeats answers the citizen has not agreed to keep (the benefit finder), so the transcript notes that it was
   * sent, not what it said.
   */
  | { type: 'reply'; message: OutgoingMessage; edit?: boolean; private?: boolean }
  /** Annotates the incoming message in the transcript. At most one per event. */
  | {
      type: 'outcome';
      outcome: ReplyOutcome;
      confidence?: number;
      entryId?: string;
      /** Topics answered or offered. */
      topics?: string[];
      /** Finer detail for reports: the search band or intent, or the flow that handled it. */
      detail?: string;
      /** The incoming message is a private answer (see `reply.private`): the transcript keeps that it came, not what. */
      private?: boolean;
    }
  | { type: 'handoff'; reason: HandoffReason; priority: 'urgent' | 'normal' }
  | { type: 'handoff-cancel' }
  /** A consultant closed the ticket (from a system signal): close it with the dialog state, atomically. */
  | { type: 'handoff-close'; ticketId: number; resolution: string; consultantId: number | null }
  /** The citizen rated the help of a closed ticket (1–5), or added a comment to the rating. */
  | { type: 'rating'; ticketId: number; score: number }
  | { type: 'rating-comment'; ticketId: number; comment: string }
  | { type: 'feedback'; entryId: string; helpful: boolean }
  | { type: 'citizen'; patch: { locale?: Locale; region?: RegionChoice; consentAt?: number } }
  /** Delete everything stored about the citizen (after they confirmed /forget). */
  | { type: 'forget' }
  /**
   * Store a complaint and send `receipt` with its ticket number: the runner assigns the number when it stores the
   * complaint and puts it where the receipt says TICKET_PLACEHOLDER (src/services/complaints/ticket.ts).
   */
  | { type: 'complaint'; complaint: ComplaintDraft; receipt: OutgoingMessage };

/** A complaint as the complaint flow collected it (the runner adds the citizen and the time). */
export interface ComplaintDraft {
  about: 'agency' | 'employee' | 'decision' | 'assistant';
  agencyId: string | null;
  agencyName: string | null;
  region: string | null;
  description: string;
  wish: string;
  contactConsent: boolean;
}
