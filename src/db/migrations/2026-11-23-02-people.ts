// Frozen in time: Kysely<any>, no application imports. Staff users, sessions, personal tokens, API keys, audit log.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {
  // filled in by the people & audit work
}

export async function down(_db: Kysely<any>): Promise<void> {}
