/**
 * The full-text index over the knowledge base (minisearch, BM25+). Every field goes through the same text
 * analyser as the queries, so the index holds canonical stems; ranking weighs the fields where citizens' own
 * wording lives (example questions, keywords) above long section bodies.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeEntry, Region } from '../knowledge/entry.js';
import type { SearchConfig } from './search-config.js';
import type { SearchResources, ServedRegion } from './search-data.js';
import { corpusWords, createTextAnalyzer, type QueryTerm, type TextAnalyzer } from './text-analyzer.js';

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
  region?: ServedRegion;
  /** Score multipliers per topic (from topic hints). */
  topicBoosts?: ReadonlyMap<string, number>;
}

export interface KnowledgeIndex {
  /** Entries matching any of the terms, best first, weighed by region and topic hints. */
  rank(terms: readonly QueryTerm[], options?: RankOptions): RankedEntry[];
  /** BM25 inverse document frequency of a stem (the highest value for a stem no entry has). */
  idf(stem: string): number;
  readonly analyzer: TextAnalyzer;
  readonly size: number;
}

interface IndexDocument {
  id: number;
  questions: string;
  keywords: string;
  title: string;
  short: string;
  body: string;
}

const splitSpaces = (text: string) => text.split(' ');

/**
 * minisearch with two additions that use its documented `protected` index: a faster bulk load and a look-up of
 * the fields in which one document contains one term. Document ids are the entries' positions (0..n-1), which are
 * also minisearch's internal short ids because documents are added once, in order, and never removed.
 */
class StemIndex extends MiniSearch<IndexDocument> {
  /**
   * minisearch walks its radix tree for every token it indexes, which dominates the build of a large knowledge
   * base (about 4 µs a token on a small server). During the bulk load each term's postings are looked up once and
   * then reused from a plain map; nothing is removed during the load, so the cached postings stay the live ones.
   */
  addAllQuickly(documents: readonly IndexDocument[]): void {
    const tree = this._index;
    const original = tree.fetch;
    const cache = new Map<string, ReturnType<typeof original>>();
    tree.fetch = (key, init) => {
      let value = cache.get(key);
      if (value === undefined) {
        value = original.call(tree, key, init);
        cache.set(key, value);
      }
      return value;
    };
    try {
      this.addAll(documents);
    } finally {
      tree.fetch = original;
    }
  }

