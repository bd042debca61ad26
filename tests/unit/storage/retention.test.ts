/**
 * Retention on a real SQLite database: old transcripts are anonymised in place, statistics survive, recent and
 * unfinished work is untouched, and running it twice changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { createRetentionJob } from '../../../src/app/retention-job.js';
import { parseRichText, toPlainText } from '../../../src/messaging/rich-text.js';
import {
  ANONYMISED_MESSAGE_JSON,
  ANONYMISED_TEXT,
  anonymiseBefore,
} from '../../../src/storage/sqlite-retention.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import { databaseBefore } from '../../support/database-before.js';
import { createTestApp } from '../../support/test-app.js';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2027, 0, 15);
const OLD = NOW - 400 * DAY;
const RECENT = NOW - 10 * DAY;
const CUTOFF = NOW - 365 * DAY;
const SECRET = 'Меня зовут Мария Иванова, тел 8 912 345 67 89';

type TestStore = ReturnType<typeof createSqliteStore>;
let updates = 0;

/** A citizen with a conversation, an event, a delivered reply, a complaint, a rated ticket with a note. */
function converse(store: TestStore, userId: string, at: number, options: { openTicket?: boolean } = {}) {
  const citizen = store.citizens.findOrCreate('telegram', userId, `chat-${userId}`, {
    locale: 'ru',
    now: at,
  });
  store.citizens.update(citizen.id, { region: 'perm' });
  const inserted = store.inbox.insert(citizen.id, {
    kind: 'text',
    text: SECRET,
    eventId: `update-${++updates}`,
    platform: 'telegram',
    userId,
    chatId: `chat-${userId}`,
    receivedAt: at,
  });
  if (inserted.status !== 'inserted') throw new Error('not inserted');
  store.inbox.finish(inserted.id, 'done', at);
  const outboxId = store.outbox.enqueue({
    citizenId: citizen.id,
    platform: 'telegram',
    chatId: `chat-${userId}`,
    message: { text: parseRichText(`Мария, ответ для ${SECRET}`) },
    now: at,
  });
  store.outbox.markSent(outboxId, ['1'], at);
  store.transcript.append({
    citizenId: citizen.id,
    direction: 'in',
    author: 'citizen',
    kind: 'text',
    text: SECRET,
    inboundEventId: inserted.id,
    outcome: 'answer',
    topic: 'unified-benefit',
    confidence: 0.9,
    createdAt: at,
  });
  store.transcript.append({
    citizenId: citizen.id,
    direction: 'out',
    author: 'assistant',
    kind: 'reply',
    text: `Мария, ответ для ${SECRET}`,
    outboxId,
    createdAt: at,
  });
  store.dialogs.save(citizen.id, 1, { answers: { income: 12345 } }, at);
  const complaint = store.complaints.create({
    citizenId: citizen.id,
    about: 'agency',
    agencyId: null,
    agencyName: 'УСЗН Перми',
    region: 'perm',
    description: SECRET,
    wish: 'Перезвоните на 89123456789',
    contactConsent: true,
    now: at,
  });
  store.complaints.addEvent({
    complaintId: complaint.id,
    status: 'answered',
    byWho: 'supervisor',
    note: `Мария, ${SECRET}`,
    outboxId: null,
    createdAt: at,
  });
  const ticket = store.handoffs.open(citizen.id, 'user_request', 'normal', at, 1);
  if (!options.openTicket) {
    store.handoffs.close(ticket.id, { resolution: 'answered', closedBy: null, now: at });
    store.handoffs.rate(ticket.id, 5, at);
    store.handoffs.comment(ticket.id, `спасибо, ${SECRET}`);
  }
  store.sqlite
    .prepare("INSERT INTO ticket_events (handoff_id, kind, text, created_at) VALUES (?, 'note', ?, ?)")
    .run(ticket.id, `заметка: ${SECRET}`, at);
  return { citizen, complaint, ticket };
}

const row = (store: TestStore, sql: string, ...params: unknown[]) =>
  store.sqlite.prepare(sql).get(...params) as Record<string, unknown>;

let apps: App[] = [];
afterEach(async () => {
  for (const app of apps) await app.stop({ flushTimeoutMs: 100 });
  apps = [];
});

