/**
 * `npx tsx scripts/bench-search-snapshot.ts [tree] <out-file>` — writes everything the search says about the
 * bench's messages to a file: on the real knowledge base and on the generated one of 10,000 entries, each message's
 * region, section request and full explanation (with and without the region), a hash of the whole ranking, and
 * the analyser's document terms. Run it on two versions of the code (`tree` is the root of a checkout, default this
 * one) and compare the files byte for byte: a speed-up must leave them identical.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [treeArg, outArg] = process.argv.length > 3 ? process.argv.slice(2) : [undefined, process.argv[2]];
if (!outArg) {
  console.error('usage: npx tsx scripts/bench-search-snapshot.ts [tree] <out-file>');
  process.exit(2);
}
/** This checkout: the messages come from here, so that both versions answer the same ones. */
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tree = resolve(treeArg ?? here);
const load = (path: string) => import(resolve(tree, path));

type BuildSearch = typeof import('../src/app/build-search.js');
type Knowledge = typeof import('../src/knowledge/knowledge-base.js');
type Material = typeof import('./bench-search-material.js');
type Index = typeof import('../src/search/knowledge-index.js');
type Data = typeof import('../src/search/search-data.js');
type Config = typeof import('../src/search/search-config.js');
type Tuned = import('../src/search/knowledge-search.js').TunedKnowledgeSearch;
type Base = import('../src/knowledge/knowledge-base.js').KnowledgeBase;

const { createSearchBuilder }: BuildSearch = await load('src/app/build-search.ts');
const { createKnowledgeBase, loadKnowledgeBase }: Knowledge = await load('src/knowledge/knowledge-base.ts');
const { random, realQueries, syntheticEntries }: Material = await import('./bench-search-material.js');
const { buildKnowledgeIndex }: Index = await load('src/search/knowledge-index.ts');
const { loadSearchResources }: Data = await load('src/search/search-data.ts');
const { resolveSearchConfig }: Config = await load('src/search/search-config.ts');

const dataDir = resolve(tree, 'data');
const { kb } = loadKnowledgeBase(dataDir);
const rnd = random(20260312);
const queries = realQueries(kb.entries, rnd);
for (const file of [
  resolve(here, '../shared/kb/eval/dev.jsonl'),
  resolve(here, 'tests/fixtures/eval/holdout-own.jsonl'),
]) {
  for (const line of readFileSync(file, 'utf8').split('\n'))
    if (line.trim()) queries.push(JSON.parse(line).q);
}

const lines: string[] = [];
const hash = (x: unknown) => createHash('sha1').update(JSON.stringify(x)).digest('hex');

function snapshot(label: string, base: Base, messages: readonly string[]): void {
  const { search, understanding } = createSearchBuilder(dataDir)(base);
  const tuned = search as Tuned;
  const resources = loadSearchResources(dataDir);
  const index = buildKnowledgeIndex(base.entries, resources, resolveSearchConfig(resources.config));
  for (const q of messages) {
    const region = understanding.region(q);
    const ranked = index.rank(index.analyzer.analyseQuery(q).terms);
    const record = {
      q,
      region,
      section: understanding.sectionRequest(q),
      explained: tuned.explain(q, region ? { region } : {}),
      withoutRegion: tuned.explain(q),
      ranking: hash(ranked),
      ranked: ranked.length,
    };
    lines.push(`${label}\t${JSON.stringify(record)}`);
  }
  lines.push(`${label}\tlexicon size\t${tuned.analyzer.lexicon.size}`);
  for (const q of messages.slice(0, 300)) {
    lines.push(`${label}\tdocument terms\t${JSON.stringify(tuned.analyzer.documentTerms(q))}`);
  }
}

snapshot('real', kb, queries);
const entries = syntheticEntries(kb.entries, 10_000, rnd);
const synthetic = createKnowledgeBase(kb.taxonomy, entries, kb.figures);
snapshot(
  'generated',
  synthetic,
  Array.from({ length: 600 }, () => queries[Math.floor(rnd() * queries.length)]!),
);
writeFileSync(outArg, `${lines.join('\n')}\n`);
console.log(`${lines.length} lines written to ${outArg}`);
