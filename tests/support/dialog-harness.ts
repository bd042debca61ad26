/**
 * Drives the pure dialog engine in tests: the real knowledge base and locale files, and a scripted search (a test
 * double of the search port) so each flow can be reached on purpose.
 */
import { type DialogState, initialState } from '../../src/dialogs/dialog-state.js';
import type { Effect } from '../../src/dialogs/effects.js';
import type { FlowHandler } from '../../src/dialogs/flows/flow-handler.js';
import { transition } from '../../src/dialogs/transition.js';
import type { CitizenRecords } from '../../src/dialogs/turn.js';
import { wordStems } from '../../src/dialogs/word-stems.js';
import type { CitizenQueueInfo } from '../../src/handoff/queue-info.js';
import { createTranslator } from '../../src/i18n/translator.js';
import type { KnowledgeEntry, SectionKey } from '../../src/knowledge/entry.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { IncomingEvent, IncomingPayload } from '../../src/messaging/incoming-event.js';
import type { OutgoingMessage } from '../../src/messaging/outgoing-message.js';
import { toPlainText } from '../../src/messaging/rich-text.js';
import type {
  KnowledgeSearch,
  SearchContext,
  SearchOutcome,
  TextUnderstanding,
} from '../../src/search/search-types.js';

let cachedKb: KnowledgeBase | undefined;
export function projectKnowledge(): KnowledgeBase {
  cachedKb ??= loadKnowledgeBase('data').kb;
  return cachedKb;
}

export const translator = createTranslator();

export class ScriptedSearch implements KnowledgeSearch {
  next: SearchOutcome = { band: 'out_of_scope', hits: [], confidence: 0 };
  queries: string[] = [];
  /** What the engine told the search with each query (the region, the year). */
  contexts: (SearchContext | undefined)[] = [];
  search(query: string, context?: SearchContext): SearchOutcome {
    this.queries.push(query);
    this.contexts.push(context);
    return this.next;
  }
}

export const simpleUnderstanding: TextUnderstanding = {
  sectionRequest(text, options) {
    const t = text.toLowerCase();
    if (options?.bare && t.split(/\s+/).length > 3) return undefined;
    const map: [RegExp, SectionKey][] = [
      [/документ/, 'documents'],
      [/сколько/, 'amount'],
      [/куда|подать|подавать/, 'apply'],
      [/обжал|^отказ/, 'appeal'],
    ];
    return t.length < 40 ? map.find(([re]) => re.test(t))?.[1] : undefined;
  },
  region(text) {
    return /перм/i.test(text) ? 'perm' : /волгоград/i.test(text) ? 'volgograd' : undefined;
  },
  place(text) {
    const region = /перм/i.test(text) ? 'perm' : /волгоград/i.test(text) ? 'volgograd' : undefined;
    const only = /^(а |я )?(из|в|во) \S+\??$/i.test(text.trim());
    const own = only || /живу|я из/i.test(text);
    if (region) return { region, only, own };
    if (/саратов/i.test(text)) return { region: 'other', otherRegion: 'saratov', only, own };
    return /^другой регион$/i.test(text.trim()) ? { region: 'other', only: true, own: true } : undefined;
  },
  otherRegionName: (id) => (id === 'saratov' ? 'Саратовская область' : undefined),
  namesSubject(text) {
    return /субсид|пособ|выплат|пенси|льгот|инвалид|очеред|оформ|положен/i.test(text);
  },
  // Words of four letters or more by their first five: enough to tell the lines of an answer apart.
  statedTerms: (text) => wordStems(text, 4),
  // Words of four letters or more but the section cues above and a few follow-up words.
  subjectWords: (text) =>
    text
      .toLowerCase()
      .split(/[^а-яёa-z0-9]+/)
      .filter(
        (w) =>
          w.length >= 4 && !/документ|сколько|плат|куда|подат|подава|обжал|отказ|если|какие|положен/.test(w),
      ),
};

export class DialogHarness {
  state: DialogState = initialState('ru');
  now = Date.UTC(2026, 10, 23, 10, 0, 0);
  search = new ScriptedSearch();
  private seq = 0;
  readonly kb = projectKnowledge();
  flows: FlowHandler[] = [];
  /** How messages are read: simply, or as the app reads them (`createSearchBuilder`) for a citizen's own words. */
  understanding: TextUnderstanding = simpleUnderstanding;
  /** What the runner would have read from storage (the citizen's complaints). */
  records: CitizenRecords | undefined;
  /** The queue status the runner would compute (absent: no queue). */
  queue: CitizenQueueInfo | undefined;
  /** RETENTION_DAYS as the runner passes it (absent: not told). */
  retentionDays: number | undefined;

  send(payload: IncomingPayload, extra: Partial<IncomingEvent> = {}): Effect[] {
    const event = {
      eventId: String(++this.seq),
      platform: 'web',
      userId: 'u1',
      chatId: 'u1',
      receivedAt: this.now,
      ...payload,
      ...extra,
    } as IncomingEvent;
    const result = transition(this.state, event, {
      kb: this.kb,
      search: this.search,
      understanding: this.understanding,
      translator,
      now: this.now,
      flows: this.flows,
      ...(this.records ? { records: this.records } : {}),
      ...(this.queue ? { queue: this.queue } : {}),
      ...(this.retentionDays !== undefined ? { retentionDays: this.retentionDays } : {}),
    });
    // The state must survive a trip through JSON (it is persisted after every event).
    this.state = JSON.parse(JSON.stringify(result.state)) as DialogState;
    return result.effects;
  }

  text(text: string) {
    return this.send({ kind: 'text', text });
  }

  press(payload: string) {
    return this.send({ kind: 'button', payload }, { sourceMessageId: '77' });
  }
}

export function replies(effects: Effect[]): OutgoingMessage[] {
  return effects.flatMap((e) => (e.type === 'reply' ? [e.message] : []));
}

export function replyText(effects: Effect[]): string {
  return replies(effects)
    .map((m) => toPlainText(m.text))
    .join('\n---\n');
}

export function buttonLabels(message: OutgoingMessage | undefined): string[] {
  return (message?.buttons ?? []).flat().map((b) => b.label);
}

export function findPayload(effects: Effect[], label: string | RegExp): string {
  for (const m of replies(effects)) {
    for (const b of (m.buttons ?? []).flat()) {
      if (b.kind === 'action' && (typeof label === 'string' ? b.label === label : label.test(b.label)))
        return b.payload;
    }
  }
  throw new Error(
    `no button ${label} in ${replies(effects)
      .map((m) => buttonLabels(m).join('|'))
      .join(' / ')}`,
  );
}

export function outcomeOf(effects: Effect[]) {
  return effects.find((e): e is Extract<Effect, { type: 'outcome' }> => e.type === 'outcome');
}

/** The scripted search answers the next messages with this entry (sure of it); returns the entry. */
export function answerFor(h: DialogHarness, entryId: string): KnowledgeEntry {
  const entry = h.kb.entry(entryId)!;
  h.search.next = { band: 'answer', hits: [{ entryId, topic: entry.topic, score: 30 }], confidence: 0.9 };
  return entry;
}
