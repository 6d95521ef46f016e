// Frozen in time: Kysely<any>, no application imports. The durable job queue (a transactional outbox):
// work caused by a change is a row written in the same transaction as the change, and a runner claims,
// runs, retries and dead-letters it. `run_at` is when a queued or failed job is due; a running job's
// lease ends at `locked_until`, after which another worker may claim it again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued | running | done | failed (waiting for its next attempt) | dead (out of attempts)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    // One job per cause where the cause may be enqueued twice (NULL: no such limit).
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // Claiming reads due jobs by state and time: (queued|failed, run_at) and (running, lease end).
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_lease').on('jobs').columns(['state', 'locked_until']).execute();
  // Admin counts by kind and state, and the retention sweep of finished jobs.
  await db.schema.createIndex('jobs_kind_state').on('jobs').columns(['kind', 'state']).execute();
  await db.schema.createIndex('jobs_finished').on('jobs').columns(['state', 'finished_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
