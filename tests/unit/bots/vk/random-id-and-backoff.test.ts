import { describe, expect, it } from 'vitest';
import { Backoff, sleep } from '../../../../src/bots/vk/long-poll-backoff.js';
import { createRandomIdSource } from '../../../../src/bots/vk/random-id.js';

describe('random_id source', () => {
  it('gives distinct, increasing ids within one millisecond, all within 31 bits', () => {
    const source = createRandomIdSource(() => 1_700_000_000_000);
    const ids = Array.from({ length: 1000 }, () => source.next());
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(ids.every((id) => id > 0 && id < 2 ** 31)).toBe(true);
  });

  it('follows the clock, so a restarted process does not reuse recent ids', () => {
    let now = 1_700_000_000_000;
    const first = createRandomIdSource(() => now);
    const before = first.next();
    now += 5;
    expect(createRandomIdSource(() => now).next()).toBeGreaterThan(before);
  });

  it('wraps at 2^31 without producing 0 or a negative id', () => {
    let now = 2 ** 31 - 2;
    const source = createRandomIdSource(() => now);
    const ids = [source.next(), source.next(), source.next()];
    now = 2 ** 31 + 10;
    ids.push(source.next());
    expect(ids.every((id) => id > 0 && id < 2 ** 31)).toBe(true);
  });
});

describe('Backoff', () => {
  it('doubles up to the cap and starts over after a success', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1_000, factor: 2, jitter: 0 });
    expect(Array.from({ length: 6 }, () => backoff.nextDelayMs())).toEqual([100, 200, 400, 800, 1000, 1000]);
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(100);
  });

  it('takes at most the jitter fraction off', () => {
    const backoff = new Backoff({ initialMs: 1_000, maxMs: 1_000, jitter: 0.2 }, () => 1);
    expect(backoff.nextDelayMs()).toBe(800);
  });

  it('a wait ends early when aborted', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, abort.signal);
    abort.abort();
    await waiting;
    expect(Date.now() - started).toBeLessThan(100);
  });
});
