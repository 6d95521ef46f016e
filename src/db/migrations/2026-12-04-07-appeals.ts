// Frozen in time: Kysely<any>, no application imports. Appeals against decisions (DSA Art. 20): one row
// per appeal, at most one per decision and appellant; and which bank entries a decision added, so that
// reversing it on appeal can withdraw exactly those.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('appellant', 'text', (c) => c.notNull())
    .addColumn('appellant_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('notice_id', 'text')
    .addColumn('report_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('statement', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeals_one_per_appellant').on('appeals').columns(['decision_id', 'appellant_key']).unique().execute();
  await db.schema.createIndex('appeals_queue').on('appeals').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('appeals_case').on('appeals').column('case_id').execute();
  await db.schema.alterTable('bank_entries').addColumn('decision_id', 'text').execute();
  await db.schema.createIndex('bank_entries_decision').on('bank_entries').column('decision_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('bank_entries_decision').execute();
  await db.schema.alterTable('bank_entries').dropColumn('decision_id').execute();
  await db.schema.dropTable('appeals').execute();
}
