// Frozen in time: Kysely<any>, no application imports. Near-duplicate text and mirrors of blocked subjects:
// - text_fingerprints: one row per public post, channel, bot or sticker set with its SimHash (null for
//   short texts), external links and media digests, keyed by the subject, found by its channel (or the
//   subject itself) when a decision blocks that channel;
// - blocked_texts: the fingerprints a decision took down (removed posts, a blocked subject's posts and
//   description), split into bands, each indexed, so a lookup is a few exact index reads;
// - blocked_markers: what else a blocked subject leaves behind (its owner, links, media digests);
// - mirror_links: a subject found near a decision's subject, with the kinds of evidence, per pair.
import type { Kysely } from 'kysely';

const BANDS = 7;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('text_fingerprints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('case_subject_kind', 'text', (c) => c.notNull())
    .addColumn('case_subject_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('text_fingerprints_case_subject')
    .on('text_fingerprints')
    .columns(['platform', 'case_subject_kind', 'case_subject_id', 'created_at'])
    .execute();

  let blocked = db.schema
    .createTable('blocked_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull());
  for (let i = 0; i < BANDS; i++) blocked = blocked.addColumn(`band${i}`, 'integer', (c) => c.notNull());
  await blocked.addColumn('created_at', 'text', (c) => c.notNull()).execute();
  for (let i = 0; i < BANDS; i++) await db.schema.createIndex(`blocked_texts_band${i}`).on('blocked_texts').column(`band${i}`).execute();
  await db.schema.createIndex('blocked_texts_decision').on('blocked_texts').column('decision_id').execute();

  await db.schema
    .createTable('blocked_markers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('blocked_markers_value').on('blocked_markers').columns(['kind', 'value']).execute();
  await db.schema.createIndex('blocked_markers_decision').on('blocked_markers').column('decision_id').execute();

  await db.schema
    .createTable('mirror_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('original_case_id', 'text', (c) => c.notNull())
    .addColumn('original_decision_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mirror_links_case').on('mirror_links').column('case_id').execute();
  await db.schema.createIndex('mirror_links_original').on('mirror_links').column('original_case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mirror_links', 'blocked_markers', 'blocked_texts', 'text_fingerprints']) await db.schema.dropTable(t).execute();
}
