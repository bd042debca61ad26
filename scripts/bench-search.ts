/**
 * `npm run bench:search` — how fast the tuned search is. Prints query latency on the real knowledge base (the
 * entries' own questions with typos, wrong keyboard layout, greetings and long letters around them), query
 * latency and index build time on a generated knowledge base of 10,000 entries shaped like the real ones, and the
 * process memory. The last line is one JSON object. It measures; it does not judge (see `npm run eval` for quality).
 */
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKnowledgeBase, loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { createKnowledgeSearch } from '../src/search/knowledge-search.js';
import { loadSearchResources } from '../src/search/search-data.js';
import type { KnowledgeSearch } from '../src/search/search-types.js';
import { random, realQueries, syntheticEntries } from './bench-search-material.js';

const SYNTHETIC_ENTRIES = 10_000;
const SYNTHETIC_QUERIES = 1_000;

interface Latency {
  p50: number;
  p99: number;
}

function latencies(search: KnowledgeSearch, queries: readonly string[]): Latency {
  for (const q of queries.slice(0, 200)) search.search(q); // warm-up: let the JIT settle
  const times = queries.map((q) => {
    const started = performance.now();
    search.search(q);
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

const describe = (l: Latency) => `p50 ${round(l.p50, 3)} ms, p99 ${round(l.p99, 3)} ms`;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function main(): void {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs (wall-clock times include waiting for the CPU)`,
  );
  const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');
  const resources = loadSearchResources(dataDir);
  const { kb } = loadKnowledgeBase(dataDir);
  const rnd = random(20260312);

  let started = performance.now();
  const real = createKnowledgeSearch(kb, { resources });
  const realBuildMs = performance.now() - started;
  const queries = realQueries(kb.entries, rnd);
  const realLatency = latencies(real, queries);
  console.log(
    `real knowledge base: ${kb.entries.length} entries, built in ${round(realBuildMs, 1)} ms; ` +
      `${queries.length} queries: ${describe(realLatency)}`,
  );

  const synthetic = createKnowledgeBase(
    kb.taxonomy,
    syntheticEntries(kb.entries, SYNTHETIC_ENTRIES, rnd),
    kb.figures,
  );
  started = performance.now();
  const big = createKnowledgeSearch(synthetic, { resources });
  const buildMs = performance.now() - started;
  const bigQueries = Array.from(
    { length: SYNTHETIC_QUERIES },
    () => queries[Math.floor(rnd() * queries.length)]!,
  );
  const bigLatency = latencies(big, bigQueries);
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `generated knowledge base: ${SYNTHETIC_ENTRIES} entries, built in ${round(buildMs, 0)} ms; ` +
      `${bigQueries.length} queries: ${describe(bigLatency)}; RSS ${round(rssMb, 0)} MB`,
  );
  console.log(
    JSON.stringify({
      real_p50_ms: round(realLatency.p50, 3),
      real_p99_ms: round(realLatency.p99, 3),
      synthetic_p99_ms: round(bigLatency.p99, 3),
      build_10k_ms: round(buildMs, 0),
      rss_mb: round(rssMb, 0),
    }),
  );
}

main();
