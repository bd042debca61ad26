/**
 * minisearch over terms that are already analysed, with two additions that use its documented `protected` index:
 * a bulk load, and a look-up of the fields in which one document contains one term. Document ids are positions
 * (0..n-1), which are also minisearch's internal short ids because documents are loaded once, in order, and never
 * removed.
 */
import MiniSearch from 'minisearch';

/** Term ids of one document, per field (in the order of the index's fields). */
export type DocumentTermIds = readonly (readonly number[])[];

interface IdOnly {
  id: number;
}

const splitSpaces = (text: string) => text.split(' ');
const keepTerm = (term: string) => term || null;

/** Grows like an array, stores 32-bit integers. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

export class StemIndex extends MiniSearch<IdOnly> {
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
   * laid out term by term in flat arrays, and then each term's maps are filled in one go.
   */
  loadTermIds(documents: readonly DocumentTermIds[], termCount: number, term: (id: number) => string): void {
    const fieldCount = Object.keys(this._fieldIds).length;
    const frequency = new Int32Array(termCount);
    const touched: number[] = [];
    // Postings in the order minisearch would add them: key = term id × fields + field.
    const keys = new IntList();
    const docs = new IntList();
    const freqs = new IntList();
    const perKey = new Int32Array(termCount * fieldCount);
    /** Keys in the order of their first posting: terms and fields enter the index in that order. */
    const keyOrder: number[] = [];

    for (const fields of documents) {
      const id = this._nextId;
      this._idToShortId.set(id, id);
      this._documentIds.set(id, id);
      this._documentCount += 1;
      this._nextId += 1;
      const lengths: number[] = [];
      this._fieldLength.set(id, lengths);
      const before = this._documentCount - 1;
      for (let field = 0; field < fieldCount; field++) {
        const ids = fields[field] ?? [];
        for (const t of ids) if (frequency[t]!++ === 0) touched.push(t);
        // minisearch's field length is the number of distinct tokens, and an empty field is one empty token.
        const length = ids.length === 0 ? 1 : touched.length;
        lengths[field] = length;
        // The running average exactly as minisearch updates it, so that scores are the same to the last bit.
        this._avgFieldLength[field] = ((this._avgFieldLength[field] || 0) * before + length) / (before + 1);
        for (const t of touched) {
          const key = t * fieldCount + field;
          if (perKey[key]!++ === 0) keyOrder.push(key);
          keys.push(key);
          docs.push(id);
          freqs.push(frequency[t]!);
          frequency[t] = 0;
        }
        touched.length = 0;
      }
    }

    // Counting sort of the postings by key (stable: documents stay in order within a key).
    const start = new Int32Array(perKey.length + 1);
    for (let k = 0; k < perKey.length; k++) start[k + 1] = start[k]! + perKey[k]!;
    const next = start.slice(0, perKey.length);
    const sortedDocs = new Int32Array(keys.length);
    const sortedFreqs = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const at = next[keys.data[i]!]!++;
      sortedDocs[at] = docs.data[i]!;
      sortedFreqs[at] = freqs.data[i]!;
    }

    const termData = new Map<number, Map<number, Map<number, number>>>();
    for (const key of keyOrder) {
      const t = Math.floor(key / fieldCount);
      let data = termData.get(t);
      if (data === undefined) {
        data = new Map();
        termData.set(t, data);
        this._index.set(term(t), data);
      }
      const postings = new Map<number, number>();
      for (let i = start[key]!; i < start[key + 1]!; i++) postings.set(sortedDocs[i]!, sortedFreqs[i]!);
      data.set(key % fieldCount, postings);
    }
  }

  /** The field numbers in which document `id` contains `term`. */
  fieldsWith(term: string, id: number): number[] {
    const data = this._index.get(term);
    if (!data) return [];
    const fields: number[] = [];
    for (const [fieldId, docs] of data) if (docs.has(id)) fields.push(fieldId);
    return fields;
  }
}