  /** The fields in which document `id` contains `term` (minisearch numbers fields in INDEX_FIELDS order). */
  fieldsWith(term: string, id: number): IndexField[] {
    const data = this._index.get(term);
    if (!data) return [];
    const fields: IndexField[] = [];
    for (const [fieldId, docs] of data) if (docs.has(id)) fields.push(INDEX_FIELDS[fieldId]!);
    return fields;
  }
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

/** Builds the index and the analyser (whose lexicon is the knowledge base's own vocabulary). */
export function buildKnowledgeIndex(
  entries: readonly KnowledgeEntry[],
  resources: SearchResources,
  config: SearchConfig,
): KnowledgeIndex {
  // Word frequencies for the lexicon (which words exist, and which of two spellings is commoner).
  const counts = new Map<string, number>();
  const fieldWords = entries.map((e) => {
    const f: Record<IndexField, string[]> = {
      questions: corpusWords(e.questions.join(' . ')),
      keywords: corpusWords(e.keywords.join(' . ')),
      title: corpusWords(e.title),
      short: corpusWords(e.short),
      body: corpusWords(Object.values(e.sections).join(' . ')),
    };
    for (const field of INDEX_FIELDS) for (const w of f[field]) counts.set(w, (counts.get(w) ?? 0) + 1);
    return f;
  });
  const analyzer = createTextAnalyzer(resources, counts);

  const documentFrequency = new Map<string, number>();
  const documents: IndexDocument[] = fieldWords.map((f, id) => {
    const doc = { id } as IndexDocument;
    const seen = new Set<string>();
    for (const field of INDEX_FIELDS) {
      const stems = analyzer.documentTermsOfWords(f[field]);
      if (field === 'body') {
        // The body only adds words the stronger fields lack, each once: it is long, and its words matter for
        // recall, not for how often they repeat. This also keeps a large knowledge base quick to index.
        const fresh: string[] = [];
        for (const s of stems) {
          if (seen.has(s)) continue;
          seen.add(s);
          fresh.push(s);
        }
        doc.body = fresh.join(' ');
      } else {
        doc[field] = stems.join(' ');
        for (const s of stems) seen.add(s);
      }
    }
    for (const s of seen) documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
    return doc;
  });

  const mini = new StemIndex({
    fields: [...INDEX_FIELDS],
    tokenize: splitSpaces,
    processTerm: (term) => term || null,
  });
  mini.addAllQuickly(documents);

  // Every beginning (from prefixMinLength letters) of every indexed term: a query word that is neither a term nor
  // such a beginning cannot match anything and is not sent to minisearch at all.
  const prefixes = new Set<string>();
  if (config.prefixMinLength > 0) {
    for (const term of documentFrequency.keys()) {
      for (let len = config.prefixMinLength; len < term.length; len++) prefixes.add(term.slice(0, len));
    }
  }
  const searchable = (stem: string) =>
    documentFrequency.has(stem) || (stem.length >= config.prefixMinLength && prefixes.has(stem));

  const n = entries.length;
  const idf = (stem: string) => {
    const df = documentFrequency.get(stem) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const indexed: IndexedEntry[] = entries.map((e) => ({ id: e.id, topic: e.topic, regions: e.regions }));

  const regionFactor = (entry: IndexedEntry, region: ServedRegion | undefined) => {
    if (entry.regions.includes('federal')) return 1;
    if (!region) return config.unknownRegionFactor;
    return entry.regions.includes(region) ? config.ownRegionFactor : config.otherRegionFactor;
  };

  const matchesOf = (
    result: SearchResult,
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
    rank(allTerms, { region, topicBoosts } = {}) {
      const terms = informativeTerms(
        allTerms.filter((t) => searchable(t.stem)),
        idf,
        (stem) => documentFrequency.get(stem) ?? 0,
        config.maxQueryTerms,
        config.maxTermEntries,
      );
      if (terms.length === 0 || n === 0) return [];
      const weights = new Map(terms.map((t) => [t.stem, t.weight]));
      const results = mini.search(terms.map((t) => t.stem).join(' '), {
        boost: { ...config.boosts },
        bm25: config.bm25,
        prefix: (term) => config.prefixMinLength > 0 && term.length >= config.prefixMinLength,
        fuzzy: false,
        weights: { prefix: config.prefixWeight, fuzzy: 0 },
        boostTerm: (term) => weights.get(term) ?? 1,
        tokenize: splitSpaces,
        processTerm: (term) => term || null,
      });
      const scored = results.map((r) => {
        const entry = indexed[r.id as number]!;
        return { r, score: r.score * regionFactor(entry, region) * (topicBoosts?.get(entry.topic) ?? 1) };
      });
      scored.sort((a, b) => b.score - a.score);
      // Common words left out of the search still count as evidence for the entries at the top.
      const chosen = new Set(terms.map((t) => t.stem));
      const context = new Set(allTerms.filter((t) => t.context).map((t) => t.stem));
      const leftOut = allTerms.filter((t) => !chosen.has(t.stem) && documentFrequency.has(t.stem));
      return scored.map(({ r, score }, i) => {
        const matches = i < DETAILED_HITS ? matchesOf(r, weights, context) : [];
        if (i < DETAILED_HITS) {
          for (const t of leftOut) {
            const fields = mini.fieldsWith(t.stem, r.id as number);
            if (fields.length === 0) continue;
            const strength = Math.max(...fields.map((f) => FIELD_EVIDENCE[f])) * t.weight;
            matches.push({
              stem: t.stem,
              idf: idf(t.stem),
              strength,
              ...(t.context ? { context: true } : {}),
            });
          }
        }
        return { entry: indexed[r.id as number]!, score, matches };
      });
    },
  };
}
