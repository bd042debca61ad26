/**
 * minisearch over terms that are already analysed, with two additions that use its documented `protected` index:
 * a bulk load, and a look-up of the fields in which one document contains one term. Document ids are positions
 * (0..n-1), which are also minisearch's internal short ids because documents are loaded once, in order, and never
 * removed.
 */
import MiniSearch, {
  type AsPlainObject,
  type Query,
  type SearchOptions,
  type SearchResult,
} from 'minisearch';

/** What minisearch keeps per term: field number → (document → term frequency). */
type FieldTermData = Map<number, Map<number, number>>;

/** Term ids of one document, per field (in the order of the index's fields). */
export type DocumentTermIds = readonly ArrayLike<number>[];

/**
 * Term ids of many documents in one array, field after field and document after document: field f of document d
 * is ids[starts[d × fields + f]] .. ids[starts[d × fields + f + 1] - 1]. (A large knowledge base has millions of
 * term ids: one array of them is one allocation.)
 */
export interface FlatDocuments {
  ids: Int32Array;
  /** documents × fields + 1 positions. */
  starts: Int32Array;
}

/** The same documents laid out flat. */
export function flatDocuments(documents: readonly DocumentTermIds[], fieldCount: number): FlatDocuments {
  const starts = new Int32Array(documents.length * fieldCount + 1);
  let total = 0;
  documents.forEach((fields, d) => {
    for (let f = 0; f < fieldCount; f++) {
      total += fields[f]?.length ?? 0;
      starts[d * fieldCount + f + 1] = total;
    }
  });
  const ids = new Int32Array(total);
  documents.forEach((fields, d) => {
    for (let f = 0; f < fieldCount; f++) ids.set(fields[f] ?? [], starts[d * fieldCount + f]!);
  });
  return { ids, starts };
}

interface IdOnly {
  id: number;
}

const splitSpaces = (text: string) => text.split(' ');
const keepTerm = (term: string) => term || null;

/** One query term, as minisearch's `search` takes it with `boostTerm` and `prefix` options. */
export interface TermQuery {
  term: string;
  boost: number;
  /** Also match longer indexed terms starting with this one. */
  prefix: boolean;
}

export interface ScoreOptions {
  /** Boost per field, in field order. */
  fieldBoosts: readonly number[];
  bm25: { k: number; b: number; d: number };
  /** Weight of prefix matches (minisearch's `weights.prefix`). */
  prefixWeight: number;
}

/** What minisearch's `search` result says about one document: its score, and which terms matched where. */
export interface ScoredDocument {
  id: number;
  score: number;
}

export interface MatchDetails {
  /** Indexed terms the document matched, as minisearch's `result.terms`. */
  terms: string[];
  /** Query terms the document matched, as `result.queryTerms`. */
  queryTerms: string[];
  /** Indexed term → names of the fields it matched in, as `result.match`. */
  match: Record<string, string[]>;
}

export interface Scoring {
  /**
   * Every document matching a query term with the score `search` gives it, in the order `search` collects them
   * (of first match): sorting them stably by score descending gives `search`'s order (see `byScore`).
   */
  documents: ScoredDocument[];
  details(id: number): MatchDetails;
}

/** minisearch's order of results: by score, descending (stable, so ties stay in order of first match). */
export const byScore = (a: ScoredDocument, b: ScoredDocument) => b.score - a.score;

/** An indexed term a query term reaches (itself, or a longer term by prefix), with the weight of that match. */
interface Expansion {
  weight: number;
  data: Map<number, Map<number, number>>;
  term: string;
}

export class StemIndex extends MiniSearch<IdOnly> {
  /** Field lengths per field, by document (what minisearch keeps per document, laid out for the scoring loop). */
  private lengthsByField: Float64Array[] = [];

  /** Searches take terms separated by single spaces, as they are: the caller analysed them. */
  static readonly termOptions = { tokenize: splitSpaces, processTerm: keepTerm };

  constructor(fields: readonly string[]) {
    super({ fields: [...fields], ...StemIndex.termOptions });
  }

