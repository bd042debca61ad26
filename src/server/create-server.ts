/**
 * The HTTP server (fastify): webhooks, the local web chat, health. Errors never leak internals: a 5xx answers
 * with a generic message and the details go to the log.
 */
import type { Socket } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { fastifyTrustProxy, type TrustProxy } from '../config/trust-proxy.js';

/** Each server's open connections (closeServer ends those that never sent a request). */
const connections = new WeakMap<FastifyInstance, Set<Socket>>();

export interface ServerOptions {
  logger: Logger;
  /** Largest request body accepted anywhere (bytes); larger ones are refused before parsing. */
  bodyLimit?: number;
  /**
   * Which proxies may set X-Forwarded-For (TRUST_PROXY); default none. Never `true`: then any client could name
   * its own address and slip past the console's per-address login limit.
   */
  trustProxy?: TrustProxy;
}

export function createServer(options: ServerOptions): FastifyInstance {
  const server: FastifyInstance = Fastify({
    // Request lines are logged at info; the server's own logger stays at warn so that routine requests (and their
    // URLs) are not logged, while errors are.
    loggerInstance: options.logger.child(
      { component: 'http' },
      { level: 'warn' },
    ) as unknown as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    return503OnClosing: true,
  });
  server.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error, url: request.routeOptions.url }, 'request failed');
      return reply.code(status).send({ error: 'internal error' });
    }
    return reply.code(status).send({ error: error.validation ? 'invalid request' : error.message });
  });
  server.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' }));
  const open = new Set<Socket>();
  connections.set(server, open);
  server.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return server;
}

/** How long requests in flight at shutdown may take before their connections are cut. */
export const CLOSE_GRACE_MS = 1_000;

/**
 * Closes the server, letting requests in flight finish. fastify closes the connections that are idle when close()
 * starts; one whose request finishes later (a console page, the live-update stream ended at shutdown) then stays
 * open until the client drops it or keepAliveTimeout (72 s) ends it, and holds the shutdown up that long. So idle
 * connections are closed again every 100 ms until the server is closed. So are connections that never sent a byte:
 * browsers open spare ones ahead of need (a console page open at shutdown did), which Node counts as busy until its
 * headers timeout (30–90 s with its 30-s check), so they held the shutdown past any sensible stop timeout.
 * Requests still in flight after `graceMs` are cut: every open web chat page keeps a long poll (25 s) in flight and a
 * client can trickle a body, and either ran out SHUTDOWN_TIMEOUT_MS before anything queued was processed. A webhook
 * cut this way is sent again by the platform (and recognised if it was stored); a web chat page polls again.
 */
export async function closeServer(
  server: FastifyInstance,
  options: { graceMs?: number } = {},
): Promise<void> {
  const graceMs = options.graceMs ?? CLOSE_GRACE_MS;
  const started = Date.now();
  const sweep = setInterval(() => {
    server.server.closeIdleConnections();
    const late = Date.now() - started >= graceMs;
    for (const socket of connections.get(server) ?? []) if (late || socket.bytesRead === 0) socket.destroy();
  }, 100);
  try {
    await server.close();
  } finally {
    clearInterval(sweep);
  }
}
