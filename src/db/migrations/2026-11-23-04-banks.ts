// Frozen in time: Kysely<any>, no application imports. Hash banks, their entries, matches, and
// victims' hash submissions.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Dense integer numbers for in-memory indexes, allocated portably (no dialect-specific sequences).
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('banks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('protect_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();

  await db.schema
    .createTable('bank_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('num', 'integer', (c) => c.notNull().unique())
    .addColumn('bank_id', 'text', (c) => c.notNull().references('banks.id'))
    .addColumn('signal_type', 'text', (c) => c.notNull())
    // Emptied when the entry is withdrawn: a withdrawn hash is deleted, not merely disabled.
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('submission_id', 'text', (c) => c.references('protect_submissions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bank_entries_bank').on('bank_entries').columns(['bank_id', 'created_at']).execute();
  await db.schema.createIndex('bank_entries_lookup').on('bank_entries').columns(['signal_type', 'hash']).execute();
  await db.schema.createIndex('bank_entries_submission').on('bank_entries').column('submission_id').execute();

  await db.schema
    .createTable('media_matches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('bank_entries.id'))
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('signal_type', 'text', (c) => c.notNull())
    .addColumn('distance', 'integer', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_matches_entry').on('media_matches').column('entry_id').execute();
  await db.schema.createIndex('media_matches_bank').on('media_matches').columns(['bank_id', 'created_at']).execute();

  // Perceptual hashes of public media, kept so a later decision can bank them without decoding again.
  await db.schema
    .createTable('media_hashes')
    .addColumn('media_id', 'text', (c) => c.primaryKey())
    .addColumn('pdq', 'text')
    .addColumn('pdq_quality', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['media_hashes', 'media_matches', 'bank_entries', 'protect_submissions', 'banks', 'counters']) await db.schema.dropTable(t).execute();
}
