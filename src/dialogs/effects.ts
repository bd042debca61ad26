/** What the dialog engine asks the runner to do. Data only: the runner executes it atomically with the state. */
import type { Locale } from '../i18n/translator.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import type { HandoffReason, RegionChoice } from './dialog-state.js';

/** How the engine handled a citizen's message (for the transcript, evaluation and reports). */
export type ReplyOutcome = 'answer' | 'clarify' | 'handoff' | 'refuse' | 'other';

export type Effect =
  /** Send a message; `edit` replaces the message whose button was pressed, where the platform can. */
  | { type: 'reply'; message: OutgoingMessage; edit?: boolean }
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
    }
  | { type: 'handoff'; reason: HandoffReason; priority: 'urgent' | 'normal' }
  | { type: 'handoff-cancel' }
  | { type: 'feedback'; entryId: string; helpful: boolean }
  | { type: 'citizen'; patch: { locale?: Locale; region?: RegionChoice; consentAt?: number } }
  /** Delete everything stored about the citizen (after they confirmed /forget). */
  | { type: 'forget' };
