/**
 * `npm run bench:search` — how fast the tuned search is. Prints query latency on the real knowledge base (the
 * entries' own questions with typos, wrong keyboard layout, greetings and long letters around them), query
 * latency and index build time on a generated knowledge base of 10,000 entries shaped like the real ones, and the
 * process memory. The last line is one JSON object. It measures; it does not judge (see `npm run eval` for quality).
 */
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeEntry } from '../src/knowledge/entry.js';
import { createKnowledgeBase, loadKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { toWrongLayout } from '../src/search/keyboard-layout.js';
import { createKnowledgeSearch } from '../src/search/knowledge-search.js';
import { loadSearchResources } from '../src/search/search-data.js';
import type { KnowledgeSearch } from '../src/search/search-types.js';

const SYNTHETIC_ENTRIES = 10_000;
const SYNTHETIC_QUERIES = 1_000;

/** A small deterministic generator (mulberry32), so that runs are comparable. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'абвгдежзийклмнопрстуфхцчшщыьэюя';

/** One typo in a random word of 4+ letters: a swap, a missing, a doubled or a wrong letter. */
function withTypo(text: string, rnd: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
  if (candidates.length === 0) return text;
  const [word, index] = candidates[Math.floor(rnd() * candidates.length)]!;
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  const kind = Math.floor(rnd() * 4);
  const typo =
    kind === 0
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 2
          ? word.slice(0, at) + word[at] + word.slice(at)
          : word.slice(0, at) + LETTERS[Math.floor(rnd() * LETTERS.length)] + word.slice(at + 1);
  words[index] = typo;
  return words.join(' ');
}

const OPENINGS = ['здравствуйте подскажите пожалуйста', 'добрый день', 'вопрос', 'помогите разобраться'];
const LETTER_MIDDLE =
  'живу одна, пенсия небольшая, дети далеко, соседка сказала что надо обратиться к вам, я плохо разбираюсь в интернете';

/** The entries' own questions, varied the way citizens write them. */
function realQueries(entries: readonly KnowledgeEntry[], rnd: () => number): string[] {
  const queries: string[] = [];
  for (const e of entries) {
    for (const q of e.questions) {
      queries.push(q, withTypo(q, rnd), toWrongLayout(q));
      queries.push(`${OPENINGS[Math.floor(rnd() * OPENINGS.length)]} ${q}`);
    }
    queries.push(`Здравствуйте. ${LETTER_MIDDLE}. ${e.questions.join('. ')}. Спасибо.`);
  }
  return queries;
}

/**
 * Entries shaped like the real ones (same fields and lengths), with a quarter of the words replaced from a
 * vocabulary of 30,000 made-up words so that the index has a realistic number of distinct terms.
 */
function syntheticEntries(real: readonly KnowledgeEntry[], n: number, rnd: () => number): KnowledgeEntry[] {
  const syllables = [
    'ра',
    'но',
    'ве',
    'ли',
    'ко',
    'ст',
    'пр',
    'ме',
    'да',
    'то',
    'ни',
    'ка',
    'ло',
    'ре',
    'ми',
    'за',
  ];
  const endings = ['ов', 'ая', 'ие', 'ый', 'ом', 'ах', 'и', 'а'];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const vocabulary = Array.from(
    { length: 30_000 },
    () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join('') + pick(endings),
  );
  const mutate = (text: string) =>
    text
      .split(' ')
      .map((w) => (rnd() < 0.25 ? vocabulary[Math.floor(rnd() ** 2 * vocabulary.length)]! : w))
      .join(' ');
  return Array.from({ length: n }, (_, i) => {
    const base = real[i % real.length]!;
    return {
      ...base,
      id: `synthetic-${i}`,
      title: mutate(base.title),
      questions: base.questions.map(mutate),
      keywords: base.keywords.map(mutate),
      short: mutate(base.short),
      sections: Object.fromEntries(Object.entries(base.sections).map(([k, v]) => [k, mutate(v)])),
    };
  });
}

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
