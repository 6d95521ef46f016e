// Frozen in time: Kysely<any>, no application imports. The platform a case's subject lives on: the
// bundled reference platform ('reference') or a connected platform (the organisation of its platform
// key). Webhooks about a case go to that platform's endpoints.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo('reference'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('platform').execute();
}
