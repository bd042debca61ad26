/**
 * The HTTP client grammY's API client calls, on node:http(s) directly instead of node-fetch.
 *
 * grammY uses one thing of the response, `json()`, and sends JSON bodies (a stream only for file uploads, which the
 * assistant does not make). node-fetch builds a WHATWG Request, Headers, a Body stream and a Response around every
 * call; under load that machinery was a larger share of the CPU than the request itself (see the README's capacity
 * notes). This keeps what grammY relies on: keep-alive agents, the abort signal it times calls out with, streamed
 * bodies, and an error (not a hang) when the connection breaks.
 */
import type * as Http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

// Required, not imported: an ES import of node:http builds its namespace by reading every export, and on Node 22+
// that includes the lazy WebSocket, CloseEvent and MessageEvent getters, which load undici (14 MB more than a require
// in a fresh Node 26 process; 1–5 MB in the Telegram thread, where nothing else loads undici). A test checks it.
const { Agent: HttpAgent, request: httpRequest } = createRequire(import.meta.url)('node:http') as typeof Http;

/** What grammY passes (its `baseFetchConfig` merged with a JSON or form-data payload). */
export interface LeanFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable;
  signal?: AbortSignal | null;
}

export interface LeanResponse {
  readonly status: number;
  readonly ok: boolean;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export class LeanFetchError extends Error {
  override readonly name = 'LeanFetchError';
}

const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
};

function abortError(signal: AbortSignal): Error {
  // grammY's signals come from the abort-controller polyfill, which has no `reason`.
  const reason: unknown = (signal as { reason?: unknown }).reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

/** Reads the whole body; the promise fails if the connection breaks or the signal aborts first. */
function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(new LeanFetchError('the connection closed before the whole answer came'));
    });
  });
}

export function leanFetch(input: string | URL, init: LeanFetchInit = {}): Promise<LeanResponse> {
  const url = typeof input === 'string' ? new URL(input) : input;
  const { signal } = init;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const isHttps = url.protocol === 'https:';
  if (!isHttps && url.protocol !== 'http:')
    return Promise.reject(new LeanFetchError(`unsupported protocol ${url.protocol}`));
  const body = init.body;
  const headers: Record<string, string | number> = { ...init.headers };
  if (typeof body === 'string') headers['content-length'] = Buffer.byteLength(body);
  else if (body instanceof Uint8Array) headers['content-length'] = body.byteLength;

  return new Promise((resolve, reject) => {
    const req = (isHttps ? httpsRequest : httpRequest)(url, {
      method: init.method ?? 'GET',
      headers,
      agent: isHttps ? agents['https:'] : agents['http:'],
    });
    const onAbort = () => req.destroy(abortError(signal!));
    signal?.addEventListener('abort', onAbort);
    const done = () => signal?.removeEventListener('abort', onAbort);
    // An error after the answer began fails the body instead (readBody); this promise is settled by then.
    req.on('error', (error) => {
      done();
      reject(error);
    });
    req.on('response', (res) => {
      // The body is read at once, so that a caller who never asks for it does not hold the connection.
      const text = readBody(res);
      text.then(done, done);
      const status = res.statusCode ?? 0;
      resolve({
        status,
        ok: status >= 200 && status < 300,
        text: () => text,
        json: () => text.then((t) => JSON.parse(t) as unknown),
      });
    });
    if (body === undefined) req.end();
    else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
    else body.pipe(req);
  });
}
