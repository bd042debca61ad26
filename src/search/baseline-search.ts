/**
 * The yardstick: plain minisearch with its defaults over the same fields, no Russian normalisation, no synonyms,
 * no intents, no thresholds. `npm run eval -- --engine baseline` runs it so that the value of the tuned search is
 * measured on the same data, side by side.
 */
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeSearch, SearchOutcome } from './search-types.js';

interface BaselineDocument {
  id: number;
  questions: string;
  keywords: string;
  title: string;
  short: string;
  body: string;
}

/** Any result is answered with the top hit; no result is out of scope. */
export function createBaselineSearch(kb: KnowledgeBase): KnowledgeSearch {
  const mini = new MiniSearch<BaselineDocument>({
    fields: ['questions', 'keywords', 'title', 'short', 'body'],
  });
  mini.addAll(
    kb.entries.map((e, id) => ({
      id,
      questions: e.questions.join('\n'),
      keywords: e.keywords.join(', '),
      title: e.title,
      short: e.short,
      body: Object.values(e.sections).join('\n'),
    })),
  );
  return {
    search(query): SearchOutcome {
      const top = mini.search(query)[0];
      if (!top) return { band: 'out_of_scope', hits: [], confidence: 0 };
      const entry = kb.entries[top.id as number]!;
      return {
        band: 'answer',
        hits: [{ entryId: entry.id, topic: entry.topic, score: top.score }],
        confidence: 1,
      };
    },
  };
}
