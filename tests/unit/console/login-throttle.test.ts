/** The login limit: only failures count, per address and login name, over a sliding minute; parallel guesses too. */
import { describe, expect, it } from 'vitest';
import { createLoginThrottle, type LoginThrottle } from '../../../src/console/auth/login-throttle.js';

const OFFICE = '203.0.113.7';

function fail(throttle: LoginThrottle, address: string, login: string, times = 1): void {
  for (let i = 0; i < times; i++) {
    const attempt = throttle.begin(address, login);
    expect(attempt, `attempt ${i + 1} of ${login}`).not.toHaveProperty('retryAfterMs');
  }
}

function waitOf(throttle: LoginThrottle, address: string, login: string): number {
  const attempt = throttle.begin(address, login);
  return 'retryAfterMs' in attempt ? attempt.retryAfterMs : 0;
}

describe('the login throttle', () => {
  it('never counts logins that succeed: a whole office behind one address logs in at 9:00', () => {
    const throttle = createLoginThrottle({ maxFailures: 5, clock: () => 1_000 });
    for (let i = 0; i < 50; i++) {
      const attempt = throttle.begin(OFFICE, `consultant${i % 12}`);
      if ('retryAfterMs' in attempt) throw new Error(`login ${i} was refused`);
      attempt.succeeded();
    }
  });

  it('refuses a name from an address after its failures until the oldest is a minute old; other names go on', () => {
    let now = 0;
    const throttle = createLoginThrottle({ maxFailures: 3, clock: () => now });
    fail(throttle, OFFICE, 'maria');
    now = 10_000;
    fail(throttle, OFFICE, 'Maria ', 2); // the same name, typed differently
    now = 20_000;
    expect(waitOf(throttle, OFFICE, 'maria')).toBe(40_000);
    expect(waitOf(throttle, '198.51.100.1', 'maria')).toBe(0);
    expect(waitOf(throttle, OFFICE, 'oleg')).toBe(0);
    now = 60_001;
    expect(waitOf(throttle, OFFICE, 'maria')).toBe(0);
  });

  it('a success forgives the failures of that name at that address', () => {
    const throttle = createLoginThrottle({ maxFailures: 3, clock: () => 0 });
    fail(throttle, OFFICE, 'maria', 2);
    const right = throttle.begin(OFFICE, 'maria');
    if ('retryAfterMs' in right) throw new Error('refused');
    right.succeeded();
    fail(throttle, OFFICE, 'maria', 3);
    expect(waitOf(throttle, OFFICE, 'maria')).toBeGreaterThan(0);
  });

  it('counts an attempt from its start, so guesses sent at once cannot all get in', () => {
    const throttle = createLoginThrottle({ maxFailures: 3, clock: () => 0 });
    const started = Array.from({ length: 10 }, () => throttle.begin(OFFICE, 'maria'));
    expect(started.filter((a) => !('retryAfterMs' in a))).toHaveLength(3);
  });

  it('caps one address over all names at four times the limit (no spraying one password over every login)', () => {
    const throttle = createLoginThrottle({ maxFailures: 2, clock: () => 0 });
    for (let i = 0; i < 4; i++) fail(throttle, OFFICE, `name${i}`, 2);
    expect(waitOf(throttle, OFFICE, 'name9')).toBe(60_000);
    expect(waitOf(throttle, '198.51.100.1', 'name9')).toBe(0);
  });

  it('stays bounded: the least recently failing keys are forgotten first', () => {
    const throttle = createLoginThrottle({ maxFailures: 1, clock: () => 0 });
    fail(throttle, '192.0.2.1', 'first');
    for (let i = 0; i < 10_000; i++) fail(throttle, `10.0.${i >> 8}.${i & 255}`, 'x');
    expect(waitOf(throttle, '192.0.2.1', 'first')).toBe(0);
    expect(waitOf(throttle, '10.0.39.15', 'x')).toBe(60_000);
  });
});
