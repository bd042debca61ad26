import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { createKnowledgeSearch } from '../../../src/search/knowledge-search.js';
import { memoizeSearch } from '../../../src/search/memoized-search.js';
import type { KnowledgeSearch, SearchContext, SearchOutcome } from '../../../src/search/search-types.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));
const { kb } = loadKnowledgeBase(DATA_DIR);
const tuned = createKnowledgeSearch(kb, { dataDir: DATA_DIR });

/** Counts the searches that reach the real search. */
function counted(): { search: KnowledgeSearch; calls: () => number } {
  let calls = 0;
  return {
    search: {
      search: (query: string, context?: SearchContext): SearchOutcome => {
        calls += 1;
        return tuned.search(query, context);
      },
    },
    calls: () => calls,
  };
}

describe('the remembered search', () => {
  it('gives the same outcome as the search for every question, region and year, asked once or again', () => {
    const memo = memoizeSearch(tuned, 50);
    const questions = kb.entries.flatMap((e) => e.questions.slice(0, 2)).slice(0, 120);
    const contexts: (SearchContext | undefined)[] = [
      undefined,
      { currentYear: 2026 },
      { region: 'perm', currentYear: 2026 },
      { region: 'volgograd', currentYear: 2026 },
      { region: 'other', currentYear: 2027 },
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const question of questions) {
        for (const context of contexts) {
          expect(memo.search(question, context), `${question} ${JSON.stringify(context)}`).toEqual(
            tuned.search(question, context),
          );
        }
      }
    }
  });

  it('asks the search once for a question asked again in the same region and year', () => {
    const { search, calls } = counted();
    const memo = memoizeSearch(search);
    memo.search('единое пособие', { region: 'perm', currentYear: 2026 });
    memo.search('единое пособие', { region: 'perm', currentYear: 2026 });
    expect(calls()).toBe(1);
    // Another region ranks regional entries differently: searched anew.
    const perm = memo.search('прожиточный минимум', { region: 'perm', currentYear: 2026 });
    const volgograd = memo.search('прожиточный минимум', { region: 'volgograd', currentYear: 2026 });
    expect(calls()).toBe(3);
    expect(perm.hits[0]?.entryId).not.toBe(volgograd.hits[0]?.entryId);
  });

  it('forgets the least recently asked question first, and keeps to its size', () => {
    const { search, calls } = counted();
    const memo = memoizeSearch(search, 2);
    memo.search('пенсия');
    memo.search('субсидия на жкх');
    memo.search('пенсия'); // now the most recent
    memo.search('материнский капитал'); // forgets «субсидия на жкх»
    expect(calls()).toBe(3);
    memo.search('пенсия');
    expect(calls()).toBe(3);
    memo.search('субсидия на жкх');
    expect(calls()).toBe(4);
  });

  it('searches long letters every time and keeps the tuned search’s other parts', () => {
    const { search, calls } = counted();
    const memo = memoizeSearch(search);
    const letter = `Здравствуйте. ${'Я пенсионерка, живу одна, пенсия маленькая. '.repeat(6)}Что мне положено?`;
    memo.search(letter);
    memo.search(letter);
    expect(calls()).toBe(2);
    const memoTuned = memoizeSearch(tuned);
    expect(memoTuned.analyzer).toBe(tuned.analyzer);
    expect(memoTuned.explain('пенсия').outcome).toEqual(memoTuned.search('пенсия'));
  });

  it('hands out an outcome nobody can change for the next citizen', () => {
    const memo = memoizeSearch(tuned);
    const outcome = memo.search('единое пособие');
    expect(() => {
      (outcome.hits as { entryId: string }[]).push({ entryId: 'x' });
    }).toThrow();
    expect(() => {
      (outcome.hits[0] as { score: number }).score = 0;
    }).toThrow();
    expect(memo.search('единое пособие')).toEqual(tuned.search('единое пособие'));
  });
});
