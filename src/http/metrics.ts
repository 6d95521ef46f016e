import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Registry, collectDefaultMetrics, Gauge, Histogram } from 'prom-client';
import type { JobsOverview } from '../jobs/jobs.service.ts';
import { AppError } from '../shared/errors.ts';
import { installDomainMetrics, type DomainMetricSources } from './domain-metrics.ts';

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

/**
 * The job queue, read from the database when scraped (so every process reports the whole queue): depth
 * by kind and state, lag (how long the oldest due job has waited) and dead letters. One read serves
 * the three gauges of a scrape.
 */
function installJobGauges(registry: Registry, jobs: { overview(): Promise<JobsOverview> }): void {
  let pending: Promise<JobsOverview> | undefined;
  const snapshot = () => {
    pending ??= jobs.overview().finally(() => setTimeout(() => (pending = undefined), 100).unref());
    return pending;
  };
  new Gauge({
    name: 'vigil_jobs',
    help: 'Jobs in the queue by kind and state (done jobs until they are pruned)',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      const { counts } = await snapshot();
      this.reset();
      for (const c of counts) this.set({ kind: c.kind, state: c.state }, c.count);
    },
  });
  new Gauge({
    name: 'vigil_job_lag_seconds',
    help: 'How long the oldest due queued job has waited to start',
    registers: [registry],
    async collect() {
      this.set((await snapshot()).oldestQueuedAgeSeconds);
    },
  });
  new Gauge({
    name: 'vigil_job_dead_letters',
    help: 'Jobs out of attempts, waiting for a person (vigil jobs retry)',
    registers: [registry],
    async collect() {
      this.set((await snapshot()).dead);
    },
  });
}

/**
 * Prometheus metrics: process defaults, request latency by route pattern (never raw URLs: unbounded labels),
 * the job queue, and the moderation and detection figures of domain-metrics.ts.
 */
export function installMetrics(
  app: FastifyInstance,
  opts: { token?: string; jobs?: { overview(): Promise<JobsOverview> } } & DomainMetricSources = {},
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (opts.jobs) installJobGauges(registry, opts.jobs);
  const stopDomainMetrics = installDomainMetrics(registry, opts);
  app.addHook('onClose', async () => stopDomainMetrics());
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
  app.get(
    '/metrics',
    {
      schema: { hide: true, response: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } },
      config: { ownBearer: true },
    },
    async (req, reply) => {
      try {
        metricsAllowed(req, opts.token);
      } catch (err) {
        if (err instanceof AppError && err.status === 401) reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw err;
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
  return registry;
}
