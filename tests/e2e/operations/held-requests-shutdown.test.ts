/**
 * Requests that would hold a shutdown up for long: every open web chat page keeps a long poll (up to 25 s) in
 * flight, and a client can trickle a request body. A SIGTERM with a citizen on the web chat page ran out
 * SHUTDOWN_TIMEOUT_MS waiting for the HTTP server (exit 1, queued events left unprocessed, the outbox unflushed);
 * now such requests are cut a second after the server stops accepting.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { createTestApp } from '../../support/test-app.js';
import { sleep } from '../../support/wait-for.js';

let app: App | undefined;

afterEach(async () => {
  await app?.stop({ timeoutMs: 2_000 });
  app = undefined;
});

async function stopsWithin(limitMs: number): Promise<void> {
  const started = Date.now();
  const outcome = await Promise.race([
    app!.stop({ timeoutMs: 4_000, flushTimeoutMs: 200 }).then(() => 'stopped'),
    sleep(8_000).then(() => 'still waiting'),
  ]);
  expect(outcome).toBe('stopped');
  expect(Date.now() - started).toBeLessThan(limitMs);
}

it("does not wait for a web chat page's long poll", async () => {
  app = await createTestApp({ webChat: true });
  const address = await app.start();
  const ended = new Promise<string>((resolve) => {
    const req = request(`${address}/api/chat/messages?sessionId=held-request-01&after=0&wait=1`, (res) => {
      res.resume();
      res.on('end', () => resolve(`answered ${res.statusCode}`));
      res.on('error', () => resolve('cut'));
    });
    req.on('error', () => resolve('cut'));
    req.end();
  });
  await sleep(300);
  await stopsWithin(3_000);
  expect(['cut', 'answered 200']).toContain(await ended);
});

it('does not wait for a client trickling a request body', async () => {
  app = await createTestApp({ webChat: true });
  const address = new URL(await app.start());
  const socket = connect(Number(address.port), address.hostname);
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'POST /api/chat/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sess',
  );
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await sleep(300);
  await stopsWithin(3_000);
  await closed;
});
