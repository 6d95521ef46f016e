// The job queue as admins see it (API, CLI, metrics): counts by kind and state, how late the oldest due
// job is, the failed and dead jobs, and sending one back to the queue (audited).
import type { Db } from '../db/database.ts';
import type { JobState } from './job-states.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import { nowIso } from '../shared/time.ts';
import type { JobQueue } from './job-queue.ts';
import { JobsRepository, type Job } from './jobs.repository.ts';

export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface JobsOverview {
  counts: Array<{ kind: string; state: JobState; count: number }>;
  /** Seconds the oldest due queued job has waited to start (0 when none waits). */
  oldestQueuedAgeSeconds: number;
  dead: number;
}

const view = (j: Job): JobView => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  attempts: j.attempts,
  maxAttempts: j.max_attempts,
  runAt: j.run_at,
  lastError: j.last_error,
  createdAt: j.created_at,
  finishedAt: j.finished_at,
});

type Cursor = { createdAt: string; id: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' && v !== null && 'createdAt' in v && typeof v.createdAt === 'string' && 'id' in v && typeof v.id === 'string';

export class JobsService {
  #db: Db;
  #audit: AuditLog;
  #queue: JobQueue;
  constructor(db: Db, audit: AuditLog, queue: JobQueue) {
    this.#db = db;
    this.#audit = audit;
    this.#queue = queue;
  }

  async overview(now = Date.now()): Promise<JobsOverview> {
    const repo = new JobsRepository(this.#db);
    const [counts, oldest] = await Promise.all([repo.countsByKindAndState(), repo.oldestDueQueued(new Date(now).toISOString())]);
    return {
      counts: counts.map((c) => ({ ...c, count: Number(c.count) })),
      oldestQueuedAgeSeconds: oldest ? Math.max(0, (now - Date.parse(oldest)) / 1000) : 0,
      dead: counts.filter((c) => c.state === 'dead').reduce((n, c) => n + Number(c.count), 0),
    };
  }

  /** Failed (waiting to retry) and dead jobs, newest first. */
  async troubled(limit: number, cursor?: string): Promise<{ jobs: JobView[]; nextCursor: string | null }> {
    const after = decodeCursor(cursor, isCursor);
    const rows = await new JobsRepository(this.#db).troubled(limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { jobs: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null };
  }

  /** Sends a failed or dead job back to the queue with a fresh set of attempts. */
  async retry(id: string, actor: string): Promise<JobView> {
    const job = await this.#db.transaction().execute(async (trx) => {
      const repo = new JobsRepository(trx);
      const retried = await repo.retry(id, nowIso());
      if (!retried) {
        const found = await repo.find(id);
        if (!found) throw notFound('Job');
        throw conflict('job_not_retryable', `The job is ${found.state}; only failed or dead jobs can be retried.`);
      }
      await this.#audit.append({ actor, action: 'job.retried', target: `job:${id}`, data: { kind: retried.kind, lastError: retried.last_error } }, trx);
      return retried;
    });
    this.#queue.wake();
    return view(job);
  }
}
