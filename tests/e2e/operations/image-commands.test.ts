/**
 * The operator's commands inside the production image (`docker exec <container> npm run console:user -- add ...`,
 * `npm run kb:check` on a mounted data folder) need their files in the image. These machines have no Docker engine,
 * so the image's /app is assembled from what the Dockerfile's last stage copies (node_modules, built in the build
 * stage, is the checkout's own), and the commands run there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

function assembleImage() {
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
