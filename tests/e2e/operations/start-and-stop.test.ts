/**
 * The production entry point (`src/main.ts`) as an operator runs it: configuration problems and an unusable
 * database are explained and exit with status 2; a good start prints what is on; SIGTERM in the middle of traffic
 * stops taking requests, finishes what was accepted, flushes the outbox and closes the database; a shutdown held up
 * by a locked database ends within SHUTDOWN_TIMEOUT_MS and loses nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/main.ts');

let children: ChildProcess[] = [];
let dirs: string[] = [];
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  children = [];
  dirs = [];
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    // Only what the test sets: the developer's own variables must not leak in.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const out = { stdout: '', stderr: '', signal: null as NodeJS.Signals | null };
  child.stdout!.on('data', (c) => {
    out.stdout += String(c);
  });
  child.stderr!.on('data', (c) => {
    out.stderr += String(c);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      out.signal = signal;
      resolve(code);
    }),
  );
  return { child, out, exited };
}

/**
 * How a process ended, for an exit-code assertion's message: the one failure seen here (once in ~10 full runs, not
 * reproduced in 24 runs of the test alone) was an exit by a signal after SIGTERM, and the code alone does not say which.
 */
function howItEnded(r: ReturnType<typeof run>): string {
  return `ended by signal ${r.out.signal ?? 'none'}; stderr ends: ${r.out.stderr.slice(-2000)}`;
}

/** Waits for the start-up summary; returns the web chat's base URL. */
async function running(r: ReturnType<typeof run>): Promise<string> {
  const started = Date.now();
  while (!/Limits:/.test(r.out.stdout) && Date.now() - started < 30_000 && r.child.exitCode === null)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const base = /Web chat: {2}(http:\/\/127\.0\.0\.1:\d+)\//.exec(r.out.stdout)?.[1];
  if (!base) throw new Error(`not running:\n${r.out.stdout}\n${r.out.stderr}`);
  return base;
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'assistant-main-'));
  dirs.push(dir);
  return dir;
}

