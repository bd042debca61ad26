/**
 * What a brand-new citizen gets as the first reply to one message, classified for the evaluation
 * (`npm run eval`). For now it asks the search alone and maps bands the way the dialog engine does; the engine
 * will replace the body with the whole assistant (engine and throwaway storage), keeping this signature, so the
 * evaluation script depends on nothing else.
 */
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { createBaselineSearch } from '../search/baseline-search.js';
import { createKnowledgeSearch } from '../search/knowledge-search.js';
import { loadSearchResources } from '../search/search-data.js';
import type { KnowledgeSearch, SearchOutcome } from '../search/search-types.js';

export interface FirstReply {
  outcome: 'answer' | 'clarify' | 'handoff' | 'refuse' | 'other';
  /** The answered topic, or the topics offered in a clarification. */
  topics: string[];
}

/** How the dialog engine turns a search outcome into its first reply. */
export function firstReplyOf(outcome: SearchOutcome): FirstReply {
  const topics = outcome.hits.map((h) => h.topic);
  switch (outcome.band) {
    case 'answer':
      return { outcome: 'answer', topics: topics.slice(0, 1) };
    case 'clarify':
      return { outcome: 'clarify', topics };
    case 'handoff':
      // A crisis gets the emergency contacts entry as the reply, with the hand-off started next to it.
      if (outcome.intent === 'crisis' && topics.length > 0)
        return { outcome: 'answer', topics: topics.slice(0, 1) };
      return { outcome: 'handoff', topics: [] };
    case 'out_of_scope':
      return { outcome: 'refuse', topics: [] };
  }
}

export async function createFirstReplyProbe(options: {
  dataDir: string;
  engine: 'full' | 'baseline';
}): Promise<{ ask(q: string): Promise<FirstReply>; close(): Promise<void> }> {
  const { kb } = loadKnowledgeBase(options.dataDir);
  const search: KnowledgeSearch =
    options.engine === 'baseline'
      ? createBaselineSearch(kb)
      : createKnowledgeSearch(kb, { resources: loadSearchResources(options.dataDir) });
  return {
    ask: async (q) => firstReplyOf(search.search(q)),
    close: async () => {},
  };
}
