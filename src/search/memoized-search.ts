/**
 * The search's outcomes remembered for the latest distinct questions. The search is a pure function of the text,
 * the region and the year, and the most expensive step of an answer (a fifth of the main thread under load); in
 * the days after a change is announced, many people send the same few words («индексация пенсии», «единое
 * пособие»). A new knowledge base builds a new search, and with it an empty memory.
 */
import { LONGEST_REMEMBERED_TEXT, recentResults } from './recent-results.js';
import type { KnowledgeSearch, SearchContext, SearchOutcome } from './search-types.js';

/** Distinct questions remembered (with their region and year): ~0.37 KB each with the key, ~0.75 MB in all (measured full). */
export const SEARCH_MEMORY_SIZE = 2000;

export function memoizeSearch<S extends KnowledgeSearch>(search: S, size = SEARCH_MEMORY_SIZE): S {
  const remembered = recentResults<SearchOutcome>(size);
  const memoized = (query: string, context?: SearchContext): SearchOutcome => {
    if (query.length > LONGEST_REMEMBERED_TEXT) return search.search(query, context);
    const key = `${context?.region ?? ''}|${context?.currentYear ?? ''}|${query}`;
    return remembered.get(key, () => freezeOutcome(search.search(query, context)));
  };
  return { ...search, search: memoized };
}

/** One outcome is handed to every caller that asks the same: none of them may change it for the others. */
function freezeOutcome(outcome: SearchOutcome): SearchOutcome {
  for (const hit of outcome.hits) Object.freeze(hit);
  Object.freeze(outcome.hits);
  return Object.freeze(outcome);
}
