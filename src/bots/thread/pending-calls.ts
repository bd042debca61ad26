/**
 * Calls across the thread boundary waiting for their answers, by id: the main thread's sends to the Telegram thread
 * and the Telegram thread's batches to be stored. Ids are never reused, so a late answer (for a thread that died)
 * cannot settle another call.
 */
export interface PendingCalls<T> {
  /** Starts a call: `post` sends it with its id; the promise settles with the answer. */
  open(post: (id: number) => void): Promise<T>;
  resolve(id: number, value: T): void;
  reject(id: number, error: Error): void;
  /** Fails every call still waiting (the other side is gone). */
  rejectAll(error: Error): void;
}

export function createPendingCalls<T>(): PendingCalls<T> {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();
  const take = (id: number) => {
    const call = waiting.get(id);
    waiting.delete(id);
    return call;
  };
  return {
    open: (post) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        post(id);
      }),
    resolve: (id, value) => take(id)?.resolve(value),
    reject: (id, error) => take(id)?.reject(error),
    rejectAll(error) {
      const calls = [...waiting.values()];
      waiting.clear();
      for (const call of calls) call.reject(error);
    },
  };
}
