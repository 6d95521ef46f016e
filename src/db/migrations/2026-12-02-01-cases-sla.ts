// Frozen in time: Kysely<any>, no application imports. Open cases by SLA deadline and category, so the
// scrape-time count of open cases past their deadline (vigil_cases_sla_breached) reads only the index.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cases_open_sla').on('cases').columns(['sla_due_at', 'category']).where(sql<boolean>`open_key is not null`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_open_sla').execute();
}
