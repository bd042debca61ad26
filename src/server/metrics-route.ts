/**
 * `GET /metrics` for Prometheus. The figures carry no personal data, but they tell an outsider how busy the
 * service is and how it fails; the port is public as soon as webhooks are on. So with METRICS_TOKEN set the
 * scraper must send `Authorization: Bearer <token>` (compared in constant time); without it /metrics is open, for
 * deployments where only the internal network reaches the port or the proxy blocks the path.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppMetrics } from '../app/metrics.js';

export const METRICS_PATH = '/metrics';

function sameToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}

export function registerMetricsRoute(
  server: FastifyInstance,
  deps: { metrics: AppMetrics; token: string | undefined },
): void {
  server.get(METRICS_PATH, async (request, reply) => {
    if (deps.token !== undefined && !sameToken(request.headers.authorization, deps.token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'metrics need Authorization: Bearer <METRICS_TOKEN>' });
    }
    const body = await deps.metrics.render();
    return reply.code(200).type(deps.metrics.contentType).send(body);
  });
}
