/**
 * `random_id` for messages.send. VK drops a message whose random_id repeats in the same dialog (it treats it as
 * a resend), so node-vk-bot-api's `Date.now()` loses the second of two messages sent in one millisecond
 * (PLATFORMS.md: 198 of 200 same-tick pairs collided). Ours is time-based, so a restarted process does not reuse
 * recent ids, but strictly increasing within the process, and it stays within VK's signed 32-bit field.
 */

const MAX_RANDOM_ID = 2 ** 31 - 1;

export interface RandomIdSource {
  next(): number;
}

/** Milliseconds (mod 2^31, so it wraps every ~24.8 days) or the previous id + 1, whichever is larger. */
export function createRandomIdSource(now: () => number = Date.now): RandomIdSource {
  let last = 0;
  return {
    next() {
      const fromClock = now() % MAX_RANDOM_ID;
      let id = fromClock > last ? fromClock : last + 1;
      if (id > MAX_RANDOM_ID) id = 1;
      last = id;
      return id;
    },
  };
}

/** One source per process, shared by every VK channel of the process, so ids never repeat within it. */
export const processRandomIds: RandomIdSource = createRandomIdSource();
