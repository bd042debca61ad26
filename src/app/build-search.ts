/**
 * Builds what the dialog engine needs from a loaded knowledge base: the tuned search and the text understanding
 * used for follow-ups and regions. Called at start and on every knowledge reload.
 */
import type { DialogDeps } from '../dialogs/turn.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createKnowledgeSearch } from '../search/knowledge-search.js';
import { createRegionDetector } from '../search/region-detector.js';
import { normalizeWords } from '../search/russian-normalizer.js';
import { loadSearchResources } from '../search/search-data.js';
import { createSectionRequestDetector } from '../search/section-request.js';
import { createSynonyms } from '../search/synonyms.js';

export type SearchParts = Pick<DialogDeps, 'search' | 'understanding'>;

export function createSearchBuilder(dataDir: string): (kb: KnowledgeBase) => SearchParts {
  return (kb) => {
    const resources = loadSearchResources(dataDir);
    const search = createKnowledgeSearch(kb, { resources });
    const stopWords = new Set(resources.stopWords);
    const sections = createSectionRequestDetector(resources.sections, {
      synonyms: createSynonyms(resources.synonyms),
      isStopWord: (w) => stopWords.has(w),
    });
    const regions = createRegionDetector(resources.regions);
    return {
      search,
      understanding: {
        sectionRequest: (text) => sections.detect(normalizeWords(text)),
        region: (text) => regions.detect(normalizeWords(text)),
      },
    };
  };
}
