// The connection public reads go through. On SQLite, Kysely keeps one connection and holds it for the
// whole of a transaction, awaits included, so a read issued while a report's transaction is open waits
// for that transaction to end. Public pages instead read through a second, read-only connection to the
// same file: in WAL mode it reads the last committed state while a write is in progress, and it sees a
// commit of the write connection from its next statement on (each statement is its own read transaction).
// On PostgreSQL the pool already gives each query its own connection: reads use the same Kysely.
// Every query through it is counted (`reads.queries`): tests hold the number of queries per page constant.
import path from 'node:path';
import { Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import type { Db, DialectName } from './database.ts';
import { openSqlite } from './sqlite-adapter.ts';

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

/** Opens the read connection; call after migrations so the file and its WAL exist. */
export function openReadConnection(db: Db, dialect: DialectName, dataDir: string): ReadConnection {
  const counter = new QueryCounter();
  if (dialect === 'postgres') return { db: db.withPlugin(counter), counter, dataVersion: () => undefined, close: async () => {} };
  // The same file openDatabase opens (src/db/database.ts).
  // The same adapter as the writer's (statements prepared once), opened read-only.
  const database = openSqlite(path.join(dataDir, 'vigil.sqlite'), { readOnly: true });
  const version = database.raw.prepare('PRAGMA data_version');
  const reads = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db: reads.withPlugin(counter),
    counter,
    dataVersion: () => Number(version.get()?.data_version),
    close: () => reads.destroy(),
  };
}