describe('retention', () => {
  it('anonymises what is older than the cutoff and keeps what statistics need', () => {
    const store = createSqliteStore(':memory:');
    const old = converse(store, 'old-1', OLD);
    const recent = converse(store, 'recent-1', RECENT);

    const result = anonymiseBefore(store.sqlite, CUTOFF);
    expect(result).toEqual({
      messages: 2,
      inboundEvents: 1,
      outbox: 1,
      complaints: 1,
      consoleTexts: 2,
      citizens: 1,
    });

    // No trace of the words or the person in any table of the old conversation.
    const dump = store.sqlite
      .prepare(
        `SELECT group_concat(x, ' | ') AS all_text FROM (
           SELECT text AS x FROM messages WHERE citizen_id = @id
           UNION ALL SELECT event FROM inbound_events WHERE citizen_id = @id
           UNION ALL SELECT message FROM outbox WHERE citizen_id = @id
           UNION ALL SELECT description || wish FROM complaints WHERE citizen_id = @id
           UNION ALL SELECT coalesce(note, '') FROM complaint_events WHERE complaint_id = @complaint
           UNION ALL SELECT coalesce(rating_comment, '') FROM handoffs WHERE citizen_id = @id
           UNION ALL SELECT coalesce(text, '') FROM ticket_events WHERE handoff_id = @ticket
           UNION ALL SELECT platform_user_id || chat_id FROM citizens WHERE id = @id)`,
      )
      .get({ id: old.citizen.id, complaint: old.complaint.id, ticket: old.ticket.id }) as {
      all_text: string;
    };
    expect(dump.all_text).not.toMatch(/Мария|912|old-1/);

    const lines = store.transcript.list(old.citizen.id);
    expect(lines.map((l) => [l.direction, l.text, l.outcome, l.topic, l.createdAt])).toEqual([
      ['in', ANONYMISED_TEXT, 'answer', 'unified-benefit', OLD],
      ['out', ANONYMISED_TEXT, null, null, OLD],
    ]);
    const event = JSON.parse(
      row(store, 'SELECT event FROM inbound_events WHERE citizen_id = ?', old.citizen.id).event as string,
    );
    expect(event).toEqual({
      kind: 'text',
      platform: 'telegram',
      eventId: 'update-1',
      receivedAt: OLD,
      anonymised: true,
    });
    expect(toPlainText(store.outbox.listForChat('telegram', '', 0, 10)[0]?.message.text ?? [])).toBe('');
    const citizen = store.citizens.get(old.citizen.id)!;
    expect(citizen).toMatchObject({
      platformUserId: `anonymised:${old.citizen.id}`,
      chatId: '',
      region: 'perm',
      active: false,
      createdAt: OLD,
    });
    expect(store.dialogs.load(old.citizen.id)).toBeUndefined();
    expect(store.complaints.get(old.complaint.id)).toMatchObject({
      description: ANONYMISED_TEXT,
      wish: ANONYMISED_TEXT,
      agencyName: 'УСЗН Перми',
      status: 'new',
    });
    expect(store.handoffs.get(old.ticket.id)).toMatchObject({
      rating: 5,
      ratingComment: null,
      resolution: 'answered',
    });

    // The recent conversation is untouched.
    expect(store.transcript.list(recent.citizen.id).map((l) => l.text)).toEqual([
      SECRET,
      `Мария, ответ для ${SECRET}`,
    ]);
    expect(store.citizens.get(recent.citizen.id)).toMatchObject({
      platformUserId: 'recent-1',
      chatId: 'chat-recent-1',
    });
    expect(store.dialogs.load(recent.citizen.id)).toBeDefined();

    // Counts for statistics are unchanged; a second run changes nothing.
    expect(row(store, 'SELECT count(*) AS n FROM messages').n).toBe(4);
    expect(anonymiseBefore(store.sqlite, CUTOFF)).toEqual({
      messages: 0,
      inboundEvents: 0,
      outbox: 0,
      complaints: 0,
      consoleTexts: 0,
      citizens: 0,
    });

    // The person writing again is a new citizen.
    const back = store.citizens.findOrCreate('telegram', 'old-1', 'chat-old-1', { locale: 'ru', now: NOW });
    expect(back.id).not.toBe(old.citizen.id);
    store.close();
  });

  it('leaves unfinished work alone: an open ticket, a pending event, an undelivered message', () => {
    const store = createSqliteStore(':memory:');
    const waiting = converse(store, 'old-waiting', OLD, { openTicket: true });
    const pending = converse(store, 'old-pending', OLD);
    const stuck = store.inbox.insert(pending.citizen.id, {
      kind: 'text',
      text: SECRET,
      eventId: 'e-stuck',
      platform: 'telegram',
      userId: 'old-pending',
      chatId: 'chat-old-pending',
      receivedAt: OLD,
    });
    const undelivered = store.outbox.enqueue({
      citizenId: pending.citizen.id,
      platform: 'telegram',
      chatId: 'chat-old-pending',
      message: { text: parseRichText(SECRET) },
      now: OLD,
    });
    anonymiseBefore(store.sqlite, CUTOFF);
    // Old texts go either way, but the people can still be answered.
    expect(store.transcript.list(waiting.citizen.id).every((l) => l.text === ANONYMISED_TEXT)).toBe(true);
    expect(store.citizens.get(waiting.citizen.id)).toMatchObject({
      platformUserId: 'old-waiting',
      active: true,
    });
    expect(store.citizens.get(pending.citizen.id)).toMatchObject({ platformUserId: 'old-pending' });
    expect(stuck.status === 'inserted' && store.inbox.get(stuck.id)?.event).toMatchObject({ text: SECRET });
    expect(toPlainText(store.outbox.get(undelivered)!.message.text)).toBe(SECRET);
    store.close();
  });

  it('runs when the app starts, with RETENTION_DAYS', async () => {
    const app = await createTestApp({}, { http: false, clock: () => NOW });
    apps.push(app);
    const store = app.store as TestStore;
    const old = converse(store, 'old-app', NOW - 40 * DAY);
    const recent = converse(store, 'recent-app', NOW - 20 * DAY);
    await app.start();
    // The default is a year: nothing is that old.
    expect(store.transcript.list(old.citizen.id)[0]?.text).toBe(SECRET);

    const short = await createTestApp(
      { operations: { ...app.config.operations, retentionDays: 30 } },
      { http: false, clock: () => NOW },
    );
    apps.push(short);
    const shortStore = short.store as TestStore;
    const a = converse(shortStore, 'old-app', NOW - 40 * DAY);
    const b = converse(shortStore, 'recent-app', NOW - 20 * DAY);
    await short.start();
    expect(shortStore.transcript.list(a.citizen.id).map((l) => l.text)).toEqual([
      ANONYMISED_TEXT,
      ANONYMISED_TEXT,
    ]);
    expect(shortStore.transcript.list(b.citizen.id)[0]?.text).toBe(SECRET);
    expect(recent.citizen.id).toBeGreaterThan(0);
  });
});

