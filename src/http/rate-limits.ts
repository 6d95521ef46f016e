// Request limits against abuse, in one place: which requests count together (the key), how many a window
// allows, and the 429 answer. Counters live in Redis when VIGIL_REDIS_URL is set, shared by every API
// process, or else in this process's memory (rate-limit-store.ts).
import rateLimit, { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../shared/errors.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where every limited scope keeps its counters (installRateLimitStore). */
    rateLimitStore: RateLimitStore;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Gives every scope of the app the same counters, and closes them with the app. */
export function installRateLimitStore(app: FastifyInstance, store: RateLimitStore): void {
  app.decorate('rateLimitStore', store);
  app.addHook('onClose', () => store.close());
}

/** Registers the limiter in a route scope; its routes opt in with `config: { rateLimit }`. */
export async function useRateLimits(scope: FastifyInstance): Promise<void> {
  const store = scope.rateLimitStore;
  await scope.register(rateLimit, {
    global: false,
    // In memory: more keys than the default 5,000, so a flood of fresh keys does not push out the counters of those being limited.
    cache: 100_000,
    redis: store.redis,
    nameSpace: store.prefix,
    // Redis unreachable or slow: let the request through (fail open; see rate-limit-store.ts).
    skipOnError: true,
  });
}

/** The client's address as limits count it: IPv6 by its /64, the block one subscriber usually holds. */
export const addressOf = (req: FastifyRequest): string => normalizeIP(req.ip);

const refusal = (message: string) => new AppError(429, 'rate_limited', message);

/** Accounts created per address per hour. */
export function signupLimit(config: Config): RateLimitOptions {
  return {
    max: config.signupLimit,
    timeWindow: HOUR,
    keyGenerator: (req) => `signup|${addressOf(req)}`,
    errorResponseBuilder: (_req, c) => refusal(`Too many accounts were created from this address; try again in ${c.after}.`),
  };
}

interface Budget {
  key: string;
  max: number;
  window: number;
  who: string;
}

// A report counts against whoever is accountable for it: an account, an API key or a staff user by its id,
// wherever it sends from (so fresh addresses do not help); an anonymous reporter by address. Staff share the
// keys' limit: they may report freely in practice, but a leaked or scripted token cannot flood intake.
function reportBudget(req: FastifyRequest, config: Config): Budget {
  const p = req.principal;
  switch (p.kind) {
    case 'account':
      return { key: `report|account|${p.accountId}`, max: config.accountReportLimit, window: HOUR, who: 'this account' };
    case 'api_key':
      return { key: `report|key|${p.keyId}`, max: config.keyReportLimit, window: MINUTE, who: 'this API key' };
    case 'staff':
      return { key: `report|staff|${p.userId}`, max: config.keyReportLimit, window: MINUTE, who: 'this staff user' };
    default:
      return { key: `report|address|${addressOf(req)}`, max: config.anonReportsPerMinute, window: MINUTE, who: 'this address' };
  }
}

/** Reports per account (an hour), per API key or staff user (a minute), per anonymous address (a minute). */
export function reportLimit(config: Config): RateLimitOptions {
  return {
    keyGenerator: (req) => reportBudget(req, config).key,
    max: (req) => reportBudget(req, config).max,
    timeWindow: (req) => reportBudget(req, config).window,
    errorResponseBuilder: (req, c) => refusal(`Too many reports from ${reportBudget(req, config).who}; try again in ${c.after}.`),
  };
}

/**
 * Console logins per address per minute, whatever the email. A route runs one declared limit (here the
 * stricter one per address and email), so this one is a preHandler that answers like the plugin does.
 */
export function loginAddressLimit(scope: FastifyInstance, config: Config) {
  const check = scope.createRateLimit({ max: config.loginAttemptsPerAddress ?? 30, timeWindow: MINUTE, keyGenerator: (req) => `login-ip|${addressOf(req)}` });
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const r = await check(req);
    if (r.isAllowed || !r.isExceeded) return;
    reply
      .header('x-ratelimit-limit', r.max)
      .header('x-ratelimit-remaining', 0)
      .header('x-ratelimit-reset', r.ttlInSeconds)
      .header('retry-after', r.ttlInSeconds);
    throw refusal(`Too many login attempts from this address; try again in ${r.ttlInSeconds} seconds.`);
  };
}
