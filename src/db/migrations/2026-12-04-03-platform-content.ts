// Frozen in time: Kysely<any>, no application imports. Public content that connected platforms register
// over the API (POST /api/v1/content): one row per (platform, kind, platform's own id), and the hashes of
// its media. The media bytes are never stored: only what moderation needs (digests, PDQ, mime, size, URL).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('connected_content')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // The URL normalised (scheme and host in lower case, no trailing slash, no fragment): reports by URL find it.
    .addColumn('url_key', 'text', (c) => c.notNull())
    // A post's channel (our id), so reports about a post gather on its channel.
    .addColumn('channel_id', 'text')
    // A post's number within its channel, for reviewers ("Post #3"); 0 for other kinds.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('reach', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('connected_content_external').on('connected_content').columns(['platform', 'kind', 'external_id']).unique().execute();
  await db.schema.createIndex('connected_content_url').on('connected_content').column('url_key').execute();
  await db.schema.createIndex('connected_content_channel').on('connected_content').columns(['channel_id', 'seq']).execute();

  await db.schema
    .createTable('connected_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_id', 'text', (c) => c.notNull().references('connected_content.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    // NULL when the platform sent only a URL: such media is not scanned.
    .addColumn('sha256', 'text')
    .addColumn('md5', 'text')
    .addColumn('pdq', 'text')
    .addColumn('pdq_quality', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('connected_media_content').on('connected_media').columns(['content_id', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('connected_media').execute();
  await db.schema.dropTable('connected_content').execute();
}
