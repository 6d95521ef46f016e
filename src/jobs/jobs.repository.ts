// The job queue's SQL. Claiming is one statement: UPDATE … WHERE id IN (SELECT due ids … LIMIT n), with
// FOR UPDATE SKIP LOCKED on PostgreSQL (db/dialect-sql.ts). A claim's identity is (locked_by, attempts):
// a worker whose lease expired and was claimed again can no longer complete or fail the job.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { forUpdateSkipLocked } from '../db/dialect-sql.ts';
import type { JobsTable } from '../db/schema-jobs.ts';
import type { JobState } from './job-states.ts';

export type Job = JobsTable;
type Claim = Pick<Job, 'id' | 'locked_by' | 'attempts'>;

/** Jobs that may be claimed at `now`, with an attempt left. */
const due = (now: string) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.and([
    eb.or([eb.and([eb('state', 'in', ['queued', 'failed']), eb('run_at', '<=', now)]), eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now)])]),
    eb('attempts', '<', eb.ref('max_attempts')),
  ]);

/** The job is still held by the claim that ran it (not re-claimed after its lease ended). */
const stillClaimed = (job: Claim) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.and([eb('id', '=', job.id), eb('state', '=', 'running'), eb('locked_by', '=', job.locked_by ?? ''), eb('attempts', '=', job.attempts)]);

/** States an admin may send back to the queue. */
const RETRYABLE: JobState[] = ['failed', 'dead'];

export class JobsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Inserts the job; with a dedupe key already queued (in any state), inserts nothing and returns false. */
  async insert(row: JobsTable): Promise<boolean> {
    const q = this.#db.insertInto('jobs').values(row);
    const r = await (row.dedupe_key === null ? q : q.onConflict((oc) => oc.column('dedupe_key').doNothing())).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Claims up to `limit` due jobs for `worker` until `lockedUntil`: queued or failed ones whose time has
   * come, and running ones whose lease ended. Looks first with a plain read, so an idle poll never asks
   * for SQLite's write lock (whose busy wait would block this process while another one writes).
   */
  async claim(worker: string, limit: number, now: string, lockedUntil: string): Promise<Job[]> {
    const anyDue = await this.#db.selectFrom('jobs').select('id').where(due(now)).limit(1).executeTakeFirst();
    if (!anyDue) return [];
    const ids = forUpdateSkipLocked(this.#db, this.#db.selectFrom('jobs').select('id').where(due(now)).orderBy('run_at').limit(limit));
    return this.#db
      .updateTable('jobs')
      .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), locked_by: worker, locked_until: lockedUntil }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  }

  /** Running jobs whose worker died on their last attempt: dead, since they may not be claimed again. */
  async buryAbandoned(now: string): Promise<number> {
    const abandoned = (eb: ExpressionBuilder<Database, 'jobs'>) =>
      eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now), eb('attempts', '>=', eb.ref('max_attempts'))]);
    // Read first, as in claim(): no write lock when there is nothing to do.
    if (!(await this.#db.selectFrom('jobs').select('id').where(abandoned).limit(1).executeTakeFirst())) return 0;
    const r = await this.#db
      .updateTable('jobs')
      .set({
        state: 'dead',
        locked_by: null,
        locked_until: null,
        finished_at: now,
        last_error: 'the worker stopped answering during the last attempt (lease expired)',
      })
      .where(abandoned)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Keeps the claim alive while its handler runs; false when the claim was lost (lease expired and taken). */
  async extendLease(job: Claim, lockedUntil: string): Promise<boolean> {
    const r = await this.#db.updateTable('jobs').set({ locked_until: lockedUntil }).where(stillClaimed(job)).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async complete(job: Claim, now: string): Promise<boolean> {
    const r = await this.#db
      .updateTable('jobs')
      .set({ state: 'done', locked_by: null, locked_until: null, finished_at: now, last_error: null })
      .where(stillClaimed(job))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** A failed attempt: due again at `retryAt`, or dead when it is null. */
  async fail(job: Claim, error: string, retryAt: string | null, now: string): Promise<boolean> {
    const set: Partial<JobsTable> =
      retryAt === null
        ? { state: 'dead', locked_by: null, locked_until: null, last_error: error, finished_at: now }
        : { state: 'failed', locked_by: null, locked_until: null, last_error: error, run_at: retryAt };
    const r = await this.#db.updateTable('jobs').set(set).where(stillClaimed(job)).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Sends a failed or dead job back to the queue, due now, with a fresh set of attempts. */
  async retry(id: string, now: string): Promise<Job | undefined> {
    return this.#db
      .updateTable('jobs')
      .set({ state: 'queued', attempts: 0, run_at: now, finished_at: null, locked_by: null, locked_until: null })
      .where('id', '=', id)
      .where('state', 'in', RETRYABLE)
      .returningAll()
      .executeTakeFirst();
  }

  find(id: string): Promise<Job | undefined> {
    return this.#db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByDedupeKey(key: string): Promise<Job | undefined> {
    return this.#db.selectFrom('jobs').selectAll().where('dedupe_key', '=', key).executeTakeFirst();
  }

  countsByKindAndState(): Promise<Array<{ kind: string; state: JobState; count: number }>> {
    return this.#db
      .selectFrom('jobs')
      .select((eb) => ['kind', 'state', eb.fn.countAll<number>().as('count')])
      .groupBy(['kind', 'state'])
      .orderBy('kind')
      .orderBy('state')
      .execute();
  }

  /** The due time of the job that has waited longest to start (queued, due by `now`). */
  async oldestDueQueued(now: string): Promise<string | undefined> {
    const r = await this.#db
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_at').as('run_at'))
      .where('state', '=', 'queued')
      .where('run_at', '<=', now)
      .executeTakeFirst();
    return r?.run_at ?? undefined;
  }

  /** Failed and dead jobs, newest first, after the (created_at, id) cursor. */
  troubled(limit: number, after?: { createdAt: string; id: string }): Promise<Job[]> {
    let q = this.#db.selectFrom('jobs').selectAll().where('state', 'in', RETRYABLE);
    if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Forgets done jobs finished before `before`, a batch at a time; dead ones are kept for people to see. */
  async deleteDoneBefore(before: string, limit: number): Promise<number> {
    const ids = this.#db.selectFrom('jobs').select('id').where('state', '=', 'done').where('finished_at', '<', before).limit(limit);
    if (!(await ids.executeTakeFirst())) return 0;
    const r = await this.#db.deleteFrom('jobs').where('id', 'in', ids).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
