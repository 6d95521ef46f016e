// Frozen in time: Kysely<any>, no application imports. Cases whose figures predate reporters' credibility
// (migration 2026-12-05-41: no credibility-weighted categories, triage clock or coordination figures) or
// the case view's report split (2026-12-07-11) kept them until someone ran `vigil cases recount`. When such a
// case exists, this enqueues the durable job that recounts every case a page at a time (kind
// 'cases.recount', payload {"after": ""}; src/cases/recount-job.ts), so they are ranked and shown like new
// cases without an operator's step.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const stale = await db
    .selectFrom('cases')
    .select('id')
    .where('report_count', '>', 0)
    .where((eb) => eb.or([eb.and([eb('decided_at', 'is', null), eb('category_weights', '=', '{}')]), eb('report_split', '=', '{}')]))
    .limit(1)
    .executeTakeFirst();
  if (!stale) return;
  const at = new Date().toISOString();
  await db
    .insertInto('jobs')
    .values({
      id: `job_${randomBytes(12).toString('hex')}`,
      kind: 'cases.recount',
      payload: JSON.stringify({ after: '' }),
      state: 'queued',
      attempts: 0,
      max_attempts: 5,
      run_at: at,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: 'cases.recount@',
      created_at: at,
      finished_at: null,
    })
    .execute();
}

export async function down(): Promise<void> {
  // The job, if it was enqueued, has done its work or is harmless to leave: nothing to undo.
}
