/**
 * The HTTP client under grammY, against a real HTTP server on loopback: what grammY relies on (a JSON answer,
 * Telegram's error answers, keep-alive, its abort signal, a streamed body) and a broken connection failing the
 * call instead of hanging it. The Telegram tests in tests/e2e/telegram run the whole adapter over it.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
// The AbortController grammY's API client makes its signals with (its dependency).
import { AbortController as PolyfillAbortController } from 'abort-controller';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { leanFetch } from '../../../../src/bots/telegram/lean-fetch.js';

let server: Server | undefined;
afterEach(async () => {
  const open = server;
  server = undefined;
  if (!open) return;
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
});

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<string> {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    handler(req, res, Buffer.concat(chunks).toString('utf8'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

describe('lean fetch', () => {
  it('posts a JSON body and reads the JSON answer, Cyrillic intact, over one kept-alive connection', async () => {
    const sockets = new Set<unknown>();
    const root = await serve((req, res, body) => {
      sockets.add(req.socket);
      json(res, 200, { ok: true, result: { method: req.method, url: req.url, echo: JSON.parse(body) } });
    });
    for (let i = 0; i < 3; i++) {
      const res = await leanFetch(`${root}/bot123:abc/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: 1, text: `Здравствуйте, ${i}` }),
      });
      expect(res.ok).toBe(true);
      expect(await res.json()).toEqual({
        ok: true,
        result: {
          method: 'POST',
          url: '/bot123:abc/sendMessage',
          echo: { chat_id: 1, text: `Здравствуйте, ${i}` },
        },
      });
    }
    expect(sockets.size).toBe(1);
  });

  it("returns Telegram's error answers (429 with retry_after) as answers, not as failures", async () => {
    const root = await serve((_req, res) =>
      json(res, 429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: 3 },
      }),
    );
    const res = await leanFetch(`${root}/x`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(429);
    expect(res.ok).toBe(false);
    expect(await res.json()).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
  });

  it("sends a streamed body (grammY's form-data uploads)", async () => {
    const root = await serve((_req, res, body) => json(res, 200, { got: body }));
    const res = await leanFetch(`${root}/upload`, {
      method: 'POST',
      body: Readable.from(['часть 1, ', 'часть 2']),
    });
    expect(await res.json()).toEqual({ got: 'часть 1, часть 2' });
  });

  it("stops a hanging call when grammY's signal (the abort-controller polyfill) aborts", async () => {
    const root = await serve(() => {
      /* never answers */
    });
    const controller = new PolyfillAbortController();
    const started = Date.now();
    const call = leanFetch(`${root}/getUpdates`, {
      method: 'POST',
      body: '{}',
      signal: controller.signal as unknown as AbortSignal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails (does not hang) when the connection breaks before the answer or in the middle of it', async () => {
    const root = await serve((req, res) => {
      if (req.url === '/before') {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":tr');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await expect(leanFetch(`${root}/before`, { method: 'POST', body: '{}' })).rejects.toThrow();
    const res = await leanFetch(`${root}/middle`, { method: 'POST', body: '{}' });
    await expect(res.json()).rejects.toThrow();
  });

  it('refuses other protocols', async () => {
    await expect(leanFetch('ftp://127.0.0.1/x')).rejects.toThrow(/unsupported protocol/);
  });

  it('does not load undici, which an ES import of node:http loads on Node 22+ (14 MB more for the Telegram thread)', () => {
    // The module alone, in a fresh Node process, so that nothing else has loaded node:http before it.
    const source = readFileSync(
      new URL('../../../../src/bots/telegram/lean-fetch.ts', import.meta.url),
      'utf8',
    );
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const dir = mkdtempSync(join(tmpdir(), 'lean-fetch-'));
    try {
      const file = join(dir, 'lean-fetch.mjs');
      writeFileSync(file, outputText);
      const probe = `const before = new Set(process.moduleLoadList);
        await import(${JSON.stringify(pathToFileURL(file).href)});
        console.log(JSON.stringify(process.moduleLoadList.filter((name) => !before.has(name))));`;
      const loaded = JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }),
      ) as string[];
      expect(loaded).toContain('NativeModule http');
      expect(loaded.filter((name) => /undici|stream\/web/.test(name))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
