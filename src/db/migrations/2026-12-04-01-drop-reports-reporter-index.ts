// Frozen in time: Kysely<any>, no application imports. No query looks reports up by reporter any more (a
// reporter's figures are kept in case_reporters and reporter_records), and the index cost every report a
// page written at random in the database: one page in thirteen of a report's commit.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_reporter').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('reports_reporter').on('reports').column('reporter_key').execute();
}
