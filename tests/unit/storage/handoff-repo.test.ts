/** The hand-off (ticket) repository behaves the same in SQLite and in the in-memory twin. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';
import { databaseBefore } from '../../support/database-before.js';

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
      // The end of its wait in the queue: the transfer left it.
      takenAt: 20,
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

describe('sqlite store: open tickets read through a cache', () => {
  it('sees every change: its own writes, a cascade from forget, a rolled-back write, another connection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-cache-'));
    const path = join(dir, 'db.sqlite');
    const store = createSqliteStore(path);
    const other = createSqliteStore(path);
    try {
      const open = () => store.handoffs.listOpen().map((h) => [h.id, h.priority, h.assignedTo]);
      const a = store.citizens.findOrCreate('telegram', '1', '1', { locale: 'ru', now: 1 });
      const b = store.citizens.findOrCreate('telegram', '2', '2', { locale: 'ru', now: 1 });
      expect(open()).toEqual([]);
      const ha = store.handoffs.open(a.id, 'user_request', 'normal', 10);
      const hb = store.handoffs.open(b.id, 'crisis', 'normal', 11);
      expect(open()).toEqual([
        [ha.id, 'normal', null],
        [hb.id, 'normal', null],
      ]);
      store.handoffs.setPriority(hb.id, 'urgent');
      expect(store.handoffs.openFor(b.id)?.priority).toBe('urgent');
      // Written inside a transaction, read there, then rolled back: the cache must not keep what never happened.
      expect(() =>
        store.transaction(() => {
          store.handoffs.assign(ha.id, 5, 20);
          expect(open()[0]).toEqual([ha.id, 'normal', 5]);
          throw new Error('rollback');
        }),
      ).toThrow('rollback');
      expect(open()[0]).toEqual([ha.id, 'normal', null]);
      other.handoffs.assign(ha.id, 6, 21);
      expect(open()[0]).toEqual([ha.id, 'normal', 6]);
      store.citizens.forget(b.id);
      expect(open()).toEqual([[ha.id, 'normal', 6]]);
      expect(store.handoffs.openFor(b.id)).toBeUndefined();
      // Its own writes update the cache in place: it matches the table after each.
      const raw = store.sqlite.prepare(
        "SELECT id, priority, assigned_to AS assignedTo, alerted_at AS alertedAt FROM handoffs WHERE status = 'open' ORDER BY id",
      );
      const cached = () =>
        store.handoffs
          .listOpen()
          .map(({ id, priority, assignedTo, alertedAt }) => ({ id, priority, assignedTo, alertedAt }));
      const c = store.citizens.findOrCreate('telegram', '3', '3', { locale: 'ru', now: 1 });
      const steps: (() => unknown)[] = [
        () => store.handoffs.open(c.id, 'user_request', 'normal', 30),
        () => store.handoffs.open(a.id, 'user_request', 'normal', 31),
        () => store.handoffs.setPriority(ha.id, 'urgent'),
        () => store.handoffs.markAlerted(ha.id, 32),
        () => store.handoffs.assign(store.handoffs.openFor(c.id)!.id, 9, 33),
        () => store.handoffs.close(ha.id, { resolution: 'answered', closedBy: 6, now: 34 }),
        () => store.handoffs.setStatus(store.handoffs.openFor(c.id)!.id, 'cancelled', 35),
      ];
      for (const step of steps) {
        step();
        expect(cached()).toEqual(raw.all());
      }
      // Callers share the cached rows: they cannot change them.
      const [row] = store.handoffs.listOpen();
      expect(() => {
        (row as { priority: string }).priority = 'urgent';
      }).toThrow(TypeError);
    } finally {
      other.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tickets taken before taken_at existed', () => {
  it('get it from their first take, assignment or transfer in the timeline: the wait estimate keeps its history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taken-at-'));
    try {
      // A database made by the migrations before taken_at, with a ticket taken at 20 and transferred at 90, one
      // a supervisor handed straight to a consultant at 35, and one still waiting.
      const { path, db: before } = databaseBefore(dir, '0009_handoffs_taken_at');
      before.exec(`
        INSERT INTO citizens (id, platform, platform_user_id, chat_id, locale, created_at, last_seen_at)
          VALUES (1, 'vk', '1', '1', 'ru', 1, 1);
        INSERT INTO handoffs (id, citizen_id, reason, priority, status, created_at, assigned_to, assigned_at)
          VALUES (1, 1, 'user_request', 'normal', 'open', 10, 8, 90),
                 (2, 1, 'user_request', 'normal', 'open', 30, 8, 35),
                 (3, 1, 'user_request', 'normal', 'open', 40, NULL, NULL);
        INSERT INTO ticket_events (handoff_id, kind, actor_id, target_id, created_at)
          VALUES (1, 'taken', 7, NULL, 20), (1, 'note', 7, NULL, 50), (1, 'transferred', 7, 8, 90),
                 (2, 'transferred', 9, 8, 35);
      `);
      before.close();

      const store = createSqliteStore(path);
      try {
        expect([1, 2, 3].map((id) => store.handoffs.get(id)?.takenAt)).toEqual([20, 35, null]);
        expect(store.handoffs.recentlyTaken(5).map((t) => t.id)).toEqual([2, 1]);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
