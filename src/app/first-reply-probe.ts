/**
 * What a brand-new citizen gets as the first reply to one message, classified for the evaluation
 * (`npm run eval`): the message goes through the dialog engine with the app's own search, text understanding,
 * flows, knowledge base and locale files, and the engine's recorded outcome is the verdict. The engine is pure, so
 * every message starts from a fresh state and nothing is stored; the runner around it in production adds storage
 * and delivery, which do not change what the first reply is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { initialState } from '../dialogs/dialog-state.js';
import type { Effect } from '../dialogs/effects.js';
import { transition } from '../dialogs/transition.js';
import type { DialogDeps } from '../dialogs/turn.js';
import { createTranslator } from '../i18n/translator.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { createBaselineSearch } from '../search/baseline-search.js';
import { createFlowBuilder } from './build-flows.js';
import { createSearchBuilder } from './build-search.js';

export interface FirstReply {
  outcome: 'answer' | 'clarify' | 'handoff' | 'refuse' | 'other';
  /** The answered topic, or the topics offered in a clarification. */
  topics: string[];
}

/** Reads the first reply off the effects of one transition: the engine's outcome record says what it did. */
export function firstReplyOf(effects: readonly Effect[]): FirstReply {
  const recorded = effects
    .filter((e): e is Extract<Effect, { type: 'outcome' }> => e.type === 'outcome')
    .at(-1);
  if (!recorded) return { outcome: 'other', topics: [] };
  const topics = recorded.topics ?? [];
  switch (recorded.outcome) {
    case 'answer':
      return { outcome: 'answer', topics: topics.slice(0, 1) };
    case 'clarify':
      return { outcome: 'clarify', topics };
    default:
      // A hand-off or a refusal carries no answered topic, whatever it offered next to it.
      return { outcome: recorded.outcome, topics: [] };
  }
}

export async function createFirstReplyProbe(options: {
  dataDir: string;
  engine: 'full' | 'baseline';
}): Promise<{ ask(q: string): Promise<FirstReply>; close(): Promise<void> }> {
  const { kb } = loadKnowledgeBase(options.dataDir);
  const tuned = createSearchBuilder(options.dataDir)(kb);
  // The services' flows need their own data files; a knowledge-base-only data folder (test fixtures) goes without.
  const withServices =
    existsSync(join(options.dataDir, 'benefits')) && existsSync(join(options.dataDir, 'agencies'));
  const deps: Omit<DialogDeps, 'now'> = {
    kb,
    // The baseline swaps the ranking only: the rest of the assistant is the same, so the difference is the search.
    search: options.engine === 'baseline' ? createBaselineSearch(kb) : tuned.search,
    understanding: tuned.understanding,
    translator: createTranslator(),
    ...(withServices ? createFlowBuilder(options.dataDir)(kb) : {}),
  };
  let citizen = 0;
  return {
    ask: async (q) => {
      citizen += 1;
      const now = Date.now();
      const { effects } = transition(
        initialState('ru'),
        {
          eventId: `eval-${citizen}`,
          platform: 'web',
          userId: `eval-${citizen}`,
          chatId: `eval-${citizen}`,
          receivedAt: now,
          kind: 'text',
          text: q,
        },
        { ...deps, now },
      );
      return firstReplyOf(effects);
    },
    close: async () => {},
  };
}
