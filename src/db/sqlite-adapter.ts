// Adapts node:sqlite's DatabaseSync to the interface Kysely's SqliteDialect expects.
// Differences it bridges: statements have no `reader` flag,
// `all`/`run`/`iterate` take spread arguments, booleans must be bound as 0/1, and rows are
// null-prototype objects (copied into plain objects so callers can compare and spread them).
// Statements are prepared once per SQL text and kept in a bounded cache (least recently used goes first):
// preparing took about a fifth of the busy time of report intake. The adapter also counts the
// statements it runs (`sqliteStatementsRun()`), for the benchmarks.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Bindable = null | number | bigint | string | Uint8Array;

function bindable(value: unknown): Bindable {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string' || value instanceof Uint8Array) return value;
  throw new TypeError(`cannot bind a ${typeof value} to SQLite`);
}

const plain = (row: Record<string, unknown>) => ({ ...row });

/** How many prepared statements one connection keeps. */
export const STATEMENT_CACHE_SIZE = 256;

const counter = { n: 0 };
/** Statements run by every SQLite connection of this process so far (BEGIN and COMMIT included). */
export function sqliteStatementsRun(): number {
  return counter.n;
}

class Statement implements SqliteStatement {
  readonly reader: boolean;
  #stmt: StatementSync;
  #db: DatabaseSync;
  #sql: string;
  #counter: { n: number };
  #iterating = 0;
  constructor(db: DatabaseSync, sql: string, counter: { n: number }) {
    this.#db = db;
    this.#sql = sql;
    this.#stmt = db.prepare(sql);
    this.#counter = counter;
    this.reader = this.#stmt.columns().length > 0;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    this.#counter.n++;
    return this.#stmt.all(...parameters.map(bindable)).map(plain);
  }
  run(parameters: ReadonlyArray<unknown>) {
    this.#counter.n++;
    const r = this.#stmt.run(...parameters.map(bindable));
    return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
  }
  *iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    this.#counter.n++;
    // A cached statement may be asked for again while a stream still reads from it: streams get their own.
    const stmt = this.#iterating++ ? this.#db.prepare(this.#sql) : this.#stmt;
    try {
      for (const row of stmt.iterate(...parameters.map(bindable))) yield plain(row);
    } finally {
      this.#iterating--;
    }
  }
}

export interface OpenSqliteOptions {
  readOnly?: boolean;
  /**
   * How long a statement waits, blocking this thread, for another connection's lock (SQLite's busy_timeout).
   * The application's writer sets 0 and waits asynchronously instead (sqlite-dialect.ts).
   */
  busyTimeoutMs?: number;
  /** false: this connection never checkpoints the WAL itself (a background checkpointer does: sqlite-checkpointer.ts). */
  autoCheckpoint?: boolean;
}

/**
 * Opens a connection. The writer turns on WAL, which lets readers proceed while a write commits, and waits
 * out another connection's write batch (server, CLI import) rather than fail. A read-only connection
 * (public pages) never writes, and waits out a checkpoint's brief lock.
 */
export function openSqlite(file: string, opts: OpenSqliteOptions = {}): SqliteDatabase & { raw: DatabaseSync } {
  const db = new DatabaseSync(file, { readOnly: opts.readOnly ?? false });
  const busy = Math.max(0, Math.trunc(opts.busyTimeoutMs ?? (opts.readOnly ? 5000 : 10_000)));
  db.exec(
    opts.readOnly
      ? `PRAGMA busy_timeout = ${busy}; PRAGMA query_only = ON;`
      : `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${busy}; PRAGMA journal_size_limit = 67108864;` +
          (opts.autoCheckpoint === false ? ' PRAGMA wal_autocheckpoint = 0;' : ''),
  );
  const cache = new Map<string, Statement>();
  return {
    raw: db,
    close: () => {
      cache.clear();
      db.close();
    },
    prepare: (sql: string) => {
      let s = cache.get(sql);
      if (s) {
        cache.delete(sql); // re-inserted below as the most recently used
      } else {
        s = new Statement(db, sql, counter);
        const oldest = cache.keys().next();
        if (cache.size >= STATEMENT_CACHE_SIZE && !oldest.done) cache.delete(oldest.value);
      }
      cache.set(sql, s);
      return s;
    },
  };
}
