/**
 * The operator's commands inside the production image (`docker exec <container> npm run console:user -- add ...`,
 * `npm run kb:check` on a mounted data folder) need their files in the image. These machines have no Docker engine,
 * so the image's /app is assembled from what the Dockerfile's last stage copies (node_modules, built in the build
 * stage, is the checkout's own), and the commands run there.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The COPY lines of the Dockerfile's last stage, as [sources, destination] relative to WORKDIR /app. */
function runtimeCopies(): { from: string | undefined; sources: string[]; dest: string }[] {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const lines = dockerfile.split('\n');
  const lastFrom = lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true);
  const copies = [];
  for (const line of lines.slice(lastFrom + 1)) {
    const match = /^COPY\s+(.*)$/i.exec(line.trim());
    if (!match) continue;
    const words = match[1]!.split(/\s+/);
    const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((w) => !w.startsWith('--'));
    copies.push({ from, sources: paths.slice(0, -1), dest: paths.at(-1)!.replace(/^\/app\/?/, './') });
  }
  return copies;
}

const app = mkdtempSync(join(tmpdir(), 'assistant-image-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

let assembled = false;
function assembleImage() {
  if (assembled) return;
  assembled = true;
  for (const { from, sources, dest } of runtimeCopies()) {
    for (const source of sources) {
      const name = source.replace(/^\/app\//, '');
      const target = dest.endsWith('/') ? join(app, dest, name.split('/').at(-1)!) : join(app, dest);
      mkdirSync(dirname(target), { recursive: true });
      if (from !== undefined) {
        // From the build stage: the checkout's node_modules stands for the pruned one; dist is not needed here.
        if (name === 'node_modules') symlinkSync(join(ROOT, 'node_modules'), target);
        continue;
      }
      cpSync(join(ROOT, source), target, { recursive: true });
    }
  }
}

function npmRun(args: string[]) {
  return spawnSync('npm', ['run', '--silent', ...args], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: app,
      NODE_ENV: 'production',
      DATABASE_URL: join(app, 'var', 'assistant.sqlite'),
      DATA_DIR: join(app, 'data'),
      npm_config_update_notifier: 'false',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the operator commands in the production image', () => {
  it('console:user creates and lists console accounts; kb:check checks the data folder', () => {
    assembleImage();
    const added = npmRun(['console:user', '--', 'add', 'anna', '--role', 'supervisor']);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('Created supervisor "anna"');
    const listed = npmRun(['console:user', '--', 'list']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^anna\tsupervisor\tactive/m);
    const checked = npmRun(['kb:check']);
    expect(checked.status, checked.stderr + checked.stdout).toBe(0);
    expect(checked.stdout).toMatch(/OK: 0 errors/);
  }, 120_000);
});

describe('what node_modules links to', () => {
  it('is in the image: a package the lock file links from the checkout (the telegraf stand-in) is copied', () => {
    assembleImage();
    // npm ci makes a `file:` dependency a link into the checkout; the build stage's node_modules keeps the link.
    const links = readdirSync(join(ROOT, 'node_modules'), { withFileTypes: true })
      .filter((entry) => entry.isSymbolicLink())
      .map((entry) => {
        const target = resolve(ROOT, 'node_modules', readlinkSync(join(ROOT, 'node_modules', entry.name)));
        return relative(ROOT, target);
      })
      .filter((target) => !target.startsWith('node_modules'));
    expect(links).toContain(join('stubs', 'telegraf'));
    expect(links.filter((target) => !existsSync(join(app, target)))).toEqual([]);
  }, 120_000);
});

/** The HEALTHCHECK's command, as Docker runs it (shell form: /bin/sh -c). */
function healthCheckCommand(): string {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const line = dockerfile.split('\n').find((l) => /^HEALTHCHECK\s/i.test(l));
  const command = /\sCMD\s+(.*)$/.exec(line ?? '')?.[1];
  expect(command, 'the Dockerfile has a HEALTHCHECK with a CMD').toBeDefined();
  return command!;
}

/** Runs the health check as the container would, with HOST and PORT as the container has them. */
function runHealthCheck(env: Record<string, string>): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn('/bin/sh', ['-c', healthCheckCommand()], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    child.on('exit', (code) => done(code));
  });
}

/** A server answering /healthz as the assistant does, listening on `host` only. */
async function healthz(host: string): Promise<{ server: Server; port: string }> {
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/healthz' ? 200 : 404;
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((ready) => server.listen(0, host, ready));
  return { server, port: String((server.address() as AddressInfo).port) };
}

describe("the image's health check", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it('calls the address the app listens on: HOST when it is one address, the loopback when it is all of them', async () => {
    // 127.0.0.2 is this machine's (all of 127/8 is loopback on Linux), but nothing listens on 127.0.0.1 then.
    const one = await healthz('127.0.0.2');
    servers.push(one.server);
    expect(await runHealthCheck({ HOST: '127.0.0.2', PORT: one.port })).toBe(0);
    const all = await healthz('0.0.0.0');
    servers.push(all.server);
    expect(await runHealthCheck({ HOST: '0.0.0.0', PORT: all.port })).toBe(0);
    expect(await runHealthCheck({ PORT: all.port })).toBe(0);
    // Nothing there: unhealthy.
    all.server.close();
    expect(await runHealthCheck({ HOST: '0.0.0.0', PORT: all.port })).toBe(1);
  });

  it('puts an IPv6 HOST in brackets', async (context) => {
    let six: { server: Server; port: string };
    try {
      six = await healthz('::1');
    } catch {
      context.skip(); // no IPv6 loopback on this machine
      return;
    }
    servers.push(six.server);
    expect(await runHealthCheck({ HOST: '::1', PORT: six.port })).toBe(0);
  });
});

describe('the build context (.dockerignore)', () => {
  const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  expect(patterns.some((p) => p.startsWith('!'))).toBe(false); // the check below knows no exceptions
  /** Whether Docker leaves `path` out of the context: a pattern matches it or a folder it is in. */
  const ignored = (path: string) =>
    path
      .split('/')
      .map((_, i, parts) => parts.slice(0, i + 1).join('/'))
      .some((prefix) => patterns.some((pattern) => matchesGlob(prefix, pattern)));

  it('leaves out databases at any depth, every .env file and test coverage: the builder is not sent them', () => {
    for (const path of [
      'assistant.sqlite',
      'var/assistant.sqlite-wal',
      'data/console/old.sqlite',
      'scripts/bench/run.sqlite-shm',
      '.env',
      '.env.local',
      '.env.production',
      'coverage/lcov.info',
    ])
      expect(ignored(path), path).toBe(true);
  });

  it('keeps everything the Dockerfile copies from the checkout', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const sources = [...dockerfile.matchAll(/^COPY\s+(?!--from)(.*)$/gim)].flatMap((m) =>
      m[1]!.trim().split(/\s+/).slice(0, -1),
    );
    expect(sources).toContain('stubs');
    expect(sources.filter(ignored)).toEqual([]);
  });
});
