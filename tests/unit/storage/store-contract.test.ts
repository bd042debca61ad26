import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingEvent } from '../../../src/messaging/incoming-event.js';
import type { OutgoingMessage } from '../../../src/messaging/outgoing-message.js';
import { parseRichText, toPlainText } from '../../../src/messaging/rich-text.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';

const dir = mkdtempSync(join(tmpdir(), 'store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = { text: [{ type: 'paragraph' as const, spans: [{ text: 'hi' }] }] };
const event = (eventId: string, userId = 'u1'): IncomingEvent => ({
  eventId,
  platform: 'telegram',
  userId,
  chatId: userId,
  receivedAt: 1,
  kind: 'text',
  text: 'привет',
});

describe.each([
  ['sqlite', () => createSqliteStore(join(dir, `${Math.random()}.sqlite`))],
  ['memory', () => createMemoryStore()],
] as [string, () => Store][])('%s store', (_name, make) => {
  it('finds the same citizen again and keeps their chat id current', () => {
    const store = make();
    const a = store.citizens.findOrCreate('vk', '42', '42', { locale: 'ru', now: 1 });
    const b = store.citizens.findOrCreate('vk', '42', '43', { locale: 'en', now: 2 });
    expect(b.id).toBe(a.id);
    expect(b.chatId).toBe('43');
    expect(store.citizens.findOrCreate('telegram', '42', '42', { locale: 'ru', now: 3 }).id).not.toBe(a.id);
  });

  it("lists one chat's messages after an id, oldest first, and no other chat's", () => {
    const store = make();
    const anna = store.citizens.findOrCreate('web', 'anna', 'anna', { locale: 'ru', now: 1 });
    const boris = store.citizens.findOrCreate('web', 'boris', 'boris', { locale: 'ru', now: 1 });
    const queue = (to: typeof anna, text: string) =>
      store.outbox.enqueue({
        citizenId: to.id,
        platform: 'web',
        chatId: to.chatId,
        message: { text: [{ type: 'paragraph', spans: [{ text }] }] },
        now: 2,
      });
    const first = queue(anna, 'one');
    queue(boris, 'not hers');
    const second = queue(anna, 'two');
    queue(anna, 'three');
    const texts = (afterId: number, limit = 50) =>
      store.outbox.listForChat('web', 'anna', afterId, limit).map((m) => toPlainText(m.message.text));
    expect(texts(0)).toEqual(['one', 'two', 'three']);
    expect(texts(first)).toEqual(['two', 'three']);
    expect(texts(0, 2)).toEqual(['one', 'two']);
    expect(store.outbox.listForChat('web', 'anna', second, 50)).toHaveLength(1);
    expect(store.outbox.listForChat('web', 'nobody', 0, 50)).toEqual([]);
    expect(store.outbox.listForChat('telegram', 'anna', 0, 50)).toEqual([]);
  });

  it('lists only the messages of the citizens now in the chat: one who moved to another chat takes theirs along', () => {
    const store = make();
    const vera = store.citizens.findOrCreate('web', 'vera', 'old-chat', { locale: 'ru', now: 1 });
    store.outbox.enqueue({ citizenId: vera.id, platform: 'web', chatId: 'old-chat', message, now: 2 });
    expect(store.outbox.listForChat('web', 'old-chat', 0, 50)).toHaveLength(1);
    store.citizens.findOrCreate('web', 'vera', 'new-chat', { locale: 'ru', now: 3 });
    expect(store.outbox.listForChat('web', 'old-chat', 0, 50)).toEqual([]);
  });

  it('creates a citizen with the defaults, and an update changes only what it names', () => {
    const store = make();
    const created = store.citizens.findOrCreate('telegram', '5', '6', { locale: 'en', now: 10 });
    expect(created).toMatchObject({ platform: 'telegram', platformUserId: '5', chatId: '6', locale: 'en' });
    expect(created).toMatchObject({
      region: null,
      consentAt: null,
      active: true,
      createdAt: 10,
      lastSeenAt: 10,
    });
    const other = store.citizens.findOrCreate('telegram', '7', '7', { locale: 'ru', now: 10 });
    store.citizens.update(created.id, { region: 'perm', consentAt: 11 });
    store.citizens.update(created.id, { active: false, locale: undefined });
    expect(store.citizens.get(created.id)).toMatchObject({
      region: 'perm',
      consentAt: 11,
      active: false,
      locale: 'en',
    });
    store.citizens.update(created.id, { region: null, active: true, locale: 'ru' });
    expect(store.citizens.get(created.id)).toMatchObject({
      region: null,
      consentAt: 11,
      active: true,
      locale: 'ru',
    });
    expect(store.citizens.get(other.id)).toEqual(other);
  });

  it('notes when a citizen was last seen to the minute (retention counts days)', () => {
    const store = make();
    const t0 = 1_000_000;
    const seen = (chatId: string, now: number) =>
      store.citizens.findOrCreate('telegram', '7', chatId, { locale: 'ru', now }).lastSeenAt;
    expect(seen('7', t0)).toBe(t0);
    expect(seen('7', t0 + 30_000)).toBe(t0);
    expect(seen('7', t0 + 60_000)).toBe(t0 + 60_000);
    // A new chat id is written at once, and the time with it.
    expect(seen('8', t0 + 61_000)).toBe(t0 + 61_000);
    expect(
      store.citizens.get(
        store.citizens.findOrCreate('telegram', '7', '8', { locale: 'ru', now: t0 + 62_000 }).id,
      ),
    ).toMatchObject({ chatId: '8', lastSeenAt: t0 + 61_000 });
  });

  it('stores an event once: a redelivery is a duplicate', () => {
    const store = make();
    const c = store.citizens.findOrCreate('telegram', 'u1', 'u1', { locale: 'ru', now: 1 });
    expect(store.inbox.insert(c.id, event('100')).status).toBe('inserted');
    expect(store.inbox.insert(c.id, event('100')).status).toBe('duplicate');
    expect(store.inbox.pending(10)).toHaveLength(1);
  });

  it('hands out only the oldest pending message of each chat, in order', () => {
    const store = make();
    const a = store.citizens.findOrCreate('telegram', 'a', 'a', { locale: 'ru', now: 1 });
    const b = store.citizens.findOrCreate('telegram', 'b', 'b', { locale: 'ru', now: 1 });
    const a1 = store.outbox.enqueue({ citizenId: a.id, platform: 'telegram', chatId: 'a', message, now: 1 });
    store.outbox.enqueue({ citizenId: a.id, platform: 'telegram', chatId: 'a', message, now: 1 });
    const b1 = store.outbox.enqueue({ citizenId: b.id, platform: 'telegram', chatId: 'b', message, now: 1 });
    expect(store.outbox.due(10, 10).map((i) => i.id)).toEqual([a1, b1]);
    // a1 in flight: left out, and a's second message still waits behind it.
    expect(store.outbox.due(10, 10, [a1]).map((i) => i.id)).toEqual([b1]);
    store.outbox.markRetry(a1, 100, 'boom');
    expect(store.outbox.due(10, 10).map((i) => i.id)).toEqual([b1]);
    expect(store.outbox.nextDueAt()).toBe(1);
    store.outbox.markSent(b1, ['m1'], 11);
    expect(store.outbox.get(b1)).toMatchObject({ status: 'sent', platformMessageIds: ['m1'], attempts: 1 });
    expect(store.outbox.pendingCount()).toBe(2);
  });

  it('a message handed out for delivery is the one queued, with the message to replace', () => {
    const store = make();
    const c = store.citizens.findOrCreate('telegram', 'd', 'd', { locale: 'ru', now: 1 });
    const other: OutgoingMessage = {
      text: parseRichText('Другой **ответ**'),
      buttons: [[{ kind: 'action', label: 'Меню', payload: 'm' }]],
    };
    store.outbox.enqueue({
      citizenId: c.id,
      platform: 'telegram',
      chatId: 'd',
      message: other,
      editMessageId: '41',
      now: 1,
    });
    const [item] = store.outbox.due(10, 10);
    expect(item).toMatchObject({ chatId: 'd', editMessageId: '41', attempts: 0 });
    expect(item!.message).toEqual(other);
    // A store that keeps messages as text may hand it over as it is (a sender in another thread parses it there).
    if (item!.storedMessage !== undefined) expect(JSON.parse(item!.storedMessage)).toEqual(other);
  });

  it('a rolled-back transaction leaves nothing behind', () => {
    const store = make();
    const c = store.citizens.findOrCreate('web', 'x', 'x', { locale: 'ru', now: 1 });
    expect(() =>
      store.transaction(() => {
        store.outbox.enqueue({ citizenId: c.id, platform: 'web', chatId: 'x', message, now: 1 });
        throw new Error('crash in the middle');
      }),
    ).toThrow('crash');
    expect(store.outbox.pendingCount()).toBe(0);
  });

  it('forgetting a citizen deletes their transcript, state, events, outbox and hand-offs', () => {
    const store = make();
    const c = store.citizens.findOrCreate('telegram', 'f', 'f', { locale: 'ru', now: 1 });
    store.inbox.insert(c.id, event('1', 'f'));
    store.dialogs.save(c.id, 1, { v: 1 }, 1);
    store.transcript.append({
      citizenId: c.id,
      direction: 'in',
      author: 'citizen',
      kind: 'text',
      text: 'мой снилс',
      createdAt: 1,
    });
    store.outbox.enqueue({ citizenId: c.id, platform: 'telegram', chatId: 'f', message, now: 1 });
    store.handoffs.open(c.id, 'user_request', 'normal', 1);
    store.citizens.forget(c.id);
    expect(store.citizens.get(c.id)).toBeUndefined();
    expect(store.transcript.list(c.id)).toHaveLength(0);
    expect(store.dialogs.load(c.id)).toBeUndefined();
    expect(store.inbox.pending(10)).toHaveLength(0);
    expect(store.outbox.pendingCount()).toBe(0);
    expect(store.handoffs.listOpen()).toHaveLength(0);
  });

  it("dropping a blocked citizen's pending messages leaves other chats alone", () => {
    const store = make();
    const a = store.citizens.findOrCreate('vk', 'a', 'a', { locale: 'ru', now: 1 });
    const b = store.citizens.findOrCreate('vk', 'b', 'b', { locale: 'ru', now: 1 });
    store.outbox.enqueue({ citizenId: a.id, platform: 'vk', chatId: 'a', message, now: 1 });
    store.outbox.enqueue({ citizenId: a.id, platform: 'vk', chatId: 'a', message, now: 1 });
    store.outbox.enqueue({ citizenId: b.id, platform: 'vk', chatId: 'b', message, now: 1 });
    expect(store.outbox.dropPendingOf(a.id, 'blocked')).toBe(2);
    expect(store.outbox.pendingCount()).toBe(1);
  });
});

describe('sqlite store on disk', () => {
  it('keeps everything across a reopen (migrations are applied once)', () => {
    const path = join(dir, 'reopen.sqlite');
    const first = createSqliteStore(path);
    const c = first.citizens.findOrCreate('telegram', 'r', 'r', { locale: 'ru', now: 1 });
    first.dialogs.save(c.id, 1, { v: 1, lastEntryId: 'x' }, 1);
    first.close();
    const second = createSqliteStore(path);
    expect(second.dialogs.load(c.id)).toEqual({ version: 1, state: { v: 1, lastEntryId: 'x' } });
    expect(String(second.sqlite.pragma('journal_mode', { simple: true }))).toBe('wal');
    // 4 MB of page cache (negative: KiB), not the 16 MB better-sqlite3 builds SQLite with.
    expect(second.sqlite.pragma('cache_size', { simple: true })).toBe(-4000);
    second.close();
  });
});
