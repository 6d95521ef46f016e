// Runtime configuration from the environment, read once at start and passed down explicitly.
import os from 'node:os';
import path from 'node:path';
import { isIP } from 'node:net';
import { DEFAULT_PII_THRESHOLD } from './detection/text/pii.ts';
import { RETRY_WINDOW_MS, STANDARD_RETRY_SCHEDULE_MS } from './enforcement/webhook-schedule.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** VIGIL_RULES_DIR: the folder of text rule files (*.yaml, *.json); the repository's `rules/` by default. */
  rulesDir: string;
  /** VIGIL_PII_THRESHOLD: distinct personal records of one kind (or lines holding one) from which public text is a personal-data leak; 0 turns the detector off. */
  piiThreshold: number;
  /** VIGIL_SMTP_PORT: the abuse mailbox's SMTP listener (0, the default, starts none). */
  smtpPort: number;
  /** VIGIL_SMTP_HOST: where the listener binds (127.0.0.1 unless set; a relay or MX in front usually). */
  smtpHost: string;
  /** VIGIL_ABUSE_ADDRESSES: the addresses the listener accepts mail for (comma-separated); abuse@<public host> by default. */
  abuseAddresses: string[];
  /** VIGIL_SMTP_RELAY: an smtp(s):// URL replies are sent through; unset keeps them in the outbox for admins. */
  smtpRelay?: string;
  /** VIGIL_MAIL_FROM: the sender of replies; the first abuse address by default. */
  mailFrom: string;
  /** VIGIL_MAIL_MAX_BYTES: the largest mail accepted (attachments included). */
  mailMaxBytes: number;
  /** VIGIL_MAIL_SENDER_LIMIT: mails accepted from one sender (and from one client address) per hour. */
  mailSenderLimit: number;
  /** VIGIL_MAIL_REPLY_LIMIT: answers sent to one address per hour, at most (no reply storms). */
  mailReplyLimit: number;
  /** VIGIL_TRANSLATE_URL: a LibreTranslate-compatible service the console links reported text to; unset hides the links. */
  translateUrl?: string;
  /** `postgres://…` to use PostgreSQL; empty for the embedded SQLite database under dataDir. */
  databaseUrl: string;
  maxUploadBytes: number;
  maxImagePixels: number;
  logLevel: string;
  /** PDQ match distance (of 256 bits); 31 is the reference threshold, at most 63. */
  matchDistance: number;
  /** How often each process reads the banks' change feed, so other processes' bank changes reach its matcher (VIGIL_BANK_POLL_MS; 0 = never). */
  bankPollMs: number;
  /** Time allowed to hash and match an upload before it is held for review instead. */
  scanBudgetMs: number;
  /** VIGIL_DECODE_WORKERS: worker threads that decode and hash uploads (one per core by default; 0 means 1). */
  decodeWorkers: number;
  /** VIGIL_DECODE_QUEUE: uploads that may wait for a decode worker; more are answered 503 busy. */
  decodeQueue: number;
  /** Anonymous web-form reports accepted per address per minute (VIGIL_ANON_REPORT_LIMIT). */
  anonReportsPerMinute: number;
  /** Accounts created per address per hour (VIGIL_SIGNUP_LIMIT). */
  signupLimit: number;
  /** Reports accepted per account per hour (VIGIL_ACCOUNT_REPORT_LIMIT). */
  accountReportLimit: number;
  /** Reports accepted per API key, and per staff user, per minute (VIGIL_KEY_REPORT_LIMIT). */
  keyReportLimit: number;
  /** Public origin used in links printed to people (demo, receipts). */
  publicUrl: string;
  /** VIGIL_ADMIN_EMAIL / VIGIL_ADMIN_PASSWORD: the first admin, created at start while there are no staff users. */
  adminEmail?: string;
  adminPassword?: string;
  /** Console login attempts accepted per address per minute, whatever the email (10 per address and email in any case). */
  loginAttemptsPerAddress?: number;
  /** VIGIL_TRUST_PROXY: which peers may tell the client's address and protocol; off, a hop count, or addresses and ranges. */
  trustProxy: false | number | string[];
  /** VIGIL_METRICS_TOKEN: the bearer token /metrics requires; without it /metrics answers only this machine. */
  metricsToken?: string;
  /** VIGIL_JOB_POLL_MS: how often a job runner looks for due jobs (it also looks at once after this process enqueues). */
  jobPollMs: number;
  /** VIGIL_JOB_CONCURRENCY: jobs one runner runs at a time. */
  jobConcurrency: number;
  /** VIGIL_JOB_LEASE_MS: how long a claimed job stays with its worker without renewal; after that another worker may run it. */
  jobLeaseMs: number;
  /** VIGIL_JOB_RETRY_BASE_MS: the first retry's wait; each later one about doubles (with jitter), up to an hour. */
  jobRetryBaseMs: number;
  /** VIGIL_JOB_KEEP_DONE_HOURS: done jobs are deleted this long after they finished (0 keeps them); dead ones are kept. */
  jobKeepDoneHours: number;
  /** VIGIL_SLA_SWEEP_MS: how often a worker records open cases that passed their review deadline (a `sla_breached` event). */
  slaSweepMs: number;
  /** VIGIL_STATISTICS_MS: how often a worker recomputes yesterday's and today's daily decision figures. */
  statisticsMs: number;
  /** VIGIL_MEDIA_FETCH_TIMEOUT_MS: how long fetching a connected platform's media by URL may take, per item. */
  mediaFetchTimeoutMs: number;
  /** VIGIL_MEDIA_FETCH_ALLOW_PRIVATE: fetch media from loopback and private addresses too (development and tests only). */
  mediaFetchAllowPrivate: boolean;
  /** VIGIL_SECRET: the server secret (at least 32 characters); empty to keep a generated one in `<dataDir>/secret`. */
  secret?: string;
  /** VIGIL_REDIS_URL: `redis://…` or `rediss://…` to count rate limits in Redis, shared by every process; empty to count in this process's memory. */
  redisUrl?: string;
  /** VIGIL_WEBHOOK_TIMEOUT_MS: how long a webhook receiver has to answer an attempt (10 s). */
  webhookTimeoutMs: number;
  /** VIGIL_WEBHOOK_RETRY_SCHEDULE_MS: comma-separated waits after the 1st, 2nd, … failed attempt (the last repeats); Standard Webhooks' by default. */
  webhookRetryScheduleMs: number[];
  /** VIGIL_WEBHOOK_RETRY_WINDOW_MS: how long after its first attempt a delivery is still retried (24 h); then it is dead. */
  webhookRetryWindowMs: number;
  /** VIGIL_WEBHOOK_ALLOW_PRIVATE: webhooks may go to loopback and private addresses (development and tests only). */
  webhookAllowPrivate: boolean;
  /** VIGIL_WEBHOOK_ALLOW_HTTP: webhook URLs may use plain http:// (development and tests only). */
  webhookAllowHttp: boolean;
  /** VIGIL_REDIS_PREFIX: the prefix of this deployment's keys in Redis, so deployments (or tests) sharing one Redis count apart. */
  redisPrefix: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function boolFromEnv(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function msListFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const list = raw.split(',').map((v) => Number(v.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`${name} must be comma-separated non-negative integers (milliseconds), got "${raw}"`);
  return list;
}

/** The first of these variables that is set (a newer name before the older one it replaces). */
const firstSet = (env: NodeJS.ProcessEnv, ...names: string[]): string => names.find((n) => env[n] !== undefined && env[n] !== '') ?? names[0];

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry) || isIP(entry) !== 0) return true;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!m) return false;
  const family = isIP(m[1]);
  return family !== 0 && Number(m[2]) <= (family === 4 ? 32 : 128);
}

