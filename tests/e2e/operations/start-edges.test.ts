/**
 * The edges of `npm start` an operator meets. A port that cannot be listened on is explained like a configuration
 * problem (exit status 2, naming PORT or HOST), not a stack trace. SIGTERM while the assistant is still starting: /healthz already answers (and the web chat takes messages) before
 * the messengers, the console and the resumed backlog are up. An orchestrator that stops a container at that
 * moment (a rollout cancelled, a scale-down) must get the same graceful stop as later, not a process killed by the
 * signal (and, as PID 1 in a container, a signal with no handler is ignored until docker's SIGKILL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'src/main.ts');

let children: ChildProcess[] = [];
let dirs: string[] = [];
afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  children = [];
  dirs = [];
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * src/main.ts in a child process with only these variables set (PORT, a database in `dir`, LOG_LEVEL, `extra`);
 * `preload`: more modules for node's --import.
 */
function startMain(
  port: string,
  dir: string,
  logLevel: string,
  extra: Record<string, string> = {},
  preload: string[] = [],
) {
  return spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'assistant.sqlite'),
      LOG_LEVEL: logLevel,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('SIGTERM during the start', () => {
  it('right after /healthz first answers: a graceful stop, exit status 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assistant-early-'));
    dirs.push(dir);
    const port = await freePort();
    const child = startMain(String(port), dir, 'info');
    children.push(child);
    let stdout = '';
    child.stdout!.on('data', (c) => {
      stdout += String(c);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const started = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - started < 30_000 && child.exitCode === null) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(healthy).toBe(true);
    child.kill('SIGTERM');
    const signalledAt = Date.now();
    const end = await exited;
    expect(end, stdout.slice(-2000)).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(8_000);
    expect(stdout).toContain('"msg":"shutting down"');
    expect(stdout).toContain('"msg":"stopped"');
  }, 60_000);
});

describe('SIGTERM while the modules load', () => {
  it('before the app exists (nothing is open yet): exit status 0, not killed by the signal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assistant-loading-'));
    dirs.push(dir);
    // The app's modules take about a second to load; the fixture holds them two seconds and says when they start.
    const slow = pathToFileURL(join(ROOT, 'tests/e2e/operations/fixtures/slow-app-load.mjs')).href;
    const child = startMain('0', dir, 'info', {}, [slow]);
    children.push(child);
    let stderr = '';
    const loading = new Promise<void>((resolve) =>
      child.stderr!.on('data', (c) => {
        stderr += String(c);
        if (stderr.includes('slow-app-load: loading the app')) resolve();
      }),
    );
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await loading;
    child.kill('SIGTERM');
    const signalledAt = Date.now();
    expect(await exited, stderr).toEqual({ code: 0, signal: null });
    // It exits once the modules have loaded, not after starting the app: the fixture's 2 s and the modules' ~1 s, up to
    // 5 s on a slow hour of these machines (5,055 ms once on Node 26 under load; the bound was 5 s).
    expect(Date.now() - signalledAt).toBeLessThan(15_000);
  }, 60_000);
});

describe('a port that cannot be listened on', () => {
  it('is explained, naming PORT, with exit status 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assistant-port-'));
    dirs.push(dir);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const child = startMain(String(port), dir, 'warn');
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (c) => {
        stderr += String(c);
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, stderr).toBe(2);
      expect(stderr).toBe(
        `Cannot listen on 127.0.0.1:${port}: another process uses that port. Set PORT to a free one, or stop the other process.\n`,
      );
    } finally {
      taken.close();
    }
  }, 60_000);
});

describe('a started assistant', () => {
  it('logs one JSON line saying what is on, for log pipelines that skip the plain-text summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assistant-started-'));
    dirs.push(dir);
    const child = startMain('0', dir, 'info', { CONSOLE_DEMO_ACCOUNT: 'false' });
    children.push(child);
    let stdout = '';
    child.stdout!.on('data', (c) => {
      stdout += String(c);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const started = Date.now();
    // The log line and the summary are written separately; under load the summary can come first.
    while (
      !(/Limits:/.test(stdout) && stdout.includes('"msg":"started"')) &&
      Date.now() - started < 30_000 &&
      child.exitCode === null
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const line = stdout.split('\n').find((l) => l.includes('"msg":"started"'));
    expect(line, stdout).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      level: 30,
      msg: 'started',
      address: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      webChat: true,
      telegram: 'off',
      vk: 'off',
      console: true,
      database: join(dir, 'assistant.sqlite'),
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
