/**
 * Where the time went in a V8 CPU profile (`node --cpu-prof`): self time by function and by area (our code by
 * folder, dependencies by package, V8/Node internals), as a few text lines. Given the measured phases' window, only
 * their samples count: the start and the warm-up (loading the knowledge base, the first render of every text, V8
 * compiling the hot code) are a tenth of a profile and not what a service spends its days on.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  if (url.startsWith('node:')) return 'node:internals';
  const own = /\/(src|dist|scripts)\/((?:[^/]+\/)?)/.exec(url);
  if (own) return `${own[1]}/${own[2]!.replace(/\/$/, '') || '.'}`;
  return url;
}

/**
 * A frame's file as the summary names it: a dependency's from node_modules/ on (not from its own dist/), ours from
 * src/, dist/ or scripts/ on.
 */
const shortPath = (url: string) =>
  url.includes('/node_modules/')
    ? url.replace(/^.*\/node_modules\//, 'node_modules/')
    : url.replace(/^.*\/(src\/|dist\/|scripts\/)/, '$1');

/** Our code: src/ as tsx runs it, or dist/ as built (the bench's default), not a dependency's own dist/. */
function isOwnCode(url: string): boolean {
  return /\/(src|dist)\//.test(url) && !url.includes('/node_modules/');
}

/** A span of a process's life in ms since it was started (`--cpu-prof` starts profiling as the process starts). */
export interface ProfileWindow {
  fromMs: number;
  toMs: number;
}

export function summariseCpuProfile(path: string, top = 20, window?: ProfileWindow): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // A sample's time: the sum of the deltas before it, in µs from the profile's start.
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromMs * 1000 || at > window.toMs * 1000)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = shortPath(url);
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  // Inclusive time of our own functions (their callees included), counted once per sample even when recursive.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${shortPath(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      if (!isOwnCode(n.callFrame.url)) continue;
      const key = keyOf(n);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const list = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${pct(us)}  ${k}`);
  return [
    `CPU ${(total / 1e6).toFixed(1)} s sampled${window ? ` in the measured phases (${(window.fromMs / 1000).toFixed(1)}–${(window.toMs / 1000).toFixed(1)} s of the process)` : ''}; self time by area:`,
    ...list(byArea, 15),
    'self time by function:',
    ...list(byFunction, top),
    'our functions with their callees (src/ or dist/):',
    ...list(inclusive, top),
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  process.stdout.write(`${summariseCpuProfile(process.argv[2]!, Number(process.argv[3] ?? 30))}\n`);
}
