/**
 * The console's login limit: how many password guesses one client gets, counted over a sliding minute in memory.
 *
 * The rule:
 * - only failed attempts count, so a whole office behind one NAT address logging in at the start of a shift is
 *   never refused (the limit used to count every login from an address);
 * - they count per client address and login name: once a pair has failed `maxFailures` times in the last minute,
 *   its next attempts are refused (429), the right password included, until the oldest failure is a minute old;
 *   a colleague at the same address logging in under another name is not held up by someone else's typos;
 * - an address also gets at most ADDRESS_FACTOR × `maxFailures` failures a minute over all names together, so one
 *   client cannot try a common password on every login instead;
 * - an attempt counts from the moment it starts and is taken back if it succeeds, so guesses sent in parallel (each
 *   waits ~0.3 s for scrypt) cannot all slip in before the first failure is recorded.
 * Memory is bounded (MAX_KEYS per window, the least recently failed dropped first); a restart forgets everything,
 * which buys an attacker one more minute's guesses per restart at most.
 */

/** How many names' worth of failures one address may make in a minute (a few colleagues' typos, not a list). */
const ADDRESS_FACTOR = 4;
const WINDOW_MS = 60_000;
/** At most ~10,000 × 100 timestamps per window: a few MB however many addresses and names are tried. */
const MAX_KEYS = 10_000;

/** One attempt under way. */
export interface LoginAttempt {
  /** The password was right: the attempt does not count, nor do the earlier failures of this address and name. */
  succeeded(): void;
}

export interface LoginThrottle {
  /** Starts an attempt, or says how long to wait (ms) before this address may try this name again. */
  begin(address: string, login: string): LoginAttempt | { retryAfterMs: number };
}

/** Failure times per key over the last window, oldest first; keys in the order they last failed. */
class SlidingWindow {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly limit: number) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.times.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (kept.length === 0) this.times.delete(key);
    else this.times.set(key, kept);
    return kept;
  }

  /** 0 when the key is under its limit, otherwise the ms until its oldest counting failure leaves the window. */
  waitMs(key: string, now: number): number {
    const kept = this.recent(key, now);
    if (kept.length < this.limit) return 0;
    return kept[kept.length - this.limit]! + WINDOW_MS - now;
  }

  add(key: string, now: number): void {
    const kept = this.recent(key, now);
    kept.push(now);
    // Re-inserted so that the map's order is the order of the latest failure: the first key is the one to drop.
    this.times.delete(key);
    this.times.set(key, kept);
    if (this.times.size > MAX_KEYS) this.times.delete(this.times.keys().next().value!);
  }

  /** Takes back one counted attempt made at `at`. */
  remove(key: string, at: number): void {
    const kept = this.times.get(key);
    const i = kept?.indexOf(at) ?? -1;
    if (kept && i >= 0) kept.splice(i, 1);
  }

  clear(key: string): void {
    this.times.delete(key);
  }
}

export function createLoginThrottle(options: {
  /** CONSOLE_LOGIN_ATTEMPTS: failures a minute per address and login name. */
  maxFailures: number;
  clock?: () => number;
}): LoginThrottle {
  const clock = options.clock ?? Date.now;
  const byPair = new SlidingWindow(options.maxFailures);
  const byAddress = new SlidingWindow(options.maxFailures * ADDRESS_FACTOR);
  return {
    begin(address, login) {
      // Names are looked up as typed, but "Maria" and "maria" are one guesser's two tries, not two people's.
      const pair = `${address}\n${login.trim().toLowerCase()}`;
      const now = clock();
      const retryAfterMs = Math.max(byPair.waitMs(pair, now), byAddress.waitMs(address, now));
      if (retryAfterMs > 0) return { retryAfterMs };
      byPair.add(pair, now);
      byAddress.add(address, now);
      return {
        succeeded() {
          byPair.clear(pair);
          byAddress.remove(address, now);
        },
      };
    },
  };
}
