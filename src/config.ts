// Runtime configuration from the environment, read once at start and passed down explicitly.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` to use PostgreSQL; empty for the embedded SQLite database under dataDir. */
  databaseUrl: string;
  maxUploadBytes: number;
  maxImagePixels: number;
  logLevel: string;
  /** PDQ match distance (of 256 bits); 31 is the reference threshold, at most 63. */
  matchDistance: number;
  /** Time allowed to hash and match an upload before it is held for review instead. */
  scanBudgetMs: number;
  /** Anonymous web-form reports accepted per address per minute. */
  anonReportsPerMinute: number;
  /** Public origin used in links printed to people (demo, receipts). */
  publicUrl: string;
  /** VIGIL_ADMIN_EMAIL / VIGIL_ADMIN_PASSWORD: the first admin, created at start while there are no staff users. */
  adminEmail?: string;
  adminPassword?: string;
  /** Console login attempts accepted per address per minute, whatever the email (10 per address and email in any case). */
  loginAttemptsPerAddress?: number;
  /** VIGIL_SECRET: the server secret (at least 32 characters); empty to keep a generated one in `<dataDir>/secret`. */
  secret?: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = intFromEnv(env, 'PORT', 8080);
  const config: Config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.VIGIL_DATA_DIR ?? './data'),
    databaseUrl: env.VIGIL_DATABASE_URL ?? '',
    maxUploadBytes: intFromEnv(env, 'VIGIL_MAX_UPLOAD_BYTES', 20 * 1024 * 1024),
    maxImagePixels: intFromEnv(env, 'VIGIL_MAX_IMAGE_PIXELS', 50_000_000),
    logLevel: env.LOG_LEVEL ?? 'info',
    anonReportsPerMinute: intFromEnv(env, 'VIGIL_ANON_REPORTS_PER_MINUTE', 10),
    matchDistance: Math.min(63, intFromEnv(env, 'VIGIL_MATCH_DISTANCE', 31)),
    scanBudgetMs: intFromEnv(env, 'VIGIL_SCAN_BUDGET_MS', 3000),
    publicUrl: env.VIGIL_PUBLIC_URL ?? `http://localhost:${port}`,
    adminEmail: env.VIGIL_ADMIN_EMAIL || undefined,
    adminPassword: env.VIGIL_ADMIN_PASSWORD || undefined,
    loginAttemptsPerAddress: intFromEnv(env, 'VIGIL_LOGIN_ATTEMPTS_PER_ADDRESS', 30),
    secret: env.VIGIL_SECRET || undefined,
    ...overrides,
  };
  return config;
}