// Believing X-Forwarded-For from any client ("true") would let anyone pick the address that per-address
// limits count, so only named proxies or a number of proxy hops are accepted.
function trustProxyFromEnv(env: NodeJS.ProcessEnv): Config['trustProxy'] {
  const name = 'VIGIL_TRUST_PROXY';
  const raw = (env[name] ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw) || false;
  if (/^(true|\*)$/i.test(raw)) {
    throw new Error(
      `${name}="${raw}" is refused: it would believe X-Forwarded-For from any client, so anyone could choose the address that limits count. Give the proxies' addresses or ranges (e.g. 10.0.0.5,10.1.0.0/16) or the number of proxies in front (e.g. 1).`,
    );
  }
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) {
    throw new Error(
      `${name} must be a hop count or a comma-separated list of proxy addresses and CIDR ranges (or loopback, linklocal, uniquelocal); "${bad}" is not one.`,
    );
  }
  return entries;
}

/**
 * An optional URL setting: undefined when unset or blank; otherwise it must parse, use one of `protocols`
 * and name a host, or start-up stops with `refusal` (which says what is expected and how to go without).
 */
function urlFromEnv(env: NodeJS.ProcessEnv, name: string, protocols: string[], refusal: string): { raw: string; url: URL } | undefined {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !protocols.includes(url.protocol) || url.hostname === '') throw new Error(refusal);
  return { raw, url };
}

function redisUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return urlFromEnv(
    env,
    'VIGIL_REDIS_URL',
    ['redis:', 'rediss:'],
    'VIGIL_REDIS_URL must be a redis:// or rediss:// URL with a host (e.g. redis://127.0.0.1:6379); unset it to count limits in memory.',
  )?.raw;
}

function mailFromEnv(env: NodeJS.ProcessEnv) {
  const publicHost = (() => {
    try {
      return new URL(env.VIGIL_PUBLIC_URL ?? 'http://localhost').hostname;
    } catch {
      return 'localhost';
    }
  })();
  const abuseAddresses = (env.VIGIL_ABUSE_ADDRESSES ?? `abuse@${publicHost}`)
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  for (const a of abuseAddresses) if (!/^[^\s@]+@[^\s@]+$/u.test(a)) throw new Error(`VIGIL_ABUSE_ADDRESSES: "${a}" is not an e-mail address.`);
  const relay = urlFromEnv(
    env,
    'VIGIL_SMTP_RELAY',
    ['smtp:', 'smtps:'],
    'VIGIL_SMTP_RELAY must be an smtp:// or smtps:// URL (e.g. smtp://user:pass@relay.example:587).',
  )?.raw;
  return {
    smtpPort: intFromEnv(env, 'VIGIL_SMTP_PORT', 0),
    smtpHost: env.VIGIL_SMTP_HOST ?? '127.0.0.1',
    abuseAddresses,
    smtpRelay: relay,
    mailFrom: env.VIGIL_MAIL_FROM?.trim() || abuseAddresses[0] || `abuse@${publicHost}`,
    mailMaxBytes: intFromEnv(env, 'VIGIL_MAIL_MAX_BYTES', 10 * 1024 * 1024),
    mailSenderLimit: intFromEnv(env, 'VIGIL_MAIL_SENDER_LIMIT', 30),
    mailReplyLimit: intFromEnv(env, 'VIGIL_MAIL_REPLY_LIMIT', 5),
  };
}

function translateUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return urlFromEnv(
    env,
    'VIGIL_TRANSLATE_URL',
    ['https:', 'http:'],
    'VIGIL_TRANSLATE_URL must be an http(s) URL of a LibreTranslate-compatible service (e.g. https://libretranslate.example.org); unset it to hide the translate links.',
  )?.url.href;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = intFromEnv(env, 'PORT', 8080);
  const config: Config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.VIGIL_DATA_DIR ?? './data'),
    rulesDir: env.VIGIL_RULES_DIR ? path.resolve(env.VIGIL_RULES_DIR) : path.join(import.meta.dirname, '..', 'rules'),
    piiThreshold: intFromEnv(env, 'VIGIL_PII_THRESHOLD', DEFAULT_PII_THRESHOLD),
    translateUrl: translateUrlFromEnv(env),
    ...mailFromEnv(env),
    databaseUrl: env.VIGIL_DATABASE_URL ?? '',
    maxUploadBytes: intFromEnv(env, 'VIGIL_MAX_UPLOAD_BYTES', 20 * 1024 * 1024),
    maxImagePixels: intFromEnv(env, 'VIGIL_MAX_IMAGE_PIXELS', 50_000_000),
    logLevel: env.LOG_LEVEL ?? 'info',
    anonReportsPerMinute: intFromEnv(env, firstSet(env, 'VIGIL_ANON_REPORT_LIMIT', 'VIGIL_ANON_REPORTS_PER_MINUTE'), 10),
    signupLimit: intFromEnv(env, 'VIGIL_SIGNUP_LIMIT', 20),
    accountReportLimit: intFromEnv(env, 'VIGIL_ACCOUNT_REPORT_LIMIT', 30),
    keyReportLimit: intFromEnv(env, 'VIGIL_KEY_REPORT_LIMIT', 120),
    matchDistance: Math.min(63, intFromEnv(env, 'VIGIL_MATCH_DISTANCE', 31)),
    scanBudgetMs: intFromEnv(env, 'VIGIL_SCAN_BUDGET_MS', 3000),
    decodeWorkers: intFromEnv(env, 'VIGIL_DECODE_WORKERS', os.availableParallelism()),
    decodeQueue: intFromEnv(env, 'VIGIL_DECODE_QUEUE', 4 * os.availableParallelism()),
    bankPollMs: intFromEnv(env, 'VIGIL_BANK_POLL_MS', 1000),
    publicUrl: env.VIGIL_PUBLIC_URL ?? `http://localhost:${port}`,
    adminEmail: env.VIGIL_ADMIN_EMAIL || undefined,
    adminPassword: env.VIGIL_ADMIN_PASSWORD || undefined,
    loginAttemptsPerAddress: intFromEnv(env, firstSet(env, 'VIGIL_LOGIN_LIMIT', 'VIGIL_LOGIN_ATTEMPTS_PER_ADDRESS'), 30),
    trustProxy: trustProxyFromEnv(env),
    metricsToken: env.VIGIL_METRICS_TOKEN || undefined,
    secret: env.VIGIL_SECRET || undefined,
    redisUrl: redisUrlFromEnv(env),
    redisPrefix: env.VIGIL_REDIS_PREFIX || 'vigil:rl:',
    jobPollMs: Math.max(10, intFromEnv(env, 'VIGIL_JOB_POLL_MS', 1000)),
    jobConcurrency: Math.max(1, intFromEnv(env, 'VIGIL_JOB_CONCURRENCY', 4)),
    jobLeaseMs: Math.max(1000, intFromEnv(env, 'VIGIL_JOB_LEASE_MS', 60_000)),
    jobRetryBaseMs: intFromEnv(env, 'VIGIL_JOB_RETRY_BASE_MS', 5000),
    jobKeepDoneHours: intFromEnv(env, 'VIGIL_JOB_KEEP_DONE_HOURS', 7 * 24),
    slaSweepMs: Math.max(100, intFromEnv(env, 'VIGIL_SLA_SWEEP_MS', 60_000)),
    statisticsMs: Math.max(100, intFromEnv(env, 'VIGIL_STATISTICS_MS', 600_000)),
    mediaFetchTimeoutMs: Math.max(100, intFromEnv(env, 'VIGIL_MEDIA_FETCH_TIMEOUT_MS', 5000)),
    mediaFetchAllowPrivate: boolFromEnv(env, 'VIGIL_MEDIA_FETCH_ALLOW_PRIVATE'),
    webhookTimeoutMs: Math.max(100, intFromEnv(env, 'VIGIL_WEBHOOK_TIMEOUT_MS', 10_000)),
    webhookRetryScheduleMs: msListFromEnv(env, 'VIGIL_WEBHOOK_RETRY_SCHEDULE_MS', STANDARD_RETRY_SCHEDULE_MS),
    webhookRetryWindowMs: intFromEnv(env, 'VIGIL_WEBHOOK_RETRY_WINDOW_MS', RETRY_WINDOW_MS),
    webhookAllowPrivate: boolFromEnv(env, 'VIGIL_WEBHOOK_ALLOW_PRIVATE'),
    webhookAllowHttp: boolFromEnv(env, 'VIGIL_WEBHOOK_ALLOW_HTTP'),
    ...overrides,
  };
  return config;
}
