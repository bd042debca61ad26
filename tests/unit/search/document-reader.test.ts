import { describe, expect, it } from 'vitest';
import { stripMarkup } from '../../../src/search/corpus-words.js';
import { createDocumentReader } from '../../../src/search/document-reader.js';
import { IntArray } from '../../../src/search/int-array.js';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { createTextAnalyzer } from '../../../src/search/text-analyzer.js';
import { fixtureKb, projectResources } from './fixtures/fixture-search.js';

describe('document reader (knowledge-base text → index terms)', () => {
  const terms = (text: string) => {
    const reader = createDocumentReader(projectResources());
    return Array.from(reader.read(text), reader.term);
  };

  it('gives an abbreviation and its full name the same terms, as queries get them', () => {
    expect(terms('ЕП на второго ребенка')).toEqual(terms('единое пособие на второго ребенка'));
    const analyzer = createTextAnalyzer(projectResources());
    expect(terms('Маткапитал на ипотеку')).toEqual(
      analyzer.analyseQuery('маткапитал на ипотеку').terms.map((t) => t.stem),
    );
  });

  it('makes a share its own term, apart from the same number as an age, as queries do', () => {
    const analyzer = createTextAnalyzer(projectResources());
    const query = (text: string) => analyzer.analyseQuery(text).terms.map((t) => t.stem);
    expect(terms('платят 60% заработка')).toEqual(['плат', '60%', 'заработк']);
    expect(terms('платят 60 процентов заработка')).toEqual(['плат', '60%', 'процент', 'заработк']);
    expect(query('платят 60 процентов заработка')).toEqual(terms('платят 60 процентов заработка'));
    expect(query('платят 60% заработка')).toEqual(terms('платят 60% заработка'));
    expect(query('на биржу в 60 лет')).toContain('60');
    expect(query('на биржу в 60 лет')).not.toContain('60%');
    expect(terms('Пособие 😊 — 75% заработка')).toContain('75%');
  });

  it('reads capitals, ё, decimal commas, emoji and markup like the normaliser does', () => {
    const reader = createDocumentReader(projectResources());
    for (const text of [
      'Пособие по уходу до 1,5 лет. Ещё вопрос?',
      'СФР — «Госуслуги», № 81-ФЗ, 2НДФЛ',
      'Пособие 😊 на ребёнка {{fig:minimum_wage}} [сайт](https://sfr.gov.ru)',
      'пocoбие (латинские o и c), Ўзбек тили',
      'Сначала 75%, потом 60 процентов 😊',
    ]) {
      expect(Array.from(reader.read(text), reader.term)).toEqual(
        reader.termsOfWords(normalizeWords(stripMarkup(text))),
      );
    }
  });

  it('counts every word it reads for the lexicon, in normalised form', () => {
    const reader = createDocumentReader(projectResources());
    reader.read('Пособие на ребёнка. Пособие!');
    reader.read('ЕП');
    const counts = reader.counts();
    expect(counts.get('пособие')).toBe(2);
    expect(counts.get('ребенка')).toBe(1);
    expect(counts.get('еп')).toBe(1);
    expect(counts.has('Пособие')).toBe(false);
  });

  it('numbers each distinct term once', () => {
    const reader = createDocumentReader(projectResources());
    const ids = reader.read('пособия пособие пособий');
    expect(new Set(ids).size).toBe(1);
    expect(reader.term(ids[0]!)).toBe('пособ');
    expect(reader.termCount).toBe(1);
  });

  it('reads a list of texts as the texts joined with " . ", words counted alike', () => {
    const lists = [
      ['Пособие на ребёнка', 'ЕП до 1,5 лет', 'единое', 'пособие'],
      ['2', '5 лет', 'маткапитал'],
      ['материнский', 'капитал на ипотеку'],
      ['Пособие 😊 на ребёнка', 'единое пособие'],
      ['см. {{fig:minimum_wage', 'и}} пособие', '[сайт](https://sfr.gov.ru', ') ЕП'],
      ['https://sfr.gov.ru', 'http', '//x'],
      [],
      [''],
    ];
    for (const list of lists) {
      const joined = createDocumentReader(projectResources());
      const apart = createDocumentReader(projectResources());
      expect(Array.from(apart.read(list), apart.term)).toEqual(
        Array.from(joined.read(list.join(' . ')), joined.term),
      );
      expect([...apart.counts()]).toEqual([...joined.counts()]);
      expect(apart.termsOf(list)).toEqual(joined.termsOf(list.join(' . ')));
    }
  });

  it('reads texts each as readInto does and joined as one list, words found once for both', () => {
    const cases: [string[], string][] = [
      [['единое', 'ЕП на второго'], 'Пособие на ребёнка'],
      [['пособие', 'маткапитал'], 'Единое'],
      [['Пособие 😊', 'ЕП'], 'единое'],
      [['см. {{fig:x', '}} ЕП'], 'Маткапитал'],
      [[], ''],
    ];
    for (const [keywords, title] of cases) {
      const one = createDocumentReader(projectResources());
      const apart = createDocumentReader(projectResources());
      const ids = new IntArray();
      const { ends, joined } = one.readEachAndJoined([keywords, title], ids, [1, 0]);
      const expected = new IntArray();
      apart.readInto(keywords, expected);
      const keywordsEnd = expected.length;
      apart.readInto(title, expected);
      expect(ends).toEqual([keywordsEnd, expected.length]);
      // Ids are numbered in the order words are met, so the terms are compared.
      expect(Array.from(ids.toInt32Array(), one.term)).toEqual(
        Array.from(expected.toInt32Array(), apart.term),
      );
      expect([...one.counts()]).toEqual([...apart.counts()]);
      expect(Array.from(joined, one.term)).toEqual(apart.termsOf([title, ...keywords]));
    }
  });

  it('tells how many texts have each term, in the order first met, counting nothing', () => {
    const reader = createDocumentReader(projectResources());
    const texts = [['Пособие на ребёнка', 'пособия'], 'ЕП', 'единое пособие, ребенок'];
    const expected = new Map<string, number>();
    for (const text of texts) {
      for (const term of new Set(reader.termsOf(text))) expected.set(term, (expected.get(term) ?? 0) + 1);
    }
    const fresh = createDocumentReader(projectResources());
    expect([...fresh.termShares(texts)]).toEqual([...expected]);
    expect(fresh.counts().size).toBe(0);
  });

  it('reads every fixture entry to the same terms whichever way the text is split', () => {
    const reader = createDocumentReader(projectResources());
    for (const e of fixtureKb().entries) {
      for (const text of [e.title, e.short, ...Object.values(e.sections)]) {
        expect(Array.from(reader.read(text), reader.term)).toEqual(
          reader.termsOfWords(normalizeWords(stripMarkup(text))),
        );
      }
    }
  });
});
