import { expect, it } from 'vitest';
import { createMessageBatch } from '../../../../src/bots/thread/message-batch.js';

it('hands over what was queued in one turn as one batch, in order, and starts a new batch after', async () => {
  const delivered: number[][] = [];
  const queue = createMessageBatch<number>(queueMicrotask, (items) => delivered.push(items));

  for (const n of [1, 2, 3]) queue(n);
  expect(delivered).toEqual([]);
  await Promise.resolve();
  expect(delivered).toEqual([[1, 2, 3]]);

  queue(4);
  await new Promise((resolve) => setImmediate(resolve));
  expect(delivered).toEqual([[1, 2, 3], [4]]);
});
