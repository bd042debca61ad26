/**
 * The bench's profile summary (`npm run bench -- --profile DIR`) must name our own functions with their callees,
 * whether the assistant ran from src/ (tsx) or from the build in dist/ (the default), and must not take a
 * dependency's own dist/ folder for ours.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { summariseCpuProfile } from '../../../scripts/bench/summarise-cpu-profile.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** root → processBatch (ours, built) → rank (ours) → lookup (a dependency's dist/); each sample one frame. */
function writeProfile(ownFolder: 'src' | 'dist'): string {
  dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
    id,
    callFrame: { functionName, url, lineNumber: 9 },
    children,
  });
  const ext = ownFolder === 'src' ? 'ts' : 'js';
  const profile = {
    nodes: [
      frame(1, '(root)', '', [2]),
      frame(2, 'processBatch', `file:///app/${ownFolder}/app/dialog-runner.${ext}`, [3]),
      frame(3, 'rank', `file:///app/${ownFolder}/search/knowledge-index.${ext}`, [4]),
      frame(4, 'lookup', 'file:///app/node_modules/minisearch/dist/es/index.js'),
    ],
    samples: [2, 3, 4, 4],
    timeDeltas: [1000, 1000, 1000, 1000],
    startTime: 0,
    endTime: 4000,
  };
  const path = join(dir, 'main.cpuprofile');
  writeFileSync(path, JSON.stringify(profile));
  return path;
}

const inclusiveSection = (summary: string) =>
  summary.slice(summary.indexOf('our functions with their callees'));

it.each(['src', 'dist'] as const)('names our functions from %s/ with their callees', (folder) => {
  const section = inclusiveSection(summariseCpuProfile(writeProfile(folder)));
  const ext = folder === 'src' ? 'ts' : 'js';
  expect(section).toContain(`100.0%  processBatch ${folder}/app/dialog-runner.${ext}:10`);
  expect(section).toContain(`75.0%  rank ${folder}/search/knowledge-index.${ext}:10`);
  expect(section).not.toContain('lookup');
});

it('counts only the measured phases when given their window', () => {
  // Samples 1 ms apart: processBatch at 1 ms, rank at 2 ms, lookup at 3 and 4 ms. A window of 1.5–3.5 ms holds
  // rank and one lookup: the start's processBatch sample is left out.
  const summary = summariseCpuProfile(writeProfile('dist'), 20, { fromMs: 1.5, toMs: 3.5 });
  expect(summary).toContain('CPU 0.0 s sampled in the measured phases (0.0–0.0 s of the process)');
  const section = inclusiveSection(summary);
  expect(section).toContain('100.0%  processBatch dist/app/dialog-runner.js:10');
  expect(section).toContain('100.0%  rank dist/search/knowledge-index.js:10');
  expect(summary).toContain('50.0%  lookup node_modules/minisearch/dist/es/index.js:10');
});
