// Frozen in time: Kysely<any>, no application imports. Reporters' credibility and misuse (issue 12):
//   - reporter_records.first_seen_at: when an anonymous address (its keyed hash, never the address) first
//     reported; warned_at, set_aside_until: a senior's warning and set-aside of a misusing reporter;
//   - reports.reporter_since: the reporter's account creation or address first-seen time at the report,
//     and reports.unproven (1 when it came from a fresh reporter without a record),
//     so freshness and coordination figures can be recomputed from the reports alone;
//   - case_reporters.source, .since: what the console's case view shows of each reporter;
//   - cases: credibility-weighted category sums (JSON), the count of reporters with weight, the triage
//     clock of an unconfirmed severe claim, and the coordination figures;
//   - case_reporter_categories: each reporter's best weight per category of a case (per-category sums
//     stay exact whatever order reports arrive in); case_texts: reports per normalised explanation.
// Existing open cases keep their figures until `vigil cases recount` recomputes them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reporter_records').addColumn('first_seen_at', 'text').execute();
  await db.schema.alterTable('reporter_records').addColumn('warned_at', 'text').execute();
  await db.schema.alterTable('reporter_records').addColumn('set_aside_until', 'text').execute();
  await db.schema.alterTable('reports').addColumn('reporter_since', 'text').execute();
  await db.schema.alterTable('case_reporters').addColumn('source', 'text').execute();
  await db.schema.alterTable('case_reporters').addColumn('since', 'text').execute();
  await db.schema
    .alterTable('reports')
    .addColumn('unproven', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('category_weights', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('weighed_reporters', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('cases').addColumn('triage_due_at', 'text').execute();
  await db.schema
    .alterTable('cases')
    .addColumn('fresh_reporters', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('same_text_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('case_reporter_categories')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('unproven', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reporter_categories_pk', ['case_id', 'reporter_key', 'category'])
    .execute();
  await db.schema
    .createTable('case_texts')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_texts_pk', ['case_id', 'text_hash'])
    .execute();
  await db.schema.createIndex('cases_triage').on('cases').columns(['triage_due_at']).where('triage_due_at', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_triage').execute();
  await db.schema.dropTable('case_texts').execute();
  await db.schema.dropTable('case_reporter_categories').execute();
  for (const c of ['same_text_reports', 'fresh_reporters', 'triage_due_at', 'weighed_reporters', 'category_weights'])
    await db.schema.alterTable('cases').dropColumn(c).execute();
  await db.schema.alterTable('reports').dropColumn('unproven').execute();
  await db.schema.alterTable('reports').dropColumn('reporter_since').execute();
  await db.schema.alterTable('case_reporters').dropColumn('since').execute();
  await db.schema.alterTable('case_reporters').dropColumn('source').execute();
  for (const c of ['set_aside_until', 'warned_at', 'first_seen_at']) await db.schema.alterTable('reporter_records').dropColumn(c).execute();
}
