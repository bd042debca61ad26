/** Liveness and readiness for operators and orchestrators. */
import type { FastifyInstance } from 'fastify';
import type { Channel } from '../bots/channel.js';
import type { KnowledgeService } from '../knowledge/knowledge-service.js';
import type { Store } from '../storage/store.js';

export function registerHealthRoutes(
  server: FastifyInstance,
  deps: { store: Store; knowledge: KnowledgeService<unknown>; channels: readonly Channel[] },
): void {
  server.get('/healthz', async () => ({ status: 'ok' }));
  server.get('/readyz', async (_request, reply) => {
    const database = deps.store.ping();
    const entries = deps.knowledge.current().kb.entries.length;
    const messengers = Object.fromEntries(deps.channels.map((c) => [c.platform, c.isConnected()]));
    const ready = database && entries > 0 && Object.values(messengers).every(Boolean);
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not ready', database, knowledgeEntries: entries, messengers });
  });
}
