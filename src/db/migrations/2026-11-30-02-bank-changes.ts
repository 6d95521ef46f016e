// Frozen in time: Kysely<any>, no application imports. The change feed of the hash banks: every bank
// change (bank created, entries added, an entry withdrawn or marked benign) appends a row in the same
// transaction as the change, numbered by the `bank_change` counter. Each server process polls it and
// applies only the rows it has not seen, so a change made by another process (the CLI, another API
// process) reaches its matcher without a restart.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_changes')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    // 'bank' (a bank was created), 'added' (entries first_num…last_num were added), 'removed' (entries
    // first_num…last_num left the matcher: withdrawn or benign).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('first_num', 'integer', (c) => c.notNull())
    .addColumn('last_num', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The sequence starts where the feed starts: a process that loaded the banks before this migration
  // ran reads them again at its next start anyway.
  await db
    .insertInto('counters')
    .values({ name: 'bank_change', value: 0 })
    .onConflict((oc: any) => oc.column('name').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_changes').execute();
  await db.deleteFrom('counters').where('name', '=', 'bank_change').execute();
}
