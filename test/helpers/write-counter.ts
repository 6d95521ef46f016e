// Counts the rows written to every table of a test database, for tests that must show a request wrote
// nothing. A trigger on each table (after INSERT, UPDATE and DELETE, for each row) adds one to that table's
// counter in `test_writes`: so an update or a delete is seen as well as an insert (row counts would miss
// an update, or an insert and a delete that cancel out), only committed writes count (the counter rolls
// back with the transaction that moved it), and one query reads it whatever the number of tables. SQLite's
// total_changes() would be per connection and count rolled-back statements; PostgreSQL's statistics views
// are updated lazily and count every database of the server.
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

export interface WriteCounter {
  /** The tables watched. */
  tables: string[];
  /** Rows written per table since the counter was installed (tables with none left out). */
  read(): Promise<Map<string, number>>;
}

const COUNTER = 'test_writes';

/** Tables written between two readings, with how many rows each. */
export function writesBetween(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table, n] of after) if (n !== (before.get(table) ?? 0)) out[table] = n - (before.get(table) ?? 0);
  return out;
}

export async function installWriteCounter(db: Db, dialect: 'sqlite' | 'postgres'): Promise<WriteCounter> {
  const names =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const tables = names.rows.map((r) => r.name).filter((n) => n !== COUNTER);
  for (const table of tables) if (!/^\w+$/.test(table)) throw new Error(`unexpected table name ${table}`);

  await sql`create table ${sql.raw(COUNTER)} (tbl text primary key, n integer not null)`.execute(db);
  for (const table of tables) await sql`insert into ${sql.raw(COUNTER)} (tbl, n) values (${table}, 0)`.execute(db);
  if (dialect === 'postgres') {
    await sql
      .raw(`create function test_count_write() returns trigger language plpgsql as $$
        begin update ${COUNTER} set n = n + 1 where tbl = TG_TABLE_NAME; return null; end $$`)
      .execute(db);
    for (const table of tables) {
      await sql.raw(`create trigger test_writes after insert or update or delete on "${table}" for each row execute function test_count_write()`).execute(db);
    }
  } else {
    for (const table of tables) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql
          .raw(`create trigger test_writes_${event}_${table} after ${event} on "${table}" begin update ${COUNTER} set n = n + 1 where tbl = '${table}'; end`)
          .execute(db);
      }
    }
  }
  return {
    tables,
    async read() {
      const rows = await sql<{ tbl: string; n: number | string }>`select tbl, n from ${sql.raw(COUNTER)} where n > 0`.execute(db);
      return new Map(rows.rows.map((r) => [r.tbl, Number(r.n)]));
    },
  };
}
