/**
 * grammY's Node build types its `signal` parameters with the `abort-controller` polyfill, whose AbortSignal type
 * differs from Node's own; at run time grammY only needs `aborted` and `addEventListener`, which Node's has.
 */
import type { Api } from 'grammy';

export type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;

/** A Node AbortSignal, typed for grammY's API methods. */
export function apiSignal(signal: AbortSignal): ApiSignal {
  return signal as unknown as ApiSignal;
}

/** A signal that aborts the call after `ms` milliseconds (its timer does not keep the process alive). */
export function timeoutSignal(ms: number): ApiSignal {
  return apiSignal(AbortSignal.timeout(ms));
}
