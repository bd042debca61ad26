/**
 * One turn of the dialog engine: the state being changed and the effects collected while handling one event.
 * Flows (the main engine and feature flows in `flows/`) work on a Turn; `transition` returns its result.
 */

import type { CitizenQueueInfo } from '../handoff/queue-info.js';
import type { Locale, Translator } from '../i18n/translator.js';
import type { KnowledgeEntry, SectionKey } from '../knowledge/entry.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IncomingEvent } from '../messaging/incoming-event.js';
import type { Button, OutgoingMessage } from '../messaging/outgoing-message.js';
import type { RichText } from '../messaging/rich-text.js';
import type { KnowledgeSearch, SpecialIntent, TextUnderstanding } from '../search/search-types.js';
import type { DialogState, HandoffReason, RegionChoice } from './dialog-state.js';
import type { Effect } from './effects.js';
import type { FlowHandler } from './flows/flow-handler.js';
import { laterYearAsked } from './later-year.js';
import * as queue from './queue-replies.js';
import * as reply from './reply-builders.js';

/** One of the citizen's complaints, as /status lists it. */
export interface ComplaintSummary {
  ticket: string;
  status: 'new' | 'in_progress' | 'answered';
  about: string;
  agencyName: string | null;
  createdAt: number;
}

/**
 * What the runner read from storage about the citizen before the transition, so that the engine can show it
 * without doing I/O itself.
 */
export interface CitizenRecords {
  /** Newest first. */
  complaints: readonly ComplaintSummary[];
}

export interface DialogDeps {
  /** Feature flows (benefit finder, complaints, ...) with their own buttons, commands and state. */
  flows?: readonly FlowHandler[];
  /** The citizen's stored records (their complaints); absent in tests that do not need them. */
  records?: CitizenRecords;
  kb: KnowledgeBase;
  search: KnowledgeSearch;
  understanding: TextUnderstanding;
  translator: Translator;
  /** Milliseconds since epoch. */
  now: number;
  /** The citizen's queue status (place, wait, working hours), computed by the runner; absent without a queue. */
  queue?: CitizenQueueInfo;
  /** Days a conversation is kept before it is anonymised (RETENTION_DAYS), which /privacy tells; absent: not told. */
  retentionDays?: number;
}

export interface TransitionResult {
  state: DialogState;
  effects: Effect[];
}

/** Searches look at this much of a message; the rest of a very long message is kept in the transcript. */
export const MAX_QUERY_CHARS = 1000;
/** The taxonomy topic of emergency help (violence, danger to life, nowhere to sleep). */
export const CRISIS_TOPIC = reply.CRISIS_TOPIC;
/** The same text again within this window is a double send, not a new question. */
export const REPEAT_WINDOW_MS = 3000;
/**
 * While waiting for a consultant, acknowledge the citizen's messages at most this often: once for a burst typed in a
 * row, but a message after a pause is acknowledged again. Five minutes left «что делать то» and «нет», typed a little
 * after the acknowledgement, with no reply at all (citizen audit 5, M3).
 */
export const HANDOFF_ACK_INTERVAL_MS = 90_000;
/** After this many failed searches in a row the chat goes to a consultant. */
export const FAILED_SEARCHES_BEFORE_HANDOFF = 2;

export class Turn {
  readonly effects: Effect[] = [];
  state: DialogState;
  /** The event's day (YYYY-MM-DD), once per turn: every reply built reads it. */
  private readonly today: string;
  /**
   * This message named the citizen's region elsewhere in Russia for the first time: an answer from a federal entry
   * says once that that region's own measures are not in our data.
   */
  regionNamedNow = false;
  private nextLead: RichText = [];
  private nextRows: Button[][] = [];
  constructor(
    state: DialogState,
    readonly deps: DialogDeps,
    readonly event: IncomingEvent,
  ) {
    this.state = { ...state };
    this.today = new Date(deps.now).toISOString().slice(0, 10);
    this.laterYear =
      event.kind === 'text' ? laterYearAsked(event.text, new Date(deps.now).getUTCFullYear()) : undefined;
  }

  /** A later year the message asks about («а на 2027»): see later-year.ts. */
  readonly laterYear: number | undefined;

  get ctx(): reply.ReplyContext {
    const locale = this.state.locale;
    const { otherRegion, lastEntryRegion: carried } = this.state;
    const region = carried ?? this.state.region;
    const regionName =
      region === 'other' && otherRegion ? this.deps.understanding.otherRegionName(otherRegion) : undefined;
    return {
      kb: this.deps.kb,
      t: (key, vars) => this.deps.translator.t(locale, key, vars),
      region,
      ...(carried ? { carriedRegion: carried } : {}),
      ...(regionName ? { regionName } : {}),
      ...(this.regionNamedNow ? { regionNamedNow: true } : {}),
      today: this.today,
      ...(this.laterYear !== undefined ? { laterYear: this.laterYear } : {}),
      ...(this.event.kind === 'text' ? { asked: this.event.text } : {}),
    };
  }

