// Starts the real application on a fresh database for one test file: SQLite in a temp dir by default,
// or a new PostgreSQL database when VIGIL_DATABASE_URL is set (the CI runs the suite both ways).
// No mocks of our own database.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { createLogger } from '../../src/logger.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/types.ts';

export interface TestApp {
  app: App;
  ctx: AppContext;
  config: Config;
  close(): Promise<void>;
}

export async function freshPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vigil_test_${randomBytes(6).toString('hex')}`;
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  // pg's Pool.end() resolves before its sockets have closed: a forced drop at once would terminate those
  // closing connections and surface as an uncaught "terminating connection due to administrator command".
  // So wait for them to go (object_in_use while they linger), and force only as a last resort.
  const drop = async () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await run(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006') throw err;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return { url: url.toString(), drop };
}

/** Tests send many accounts and reports from 127.0.0.1; tests of the limits set low ones explicitly. */
export const GENEROUS_LIMITS: Partial<Config> = { signupLimit: 100_000, accountReportLimit: 100_000, keyReportLimit: 100_000, anonReportsPerMinute: 100_000 };

/**
 * `runJobs: false` leaves the job runner stopped, as in an `--role api` process (or one that crashed
 * after committing): jobs stay queued until a test runs them (`ctx.jobRunner.drain()`). `logger` replaces
 * the silent one, for tests that read what the app logs.
 */
export async function startTestApp(overrides: Partial<Config> = {}, opts: TestAppOptions = {}): Promise<TestApp & { restart: RestartFn }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-test-'));
  const baseUrl = process.env.VIGIL_DATABASE_URL ?? '';
  const pgdb = baseUrl ? await freshPostgres(baseUrl) : undefined;
  const config = loadConfig({}, { dataDir, databaseUrl: pgdb?.url ?? '', logLevel: 'silent', ...GENEROUS_LIMITS, ...overrides });
  const cleanUp = async () => {
    await pgdb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return openTestApp(config, opts, cleanUp);
}

interface TestAppOptions {
  runJobs?: boolean;
  logger?: Logger;
}

async function openTestApp(config: Config, opts: TestAppOptions, cleanUp: () => Promise<void>): Promise<TestApp & { restart: RestartFn }> {
  const ctx = await createContext(config, opts.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  const app = await buildApp(ctx);
  await app.ready();
  if (opts.runJobs !== false) ctx.jobRunner.start();
  const stop = async () => {
    await app.close();
    await ctx.close();
  };
  return {
    app,
    ctx,
    config,
    async close() {
      await stop();
      await cleanUp();
    },
    /** A new process on the same database and data dir, as after a crash or a restart of this one. */
    async restart(next = {}) {
      await stop();
      return openTestApp(config, next, cleanUp);
    },
  };
}

/**
 * A second application on the same database and data directory, as another API process would be (its own
 * context, matcher and limiter); closing it leaves the database to `t`.
 */
export async function startPeerApp(t: TestApp, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = { ...t.config, ...overrides };
  const ctx = await createContext(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    config,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

type RestartFn = (opts?: TestAppOptions) => Promise<TestApp & { restart: RestartFn }>;
