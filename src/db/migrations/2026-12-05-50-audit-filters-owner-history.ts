// Frozen in time: Kysely<any>, no application imports. Indexes for the admins' audit-log filters (each
// equality filter walks its own index in seq order, so a page costs its own size whatever the log's) and
// for an owner's history on the case view (the owner's cases, the owner's channels, bots, sticker sets
// and connected content).
import type { Kysely } from 'kysely';

const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  ['audit_log_actor', 'audit_log', ['actor', 'seq']],
  ['audit_log_action', 'audit_log', ['action', 'seq']],
  ['audit_log_target', 'audit_log', ['target', 'seq']],
  ['audit_log_at', 'audit_log', ['at', 'seq']],
  ['cases_owner', 'cases', ['owner_account_id', 'created_at']],
  ['decisions_case', 'decisions', ['case_id', 'created_at']],
  ['channels_owner', 'channels', ['owner_id', 'created_at']],
  ['bots_owner', 'bots', ['owner_id', 'created_at']],
  ['sticker_sets_owner', 'sticker_sets', ['owner_id', 'created_at']],
  ['connected_content_owner', 'connected_content', ['platform', 'owner_id', 'created_at']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
