// Frozen in time: Kysely<any>, no application imports. Staff users, sessions, personal tokens, API keys, audit log.
// Portable to SQLite and PostgreSQL: text ids, ISO-8601 text timestamps, secrets stored only as sha256 hex.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique()) // stored lower-cased
    .addColumn('password_hash', 'text', (c) => c.notNull()) // scrypt$logN$r$p$salt$key
    .addColumn('role', 'text', (c) => c.notNull()) // triage | moderator | senior | admin
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  // The id is sha256 of the cookie's secret, so a leaked table does not let anyone in.
  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_user').on('staff_sessions').column('user_id').execute();
  await db.schema.createIndex('staff_sessions_expires').on('staff_sessions').column('expires_at').execute();

  await db.schema
    .createTable('staff_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('staff_tokens_user').on('staff_tokens').column('user_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // trusted_flagger | authority | platform
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('country', 'text') // ISO 3166-1 alpha-2; required for authority keys
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  // Append-only and hash-chained: hash = sha256(prev_hash + canonical JSON of the row's fields).
  // seq is assigned as max+1; the primary key makes concurrent appenders collide and retry.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('data', 'text', (c) => c.notNull()) // canonical JSON
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'api_keys', 'staff_tokens', 'staff_sessions', 'staff_users']) {
    await db.schema.dropTable(t).execute();
  }
}
