// Frozen in time: Kysely<any>, no application imports. Reports, cases (status rows derived from an
// append-only event log), decisions, enforcement actions, notices to owners, reporter track records.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // `kind:id` while the case is undecided, NULL afterwards: a unique index then allows one open case per subject.
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('owner_account_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('priority', 'double precision', (c) => c.notNull())
    .addColumn('sla_due_at', 'text', (c) => c.notNull())
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('reporter_count', 'integer', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('reach', 'integer', (c) => c.notNull())
    .addColumn('life_at_risk', 'integer', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('last_event_seq', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('cases_queue').on('cases').columns(['state', 'priority']).execute();
  await db.schema.createIndex('cases_subject').on('cases').columns(['subject_kind', 'subject_id', 'created_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_events_seq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_link', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('reporter_account_id', 'text')
    .addColumn('reporter_label', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('claimed', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('evidence', 'text')
    .addColumn('post_ids', 'text', (c) => c.notNull())
    .addColumn('life_at_risk', 'integer', (c) => c.notNull())
    .addColumn('bona_fide', 'integer', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('order_reference', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('receipt_hash', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    // Kept only for reports sent with an Idempotency-Key, so a retried request gets the same receipt back.
    .addColumn('replay_receipt', 'text')
    .addColumn('answer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('reports_case').on('reports').column('case_id').execute();
  await db.schema.createIndex('reports_reporter').on('reports').column('reporter_key').execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('post_ids', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('automated', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .execute();

  await db.schema
    .createTable('enforcement_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // NULL for a hold placed by automated detection before any decision; `case_id` then ties it to its case.
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('case_id', 'text')
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('country', 'text')
    .addColumn('notice_text', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .execute();
  await db.schema.createIndex('enforcement_subject').on('enforcement_actions').columns(['subject_kind', 'subject_id', 'active']).execute();

  await db.schema
    .createTable('owner_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owner_notices_account').on('owner_notices').columns(['account_id', 'created_at']).execute();

  // Discourse-style track record: agreed and disagreed reports per reporter weigh their next ones.
  await db.schema
    .createTable('reporter_records')
    .addColumn('reporter_key', 'text', (c) => c.primaryKey())
    .addColumn('agreed', 'integer', (c) => c.notNull())
    .addColumn('disagreed', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reporter_records', 'owner_notices', 'enforcement_actions', 'decisions', 'reports', 'case_events', 'cases']) {
    await db.schema.dropTable(t).execute();
  }
}
