import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Registry, collectDefaultMetrics, Histogram } from 'prom-client';
import { AppError } from '../shared/errors.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * With a token, /metrics needs `Authorization: Bearer <token>` from everyone. Without one it answers only
 * this machine: a request from a loopback address carrying no forwarding header. A reverse proxy on the
 * same machine connects from loopback too, but adds X-Forwarded-For, so what it forwards is refused.
 */
export function metricsAllowed(req: FastifyRequest, token: string | undefined): void {
  if (token) {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    // Equal-length digests: the comparison takes the same time whatever was sent.
    const digest = (s: string) => createHash('sha256').update(s).digest();
    if (!m || !timingSafeEqual(digest(m[1]), digest(token))) {
      throw new AppError(401, 'unauthorized', 'Metrics need the bearer token set in VIGIL_METRICS_TOKEN.');
    }
    return;
  }
  const local = LOOPBACK.has(req.socket.remoteAddress ?? '') && !FORWARDING_HEADERS.some((h) => h in req.headers);
  if (!local) throw new AppError(403, 'metrics_forbidden', 'Metrics are served only to this machine unless VIGIL_METRICS_TOKEN is set.');
}

/** Prometheus metrics: process defaults plus request latency by route pattern (never raw URLs: unbounded labels). */
export function installMetrics(app: FastifyInstance, opts: { token?: string } = {}): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'vigil_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true }, config: { ownBearer: true } }, async (req, reply) => {
    try {
      metricsAllowed(req, opts.token);
    } catch (err) {
      if (err instanceof AppError && err.status === 401) reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw err;
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
