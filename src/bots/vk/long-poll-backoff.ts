/**
 * Exponential back-off with a cap, for the long-poll loop. node-vk-bot-api retries at once after every error
 * (PLATFORMS.md: ~13,000 requests in 2 s with the API down); this bounds the rate while VK is unreachable.
 */

export interface BackoffOptions {
  /** First delay after a failure. */
  initialMs: number;
  /** Longest delay between attempts. */
  maxMs: number;
  factor: number;
  /** Fraction of the delay taken off at random (0..1), so many instances do not retry in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.2 };

export class Backoff {
  private failures = 0;
  private readonly options: BackoffOptions;

  constructor(
    options: Partial<BackoffOptions> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
  }

  /** Consecutive failures since the last success. */
  get attempts(): number {
    return this.failures;
  }

  reset(): void {
    this.failures = 0;
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  nextDelayMs(): number {
    const { initialMs, maxMs, factor, jitter } = this.options;
    const base = Math.min(maxMs, initialMs * factor ** this.failures);
    this.failures += 1;
    return Math.round(base * (1 - jitter * this.random()));
  }

  /** Records a failure and waits; resolves early (without throwing) when `signal` aborts. */
  wait(signal: AbortSignal): Promise<void> {
    const delay = this.nextDelayMs();
    return sleep(delay, signal);
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