describe('retention in batches', () => {
  const anonymisedLines = (store: TestStore) =>
    row(store, 'SELECT count(*) AS n FROM messages WHERE text = ?', ANONYMISED_TEXT).n as number;

  it('gives the same result a few rows per transaction', () => {
    const store = createSqliteStore(':memory:');
    for (let i = 0; i < 5; i++) converse(store, `old-${i}`, OLD + i);
    converse(store, 'recent', RECENT);
    expect(anonymiseBefore(store.sqlite, CUTOFF, 2)).toEqual({
      messages: 10,
      inboundEvents: 5,
      outbox: 5,
      complaints: 5,
      consoleTexts: 10,
      citizens: 5,
    });
    expect(anonymisedLines(store)).toBe(10);
    expect(anonymiseBefore(store.sqlite, CUTOFF, 2)).toMatchObject({ messages: 0, citizens: 0 });
    store.close();
  });

  it('lets the event loop run between batches, and stops between them when stopped', async () => {
    const store = createSqliteStore(':memory:');
    for (let i = 0; i < 6; i++) converse(store, `old-${i}`, OLD + i);
    const job = createRetentionJob({
      sqlite: store.sqlite,
      retentionDays: 365,
      logger: pino({ level: 'silent' }),
      clock: () => NOW,
      batchRows: 4,
    });
    // A webhook arriving during the run is served before it ends (one transaction held the loop for seconds).
    let linesDoneWhenServed: number | undefined;
    setImmediate(() => {
      linesDoneWhenServed = anonymisedLines(store);
    });
    const result = await job.runOnce();
    expect(result).toMatchObject({ messages: 12, inboundEvents: 6, outbox: 6, citizens: 6 });
    expect(linesDoneWhenServed).toBe(4);

    // Stopped (the app's shutdown closes the database next): no batch after that.
    const more = createSqliteStore(':memory:');
    for (let i = 0; i < 6; i++) converse(more, `old-${i}`, OLD + i);
    const stopping = createRetentionJob({
      sqlite: more.sqlite,
      retentionDays: 365,
      logger: pino({ level: 'silent' }),
      clock: () => NOW,
      batchRows: 4,
    });
    const run = stopping.runOnce();
    stopping.stop();
    expect(await run).toBeUndefined();
    expect(anonymisedLines(more)).toBe(4);
    store.close();
    more.close();
  });

  it('reads the growing tables from where the last run stopped; an old event still pending holds that place until done', () => {
    const store = createSqliteStore(':memory:');
    converse(store, 'old-1', OLD);
    // An old event never processed (the assistant was down for its whole life, say): work in progress.
    const citizen = store.citizens.findOrCreate('telegram', 'old-2', 'chat-old-2', {
      locale: 'ru',
      now: OLD,
    });
    const stuck = store.inbox.insert(citizen.id, {
      kind: 'text',
      text: SECRET,
      eventId: 'stuck-1',
      platform: 'telegram',
      userId: 'old-2',
      chatId: 'chat-old-2',
      receivedAt: OLD + 1,
    });
    if (stuck.status !== 'inserted') throw new Error('not inserted');
    converse(store, 'old-3', OLD + 2);
    converse(store, 'recent', RECENT);
    const marks = () =>
      Object.fromEntries(
        (
          store.sqlite.prepare('SELECT name, last_id FROM retention_marks').all() as {
            name: string;
            last_id: number;
          }[]
        ).map((r) => [r.name, r.last_id]),
      );
    const lastOldId = (table: string, time: string) =>
      row(store, `SELECT max(id) AS id FROM ${table} WHERE ${time} < ?`, CUTOFF).id;

    expect(anonymiseBefore(store.sqlite, CUTOFF, 2)).toMatchObject({
      messages: 4,
      inboundEvents: 2,
      outbox: 2,
    });
    expect(row(store, 'SELECT event FROM inbound_events WHERE id = ?', stuck.id).event).toContain(SECRET);
    // The transcript and the outbox are done up to the day; the events up to the one in progress.
    expect(marks()).toEqual({
      messages: lastOldId('messages', 'created_at'),
      outbox: lastOldId('outbox', 'created_at'),
      inbound_events: stuck.id - 1,
    });

    store.inbox.finish(stuck.id, 'done', NOW);
    expect(anonymiseBefore(store.sqlite, CUTOFF, 2)).toMatchObject({
      messages: 0,
      inboundEvents: 1,
      outbox: 0,
    });
    expect(row(store, 'SELECT event FROM inbound_events WHERE id = ?', stuck.id).event).not.toContain(SECRET);
    expect(marks().inbound_events).toBe(lastOldId('inbound_events', 'received_at'));
    // The recent conversation is untouched and the next run starts at it.
    expect(row(store, 'SELECT count(*) AS n FROM messages WHERE text = ?', SECRET).n).toBe(1);
    expect(anonymiseBefore(store.sqlite, NOW + DAY, 2)).toMatchObject({
      messages: 2,
      inboundEvents: 1,
      outbox: 1,
    });
    store.close();
  });

  it('needs no index of its own on the tables every message writes, on a database that had them (migration 0010)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    try {
      // A database made by the migrations before the marks, with the indexes of 0008.
      const { path, db: before } = databaseBefore(dir, '0010_retention_marks');
      before.close();
      const store = createSqliteStore(path);
      converse(store, 'old-1', OLD);
      const indexes = store.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%to_anonymise'")
        .pluck()
        .all();
      expect(indexes).toEqual([]);
      const plan = (
        store.sqlite
          .prepare('EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE id > ? ORDER BY id LIMIT 10')
          .all(0) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('; ');
      expect(plan).toMatch(/USING INTEGER PRIMARY KEY/);
      expect(anonymiseBefore(store.sqlite, CUTOFF)).toMatchObject({
        messages: 2,
        inboundEvents: 1,
        outbox: 1,
        citizens: 1,
      });
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows what an anonymised outbox message reads', () => {
    expect(ANONYMISED_MESSAGE_JSON).toBe(JSON.stringify({ text: parseRichText(ANONYMISED_TEXT) }));
  });
});