  /**
   * Loads documents given as term ids per field (`term(id)` names them). The index ends up exactly as `addAll`
   * of the same terms would leave it (a unit test compares the two), but it is built several times faster:
   * `add` walks the radix tree for every token and adds each posting to one of thousands of maps in turn, which
   * on a knowledge base of 10,000 entries means millions of cache misses. Here the postings are first counted and
   * then laid out term by term in one flat array; each term's maps are filled from it on first use.
   */
  loadTermIds(
    documents: readonly DocumentTermIds[] | FlatDocuments,
    termCount: number,
    term: (id: number) => string,
  ): void {
    const fieldCount = Object.keys(this._fieldIds).length;
    const { ids, starts: fieldStarts } = Array.isArray(documents)
      ? flatDocuments(documents, fieldCount)
      : (documents as FlatDocuments);
    const documentCount = (fieldStarts.length - 1) / fieldCount;
    const frequency = new Int32Array(termCount);
    const touched: number[] = [];
    /** Postings per key (term id × fields + field). */
    const perKey = new Int32Array(termCount * fieldCount);
    /** Keys in the order of their first posting: terms and fields enter the index in that order. */
    const keyOrder: number[] = [];
    const firstId = this._nextId;
    let total = 0;

    // First pass: documents registered as minisearch registers them, field lengths, postings counted per key.
    for (let d = 0; d < documentCount; d++) {
      const id = this._nextId;
      this._idToShortId.set(id, id);
      this._documentIds.set(id, id);
      this._documentCount += 1;
      this._nextId += 1;
      const lengths: number[] = [];
      this._fieldLength.set(id, lengths);
      const before = this._documentCount - 1;
      for (let field = 0; field < fieldCount; field++) {
        const from = fieldStarts[d * fieldCount + field]!;
        const to = fieldStarts[d * fieldCount + field + 1]!;
        for (let j = from; j < to; j++) {
          const t = ids[j]!;
          if (frequency[t]!++ === 0) touched.push(t);
        }
        // minisearch's field length is the number of distinct tokens, and an empty field is one empty token.
        const length = from === to ? 1 : touched.length;
        lengths[field] = length;
        // The running average exactly as minisearch updates it, so that scores are the same to the last bit.
        this._avgFieldLength[field] = ((this._avgFieldLength[field] || 0) * before + length) / (before + 1);
        for (const t of touched) {
          const key = t * fieldCount + field;
          if (perKey[key]!++ === 0) keyOrder.push(key);
          frequency[t] = 0;
        }
        total += touched.length;
        touched.length = 0;
      }
    }

    // Second pass: each posting written straight to its place, term by term (documents stay in order within a
    // key), as document and term frequency side by side.
    const start = new Int32Array(perKey.length + 1);
    for (let k = 0; k < perKey.length; k++) start[k + 1] = start[k]! + perKey[k]!;
    const next = start.slice(0, perKey.length);
    const postings = new Int32Array(2 * total);
    for (let d = 0; d < documentCount; d++) {
      const id = firstId + d;
      for (let field = 0; field < fieldCount; field++) {
        const from = fieldStarts[d * fieldCount + field]!;
        const to = fieldStarts[d * fieldCount + field + 1]!;
        for (let j = from; j < to; j++) {
          const t = ids[j]!;
          if (frequency[t]!++ === 0) touched.push(t);
        }
        for (const t of touched) {
          const at = 2 * next[t * fieldCount + field]!++;
          postings[at] = id;
          postings[at + 1] = frequency[t]!;
          frequency[t] = 0;
        }
        touched.length = 0;
      }
    }

    this.lengthsByField = Array.from({ length: fieldCount }, (_, field) => {
      const lengths = new Float64Array(this._nextId);
      for (const [id, perField] of this._fieldLength) lengths[id] = perField[field] ?? 0;
      return lengths;
    });

    // Every term enters the tree now, in the order minisearch would add it; its postings maps are filled the first
    // time the term is looked at (see `filled`).
    const keysOfTerm: (number[] | undefined)[] = [];
    for (const key of keyOrder) {
      const t = Math.floor(key / fieldCount);
      let keys = keysOfTerm[t];
      if (keys === undefined) {
        keys = [];
        keysOfTerm[t] = keys;
        const data: FieldTermData = new Map();
        this._index.set(term(t), data);
        this.unfilled.set(data, keys);
      }
      keys.push(key);
    }
    this.postings = { start, postings, fieldCount };
  }

  /**
   * A term's postings, filled in from the flat arrays on first use. Building the maps of every term at load time
   * is most of the work of a bulk load, while a search only ever looks at the few thousand terms citizens use.
   */
  private filled(data: FieldTermData): FieldTermData {
    const keys = this.unfilled.get(data);
    if (keys === undefined || this.postings === undefined) return data;
    const { start, postings, fieldCount } = this.postings;
    for (const key of keys) {
      const byDocument = new Map<number, number>();
      for (let i = start[key]!; i < start[key + 1]!; i++)
        byDocument.set(postings[2 * i]!, postings[2 * i + 1]!);
      data.set(key % fieldCount, byDocument);
    }
    this.unfilled.delete(data);
    return data;
  }

  /** Fills every term (before minisearch's own methods walk the index). */
  private fillAll(): void {
    for (const data of [...this.unfilled.keys()]) this.filled(data);
  }

  private readonly unfilled = new Map<FieldTermData, number[]>();
  /** Postings of key k (term id × fields + field) at start[k] .. start[k + 1] - 1: document, term frequency. */
  private postings?: { start: Int32Array; postings: Int32Array; fieldCount: number };

  /** minisearch's search, on a filled index. */
  override search(query: Query, options?: SearchOptions): SearchResult[] {
    this.fillAll();
    return super.search(query, options);
  }

