/**
 * The time limit of one outgoing messenger call, and the caller's own cancellation (shutdown) passed through.
 *
 * Not AbortSignal.timeout: its timer lives for the whole delay (30 s for a send) and holds a weak reference and a
 * finalization record meanwhile, so that under load every call left objects old enough to be promoted. And not
 * AbortSignal.any with a long-lived signal (the VK long poll's stop signal): on Node 20 each combined signal stays
 * in the long-lived one's set of dependants for good (nodejs/node#55351; on Node 20.20 here, 400,000 calls left
 * 400,000 behind, where Node 24 let them go). Here the timer and the listener end with the call.
 */
export async function callWithTimeout<T>(
  ms: number,
  call: (signal: AbortSignal) => Promise<T>,
  cancel?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const follow = () => controller.abort(cancel?.reason);
  if (cancel?.aborted) follow();
  else cancel?.addEventListener('abort', follow, { once: true });
  // Named like AbortSignal.timeout's reason: the connection monitors tell a timeout from a cancellation by it.
  const timer = setTimeout(
    () => controller.abort(new DOMException(`The call took longer than ${ms} ms`, 'TimeoutError')),
    ms,
  );
  // Like AbortSignal.timeout's, it does not keep the process alive (the call's socket does, while it is open).
  timer.unref();
  try {
    return await call(controller.signal);
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', follow);
  }
}
