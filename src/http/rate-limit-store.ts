// Where rate-limit counters live. With VIGIL_REDIS_URL they are kept in Redis, so every API process counts
// against the same budget; without it, in this process's memory (one process, or each on its own).
//
// When Redis cannot be reached, limited requests are let through (fail open: reporting stays available)
// rather than refused: see DECISIONS, "Shared limits fail open". The outage is logged once when it starts
// and once when it ends, and shown by the `vigil_rate_limit_store_up` gauge in /metrics.
import { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';

/** What @fastify/rate-limit is given, and the state operators see. */
export interface RateLimitStore {
  /** The shared client, or undefined to count in memory. */
  redis?: Redis;
  /** Prefix of every counter's key in Redis. */
  prefix: string;
  /** 'memory' (this process only), 'redis' (shared), or 'unavailable' (Redis unreachable: not enforced). */
  state(): 'memory' | 'redis' | 'unavailable';
  close(): Promise<void>;
}

// Small, so a request never waits long for a counter: a report is worth more than a precise count.
const CONNECT_TIMEOUT_MS = 1000;
const COMMAND_TIMEOUT_MS = 500;
const FIRST_CONNECT_WAIT_MS = 2000;

export async function openRateLimitStore(config: Config, logger: Logger): Promise<RateLimitStore> {
  if (!config.redisUrl) return { prefix: config.redisPrefix, state: () => 'memory', close: async () => {} };
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // While disconnected a count fails at once (and the request goes through) instead of queueing.
    enableOfflineQueue: false,
    // Reconnects for ever, at most every 2 s: limits come back by themselves when Redis does.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  const where = redisAddress(config.redisUrl);
  let up = false;
  let warned = false;
  let closing = false;
  redis.on('ready', () => {
    up = true;
    if (warned) logger.info({ redis: where }, 'Redis is reachable again: rate limits are shared and enforced');
    warned = false;
  });
  const down = (err?: Error) => {
    up = false;
    if (warned || closing) return;
    warned = true;
    logger.warn(
      { redis: where, err },
      'Redis is unreachable: rate limits are NOT enforced until it is back (fail open, so reports are still taken); reconnecting',
    );
  };
  redis.on('error', down);
  redis.on('close', () => down());
  // Wait briefly for the first connection, so the first requests are counted; start anyway if Redis is down.
  await Promise.race([redis.connect().catch(() => {}), new Promise((r) => setTimeout(r, FIRST_CONNECT_WAIT_MS).unref())]);
  return {
    redis,
    prefix: config.redisPrefix,
    state: () => (up ? 'redis' : 'unavailable'),
    close: async () => {
      closing = true;
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}

/** Host and port only: the URL may carry a password. */
function redisAddress(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** `vigil_rate_limit_store_up`: 1 while Redis counts the limits, 0 while it is unreachable (limits not enforced). */
export function rateLimitStoreMetric(registry: Registry, store: RateLimitStore): void {
  if (store.state() === 'memory') return;
  new Gauge({
    name: 'vigil_rate_limit_store_up',
    help: 'Whether the shared rate-limit store (Redis) is reachable; while 0, rate limits are not enforced (fail open)',
    registers: [registry],
    collect() {
      this.set(store.state() === 'redis' ? 1 : 0);
    },
  });
}
