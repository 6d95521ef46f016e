// Frozen in time: Kysely<any>, no application imports. The detected language of public text (a short
// BCP 47 tag, null when too short to tell), stored when the text is written: channels, posts, bots and
// sticker sets of the reference platform, connected platforms' content, report explanations, and the
// case (its subject's language, else its first report's), which the queue filters and figures group by.
import type { Kysely } from 'kysely';

const TABLES = ['channels', 'posts', 'bots', 'sticker_sets', 'connected_content', 'reports', 'cases'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).addColumn('language', 'text').execute();
  await db.schema.createIndex('cases_language_idx').on('cases').columns(['language', 'state']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_language_idx').execute();
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('language').execute();
}
