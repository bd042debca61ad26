/** The hand-off (ticket) repository behaves the same in SQLite and in the in-memory twin. */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';

describe.each([
  ['sqlite', () => createSqliteStore(':memory:')],
  ['memory', () => createMemoryStore()],
] as [string, () => Store][])('%s store: tickets', (_name, make) => {
  it('assigns a waiting ticket once, closes it once, keeps the first response and the rating', () => {
    const store = make();
    const c = store.citizens.findOrCreate('vk', '1', '1', { locale: 'ru', now: 1 });
    const h = store.handoffs.open(c.id, 'user_request', 'normal', 10, 2);
    expect(h).toMatchObject({ status: 'open', assignedTo: null, positionAtOpen: 2, rating: null });
    expect(store.handoffs.assign(h.id, 7, 20, { onlyIfWaiting: true })).toBe(true);
    expect(store.handoffs.assign(h.id, 8, 21, { onlyIfWaiting: true })).toBe(false);
    expect(store.handoffs.assign(h.id, 8, 22)).toBe(true); // a transfer
    store.handoffs.markFirstResponse(h.id, 30);
    store.handoffs.markFirstResponse(h.id, 40);
    store.handoffs.markAlerted(h.id, 25);
    expect(store.handoffs.close(h.id, { resolution: 'answered', closedBy: 8, now: 50 })).toBe(true);
    expect(store.handoffs.close(h.id, { resolution: 'other', closedBy: 8, now: 60 })).toBe(false);
    store.handoffs.rate(h.id, 4, 70);
    store.handoffs.comment(h.id, 'спасибо');
    expect(store.handoffs.get(h.id)).toMatchObject({
      status: 'closed',
      assignedTo: 8,
      assignedAt: 22,
      firstResponseAt: 30,
      alertedAt: 25,
      resolution: 'answered',
      closedBy: 8,
      closedAt: 50,
      rating: 4,
      ratingComment: 'спасибо',
      ratedAt: 70,
    });
    expect(store.handoffs.assign(h.id, 9, 80)).toBe(false);
    expect(store.handoffs.recentlyTaken(5).map((t) => t.id)).toEqual([h.id]);
    expect(store.handoffs.listOpen()).toEqual([]);
  });

  it('keeps the consultant and the outcome detail on transcript lines', () => {
    const store = make();
    const c = store.citizens.findOrCreate('vk', '1', '1', { locale: 'ru', now: 1 });
    store.transcript.append({
      citizenId: c.id,
      direction: 'out',
      author: 'consultant',
      kind: 'reply',
      text: 'ответ',
      consultantId: 5,
      createdAt: 2,
    });
    store.transcript.append({
      citizenId: c.id,
      direction: 'in',
      author: 'citizen',
      kind: 'text',
      text: 'вопрос',
      outcome: 'handoff',
      detail: 'search:not_sure',
      createdAt: 3,
    });
    expect(store.transcript.list(c.id).map((l) => [l.consultantId, l.detail])).toEqual([
      [5, null],
      [null, 'search:not_sure'],
    ]);
  });
});
