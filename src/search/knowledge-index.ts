/**
 * The full-text index over the knowledge base (minisearch, BM25+). Every field goes through the same text
 * analyser as the queries, so the index holds canonical stems; ranking weighs the fields where citizens' own
 * wording lives (example questions, keywords) above long section bodies.
 */
import type { KnowledgeEntry, Region } from '../knowledge/entry.js';
import { createDocumentReader } from './document-reader.js';
import { IntArray } from './int-array.js';
import { rarity } from './rarity.js';
import type { SearchConfig } from './search-config.js';
import type { SearchResources, ServedRegion } from './search-data.js';
import { byScore, type FlatDocuments, type MatchDetails, StemIndex } from './stem-index.js';
import { createTextAnalyzer, type QueryTerm, type TextAnalyzer } from './text-analyzer.js';

/** The indexed fields, in the order of FieldBoosts. */
export const INDEX_FIELDS = ['questions', 'keywords', 'title', 'short', 'body'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** How much a word matched only in a field counts as evidence (a word found only in a long body proves little). */
const FIELD_EVIDENCE: Record<IndexField, number> = {
  questions: 1,
  keywords: 1,
  title: 1,
  short: 0.8,
  body: 0.5,
};

/** Match details are worked out for this many entries at the top of the ranking only: nobody looks further. */
const DETAILED_HITS = 10;

export interface IndexedEntry {
  id: string;
  topic: string;
  regions: readonly Region[];
}

/** One query word an entry matched, with how strongly. */
export interface TermMatch {
  stem: string;
  /** Inverse document frequency of the word in the knowledge base. */
  idf: number;
  /** 1 for an exact match in a strong field, less for a prefix match or a match only in the body. */
  strength: number;
  /** The query word only names the region (see QueryTerm.context). */
  context?: boolean;
}

export interface RankedEntry {
  entry: IndexedEntry;
  score: number;
  /** Matched query words; filled for the top of the ranking only (empty further down). */
  matches: TermMatch[];
}

export interface RankOptions {
  /** The citizen's region: its regional entries rank higher, other regions' lower. */
  region?: ServedRegion | 'other';
  /** Score multipliers per topic (from topic hints). */
  topicBoosts?: ReadonlyMap<string, number>;
  /** Entry id → score multiplier (an overview asked for, see entry-overviews.ts). */
  entryBoosts?: ReadonlyMap<string, number>;
}

export interface KnowledgeIndex {
  /** Entries matching any of the terms, best first, weighed by region and topic hints. */
  rank(terms: readonly QueryTerm[], options?: RankOptions): RankedEntry[];
  /** BM25 inverse document frequency of a stem (the highest value for a stem no entry has). */
  idf(stem: string): number;
  readonly analyzer: TextAnalyzer;
  readonly size: number;
}

/**
 * The query words worth a pass over their postings: at most `max` of them, the most informative first (by
 * idf × weight), leaving out words that most entries contain (they barely move the ranking but cost the most on a
 * large knowledge base) unless nothing else is left. Original order is kept.
 */
function informativeTerms(
  terms: readonly QueryTerm[],
  idf: (stem: string) => number,
  entriesWith: (stem: string) => number,
  max: number,
  maxEntries: number,
): QueryTerm[] {
  const value = (t: QueryTerm) => idf(t.stem) * t.weight;
  const ranked = [...terms].sort((a, b) => value(b) - value(a));
  const rare = ranked.filter((t) => entriesWith(t.stem) <= maxEntries);
  const chosen = (rare.length >= MIN_TERMS ? rare : ranked.slice(0, MIN_TERMS)).slice(0, max);
  const kept = new Set(chosen.map((t) => t.stem));
  return terms.filter((t) => kept.has(t.stem));
}

/** Fewer terms than this are never pruned for being common. */
const MIN_TERMS = 2;

/**
 * How much a word that only names the region (QueryTerm.context) weighs in the ranking. The region factor already
 * puts the region's entries first; matched in full as well, "в пермском крае" made a Perm entry that names its
 * region in its title the answer to questions about something else ("сколько платят приемной семье в месяц в
 * пермском крае" was the Perm large-family status), and a town made the region's contacts, which list every town,
 * the answer to letters about anything ("оба потеряли работу, трое детей, живём в Урюпинске"). Over 1,400 probe
 * questions, 0.5 against 0.6: 11 more right answers, no more wrong; 0.4 and 0.3 brought 3 and 4 more wrong answers.
 * Contacts asked with a town named ("центр занятости в Березниках адрес") became choices led by the contacts. Weighing
 * the place in full only when the message names an office was measured too: 3–12 fewer right answers.
 */
const CONTEXT_RANK = 0.5;

/** Builds the index and the analyser (whose lexicon is the knowledge base's own vocabulary). */
export function buildKnowledgeIndex(
  entries: readonly KnowledgeEntry[],
  resources: SearchResources,
  config: SearchConfig,
): KnowledgeIndex {
  // One pass over the texts: index terms per field, and word frequencies for the lexicon (which words exist, and
  // which of two spellings is commoner). The term ids go into one flat array, field after field (see FlatDocuments).
  const reader = createDocumentReader(resources);
  const fieldCount = INDEX_FIELDS.length;
  const ids = new IntArray(1 << 16);
  const starts = new Int32Array(entries.length * fieldCount + 1);
  // For the understanding: in how many entries each term of the title and keywords (read as one text) occurs.
  const subjectShares = new Map<number, number>();
  entries.forEach((e, entry) => {
    const at = entry * fieldCount;
    reader.readInto(e.questions, ids);
    starts[at + 1] = ids.length;
    const { ends, joined } = reader.readEachAndJoined([e.keywords, e.title], ids, [1, 0]);
    starts[at + 2] = ends[0]!;
    starts[at + 3] = ends[1]!;
    for (const t of new Set(joined)) subjectShares.set(t, (subjectShares.get(t) ?? 0) + 1);
    reader.readInto(e.short, ids);
    starts[at + 4] = ids.length;
    reader.readInto(Object.values(e.sections), ids);
    starts[at + 5] = ids.length;
  });
  const analyzer = createTextAnalyzer(resources, reader.counts(), reader, {
    entries,
    shares: new Map([...subjectShares].map(([t, n]) => [reader.term(t), n])),
  });

  // The body only adds words the stronger fields lack, each once: it is long, and its words matter for recall,
  // not for how often they repeat. This also keeps a large knowledge base quick to index. The body's other words
  // are dropped in place (what is kept never moves forward, so one pass over the array does it).
  const termCount = reader.termCount;
  const seenIn = new Int32Array(termCount).fill(-1);
  const entriesWith = new Int32Array(termCount);
  const all = ids.data;
  let kept = 0;
  for (let entry = 0; entry < entries.length; entry++) {
    const at = entry * fieldCount;
    for (let field = 0; field < fieldCount; field++) {
      const from = starts[at + field]!;
      const to = starts[at + field + 1]!;
      // The new start of this field (the previous fields' end after dropping).
      starts[at + field] = kept;
      const body = field === fieldCount - 1;
      for (let j = from; j < to; j++) {
        const t = all[j]!;
        if (seenIn[t] !== entry) {
          seenIn[t] = entry;
          entriesWith[t]! += 1;
        } else if (body) {
          continue;
        }
        all[kept++] = t;
      }
    }
  }
  starts[entries.length * fieldCount] = kept;
  const documents: FlatDocuments = { ids: all.subarray(0, kept), starts };
  const documentFrequency = new Map<string, number>();
  for (let t = 0; t < termCount; t++)
    if (entriesWith[t]! > 0) documentFrequency.set(reader.term(t), entriesWith[t]!);

  const mini = new StemIndex(INDEX_FIELDS);
  mini.loadTermIds(documents, termCount, reader.term);

  // Every beginning (from prefixMinLength letters) of every indexed term: a query word that is neither a term nor
  // such a beginning cannot match anything and is not scored at all.
  const prefixes = new Set<string>();
  if (config.prefixMinLength > 0) {
    for (const term of documentFrequency.keys()) {
      for (let len = config.prefixMinLength; len < term.length; len++) prefixes.add(term.slice(0, len));
    }
  }
  const searchable = (stem: string) =>
    documentFrequency.has(stem) || (stem.length >= config.prefixMinLength && prefixes.has(stem));

  const n = entries.length;
  const idf = (stem: string) => rarity(documentFrequency.get(stem) ?? 0, n);
  const indexed: IndexedEntry[] = entries.map((e) => ({ id: e.id, topic: e.topic, regions: e.regions }));

  const regionFactor = (entry: IndexedEntry, region: ServedRegion | 'other' | undefined) => {
    if (entry.regions.includes('federal')) return 1;
    if (!region) return config.unknownRegionFactor;
    // Elsewhere in Russia every regional entry is another region's.
    if (region === 'other') return config.otherRegionFactor;
    return entry.regions.includes(region) ? config.ownRegionFactor : config.otherRegionFactor;
  };

  // A boost of 0 counts as 1, as in minisearch's search (whose scoring StemIndex.score reproduces).
  const fieldBoosts = INDEX_FIELDS.map((f) => config.boosts[f] || 1);

  const matchesOf = (
    result: MatchDetails,
    weights: Map<string, number>,
    context: ReadonlySet<string>,
  ): TermMatch[] => {
    const byQueryTerm = new Map<string, TermMatch>();
    for (const docTerm of result.terms) {
      const fields = (result.match[docTerm] ?? []) as IndexField[];
      const fieldStrength = Math.max(...fields.map((f) => FIELD_EVIDENCE[f] ?? 0.5));
      // A document term matched either itself or, by prefix, a shorter query term.
      const queryTerm = weights.has(docTerm) ? docTerm : result.queryTerms.find((q) => docTerm.startsWith(q));
      if (queryTerm === undefined) continue;
      const exact = queryTerm === docTerm;
      const strength = fieldStrength * (exact ? 1 : config.prefixWeight) * (weights.get(queryTerm) ?? 1);
      const previous = byQueryTerm.get(queryTerm);
      if (!previous || previous.strength < strength) {
        const match: TermMatch = { stem: queryTerm, idf: idf(queryTerm), strength };
        if (context.has(queryTerm)) match.context = true;
        byQueryTerm.set(queryTerm, match);
      }
    }
    return [...byQueryTerm.values()];
  };

  return {
    analyzer,
    size: n,
    idf,
    rank(allTerms, { region, topicBoosts, entryBoosts } = {}) {
      const terms = informativeTerms(
        allTerms.filter((t) => searchable(t.stem)),
        idf,
        (stem) => documentFrequency.get(stem) ?? 0,
        config.maxQueryTerms,
        config.maxTermEntries,
      );
      if (terms.length === 0 || n === 0) return [];
      const weights = new Map(terms.map((t) => [t.stem, t.weight]));
      const scoring = mini.score(
        terms.map((t) => ({
          term: t.stem,
          boost: t.context ? t.weight * CONTEXT_RANK : t.weight,
          prefix: config.prefixMinLength > 0 && t.stem.length >= config.prefixMinLength,
        })),
        { fieldBoosts, bm25: config.bm25, prefixWeight: config.prefixWeight },
      );
      // One sort where minisearch's results are sorted and then re-sorted by the adjusted score: by adjusted
      // score, then by minisearch's score, then in order of first match (both sorts are stable).
      const scored = scoring.documents.map((r, first) => {
        const entry = indexed[r.id]!;
        const score =
          r.score *
          regionFactor(entry, region) *
          (topicBoosts?.get(entry.topic) ?? 1) *
          (entryBoosts?.get(entry.id) ?? 1);
        return { r, score, first };
      });
      scored.sort((a, b) => b.score - a.score || byScore(a.r, b.r) || a.first - b.first);
      // Common words left out of the search still count as evidence for the entries at the top.
      const chosen = new Set(terms.map((t) => t.stem));
      const context = new Set(allTerms.filter((t) => t.context).map((t) => t.stem));
      const leftOut = allTerms.filter((t) => !chosen.has(t.stem) && documentFrequency.has(t.stem));
      return scored.map(({ r, score }, i) => {
        const matches = i < DETAILED_HITS ? matchesOf(scoring.details(r.id), weights, context) : [];
        if (i < DETAILED_HITS) {
          for (const t of leftOut) {
            const fields = mini.fieldsWith(t.stem, r.id);
            if (fields.length === 0) continue;
            const strength = Math.max(...fields.map((f) => FIELD_EVIDENCE[INDEX_FIELDS[f]!])) * t.weight;
            matches.push({
              stem: t.stem,
              idf: idf(t.stem),
              strength,
              ...(t.context ? { context: true } : {}),
            });
          }
        }
        return { entry: indexed[r.id]!, score, matches };
      });
    },
  };
}
