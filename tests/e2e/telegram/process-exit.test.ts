/**
 * After stop(), nothing of the channel keeps Node running: no timers, no sockets, no pending long poll.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/run-and-stop.ts', import.meta.url));

it('lets the process exit by itself after stop()', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const exitedAt = Date.now();
  clearTimeout(killer);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const doneAt = Number(/done (\d+)/.exec(stdout)?.[1]);
  // Exiting takes a moment (longer on a busy machine), but nothing may wait for a timer or a socket: a leaked
  // long poll (10 s here) or a pending back-off would hold the process well beyond this.
  expect(exitedAt - doneAt, stdout).toBeLessThan(3_000);
}, 30_000);
