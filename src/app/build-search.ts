/**
 * Builds what the dialog engine needs from a loaded knowledge base: the tuned search and the text understanding
 * used for follow-ups ("а какие документы?") and regions ("в Камышине"). Called at start and on every knowledge
 * reload. The understanding reads messages with the search's own analyser, so that a message typed in the wrong
 * keyboard layout or with a typo is understood the same way by both, and the knowledge base is read only once.
 */
import type { DialogDeps } from '../dialogs/turn.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createKnowledgeSearch } from '../search/knowledge-search.js';
import { memoizeSearch } from '../search/memoized-search.js';
import { memoizeUnderstanding } from '../search/memoized-understanding.js';
import { loadSearchResources } from '../search/search-data.js';
import { createTextUnderstanding } from '../search/text-understanding.js';

export type SearchParts = Pick<DialogDeps, 'search' | 'understanding'>;

export function createSearchBuilder(dataDir: string): (kb: KnowledgeBase) => SearchParts {
  return (kb) => {
    const resources = loadSearchResources(dataDir);
    const search = createKnowledgeSearch(kb, { resources });
    const understanding = createTextUnderstanding({ resources, kb, analyzer: search.analyzer });
    return { search: memoizeSearch(search), understanding: memoizeUnderstanding(understanding) };
  };
}
