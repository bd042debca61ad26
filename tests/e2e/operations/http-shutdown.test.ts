/**
 * Stopping the HTTP server while a browser-like client (keep-alive connections) has a request in flight: the request
 * is answered, and the shutdown does not wait for the client's then idle connection (fastify would keep it until its
 * 72-s keep-alive timeout; in the console browser test that held the shutdown up for over a minute). Nor does it wait
 * for a connection that never sent a request (a browser's spare connection), which Node keeps until its headers
 * timeout.
 */
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import { createTestApp } from '../../support/test-app.js';
import { gate, sleep } from '../../support/wait-for.js';

let app: App | undefined;
const agent = new Agent({ keepAlive: true });

afterEach(async () => {
  agent.destroy();
  await app?.stop({ timeoutMs: 2_000 });
  app = undefined;
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('answers a request in flight at shutdown and then closes its keep-alive connection at once', async () => {
  app = await createTestApp({ webChat: false });
  const held = gate();
  let arrived = false;
  // A slow page stands in for any request the server is still answering when the shutdown starts.
  app.server.get('/test/slow', async () => {
    arrived = true;
    await held.passed;
    return { done: true };
  });
  const address = await app.start();
  expect((await get(`${address}/healthz`)).status).toBe(200);

  const answer = get(`${address}/test/slow`);
  while (!arrived) await sleep(5);
  const started = Date.now();
  const stopped = app.stop({ flushTimeoutMs: 200 });
  await sleep(300);
  held.open();
  expect(await answer).toEqual({ status: 200, body: '{"done":true}' });
  const outcome = await Promise.race([
    stopped.then(() => 'stopped'),
    sleep(5_000).then(() => 'still waiting'),
  ]);
  expect(outcome).toBe('stopped');
  expect(Date.now() - started).toBeLessThan(5_000);
});

it('does not wait for a connection that never sent a request', async () => {
  app = await createTestApp({ webChat: false });
  const address = new URL(await app.start());
  const spare: Socket = connect(Number(address.port), address.hostname);
  await new Promise((resolve) => spare.once('connect', resolve));
  const closed = new Promise((resolve) => spare.once('close', resolve));
  spare.on('error', () => {});
  const started = Date.now();
  const outcome = await Promise.race([
    app.stop({ flushTimeoutMs: 200 }).then(() => 'stopped'),
    sleep(5_000).then(() => 'still waiting'),
  ]);
  expect(outcome).toBe('stopped');
  expect(Date.now() - started).toBeLessThan(2_000);
  await closed;
});
