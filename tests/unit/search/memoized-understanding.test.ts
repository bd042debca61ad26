import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { createKnowledgeSearch } from '../../../src/search/knowledge-search.js';
import { memoizeUnderstanding } from '../../../src/search/memoized-understanding.js';
import { recentResults } from '../../../src/search/recent-results.js';
import { loadSearchResources } from '../../../src/search/search-data.js';
import type { TextUnderstanding } from '../../../src/search/search-types.js';
import { createTextUnderstanding } from '../../../src/search/text-understanding.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));
const { kb } = loadKnowledgeBase(DATA_DIR);
const resources = loadSearchResources(DATA_DIR);
const search = createKnowledgeSearch(kb, { resources });
const plain = createTextUnderstanding({ resources, kb, analyzer: search.analyzer });

/** The plain understanding, counting the readings that reach it. */
function counted(): { understanding: TextUnderstanding; calls: () => number } {
  let calls = 0;
  const count =
    <A extends unknown[], V>(read: (...args: A) => V) =>
    (...args: A): V => {
      calls += 1;
      return read(...args);
    };
  return {
    understanding: {
      sectionRequest: count(plain.sectionRequest),
      region: count(plain.region),
      place: count(plain.place),
      unlistedPlace: count((text: string) => plain.unlistedPlace?.(text) ?? false),
      otherRegionName: plain.otherRegionName,
      namesSubject: count(plain.namesSubject),
      statedTerms: count(plain.statedTerms),
      subjectWords: count(plain.subjectWords),
    },
    calls: () => calls,
  };
}

/** Every reading of one text, as the engine asks for them. */
function readAll(u: TextUnderstanding, text: string) {
  return {
    section: u.sectionRequest(text),
    bare: u.sectionRequest(text, { bare: true }),
    inQuestion: u.sectionRequest(text, { inQuestion: true }),
    region: u.region(text),
    place: u.place(text),
    unlisted: u.unlistedPlace?.(text),
    namesSubject: u.namesSubject(text),
    terms: u.statedTerms(text),
    curatedTerms: u.statedTerms(text, { curated: true }),
    subjectWords: u.subjectWords(text),
  };
}

describe('the remembered text understanding', () => {
  it('reads every text as the understanding does, the first time and again, options and all', () => {
    const memo = memoizeUnderstanding(plain, 40);
    const texts = [
      ...kb.entries.flatMap((e) => e.questions.slice(0, 1)).slice(0, 60),
      'а какие документы?',
      'а сколько платят',
      'я живу в камышине',
      'я из саратова',
      'я живу в даниловке',
      'другой регион',
      'Березники',
      'а если я не работаю',
      'в',
      '',
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const text of texts) expect(readAll(memo, text), text).toEqual(readAll(plain, text));
    }
  });

  it('reads a text once for each reading, and again only with other options', () => {
    const { understanding, calls } = counted();
    const memo = memoizeUnderstanding(understanding);
    memo.region('я живу в камышине');
    memo.region('я живу в камышине');
    memo.place('я живу в камышине');
    memo.place('я живу в камышине');
    expect(calls()).toBe(2);
    // A message naming no region is remembered too: most messages name none.
    expect(memo.region('какие документы нужны')).toBeUndefined();
    expect(memo.region('какие документы нужны')).toBeUndefined();
    expect(calls()).toBe(3);
    expect(memo.sectionRequest('а какие документы?')).toBe('documents');
    expect(memo.sectionRequest('а какие документы?', { bare: true })).toBe('documents');
    expect(memo.sectionRequest('какие документы нужны на маткапитал', { bare: true })).toBeUndefined();
    expect(memo.sectionRequest('какие документы нужны на маткапитал', { inQuestion: true })).toBe(
      'documents',
    );
    expect(memo.sectionRequest('а какие документы?')).toBe('documents');
    expect(calls()).toBe(7);
  });

  it('reads long letters every time', () => {
    const { understanding, calls } = counted();
    const memo = memoizeUnderstanding(understanding);
    const letter = `Здравствуйте. ${'Я пенсионерка, живу одна в Камышине, пенсия маленькая. '.repeat(5)}Что мне положено?`;
    expect(memo.region(letter)).toBe('volgograd');
    expect(memo.region(letter)).toBe('volgograd');
    expect(calls()).toBe(2);
  });

  it('hands out readings nobody can change for the next message', () => {
    const memo = memoizeUnderstanding(plain);
    const terms = memo.statedTerms('пособие по уходу за инвалидом');
    expect(() => (terms as string[]).push('x')).toThrow();
    const place = memo.place('я живу в камышине');
    expect(() => {
      (place as { region: string }).region = 'perm';
    }).toThrow();
    expect(memo.statedTerms('пособие по уходу за инвалидом')).toEqual(
      plain.statedTerms('пособие по уходу за инвалидом'),
    );
    expect(memo.place('я живу в камышине')?.region).toBe('volgograd');
  });
});

describe('recent results', () => {
  it('forgets the least recently used key first and keeps to its size', () => {
    const recent = recentResults<number | undefined>(2);
    let computed = 0;
    const get = (key: string, value: number | undefined) =>
      recent.get(key, () => {
        computed += 1;
        return value;
      });
    get('a', 1);
    get('b', undefined);
    expect(get('a', 99)).toBe(1); // now the most recent
    get('c', 3); // forgets «b»
    expect(computed).toBe(3);
    expect(recent.size).toBe(2);
    expect(get('a', 99)).toBe(1);
    expect(get('c', 99)).toBe(3);
    expect(computed).toBe(3);
    expect(get('b', 2)).toBe(2);
    expect(computed).toBe(4);
  });
});
