// Opens the store of record: embedded SQLite under the data dir, or PostgreSQL when a URL is given.
// Both go through the same Kysely instance, migrations and repositories.
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-adapter.ts';
import { LockWaitingSqliteDialect } from './sqlite-dialect.ts';
import { SqliteCheckpointer } from './sqlite-checkpointer.ts';
import { prepareDataDir, prepareSqliteFiles } from '../shared/data-dir.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

// COUNT(*) and BIGINT come back from pg as strings; every count we keep fits a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface OpenedDatabase {
  db: Db;
  dialect: DialectName;
  /** SQLite with background checkpoints: the thread that takes them (stop it before destroying `db`). */
  checkpointer?: SqliteCheckpointer;
}

/**
 * `backgroundCheckpoints`: on SQLite, WAL checkpoints run in a worker thread instead of inside whichever
 * commit crosses the threshold (the server's choice; short-lived commands keep SQLite's default).
 */
export function openDatabase(opts: { dataDir: string; databaseUrl: string }, options: { backgroundCheckpoints?: { logger: Logger } } = {}): OpenedDatabase {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection that the server closes (restart, failover, idle timeout, pg_terminate_backend)
    // is reported as a pool 'error' event; without a listener that event would crash the process.
    // The pool has already dropped the client and opens a new one on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`, 'VigilDatabaseWarning'));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  prepareDataDir(opts.dataDir);
  const file = path.join(opts.dataDir, 'vigil.sqlite');
  prepareSqliteFiles(file);
  const background = options.backgroundCheckpoints;
  // Lock waits are asynchronous (sqlite-dialect.ts): SQLite's own busy handler would sleep on the event loop.
  const database = openSqlite(file, { busyTimeoutMs: 0, autoCheckpoint: !background });
  const db = new Kysely<Database>({ dialect: new LockWaitingSqliteDialect({ database }, database.raw) });
  const checkpointer = background ? new SqliteCheckpointer(file, database.raw, background.logger) : undefined;
  return { db, dialect: 'sqlite', checkpointer };
}

/**
 * A connection of its own for a worker thread that only reads: the SQLite file opened read-only
 * (in WAL mode it never waits for the writer), or a small pool on the same PostgreSQL database.
 */
export function openReadOnlyDatabase(opts: { dataDir: string; databaseUrl: string }, poolSize = 1): OpenedDatabase {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: poolSize });
    pool.on('error', (err) => process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`, 'VigilDatabaseWarning'));
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  const database = openSqlite(path.join(opts.dataDir, 'vigil.sqlite'), { readOnly: true });
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
