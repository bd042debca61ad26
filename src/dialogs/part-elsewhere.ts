/**
 * A follow-up asking for a part the answer shown lacks, about something the answer is not about: «а пенсия ребенку
 * сколько» and «а мне за уход сколько» after how to get a disability established (which has no «Сколько платят»)
 * got «В этом ответе нет раздела…», and then the same answer's parts again, though the knowledge base has the
 * disabled child's measures and the carer's payment (a citizen audit). The part is looked for in the other entries
 * of the answer's category (disability, pensions...): those the search found for the follow-up first, else those
 * whose titles and keywords have the words the follow-up adds to the answer's.
 */

import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry, SectionKey } from '../knowledge/entry.js';
import type { TextUnderstanding } from '../search/search-types.js';

/** Letters two stems share when they are one word: «продлевать» and «продление» stem as «продлева» and «продлен». */
const SHARED_STEM_LETTERS = 6;

function hasTerm(terms: ReadonlySet<string> | undefined, term: string): boolean {
  if (!terms) return false;
  if (terms.has(term)) return true;
  if (term.length < SHARED_STEM_LETTERS) return false;
  const start = term.slice(0, SHARED_STEM_LETTERS);
  for (const t of terms) if (t.startsWith(start)) return true;
  return false;
}

/** Shorter terms («лет» in «а 5 лет») name no measure. */
const MIN_TERM_LETTERS = 4;

/** «а если я работаю?»: whether the answer shown holds then (its line, or its parts), not another measure. */
const CONDITION = /(^| )если( |$)/;

/**
 * The entries of `related` (the answer's category) other than `shown` that have `section` (if one is asked) and
 * that the follow-up is about, surest first. Only when the follow-up names something the answer's title and keywords
 * do not (its words but the cues of parts, follow-up words and stop words: «уход» in «а мне за уход сколько»): then
 * the first of the search's hits for it (any band: a weak hit still names the subject), else the entries whose titles
 * and keywords have every such word that some of them have.
 */
export function partElsewhere(
  query: string,
  shown: KnowledgeEntry,
  section: SectionKey | undefined,
  related: readonly KnowledgeEntry[],
  hitIds: readonly string[],
  understanding: Pick<TextUnderstanding, 'statedTerms' | 'subjectWords'>,
): KnowledgeEntry[] {
  if (CONDITION.test(comparableText(query))) return [];
  const candidates = related.filter(
    (e) => e.id !== shown.id && (section === undefined || e.sections[section] !== undefined),
  );
  if (candidates.length === 0) return [];
  // Read as search reads them: synonyms as one term, stems.
  const read = understanding.statedTerms;
  const name = (e: KnowledgeEntry) => new Set(read([e.title, ...e.keywords].join('. '), { curated: true }));
  const shownName = name(shown);
  const added = [...new Set(read(understanding.subjectWords(query).join(' ')))].filter(
    (w) => w.length >= MIN_TERM_LETTERS && !hasTerm(shownName, w),
  );
  if (added.length === 0) return [];
  const found = hitIds.map((id) => candidates.find((e) => e.id === id)).find((e) => e !== undefined);
  if (found) return [found];
  const names = new Map(candidates.map((e) => [e, name(e)]));
  const named = added.filter((w) => [...names.values()].some((n) => hasTerm(n, w)));
  if (named.length === 0) return [];
  return candidates.filter((e) => named.every((w) => hasTerm(names.get(e), w)));
}
