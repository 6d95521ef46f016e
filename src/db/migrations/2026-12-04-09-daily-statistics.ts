// Frozen in time: Kysely<any>, no application imports. Decisions and reversals per UTC day, by platform,
// subject kind, category and outcome: rolled up from the decisions table by a recurring job, each day
// recomputed whole (so a rollup can always be redone and agrees with the decisions it counts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('daily_statistics')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    // '' when the decision named no category (a no-violation decision may not).
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decisions', 'integer', (c) => c.notNull())
    .addColumn('reversals', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_statistics_pk', ['day', 'platform', 'subject_kind', 'category', 'outcome'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('daily_statistics').execute();
}
