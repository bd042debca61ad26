import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createDocumentReader } from '../../../src/search/document-reader.js';
import { byScore, StemIndex } from '../../../src/search/stem-index.js';
import { fixtureKb, projectResources } from './fixtures/fixture-search.js';

const FIELDS = ['questions', 'title', 'body'];

/** The fixture entries as term ids per field, with an empty field now and then. */
function fixtureDocuments() {
  const reader = createDocumentReader(projectResources());
  const documents = fixtureKb().entries.map((e, i) => [
    reader.read(e.questions.join(' . ')),
    i % 5 === 0 ? [] : reader.read(e.title),
    reader.read(Object.values(e.sections).join(' . ')),
  ]);
  return { reader, documents };
}

describe('StemIndex bulk load', () => {
  it('builds exactly the index minisearch builds document by document, so rankings do not change', () => {
    const { reader, documents } = fixtureDocuments();
    const loaded = new StemIndex(FIELDS);
    loaded.loadTermIds(documents, reader.termCount, reader.term);
    const added = new MiniSearch<Record<string, string | number>>({
      fields: FIELDS,
      ...StemIndex.termOptions,
    });
    added.addAll(
      documents.map((fields, id) => ({
        id,
        ...Object.fromEntries(FIELDS.map((f, k) => [f, Array.from(fields[k]!, reader.term).join(' ')])),
      })),
    );
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(added));
    const query = Array.from(documents[3]![0]!.slice(0, 4), reader.term).join(' ');
    expect(loaded.search(query, { prefix: true })).toEqual(added.search(query, { prefix: true }));
  });

  it('tells in which fields a document has a term', () => {
    const { reader, documents } = fixtureDocuments();
    const index = new StemIndex(FIELDS);
    index.loadTermIds(documents, reader.termCount, reader.term);
    const term = reader.term(documents[1]![0]![0]!);
    expect(index.fieldsWith(term, 1)).toContain(0);
    expect(index.fieldsWith('несуществующий', 1)).toEqual([]);
  });
});

describe('StemIndex scoring', () => {
  it('scores, orders and explains matches exactly as minisearch search does, prefix matches included', () => {
    const { reader, documents } = fixtureDocuments();
    const index = new StemIndex(FIELDS);
    index.loadTermIds(documents, reader.termCount, reader.term);
    const boosts = { questions: 3, title: 2, body: 0.4 };
    const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
    const queries = [
      Array.from(documents[2]![0]!.slice(0, 5), reader.term),
      Array.from(documents[7]![2]!.slice(3, 12), reader.term),
      [reader.term(documents[4]![0]![0]!).slice(0, 5), 'несуществ'],
    ];
    for (const terms of queries) {
      const unique = [...new Set(terms)];
      const boostOf = (t: string) => 1 - unique.indexOf(t) / 10;
      // Scored first: the index fills a term's postings on first use, and minisearch's search fills them all.
      const scoring = index.score(
        unique.map((t) => ({ term: t, boost: boostOf(t), prefix: t.length >= 4 })),
        { fieldBoosts: [3, 2, 0.4], bm25, prefixWeight: 0.3 },
      );
      const expected = index.search(unique.join(' '), {
        boost: boosts,
        bm25,
        prefix: (t) => t.length >= 4,
        weights: { prefix: 0.3, fuzzy: 0 },
        boostTerm: boostOf,
      });
      const ranked = [...scoring.documents].sort(byScore);
      expect(ranked.map((r) => [r.id, r.score])).toEqual(expected.map((r) => [r.id, r.score]));
      for (const r of expected) {
        expect(scoring.details(r.id)).toEqual({ terms: r.terms, queryTerms: r.queryTerms, match: r.match });
      }
      expect(expected.length).toBeGreaterThan(0);
    }
  });
});
