/**
 * A feature flow plugs into the dialog engine through this interface: its own buttons (payloads starting with
 * `<code>:`), commands, main-menu entries, and the text or location it takes while it is active. Its state lives in
 * `DialogState.flow` (JSON, versioned with the dialog), so a restart resumes a half-filled questionnaire too, and
 * /forget removes it with the rest.
 */
import type { KnowledgeEntry } from '../../knowledge/entry.js';
import type { Button } from '../../messaging/outgoing-message.js';
import type { SearchOutcome, SpecialIntent } from '../../search/search-types.js';
import type { Turn } from '../turn.js';

export interface FlowHandler {
  /** 1–3 lower-case letters; the flow's payloads are `<code>:<data>` and must stay within 64 bytes. */
  readonly code: string;
  /** Buttons for the main menu that start this flow (shown above the topic categories). */
  menuButtons?(turn: Turn): Button[];
  /** Slash commands this flow answers, without the slash. */
  readonly commands?: readonly string[];
  onCommand?(turn: Turn, command: string, args: string): void;
  /** Special intents of the search this flow answers instead of the search ("где находится соцзащита"). */
  readonly intents?: readonly SpecialIntent[];
  onIntent?(turn: Turn, intent: SpecialIntent): void;
  /** A press of one of this flow's buttons; `data` is the payload after `<code>:`. */
  onButton(turn: Turn, data: string): void;
  /**
   * Free text while this flow is active (`turn.state.flow.code === code`), with what the search made of it. Return
   * false to leave the flow and let the assistant treat the text as a new question.
   */
  onText?(turn: Turn, text: string, found: SearchOutcome): boolean;
  /**
   * Free text outside any flow, before the engine acts on the search's reading of it: a flow may take a request of
   * its own and return true (the agency finder: "а куда идти во фролово", a town of its directory named, is that
   * town's offices). Flows are asked in turn until one takes it; one that does not may still note what the message
   * says (the finder remembers the town named, for its button under the answer). `shown`: the answer or the choices
   * the message follows (empty on a first message or after the menu), which a follow-up may be about.
   */
  onQuestion?(turn: Turn, text: string, shown: readonly KnowledgeEntry[]): boolean;
  /**
   * Free text while the chat waits for a consultant: a flow may answer from the citizen's own records and return true
   * (the complaint flow: «какой статус моей жалобы» is the tickets' status). The consultant sees it in the transcript.
   */
  onWaitingText?(turn: Turn, text: string): boolean;
  /**
   * A free-text question the search answered with `entry` (no flow active): a flow may give a better answer of its
   * own and return true (the complaint flow turns "как обжаловать отказ в едином пособии", which the search answers
   * with the general appeal procedure, into the appeal section of the named benefit's entry).
   */
  onAnswer?(turn: Turn, text: string, entry: KnowledgeEntry): boolean;
  /** A shared location; return true if the flow used it. The active flow is asked first, then the others. */
  onLocation?(turn: Turn, latitude: number, longitude: number): boolean;
  /** Buttons offered under a knowledge-base answer whose subject leads to this flow (at most one or two). */
  entryButtons?(turn: Turn, entry: KnowledgeEntry): Button[];
  /**
   * Buttons offered under a special intent's own reply that leads to this flow (the agency finder under the displaced
   * people's reply, which sends them to the social protection office or the MFC where they are now).
   */
  intentButtons?(turn: Turn, intent: SpecialIntent): Button[];
  /**
   * Buttons offered under "which of these do you mean?" when the choices lead to this flow: several measures the
   * benefit finder knows ("я пенсионерка, живу одна, что мне положено") are a question the finder answers whole.
   */
  choiceButtons?(turn: Turn, entries: readonly KnowledgeEntry[]): Button[];
  /**
   * Buttons offered under «Я не уверен» when the message is a question this flow answers whole though the search
   * found no measure for it: one's own situation asked whole («муж ушел к другой что мне положено»).
   */
  notSureButtons?(turn: Turn): Button[];
}
