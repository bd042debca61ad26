/**
 * The search the app builds from the project's data/, for tests of what a citizen's first message is answered with.
 */
import { fileURLToPath } from 'node:url';
import { createSearchBuilder } from '../../src/app/build-search.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';

const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
export const { kb } = loadKnowledgeBase(DATA_DIR);
export const { search } = createSearchBuilder(DATA_DIR)(kb);

/** The band and the first entry the citizen is shown. */
export function firstReply(question: string): { band: string; entry: string | undefined } {
  const outcome = search.search(question);
  return { band: outcome.band, entry: outcome.hits[0]?.entryId };
}
