/**
 * How long retention holds the event loop on a database of a year's traffic (operator audit, defect 11).
 *
 *   node --import tsx scripts/bench/retention-blocking.ts build DB     a synthetic database (about 1.5 GB, ~1 min)
 *   node --import tsx scripts/bench/retention-blocking.ts run DB       first run, then the next day's run, on a copy
 *
 * `build`: 50,000 citizens, 1,000,000 inbound events and outbox messages and 2,000,000 transcript lines spread
 * evenly over 365 days, all processed and delivered, as the migrations in drizzle/ make the schema. `run` copies DB
 * (opening it applies migrations the copy lacks; how long that takes is printed), runs the retention job with a
 * 180-day period, then again a day later, and prints each run's time, its longest hold of the event loop (a 1-ms
 * timer's longest gap) and what it changed. The last line is one JSON object with the figures.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import pino from 'pino';
import { createRetentionJob } from '../../src/app/retention-job.js';
import { parseRichText } from '../../src/messaging/rich-text.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2027, 0, 15, 12);
const EVENTS = 1_000_000;
const CITIZENS = 50_000;

function build(path: string) {
  if (existsSync(path)) throw new Error(`${path} exists`);
  createSqliteStore(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const start = NOW - 365 * DAY;
  const citizen = db.prepare(
    `INSERT INTO citizens (id, platform, platform_user_id, chat_id, locale, created_at, last_seen_at)
     VALUES (?, 'telegram', ?, ?, 'ru', ?, ?)`,
  );
  const state = db.prepare(
    'INSERT INTO dialog_states (citizen_id, version, state, updated_at) VALUES (?, 1, ?, ?)',
  );
  const event = db.prepare(
    `INSERT INTO inbound_events (platform, event_id, citizen_id, event, status, received_at, processed_at)
     VALUES ('telegram', ?, ?, ?, 'done', ?, ?)`,
  );
  const out = db.prepare(
    `INSERT INTO outbox (citizen_id, platform, chat_id, message, status, attempts, next_attempt_at,
                         platform_message_ids, created_at, sent_at)
     VALUES (?, 'telegram', ?, ?, 'sent', 1, ?, '["1"]', ?, ?)`,
  );
  const line = db.prepare(
    `INSERT INTO messages (citizen_id, direction, author, kind, text, inbound_event_id, outbox_id, outcome,
                           confidence, entry_id, topic, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0.8, 'unified-benefit', 'family', ?)`,
  );
  const question = 'Здравствуйте, положено ли мне единое пособие на второго ребёнка, если доход 35 тысяч?';
  const reply = JSON.stringify({
    text: parseRichText(
      'Единое пособие назначают семьям с доходом на человека ниже прожиточного минимума.\n\n' +
        '- подайте заявление на Госуслугах\n- или в МФЦ\n\nИсточник: sfr.gov.ru, проверено 1 декабря 2026',
    ),
    buttons: [[{ label: '📄 Документы', payload: 'a:part,p:documents' }]],
  });
  db.transaction(() => {
    for (let id = 1; id <= CITIZENS; id++) {
      const seen = start + Math.floor(((id * 7919) % CITIZENS) * ((365 * DAY) / CITIZENS));
      citizen.run(id, `user-${id}`, `chat-${id}`, start, seen);
      state.run(id, '{"flow":"idle","answers":{"income":35000}}', seen);
    }
  })();
  const chunk = 100_000;
  for (let from = 0; from < EVENTS; from += chunk) {
    db.transaction(() => {
      for (let i = from; i < from + chunk; i++) {
        const at = start + Math.floor((i * 365 * DAY) / EVENTS);
        const citizenId = 1 + (i % CITIZENS);
        const json = JSON.stringify({
          kind: 'text',
          text: question,
          eventId: `u-${i}`,
          platform: 'telegram',
          userId: `user-${citizenId}`,
          chatId: `chat-${citizenId}`,
          receivedAt: at,
        });
        const eventId = Number(event.run(`u-${i}`, citizenId, json, at, at).lastInsertRowid);
        const outboxId = Number(out.run(citizenId, `chat-${citizenId}`, reply, at, at, at).lastInsertRowid);
        line.run(citizenId, 'in', 'citizen', 'text', question, eventId, null, 'answer', at);
        line.run(citizenId, 'out', 'assistant', 'reply', reply.slice(0, 200), null, outboxId, null, at);
      }
    })();
    process.stdout.write(`${from + chunk} events\r`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(`built ${path}`);
}

/** Runs the job once, watching the event loop with a 1-ms timer; returns the time, the longest gap and the result. */
async function measuredRun(job: ReturnType<typeof createRetentionJob>) {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  longest = 0;
  last = performance.now();
  const began = performance.now();
  const result = await job.runOnce();
  const ms = performance.now() - began;
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  return { ms: Math.round(ms), longestBlockMs: Math.round(longest), result };
}

async function run(path: string) {
  const copy = `${path}.run`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(path, copy);
  let began = performance.now();
  const store = createSqliteStore(copy);
  const openMs = Math.round(performance.now() - began);
  console.log(`open and migrate: ${openMs} ms`);
  let now = NOW;
  const job = createRetentionJob({
    sqlite: store.sqlite,
    retentionDays: 180,
    logger: pino({ level: 'silent' }),
    clock: () => now,
  });
  const first = await measuredRun(job);
  console.log(`first run: ${first.ms} ms, longest block ${first.longestBlockMs} ms`, first.result);
  now += DAY;
  const nextDay = await measuredRun(job);
  console.log(`next day: ${nextDay.ms} ms, longest block ${nextDay.longestBlockMs} ms`, nextDay.result);
  const nothing = await measuredRun(job);
  console.log(`again, nothing to do: ${nothing.ms} ms, longest block ${nothing.longestBlockMs} ms`);
  began = performance.now();
  store.close();
  console.log(`close: ${Math.round(performance.now() - began)} ms`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  console.log(JSON.stringify({ openMs, first, nextDay, nothing }));
}

const [command, path] = process.argv.slice(2);
if (command === 'build' && path) build(path);
else if (command === 'run' && path) await run(path);
else {
  console.error('usage: retention-blocking.ts build|run DB');
  process.exit(2);
}