  /** The entry of the last answer, which follow-ups, "не понял" and a typed "да" or "нет" are about. */
  lastAnswer(): KnowledgeEntry | undefined {
    return this.state.lastEntryId ? this.deps.kb.entry(this.state.lastEntryId) : undefined;
  }

  /**
   * `privately`: the message repeats answers the person has not agreed to keep (the benefit finder's), and is not
   * transcribed; the notes for the next reply come with it all the same (a СНИЛС warning was lost at a question).
   */
  send(message: OutgoingMessage, edit = false, privately = false): void {
    const led =
      this.nextLead.length > 0 ? { ...message, text: [...this.nextLead, ...message.text] } : message;
    const noted =
      this.nextRows.length > 0 ? { ...led, buttons: [...(led.buttons ?? []), ...this.nextRows] } : led;
    this.nextLead = [];
    this.nextRows = [];
    this.effects.push({
      type: 'reply',
      message: noted,
      ...(edit ? { edit: true } : {}),
      ...(privately ? { private: true } : {}),
    });
  }

  /**
   * Lines for the start of the next reply, whatever it is: a note about the message itself (read from its beginning,
   * personal numbers not to send, where the rest of it is decided). Notes add up in the order given.
   */
  leadNextReply(lines: RichText): void {
    this.nextLead = [...this.nextLead, ...lines];
  }

  /**
   * Button rows for the end of the next reply, whatever it is: a flow left for a new question offers to go back to it
   * under the answer («↩️ Продолжить подбор»).
   */
  endNextReply(rows: Button[][]): void {
    this.nextRows = [...this.nextRows, ...rows];
  }

  outcome(effect: Omit<Extract<Effect, { type: 'outcome' }>, 'type'>): void {
    this.effects.push({ type: 'outcome', ...effect });
  }

  /** Starts the hand-off (or tells the citizen they are already waiting); `record: false` leaves the outcome to the caller. */
  handoff(
    reason: HandoffReason,
    leadKeys: string[] = [],
    detail: string = reason,
    options: { record?: boolean } = {},
  ): void {
    const urgent = reason === 'crisis';
    if (this.state.handoff && !urgent) {
      this.send(reply.handoffConfirm(this.ctx, leadKeys, 'handoff.already', queue.ownTicketLines(this)));
    } else {
      const fresh = !this.state.handoff;
      this.effects.push({ type: 'handoff', reason, priority: urgent ? 'urgent' : 'normal' });
      if (!this.state.handoff) this.state.handoff = { since: this.deps.now, reason };
      if (!urgent) this.send(queue.newTicketConfirm(this, leadKeys));
      else if (fresh) {
        // The crisis message went first; out of hours it must also say when a person will answer.
        const notice = queue.urgentClosedNotice(this);
        if (notice.length > 0) this.send({ text: notice });
      }
    }
    this.state.failedSearches = 0;
    // The talk is with a person now: a later "да", "нет" or "а документы?" is not about the answer before it.
    this.state.lastEntryId = undefined;
    this.state.lastEntryRegion = undefined;
    this.state.choices = undefined;
    this.state.choicesSection = undefined;
    if (options.record === false) return;
    this.outcome({ outcome: 'handoff', detail, ...(urgent ? { topics: [CRISIS_TOPIC] } : {}) });
  }

  /**
   * An answer from this entry is being shown (for `region`, when a flow gives one it does not save): follow-ups are
   * about it from now on, and it has no reaction yet.
   */
  showing(entry: KnowledgeEntry, region?: RegionChoice): void {
    this.state.lastEntryId = entry.id;
    this.state.lastEntryRegion = region;
    this.state.failedSearches = 0;
    this.state.rated = undefined;
  }

  /** Records a reaction to the answer from this entry, once per answer shown and kind of reaction. */
  rate(entry: KnowledgeEntry, helpful: boolean): void {
    const { rated } = this.state;
    if (rated?.id === entry.id && rated.helpful === helpful) return;
    this.state.rated = { id: entry.id, helpful };
    this.effects.push({ type: 'feedback', entryId: entry.id, helpful });
  }

