// Frozen in time: Kysely<any>, no application imports. The language a reporter filed in (the web form's
// page language, one of the public pages' languages), in which the report's status and answer are said
// when the reader names none. Apart from `language`, which is the detected language of the explanation.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('reply_language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('reply_language').execute();
}
