/**
 * grammY's Node build types its `signal` parameters with the `abort-controller` polyfill, whose AbortSignal type
 * differs from Node's own; at run time grammY only needs `aborted` and `addEventListener`, which Node's has.
 */
import type { Api } from 'grammy';
import { callWithTimeout } from '../call-timeout.js';

export type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;

/** A Node AbortSignal, typed for grammY's API methods. */
export function apiSignal(signal: AbortSignal): ApiSignal {
  return signal as unknown as ApiSignal;
}

/** Runs one API call under a time limit (see callWithTimeout), with the signal typed for grammY. */
export function withTimeout<T>(ms: number, call: (signal: ApiSignal) => Promise<T>): Promise<T> {
  return callWithTimeout(ms, (signal) => call(apiSignal(signal)));
}
