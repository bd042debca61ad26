import { getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { collectStartupGarbage } from '../../../src/app/startup-gc.js';

it('collects what the start left behind, and leaves no gc() to code that comes later', () => {
  // ~40 MB of objects that outlive a scavenge or two while being built, then are dropped: a build's temporaries.
  let temporaries: { n: number; s: string }[][] | undefined = [];
  for (let i = 0; i < 40; i++)
    temporaries.push(Array.from({ length: 10_000 }, (_, n) => ({ n, s: `entry ${i}/${n}` })));
  const built = getHeapStatistics().used_heap_size;
  temporaries = undefined;
  collectStartupGarbage();
  const after = getHeapStatistics().used_heap_size;
  expect(built - after).toBeGreaterThan(20 * 1024 * 1024);
  expect(runInNewContext('typeof gc')).toBe('undefined');
});
