/** `npm run bench` is an operator's command: a mistyped option gets a one-line reason and the usage, not a stack. */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', ...args], { encoding: 'utf8' });

it('rejects an unknown option or a missing value with the usage and exit code 2, before starting anything', () => {
  for (const args of [['--citizen', '5'], ['--rate']]) {
    const run = bench(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run bench');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  }
});

it('rejects a value that is not a whole number', () => {
  const run = bench('--messages', '2e');
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--messages must be a whole number of at least 1 (got 2e)');
});

it('prints the usage on --help', () => {
  const run = bench('--help');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^usage: npm run bench/);
  expect(run.stdout).toContain('--latency-messages N');
});
