import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_CONFIG, resolveSearchConfig } from '../../../src/search/search-config.js';
import { loadSearchResources, SearchDataError } from '../../../src/search/search-data.js';
import { PROJECT_DATA_DIR } from './fixtures/fixture-search.js';

const dirs: string[] = [];
/** A copy of the project's data/search in a temporary data dir, to break one file at a time. */
function copyOfSearchData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-data-'));
  dirs.push(dir);
  cpSync(join(PROJECT_DATA_DIR, 'search'), join(dir, 'search'), { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadSearchResources', () => {
  it('loads the shipped data', () => {
    const r = loadSearchResources(PROJECT_DATA_DIR);
    expect(r.synonyms.length).toBeGreaterThan(20);
    expect(r.intents.intents.human.length).toBeGreaterThan(0);
    expect(Object.keys(r.regions.regions).sort()).toEqual(['perm', 'volgograd']);
  });

  it('names the file when one is malformed', () => {
    const dir = copyOfSearchData();
    writeFileSync(join(dir, 'search', 'synonyms.yaml'), 'groups:\n  - variants: [a]\n');
    expect(() => loadSearchResources(dir)).toThrow(SearchDataError);
    expect(() => loadSearchResources(dir)).toThrow(/synonyms\.yaml/);
  });

  it('names a hint key it does not know instead of leaving the rule out silently', () => {
    // «and_also:» was a curator's guess at a second condition: the rule was loaded without it and matched too widely.
    const dir = copyOfSearchData();
    writeFileSync(
      join(dir, 'search', 'topic-hints.yaml'),
      "hints:\n  - when: 'субсиди*'\n    and_also: 'долг*'\n    boost: { housing-utility-subsidy: 1.5 }\n",
    );
    expect(() => loadSearchResources(dir)).toThrow(/topic-hints\.yaml[\s\S]*and_also/);
  });

  it('rejects a bad regular expression in an intent rule', () => {
    const dir = copyOfSearchData();
    writeFileSync(
      join(dir, 'search', 'intents.yaml'),
      "welfare: ['пособ*']\nintents:\n  crisis: [{ regex: '(' }]\n  personal_case: []\n  human: []\n  off_topic: []\n",
    );
    expect(() => loadSearchResources(dir)).toThrow(/bad regex/);
  });

  it('reads threshold overrides from search-config.yaml, keeping the other defaults', () => {
    const dir = copyOfSearchData();
    writeFileSync(
      join(dir, 'search', 'search-config.yaml'),
      'bands:\n  answer: 0.7\nboosts: { body: 0.1 }\n',
    );
    const config = resolveSearchConfig(loadSearchResources(dir).config);
    expect(config.bands.answer).toBe(0.7);
    expect(config.bands.clarify).toBe(DEFAULT_SEARCH_CONFIG.bands.clarify);
    expect(config.boosts.body).toBe(0.1);
    expect(config.boosts.questions).toBe(DEFAULT_SEARCH_CONFIG.boosts.questions);
  });

  it('works without search-config.yaml', () => {
    const dir = copyOfSearchData();
    rmSync(join(dir, 'search', 'search-config.yaml'));
    expect(loadSearchResources(dir).config).toEqual({});
  });
});

describe('resolveSearchConfig', () => {
  it('lets later overrides win', () => {
    const c = resolveSearchConfig({ bands: { answer: 0.6 } }, { bands: { answer: 0.65 }, clarifyHits: 2 });
    expect(c.bands.answer).toBe(0.65);
    expect(c.clarifyHits).toBe(2);
    expect(DEFAULT_SEARCH_CONFIG.bands.answer).not.toBe(0.65);
  });
});
