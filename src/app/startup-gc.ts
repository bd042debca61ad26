/**
 * One full garbage collection between building the assistant and taking traffic.
 *
 * Loading the knowledge base and building its indexes leaves ~20 MB of garbage in the old space, with temporaries
 * still live when V8 happens to look. V8 sizes the old space from what it finds live at a full collection: one
 * taken in the middle of the build, or in the first burst of load on top of the start's garbage, set the limit at
 * 66-70 MB instead of ~48 and the process peaked 20-30 MB higher (one bench run in four or five). Collected here,
 * the limit follows the ~31 MB that stays live.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectStartupGarbage(): void {
  // No public API starts a collection; a context made while --expose-gc is on has `gc`. The flag is switched off
  // again at once, so contexts made later (the messenger thread's) do not get it.
  setFlagsFromString('--expose-gc');
  try {
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') gc();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
