/**
 * `npm run bench:search` — how fast the tuned search is, measured on the code path the app runs: the search and
 * the understanding built by `createSearchBuilder` (as at start and on every reload), and each message handled as
 * the dialog engine does (region, then search). Prints message latency on the real knowledge base (the entries' own
 * questions with typos, wrong keyboard layout, greetings and long letters around them), latency and build time on
 * a generated knowledge base of 10,000 entries shaped like the real ones, and the process memory. The last line is
 * one JSON object. It measures; it does not judge (see `npm run eval` for quality).
 */
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSearchBuilder, type SearchParts } from '../src/app/build-search.js';
import { MAX_QUERY_CHARS } from '../src/dialogs/turn.js';
import type { KnowledgeEntry } from '../src/knowledge/entry.js';
import {
  createKnowledgeBase,
  type KnowledgeBase,
  loadKnowledgeBase,
} from '../src/knowledge/knowledge-base.js';
import { random, realQueries, syntheticEntries } from './bench-search-material.js';

const SYNTHETIC_ENTRIES = 10_000;
const SYNTHETIC_QUERIES = 1_000;

interface Latency {
  p50: number;
  p99: number;
  /**
   * The same percentiles of the process's CPU time (all threads, so the garbage collector's helpers count too and
   * it can exceed the wall-clock time): what the message costs, without the waits for a CPU another process holds.
   */
  cpuP50: number;
  cpuP99: number;
}

/**
 * Latency of one citizen's message as the dialog engine handles it (src/dialogs/transition.ts): the message cut
 * to MAX_QUERY_CHARS, the region looked for, then the search with that region.
 */
function latencies({ search, understanding }: SearchParts, queries: readonly string[]): Latency {
  const handle = (text: string) => {
    const query = text.slice(0, MAX_QUERY_CHARS);
    const region = understanding.region(query);
    search.search(query, region ? { region } : {});
  };
  for (const q of queries.slice(0, 200)) handle(q); // warm-up: let the JIT settle
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    handle(q);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...percentiles(wall), ...cpuPercentiles(cpu) };
}

function at(times: number[], p: number): number {
  return times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
}

function percentiles(times: number[]): { p50: number; p99: number } {
  times.sort((a, b) => a - b);
  return { p50: at(times, 0.5), p99: at(times, 0.99) };
}

function cpuPercentiles(times: number[]): { cpuP50: number; cpuP99: number } {
  const { p50, p99 } = percentiles(times);
  return { cpuP50: p50, cpuP99: p99 };
}

/** Builds the search as the app does on start and on every reload (search data read, index, understanding). */
function timedBuild(dataDir: string, kb: KnowledgeBase): { parts: SearchParts; ms: number; cpuMs: number } {
  const build = createSearchBuilder(dataDir);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const parts = build(kb);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { parts, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Average characters of text per entry (title, questions, keywords, short answer, sections). */
function charsPerEntry(entries: readonly KnowledgeEntry[]): number {
  const total = entries.reduce(
    (sum, e) =>
      sum + [e.title, e.short, ...e.questions, ...e.keywords, ...Object.values(e.sections)].join(' ').length,
    0,
  );
  return Math.round(total / Math.max(1, entries.length));
}

const describe = (l: Latency) =>
  `p50 ${round(l.p50, 3)} ms, p99 ${round(l.p99, 3)} ms (process CPU time: p50 ${round(l.cpuP50, 3)} ms, p99 ${round(l.cpuP99, 3)} ms)`;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function main(): void {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs (wall-clock times include waiting for the CPU)`,
  );
  const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');
  const { kb } = loadKnowledgeBase(dataDir);
  const rnd = random(20260312);

  const real = timedBuild(dataDir, kb);
  const queries = realQueries(kb.entries, rnd);
  const realLatency = latencies(real.parts, queries);
  console.log(
    `real knowledge base: ${kb.entries.length} entries (${charsPerEntry(kb.entries)} characters each), ` +
      `built in ${round(real.ms, 1)} ms; ${queries.length} messages: ${describe(realLatency)}`,
  );

  const entries = syntheticEntries(kb.entries, SYNTHETIC_ENTRIES, rnd);
  const synthetic = createKnowledgeBase(kb.taxonomy, entries, kb.figures);
  const big = timedBuild(dataDir, synthetic);
  const bigQueries = Array.from(
    { length: SYNTHETIC_QUERIES },
    () => queries[Math.floor(rnd() * queries.length)]!,
  );
  const bigLatency = latencies(big.parts, bigQueries);
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `generated knowledge base: ${SYNTHETIC_ENTRIES} entries (${charsPerEntry(entries)} characters each), ` +
      `built in ${round(big.ms, 0)} ms (${round(big.cpuMs, 0)} ms of process CPU time); ` +
      `${bigQueries.length} messages: ${describe(bigLatency)}; RSS ${round(rssMb, 0)} MB`,
  );
  console.log(
    JSON.stringify({
      real_p50_ms: round(realLatency.p50, 3),
      real_p99_ms: round(realLatency.p99, 3),
      synthetic_p99_ms: round(bigLatency.p99, 3),
      build_10k_ms: round(big.ms, 0),
      rss_mb: round(rssMb, 0),
    }),
  );
}

main();
