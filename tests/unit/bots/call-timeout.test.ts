/**
 * Every messenger call runs under a time limit, and the caller's cancellation (shutdown) reaches it. A call that
 * hangs is aborted with a TimeoutError (the connection monitors count those as trouble, unlike our own
 * cancellations); a call that ends leaves neither a timer nor a listener on the caller's long-lived signal behind,
 * so that thousands of calls a minute do not pile up either.
 */
import { getEventListeners } from 'node:events';
import { afterEach, expect, it, vi } from 'vitest';
import { callWithTimeout } from '../../../src/bots/call-timeout.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A call that settles only when its signal aborts (at once if it already has), as the HTTP clients' do. */
const hanging = (signal: AbortSignal) =>
  new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason));
  });

it('aborts a call that takes longer than the limit, with a TimeoutError', async () => {
  vi.useFakeTimers();
  const outcome = callWithTimeout(30_000, hanging).catch((error: unknown) => error);
  await vi.advanceTimersByTimeAsync(29_999);
  await vi.advanceTimersByTimeAsync(1);
  expect(await outcome).toMatchObject({ name: 'TimeoutError' });
  expect(vi.getTimerCount()).toBe(0);
});

it('leaves no timer and no listener behind once a call has answered or failed', async () => {
  vi.useFakeTimers();
  const shutdown = new AbortController();
  for (let i = 0; i < 1_000; i++) {
    await expect(callWithTimeout(30_000, async () => 'sent', shutdown.signal)).resolves.toBe('sent');
    await expect(
      callWithTimeout(30_000, async () => Promise.reject(new Error('429')), shutdown.signal),
    ).rejects.toThrow('429');
  }
  expect(vi.getTimerCount()).toBe(0);
  expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
});

it('does not abort a call that answered in time', async () => {
  vi.useFakeTimers();
  let seen: AbortSignal | undefined;
  await callWithTimeout(1_000, async (signal) => {
    seen = signal;
    return 1;
  });
  await vi.advanceTimersByTimeAsync(5_000);
  expect(seen?.aborted).toBe(false);
});

it("passes the caller's cancellation to a call in flight, and to one started after it", async () => {
  const shutdown = new AbortController();
  const inFlight = callWithTimeout(30_000, hanging, shutdown.signal).catch((error: unknown) => error);
  shutdown.abort(new Error('stopping'));
  expect(await inFlight).toMatchObject({ message: 'stopping' });
  let started = false;
  const late = callWithTimeout(
    30_000,
    (signal) => {
      started = signal.aborted;
      return hanging(signal);
    },
    shutdown.signal,
  ).catch((error: unknown) => error);
  expect(await late).toMatchObject({ message: 'stopping' });
  expect(started).toBe(true);
});