  /**
   * Shows the answer from this entry; `also`, another entry of its topic nearly as fitting, gets a button. A flow
   * showing an entry may give the region for its figures (`region`, not saved as the citizen's), its own buttons
   * instead of the flows' offers (`offers`), and mark the press that asked for it private (its payload carries answers).
   */
  answer(
    entry: KnowledgeEntry,
    options: {
      edit?: boolean;
      confidence?: number;
      detail?: string;
      lead?: RichText;
      also?: KnowledgeEntry | undefined;
      region?: RegionChoice;
      offers?: Button[];
      private?: boolean;
    } = {},
  ): void {
    this.showing(entry, options.region);
    const offers = [
      ...(options.also ? [reply.alsoButton(this.ctx, options.also)] : []),
      ...(options.offers ?? this.flowOffers(entry)),
    ];
    this.send(reply.answerMessage(this.ctx, entry, options.lead ?? [], offers), options.edit);
    this.outcome({
      outcome: 'answer',
      entryId: entry.id,
      topics: [entry.topic],
      ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
      detail: options.detail ?? 'answer',
      ...(options.private ? { private: true } : {}),
    });
  }

  /**
   * One part of an entry as the reply. The entry is not made the one shown: a caller switching to another entry
   * calls `showing` first (a part of the answer already shown keeps its region and counters).
   */
  answerPart(
    entry: KnowledgeEntry,
    section: SectionKey,
    detail: string,
    options: { offers?: Button[]; confidence?: number; edit?: boolean } = {},
  ): void {
    this.send(reply.sectionMessage(this.ctx, entry, section, options.offers), options.edit);
    this.outcome({
      outcome: 'answer',
      entryId: entry.id,
      topics: [entry.topic],
      ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
      detail,
    });
  }

  /**
   * "Which of these do you mean?" with these entries (opening `section` of each, when given), remembered until the next
   * message: a follow-up or the number of one ("третье") is read against them.
   */
  offerChoices(
    entries: KnowledgeEntry[],
    options: { detail: string; section?: SectionKey; offers?: Button[]; confidence?: number },
  ): void {
    this.state.choices = entries.map((e) => e.id);
    this.state.choicesSection = options.section;
    this.send(reply.clarifyMessage(this.ctx, entries, options.section, options.offers));
    this.outcome({
      outcome: 'clarify',
      topics: entries.map((e) => e.topic),
      ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
      detail: options.detail,
    });
  }

  /** The buttons feature flows offer under an answer from this entry (the finder under family benefits...). */
  flowOffers(entry: KnowledgeEntry): Button[] {
    return (this.deps.flows ?? []).flatMap((f) => f.entryButtons?.(this, entry) ?? []);
  }

  /** The buttons feature flows offer under a special intent's own reply (the agency finder under the displaced's). */
  intentOffers(intent: SpecialIntent): Button[] {
    return (this.deps.flows ?? []).flatMap((f) => f.intentButtons?.(this, intent) ?? []);
  }

  /** The main menu, with the entries of feature flows on top. */
  menu(introKey = 'menu.title'): OutgoingMessage {
    return reply.mainMenu(this.ctx, introKey, this.flowMenuButtons());
  }

  /** "I cannot help with this", where such questions go when known, and the main menu. */
  outOfScope(where?: string): OutgoingMessage {
    return reply.outOfScope(this.ctx, where, this.flowMenuButtons());
  }

  /** The main menu asked for while waiting for a consultant: it says the wait goes on, and how to leave it. */
  waitingMenu(): OutgoingMessage {
    return reply.menuWhileWaiting(this.ctx, this.flowMenuButtons());
  }

  /** The main menu's buttons, without its text. */
  menuButtons(): Button[][] {
    return reply.mainMenuButtons(this.ctx, this.flowMenuButtons());
  }

  private flowMenuButtons(): Button[] {
    return (this.deps.flows ?? []).flatMap((f) => f.menuButtons?.(this) ?? []);
  }

  stale(): void {
    this.send(this.menu('stale_button.message'));
    this.outcome({ outcome: 'other', detail: 'stale_button' });
  }

  /**
   * The citizen's region from now on. `otherRegion`: elsewhere in Russia, the region they named (its id); the
   * «Другой регион» button keeps the one named before.
   */
  setRegion(region: RegionChoice, otherRegion?: string): void {
    this.state.region = region;
    // A region said now is the one from now on, also for the answer on screen.
    this.state.lastEntryRegion = undefined;
    if (region !== 'other') this.state.otherRegion = undefined;
    else if (otherRegion) this.state.otherRegion = otherRegion;
    this.effects.push({ type: 'citizen', patch: { region } });
  }

  setLocale(locale: Locale): void {
    this.state.locale = locale;
    this.effects.push({ type: 'citizen', patch: { locale } });
  }
}