  /** minisearch's serialisation, of a filled index. */
  override toJSON(): AsPlainObject {
    this.fillAll();
    return super.toJSON();
  }

  /**
   * Scores the documents for the query terms exactly as minisearch's `search(query, { boost, bm25, prefix,
   * boostTerm, weights })` does (BM25+ per field, prefix matches weighed by length, the sum over terms multiplied by
   * the number of query terms matched), with the same result to the last bit and the same order (a unit test
   * compares the two). It is several times faster on a large knowledge base: `search` builds a result object, a
   * term list and a match record for every posting of every term and merges them term by term, while here scores
   * add up in arrays and the match details are worked out only for the documents a caller looks at.
   */
  score(queries: readonly TermQuery[], options: ScoreOptions): Scoring {
    const fieldNames = Object.keys(this._fieldIds);
    const { total, partial, lastQuery, matched } = this.scratch();
    const order: number[] = [];
    const touched: number[] = [];
    const { k, b, d } = options.bm25;
    const count = this._documentCount;
    const expansions = queries.map((q) => this.expand(q, options.prefixWeight));
    expansions.forEach((terms, qi) => {
      const boost = queries[qi]!.boost;
      for (const { weight, data } of terms) {
        for (let field = 0; field < fieldNames.length; field++) {
          const postings = data.get(field);
          if (postings === undefined) continue;
          const fieldBoost = options.fieldBoosts[field]!;
          const lengths = this.lengthsByField[field]!;
          const average = this._avgFieldLength[field]!;
          const matching = postings.size;
          const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
          postings.forEach((tf, doc) => {
            const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]!) / average)));
            // The same products in the same order as minisearch (its document boost is 1 here).
            const weighted = weight * boost * fieldBoost * 1 * raw;
            if (lastQuery[doc] === qi) {
              partial[doc]! += weighted;
            } else {
              lastQuery[doc] = qi;
              partial[doc] = weighted;
              touched.push(doc);
            }
          });
        }
      }
      for (const doc of touched) {
        if (matched[doc] === 0) {
          order.push(doc);
          total[doc] = partial[doc]!;
        } else {
          total[doc] = total[doc]! + partial[doc]!;
        }
        matched[doc]! += 1;
      }
      touched.length = 0;
    });
    // In order of first match, as minisearch collects them; callers sort (see `byScore`).
    const documents = order.map((id) => ({ id, score: total[id]! * matched[id]! }));
    for (const id of order) {
      matched[id] = 0;
      lastQuery[id] = -1;
    }

    const details = (id: number): MatchDetails => {
      const match: Record<string, string[]> = {};
      const queryTerms: string[] = [];
      expansions.forEach((terms, qi) => {
        const found: Record<string, string[]> = {};
        let any = false;
        for (const { term, data } of terms) {
          for (let field = 0; field < fieldNames.length; field++) {
            if (!data.get(field)?.has(id)) continue;
            any = true;
            if (Object.hasOwn(found, term)) found[term]!.push(fieldNames[field]!);
            else found[term] = [fieldNames[field]!];
          }
        }
        if (!any) return;
        Object.assign(match, found);
        if (!queryTerms.includes(queries[qi]!.term)) queryTerms.push(queries[qi]!.term);
      });
      return { terms: Object.keys(match), queryTerms, match };
    };
    return { documents, details };
  }

  /**
   * Per-document accumulators, allocated once per index and left zeroed after each scoring (allocating them per
   * query would give the garbage collector megabytes a second on a large knowledge base).
   */
  private scratch() {
    const n = this._nextId;
    if (this.accumulators?.total.length !== n) {
      this.accumulators = {
        total: new Float64Array(n),
        partial: new Float64Array(n),
        lastQuery: new Int32Array(n).fill(-1),
        matched: new Int32Array(n),
      };
    }
    return this.accumulators;
  }

  private accumulators?: {
    total: Float64Array;
    partial: Float64Array;
    lastQuery: Int32Array;
    matched: Int32Array;
  };

  /** The indexed terms a query term reaches, in the order minisearch visits them. */
  private expand(q: TermQuery, prefixWeight: number): Expansion[] {
    const out: Expansion[] = [];
    const exact = this._index.get(q.term);
    if (exact !== undefined) out.push({ term: q.term, weight: 1, data: this.filled(exact) });
    if (q.prefix) {
      for (const [term, data] of this._index.atPrefix(q.term)) {
        const distance = term.length - q.term.length;
        if (!distance) continue;
        const weight = (prefixWeight * term.length) / (term.length + 0.3 * distance);
        out.push({ term, weight, data: this.filled(data) });
      }
    }
    return out;
  }

  /** The field numbers in which document `id` contains `term`. */
  fieldsWith(term: string, id: number): number[] {
    const data = this._index.get(term);
    if (!data) return [];
    const fields: number[] = [];
    for (const [fieldId, docs] of this.filled(data)) if (docs.has(id)) fields.push(fieldId);
    return fields;
  }
}