/** A citizen of the web chat writes; resolves with the HTTP status (0: refused, the server no longer listens). */
function postText(base: string, i: number): Promise<number> {
  return fetch(`${base}/api/chat/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sessionId: `shutdown-citizen-${i % 5}`,
      eventId: `shutdown-event-${i}`,
      kind: 'text',
      text: 'как оформить единое пособие на ребенка',
    }),
  }).then(
    (r) => r.status,
    () => 0,
  );
}

describe('npm start', () => {
  it('explains every configuration problem and exits with status 2', async () => {
    const { out, exited } = run({
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_MODE: 'webhook',
      RETENTION_DAYS: '0',
      LOG_LEVEL: 'loud',
    });
    expect(await exited).toBe(2);
    // Zod's problems come first; the cross-variable checks need valid values and follow once those are fixed.
    expect(out.stderr).toBe(
      [
        'Configuration is not valid:',
        '  - LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        '  - RETENTION_DAYS must be at least 1',
        'See .env.example for every variable.',
        '',
      ].join('\n'),
    );
    expect(out.stdout).toBe('');
  }, 30_000);

  it('says which database it cannot open and why', async () => {
    const dir = tempDir();
    // A folder that cannot be created: its parent is a file.
    writeFileSync(join(dir, 'not-a-folder'), '');
    const path = join(dir, 'not-a-folder', 'assistant.sqlite');
    const { out, exited } = run({ DATABASE_URL: path, PORT: '0' });
    expect(await exited).toBe(2);
    expect(out.stderr).toContain(`Cannot open the database at ${path}: `);
    expect(out.stderr).toContain('Check DATABASE_URL, and that its folder exists or can be created');
  }, 30_000);

  it('prints what is on, and on SIGTERM finishes accepted messages, flushes the outbox and closes the database', async () => {
    const dir = tempDir();
    const database = join(dir, 'assistant.sqlite');
    const process1 = run({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      LOG_LEVEL: 'warn',
      CONSOLE_DEMO_ACCOUNT: 'false',
    });
    const { child, out, exited } = process1;
    await running(process1);
    expect(out.stdout).toMatch(
      /^Social welfare assistant is running\.\n {2}Web chat: {2}http:\/\/127\.0\.0\.1:\d+\//,
    );
    expect(out.stdout).toContain('  Telegram:  off (set TELEGRAM_BOT_TOKEN)');
    expect(out.stdout).toContain('  VK:        off (set VK_GROUP_TOKEN and VK_GROUP_ID)');
    expect(out.stdout).toMatch(/ {2}Console: {3}http:\/\/127\.0\.0\.1:\d+\/console/);
    expect(out.stdout).toMatch(/ {2}Metrics: {3}http:\/\/127\.0\.0\.1:\d+\/metrics/);
    const base = /Web chat: {2}(http:\/\/127\.0\.0\.1:\d+)\//.exec(out.stdout)![1]!;

    // Process figures are exported by the real process.
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('process_resident_memory_bytes');

    const post = (i: number) => postText(base, i);
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i)));
    expect(first.every((s) => s === 202)).toBe(true);
    const during = Array.from({ length: 20 }, (_, i) => post(20 + i));
    child.kill('SIGTERM');
    const statuses = [...first, ...(await Promise.all(during))];
    expect(await exited, howItEnded(process1)).toBe(0);
    expect(out.stderr).toBe('');

    // Every message that was accepted (202) was processed and answered; nothing is left in the outbox; the
    // database was closed cleanly (its write-ahead log checkpointed and removed).
    expect(existsSync(`${database}-wal`)).toBe(false);
    const db = new Database(database, { readonly: true });
    try {
      const accepted = statuses.filter((s) => s === 202).length;
      expect(accepted).toBeGreaterThanOrEqual(20);
      const events = db.prepare('SELECT status, count(*) AS n FROM inbound_events GROUP BY status').all();
      expect(events).toEqual([{ status: 'done', n: accepted }]);
      const outbox = db.prepare("SELECT count(*) AS n FROM outbox WHERE status != 'sent'").get() as {
        n: number;
      };
      expect(outbox.n).toBe(0);
      const answered = db
        .prepare("SELECT count(DISTINCT inbound_event_id) AS n FROM messages WHERE direction = 'in'")
        .get() as { n: number };
      expect(answered.n).toBe(accepted);
    } finally {
      db.close();
    }
    // Requests after the signal were refused (503 or connection refused), never accepted and lost.
    expect(statuses.every((s) => s === 202 || s === 503 || s === 0)).toBe(true);
  }, 60_000);

  it('ends a shutdown held up by a locked database within SHUTDOWN_TIMEOUT_MS; the next start answers what was left', async () => {
    const dir = tempDir();
    const database = join(dir, 'assistant.sqlite');
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database,
      LOG_LEVEL: 'error',
      CONSOLE_DEMO_ACCOUNT: 'false',
      SHUTDOWN_TIMEOUT_MS: '2000',
      DATABASE_BUSY_TIMEOUT_MS: '200',
    };
    const first = run(env);
    const base = await running(first);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => postText(base, i)));
    expect(statuses.every((s) => s === 202)).toBe(true);
    // Another process takes the write lock and keeps it: nothing more can be processed, marked sent or closed.
    const locker = new Database(database);
    locker.pragma('busy_timeout = 5000');
    locker.exec('BEGIN IMMEDIATE');
    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    const code = await first.exited;
    const tookMs = Date.now() - signalledAt;
    locker.exec('ROLLBACK');
    locker.close();
    expect([0, 1], howItEnded(first)).toContain(code);
    expect(tookMs).toBeLessThan(2_000 + 1_500);

    // Started again on the same file: every accepted message is processed and answered once.
    const second = run(env);
    await running(second);
    const db = new Database(database, { readonly: true });
    try {
      const done = () =>
        (db.prepare("SELECT count(*) AS n FROM inbound_events WHERE status = 'done'").get() as { n: number })
          .n;
      const startedAt = Date.now();
      while (done() < 20 && Date.now() - startedAt < 10_000) await new Promise((r) => setTimeout(r, 100));
      expect(done()).toBe(20);
      const replies = db
        .prepare("SELECT count(DISTINCT inbound_event_id) AS n FROM messages WHERE direction = 'in'")
        .get() as { n: number };
      expect(replies.n).toBe(20);
    } finally {
      db.close();
    }
    second.child.kill('SIGTERM');
    expect(await second.exited, howItEnded(second)).toBe(0);
  }, 60_000);
});
