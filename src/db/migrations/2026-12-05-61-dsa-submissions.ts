// Frozen in time: Kysely<any>, no application imports. The DSA Transparency Database export
// (`vigil export dsa`): which statements of reasons a database accepted, so a re-run never sends one
// twice; and an index that lets the export page through a period's decisions in order (keyset).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dsa_submissions')
    // The database submitted to (its URL's origin): a statement sent to a sandbox is still owed to production.
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('puid', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull())
    // 'created' (201) or 'duplicate' (the database already held the puid).
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dsa_submissions_pk', ['target', 'puid'])
    .execute();
  await db.schema.createIndex('decisions_created_at_id').on('decisions').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('decisions_created_at_id').execute();
  await db.schema.dropTable('dsa_submissions').execute();
}
