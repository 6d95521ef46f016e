// Frozen in time: Kysely<any>, no application imports. An index on a case's events by kind, so the case
// view's signals and a report's public timeline read the few events of their kinds, not every event of a
// case that a viral channel's reports made long.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('case_events_kind').on('case_events').columns(['case_id', 'kind', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_events_kind').execute();
}
