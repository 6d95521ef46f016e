// Kysely's SQLite dialect, with one change: waiting for another connection's write lock never blocks the
// event loop. node:sqlite is synchronous, so SQLite's own busy handler (busy_timeout) sleeps in this
// thread: while a CLI import held the write lock for a batch, every request of the server stalled behind
// the report that was waiting for it. Here the writer's busy timeout is 0 and a statement refused with
// SQLITE_BUSY is tried again after an asynchronous pause, up to a deadline, so other requests run
// meanwhile (queries on this connection queue behind the waiting one, as they would behind a running one).
//
// Transactions begin IMMEDIATE: they take the write lock before their first read, so a transaction that
// reads and then writes cannot fail half-way with "database is locked" when another process wrote in
// between (with a deferred BEGIN the upgrade from reader to writer would fail without retry).
import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';
import type { DatabaseSync } from 'node:sqlite';
import { isBusy } from './db-errors.ts';

/** How long a statement keeps trying for the write lock before it fails (SQLite's busy_timeout before). */
export const LOCK_WAIT_MS = 10_000;
// Pauses between tries grow from 1 ms to this: short enough to take the lock in the gap between two
// batches of an import, long enough not to spin.
const MAX_PAUSE_MS = 16;

/** Runs `attempt`, trying again after a pause while SQLite answers SQLITE_BUSY, until `deadlineMs` passes. */
export async function whileBusy<T>(attempt: () => Promise<T>, deadlineMs = LOCK_WAIT_MS): Promise<T> {
  const started = performance.now();
  for (let pause = 1; ; pause = Math.min(MAX_PAUSE_MS, pause * 2)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusy(err) || performance.now() - started >= deadlineMs) throw err;
    }
    await sleep(pause);
  }
}

class LockWaitingConnection implements DatabaseConnection {
  #inner: DatabaseConnection;
  #raw: DatabaseSync;
  constructor(inner: DatabaseConnection, raw: DatabaseSync) {
    this.#inner = inner;
    this.#raw = raw;
  }
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction the lock is already held (BEGIN IMMEDIATE); a statement that fails there is
    // not retried on its own, which would leave the transaction's earlier statements in doubt.
    if (this.#raw.isTransaction) return this.#inner.executeQuery<R>(query);
    return whileBusy(() => this.#inner.executeQuery<R>(query));
  }
  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.#inner.streamQuery<R>(query, chunkSize);
  }
}

class LockWaitingDriver extends SqliteDriver {
  #raw: DatabaseSync;
  #connection: LockWaitingConnection | undefined;
  constructor(config: SqliteDialectConfig, raw: DatabaseSync) {
    super(config);
    this.#raw = raw;
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    this.#connection ??= new LockWaitingConnection(await super.acquireConnection(), this.#raw);
    return this.#connection;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** The SQLite dialect of the write connection; `raw` is the connection `config.database` wraps. */
export class LockWaitingSqliteDialect extends SqliteDialect {
  #config: SqliteDialectConfig;
  #raw: DatabaseSync;
  constructor(config: SqliteDialectConfig, raw: DatabaseSync) {
    super(config);
    this.#config = config;
    this.#raw = raw;
  }
  override createDriver(): Driver {
    return new LockWaitingDriver(this.#config, this.#raw);
  }
}
