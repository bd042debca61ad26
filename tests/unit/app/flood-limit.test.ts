import { describe, expect, it } from 'vitest';
import { createFloodLimiter } from '../../../src/app/flood-limit.js';

describe('flood limiter', () => {
  it('lets 20 a minute through, tells the 21st to wait once, then stays quiet while the burst lasts', () => {
    const limiter = createFloodLimiter({ perMinute: 20 });
    const verdicts = Array.from({ length: 25 }, (_, i) => limiter.check(1, 1_000 + i * 100));
    expect(verdicts.slice(0, 20)).toEqual(Array(20).fill('ok'));
    expect(verdicts.slice(20)).toEqual(['notify', 'limited', 'limited', 'limited', 'limited']);
  });

  it('answers again once the rate falls, and warns again on the next burst', () => {
    const limiter = createFloodLimiter({ perMinute: 3 });
    for (const at of [0, 1, 2]) expect(limiter.check(7, at)).toBe('ok');
    expect(limiter.check(7, 3)).toBe('notify');
    expect(limiter.check(7, 30_000)).toBe('limited');
    // A minute after the burst, only the message at 30 s is in the window.
    expect(limiter.check(7, 60_004)).toBe('ok');
    expect(limiter.check(7, 60_005)).toBe('ok');
    expect(limiter.check(7, 60_006)).toBe('notify');
  });

  it('counts each citizen separately, and a limit of 0 is off', () => {
    const limiter = createFloodLimiter({ perMinute: 1 });
    expect(limiter.check(1, 0)).toBe('ok');
    expect(limiter.check(2, 0)).toBe('ok');
    expect(limiter.check(1, 10)).toBe('notify');
    const off = createFloodLimiter({ perMinute: 0 });
    expect(Array.from({ length: 500 }, (_, i) => off.check(1, i)).every((v) => v === 'ok')).toBe(true);
  });

  it('asked again about messages it counted (their batch run again after a rollback), counts each once', () => {
    const limiter = createFloodLimiter({ perMinute: 3 });
    expect([101, 102].map((id, i) => limiter.check(5, i, id))).toEqual(['ok', 'ok']);
    // The same batch again: the same answers; counted twice, the second would have been the fourth in a minute.
    expect([101, 102].map((id, i) => limiter.check(5, i, id))).toEqual(['ok', 'ok']);
    expect(limiter.check(5, 2, 103)).toBe('ok');
    expect(limiter.check(5, 3, 104)).toBe('notify');
    expect(limiter.check(5, 4, 105)).toBe('limited');
    // 101 has left the window behind more than three newer messages: whatever it was told, the citizen is flooding.
    expect(limiter.check(5, 0, 101)).toBe('limited');
    expect(limiter.check(5, 3, 104)).toBe('notify');
  });

  it('a steady 20 a minute is never limited', () => {
    const limiter = createFloodLimiter({ perMinute: 20 });
    for (let i = 0; i < 200; i++) expect(limiter.check(3, i * 3_000)).toBe('ok');
  });
});
