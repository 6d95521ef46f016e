// Frozen in time: Kysely<any>, no application imports. What the case view reads of a case that a viral
// channel's reports made long, without reading them all:
//   - cases.report_split: reports and distinct reporters per category and source, kept by intake (JSON
//     {"<category>": {"<source>": [reports, reporters]}}); '{}' until the recount job of migration
//     2026-12-07-12 fills it for existing cases;
//   - cases.reported_post_ids: the posts its reports name (JSON list, sorted, at most 200), kept by intake;
//   - an index on a case's events by kind, for its signals and a report's public timeline; partial, without
//     the one event every report adds (report_added), so intake writes no more index pages than before;
//   - the reports of a case by time (replacing the index on case_id alone, its prefix), for its latest reports.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('report_split', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('reported_post_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('case_events_kind').on('case_events').columns(['case_id', 'kind', 'seq']).where('kind', '<>', 'report_added').execute();
  await db.schema.createIndex('reports_case_time').on('reports').columns(['case_id', 'created_at', 'id']).execute();
  await db.schema.dropIndex('reports_case').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('reports_case').on('reports').column('case_id').execute();
  await db.schema.dropIndex('reports_case_time').execute();
  await db.schema.dropIndex('case_events_kind').execute();
  await db.schema.alterTable('cases').dropColumn('reported_post_ids').execute();
  await db.schema.alterTable('cases').dropColumn('report_split').execute();
}
