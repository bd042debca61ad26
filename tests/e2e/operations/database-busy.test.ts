/**
 * A database locked by another connection (a backup, the sqlite3 shell, a second process started by mistake):
 * writes wait for the lock (busy_timeout), and when it is held longer, nothing crashes and nothing is lost: the
 * webhook-style request is refused (the platform redelivers), stored events are processed once the lock is gone,
 * and a message already sent is recorded as sent, not sent twice.
 *
 * The lock is held from a worker thread: better-sqlite3 waits for a lock synchronously, so a holder on the main
 * thread could never let go while the app waits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import type { PlatformSender } from '../../../src/messaging/delivery.js';
import type { IncomingEvent } from '../../../src/messaging/incoming-event.js';
import { createTestApp, testConfig } from '../../support/test-app.js';
import { sleep, waitFor } from '../../support/wait-for.js';
import { CapturedLog } from '../telegram/telegram-harness.js';

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

/** Holds the write lock of the database at `path` for `holdMs` from another thread; resolves once it is held. */
async function holdWriteLock(path: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.module);
     const db = new Database(workerData.path);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.holdMs);`,
    { eval: true, workerData: { path, holdMs, module: BETTER_SQLITE3 } },
  );
  let onReleased: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    onReleased = resolve;
  });
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => (m === 'locked' ? resolve() : m === 'released' ? onReleased() : undefined));
    worker.on('error', reject);
  });
  return { released: released.then(() => worker.terminate()).then(() => undefined) };
}

let dir: string;
let apps: App[] = [];
let log: CapturedLog;
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'busy-db-'));
  log = new CapturedLog();
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  for (const app of apps) await app.stop({ flushTimeoutMs: 500 });
  apps = [];
  process.off('unhandledRejection', onUnhandled);
  rmSync(dir, { recursive: true, force: true });
});

async function boot(busyTimeoutMs: number, extra: { senders?: PlatformSender[] } = {}): Promise<App> {
  const app = await createTestApp(
    {
      databasePath: join(dir, 'assistant.sqlite'),
      operations: { ...testConfig().operations, databaseBusyTimeoutMs: busyTimeoutMs },
    },
    { http: false, logger: log.logger, ...extra },
  );
  apps.push(app);
  return app;
}

let seq = 0;
const event = (userId: string, text: string, platform: IncomingEvent['platform'] = 'web'): IncomingEvent => ({
  kind: 'text',
  text,
  eventId: `busy-${++seq}`,
  platform,
  userId,
  chatId: userId,
  receivedAt: Date.now(),
});

async function post(app: App, session: string, text: string) {
  return app.server.inject({
    method: 'POST',
    url: '/api/chat/events',
    payload: { sessionId: session, eventId: `busy-http-${++seq}`, kind: 'text', text },
  });
}

describe('a database locked by another connection', () => {
  it('waits out a lock shorter than DATABASE_BUSY_TIMEOUT_MS: the citizen notices nothing', async () => {
    const app = await boot(3000);
    await app.start();
    const lock = await holdWriteLock(join(dir, 'assistant.sqlite'), 400);
    const started = Date.now();
    const res = await post(app, 'busycitizen01', 'как оформить единое пособие');
    const waited = Date.now() - started;
    expect(res.statusCode).toBe(202);
    expect(waited).toBeGreaterThanOrEqual(300);
    await lock.released;
    await waitFor(
      () => app.store.outbox.listForChat('web', 'busycitizen01', 0, 10).some((m) => m.status === 'sent'),
      'the answer',
    );
    expect(log.problems()).toEqual([]);
  });

  it('refuses a new message while the lock outlasts the timeout (500: send again), and takes it afterwards', async () => {
    const app = await boot(150);
    await app.start();
    const lock = await holdWriteLock(join(dir, 'assistant.sqlite'), 1200);
    const refused = await post(app, 'busycitizen02', 'пенсия по инвалидности');
    expect(refused.statusCode).toBe(500);
    expect(refused.json()).toEqual({ error: 'internal error' });
    await lock.released;
    const again = await post(app, 'busycitizen02', 'пенсия по инвалидности');
    expect(again.statusCode).toBe(202);
    await app.runner.idle();
    const citizen = app.store.citizens.findOrCreate('web', 'busycitizen02', 'busycitizen02', {
      locale: 'ru',
      now: Date.now(),
    });
    expect(app.store.transcript.list(citizen.id).filter((l) => l.direction === 'in')).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });

  it('processes stored events once the lock is gone, in order, none failed and none lost', async () => {
    // Three events stored before a restart, not processed yet.
    const first = await boot(3000);
    first.runner.pause();
    for (const text of ['первое', 'второе', 'третье'])
      await first.runner.accept(event('busycitizen03', text));
    first.store.close();
    apps = [];

    const app = await boot(150);
    const lock = await holdWriteLock(join(dir, 'assistant.sqlite'), 1200);
    await app.start();
    expect(app.store.inbox.pending(10)).toHaveLength(3);
    await lock.released;
    await waitFor(() => app.store.inbox.pending(10).length === 0, 'the stored events processed', {
      timeoutMs: 10_000,
    });
    await app.runner.idle();
    const citizen = app.store.citizens.findOrCreate('web', 'busycitizen03', 'busycitizen03', {
      locale: 'ru',
      now: Date.now(),
    });
    const incoming = app.store.transcript.list(citizen.id).filter((l) => l.direction === 'in');
    expect(incoming.map((l) => l.text)).toEqual(['первое', 'второе', 'третье']);
    expect(incoming.every((l) => l.outcome !== 'other' || l.detail !== null)).toBe(true);
    const retries = log.lines.filter((l) =>
      String(l.msg).startsWith('database locked by another connection'),
    );
    expect(retries.length).toBeGreaterThan(0);
    expect(
      log.lines.filter(
        (l) => l.msg === 'processing an incoming event failed; the citizen is told it is saved',
      ),
    ).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it('records a message sent while the database was locked as sent, without sending it twice', async () => {
    const sends: string[] = [];
    let lockHeld: Promise<{ released: Promise<void> }> | undefined;
    const slow: PlatformSender = {
      platform: 'cli',
      limits: { perChatPerSecond: 1000, globalPerSecond: 1000 },
      async send(_chatId, message) {
        sends.push(JSON.stringify(message.text));
        // The lock is taken while the platform call is in flight.
        lockHeld ??= holdWriteLock(join(dir, 'assistant.sqlite'), 1000);
        await lockHeld;
        await sleep(50);
        return { platformMessageIds: [String(sends.length)] };
      },
    };
    const app = await boot(150, { senders: [slow] });
    await app.start();
    await app.runner.accept({ ...event('busycitizen04', 'x', 'cli'), kind: 'start' });
    await app.runner.idle();
    await waitFor(() => lockHeld !== undefined, 'a send in flight');
    await (await lockHeld!).released;
    await waitFor(() => app.store.outbox.pendingCount() === 0, 'all marked sent', { timeoutMs: 10_000 });
    const items = app.store.outbox.listForChat('cli', 'busycitizen04', 0, 10);
    expect(items.every((i) => i.status === 'sent' && i.attempts === 1)).toBe(true);
    expect(sends).toHaveLength(items.length);
    expect(unhandled).toEqual([]);
  });
});
