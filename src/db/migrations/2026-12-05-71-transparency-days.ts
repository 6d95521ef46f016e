// Frozen in time: Kysely<any>, no application imports. The public transparency figures per UTC day,
// recomputed whole for a day from that day's case events (and the rows they name), so any past day can
// be redone and agrees with the events. `transparency_days` marks the days computed (a day may have no
// figures); `transparency_figures` holds the counts, one row per figure and key. The index on
// case_events(created_at) lets a day's events be read without scanning all history.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transparency_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('transparency_figures')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('figure', 'text', (c) => c.notNull())
    // The figure's dimensions joined by '|', e.g. 'channel|terrorism|ar'.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_figures_pk', ['day', 'figure', 'key'])
    .execute();
  await db.schema.createIndex('case_events_created_at').on('case_events').column('created_at').execute();
  await db.schema.createIndex('reports_created_at').on('reports').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_created_at').execute();
  await db.schema.dropIndex('case_events_created_at').execute();
  await db.schema.dropTable('transparency_figures').execute();
  await db.schema.dropTable('transparency_days').execute();
}
