import { describe, expect, it } from 'vitest';
import { createPiggybackWrites } from '../../../src/storage/piggyback-writes.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';

/** A real store whose transactions are counted (a commit each, when they do not throw). */
function countedStore() {
  const store = createSqliteStore(':memory:');
  const counted = {
    commits: 0,
    rollbacks: 0,
    transaction<T>(fn: () => T): T {
      try {
        const result = store.transaction(fn);
        counted.commits++;
        return result;
      } catch (error) {
        counted.rollbacks++;
        throw error;
      }
    },
  };
  return { store, counted };
}

/** An outbox row to mark sent (the delivery worker's write). */
function queued(store: Store, chatId: string): number {
  const citizen = store.citizens.findOrCreate('telegram', chatId, chatId, { locale: 'ru', now: 1 });
  return store.outbox.enqueue({
    citizenId: citizen.id,
    platform: 'telegram',
    chatId,
    message: { text: [{ type: 'paragraph', spans: [{ text: 'ответ' }] }] },
    now: 1,
  });
}

const statusOf = (store: Store, id: number) => store.outbox.get(id)?.status;

describe('piggyback writes', () => {
  it('ride on a transaction opened in the same turn: one commit, resolved after it', async () => {
    const { store, counted } = countedStore();
    const writes = createPiggybackWrites(counted);
    const ids = [queued(store, 'a'), queued(store, 'b')];
    const done = ids.map((id) => writes.add(() => store.outbox.markSent(id, ['m'], 2)));
    let resolvedEarly = false;
    void Promise.all(done).then(() => {
      resolvedEarly = true;
    });
    // Someone else's transaction (the dialog runner's batch) takes them aboard.
    counted
      .transaction(() => {
        const boarding = writes.board();
        queued(store, 'c');
        return boarding;
      })
      .committed();
    await Promise.all(done);
    expect(resolvedEarly).toBe(true);
    expect(ids.map((id) => statusOf(store, id))).toEqual(['sent', 'sent']);
    // Nothing was left for a transaction of their own.
    await new Promise((resolve) => setImmediate(resolve));
    expect(counted.commits).toBe(1);
  });

  it('with no transaction in the turn, the writes of that turn commit together in one of their own', async () => {
    const { store, counted } = countedStore();
    const writes = createPiggybackWrites(counted);
    const ids = [queued(store, 'a'), queued(store, 'b'), queued(store, 'c')];
    await Promise.all(ids.map((id) => writes.add(() => store.outbox.markSent(id, ['m'], 2))));
    expect(ids.map((id) => statusOf(store, id))).toEqual(['sent', 'sent', 'sent']);
    expect(counted.commits).toBe(1);
  });

  it('a transaction that rolls back puts its writes back: they are committed after, once', async () => {
    const { store, counted } = countedStore();
    const writes = createPiggybackWrites(counted);
    const id = queued(store, 'a');
    const done = writes.add(() => store.outbox.markSent(id, ['m'], 2));
    let boarding: ReturnType<typeof writes.board> | undefined;
    expect(() =>
      counted.transaction(() => {
        boarding = writes.board();
        throw new Error('the batch failed');
      }),
    ).toThrow('the batch failed');
    boarding?.rolledBack();
    expect(statusOf(store, id)).toBe('pending');
    await done;
    expect(statusOf(store, id)).toBe('sent');
    expect(store.outbox.get(id)?.attempts).toBe(1);
    expect(counted).toMatchObject({ commits: 1, rollbacks: 1 });
  });

  it('a write that fails is rejected alone; the others and the transaction they rode on commit', async () => {
    const { store, counted } = countedStore();
    const writes = createPiggybackWrites(counted);
    const id = queued(store, 'a');
    const good = writes.add(() => store.outbox.markSent(id, ['m'], 2));
    const bad = writes.add(() => {
      throw new Error('no such row');
    });
    await expect(bad).rejects.toThrow('no such row');
    await good;
    expect(statusOf(store, id)).toBe('sent');
  });

  it('a database locked by another connection is waited out, then the writes commit', async () => {
    const { store } = countedStore();
    let locked = 2;
    const lockedStore = {
      transaction<T>(fn: () => T): T {
        if (locked-- > 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return store.transaction(fn);
      },
    };
    const writes = createPiggybackWrites(lockedStore);
    const id = queued(store, 'a');
    await writes.add(() => store.outbox.markSent(id, ['m'], 2));
    expect(statusOf(store, id)).toBe('sent');
    expect(locked).toBe(-1);
  });
});
