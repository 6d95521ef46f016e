// Frozen in time: Kysely<any>, no application imports. Case figures kept incrementally by intake:
//   - reports.credibility: the report's weight when it was made (source weight × the reporter's track
//     record at that moment), so the figures can be recomputed from the reports alone;
//   - case_reporters: one row per distinct reporter of a case with their best credibility and report count;
//   - cases.best_credibility: the best credibility among the case's reporters (0 while it has none).
// Existing reports get the credibility of their reporter's track record now (the best that is known).
import { type Kysely, sql } from 'kysely';

// A frozen copy of the source weights and track-record factor of 2026-11-30 (src/cases/priority.ts).
const WEIGHT: Record<string, number> = { anonymous: 1, in_app: 1.2, automated: 1.5, platform: 2, authority: 3, trusted_flagger: 4 };
const factor = (r: { agreed: number; disagreed: number } | undefined) => (r ? (2 * (r.agreed + 1)) / (r.agreed + r.disagreed + 2) : 1);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('credibility', 'double precision').execute();
  await db.schema
    .alterTable('cases')
    .addColumn('best_credibility', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('case_reporters')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('best_credibility', 'double precision', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reporters_pk', ['case_id', 'reporter_key'])
    .execute();

  const records = new Map<string, { agreed: number; disagreed: number }>();
  for (const r of await db.selectFrom('reporter_records').select(['reporter_key', 'agreed', 'disagreed']).execute()) {
    records.set(r.reporter_key, { agreed: Number(r.agreed), disagreed: Number(r.disagreed) });
  }
  const pairs: Array<{ source: string; reporter_key: string }> = await db.selectFrom('reports').select(['source', 'reporter_key']).distinct().execute();
  for (const p of pairs) {
    const credibility = (WEIGHT[p.source] ?? 1) * factor(records.get(p.reporter_key));
    await db.updateTable('reports').set({ credibility }).where('source', '=', p.source).where('reporter_key', '=', p.reporter_key).execute();
  }
  await sql`insert into case_reporters (case_id, reporter_key, best_credibility, reports)
    select case_id, reporter_key, max(credibility), count(*) from reports where case_id is not null group by case_id, reporter_key`.execute(db);
  await sql`update cases set best_credibility = coalesce((select max(best_credibility) from case_reporters where case_reporters.case_id = cases.id), 0)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_reporters').execute();
  await db.schema.alterTable('cases').dropColumn('best_credibility').execute();
  await db.schema.alterTable('reports').dropColumn('credibility').execute();
}
