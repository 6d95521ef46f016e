// Frozen in time: Kysely<any>, no application imports. When an open case passed its review deadline, as
// recorded by the SLA sweep (a `sla_breached` case event is appended in the same transaction), and the
// index the sweep reads: open cases past due whose breach is not recorded yet.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('sla_breached_at', 'text').execute();
  await db.schema
    .createIndex('cases_sla_unrecorded')
    .on('cases')
    .column('sla_due_at')
    .where(sql<boolean>`open_key is not null and sla_breached_at is null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_sla_unrecorded').execute();
  await db.schema.alterTable('cases').dropColumn('sla_breached_at').execute();
}
