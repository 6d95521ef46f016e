// The connection public reads go through. On SQLite, Kysely keeps one connection and holds it for the
// whole of a transaction, awaits included, so a read issued while a report's transaction is open waits
// for that transaction to end. Public pages instead read through a second, read-only connection to the
// same file: in WAL mode it reads the last committed state while a write is in progress, and it sees a
// commit of the write connection from its next statement on (each statement is its own read transaction).
// On PostgreSQL the pool already gives each query its own connection: reads use the same Kysely.
// Every query through it is counted (`reads.queries`): tests hold the number of queries per page constant.
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.ts';
import type { Db, DialectName } from './database.ts';

/** Counts the queries executed through the Kysely it is attached to (a subquery is part of its query). */
export class QueryCounter implements KyselyPlugin {
  queries = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs) {
    this.queries++;
    return Promise.resolve(args.result);
  }
}

export interface ReadConnection {
  db: Db;
  counter: QueryCounter;
  /**
   * SQLite's `PRAGMA data_version` on the read connection: it changes whenever any other connection, of
   * this process or another, commits to the database. Undefined on PostgreSQL (no such cheap signal).
   */
  dataVersion(): number | undefined;
  close(): Promise<void>;
}

type Bindable = null | number | bigint | string | Uint8Array;
function bindable(v: unknown): Bindable {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return v as Bindable;
}
const plain = (row: unknown) => ({ ...(row as object) });

/**
 * A read-only node:sqlite connection for Kysely, with its statements prepared once (the public pages
 * run a handful of distinct statements; at most `CACHE` are kept, the oldest dropped first).
 */
function readOnlySqlite(file: string): SqliteDatabase & { dataVersion(): number } {
  const CACHE = 200;
  const db = new DatabaseSync(file, { readOnly: true });
  const version = db.prepare('PRAGMA data_version');
  // A reader waits out a checkpoint's brief lock rather than fail; it never writes.
  db.exec('PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;');
  const statements = new Map<string, { stmt: StatementSync; reader: boolean }>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      const stmt = db.prepare(sql);
      s = { stmt, reader: stmt.columns().length > 0 };
      if (statements.size >= CACHE) statements.delete(statements.keys().next().value as string);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    dataVersion: () => (version.get() as { data_version: number }).data_version,
    close: () => db.close(),
    prepare: (sql: string) => {
      const { stmt, reader } = prepared(sql);
      return {
        reader,
        all: (params: ReadonlyArray<unknown>) => stmt.all(...params.map(bindable)).map(plain),
        run: (params: ReadonlyArray<unknown>) => {
          const r = stmt.run(...params.map(bindable));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        *iterate(params: ReadonlyArray<unknown>) {
          for (const row of stmt.iterate(...params.map(bindable))) yield plain(row);
        },
      };
    },
  };
}

/** Opens the read connection; call after migrations so the file and its WAL exist. */
export function openReadConnection(db: Db, dialect: DialectName, dataDir: string): ReadConnection {
  const counter = new QueryCounter();
  if (dialect === 'postgres') return { db: db.withPlugin(counter), counter, dataVersion: () => undefined, close: async () => {} };
  // The same file openDatabase opens (src/db/database.ts).
  const database = readOnlySqlite(path.join(dataDir, 'vigil.sqlite'));
  const reads = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db: reads.withPlugin(counter), counter, dataVersion: () => database.dataVersion(), close: () => reads.destroy() };
}
