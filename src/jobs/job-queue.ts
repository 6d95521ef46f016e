// Enqueueing: a job is a row written in the SAME transaction as the change that causes it, so the work
// exists exactly when the change does (a crash after commit leaves it queued, a rollback takes it away).
// After commit the caller calls wake(), and a runner in this process claims it at once. On PostgreSQL the
// enqueue also notifies JOBS_CHANNEL, delivered at commit, so worker processes listening for it claim the
// job at once too; on SQLite other processes find it at their next poll.
import type { Db } from '../db/database.ts';
import { notify } from '../db/notifications.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { JobsRepository } from './jobs.repository.ts';

export const DEFAULT_MAX_ATTEMPTS = 10;

/** The PostgreSQL notification channel that tells other processes' runners a job was enqueued. */
export const JOBS_CHANNEL = 'vigil_jobs';

export interface EnqueueOptions {
  /** One job per key, ever: enqueueing the same cause twice writes one job. */
  dedupeKey?: string;
  maxAttempts?: number;
  /** Not before this time (ISO); now by default. */
  runAt?: string;
}

export class JobQueue {
  #listeners = new Set<() => void>();

  /** Writes the job inside `trx`, the transaction of the change that causes it; returns its id (or the existing job's, for a dedupe key already used). */
  async enqueue(trx: Db, kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string> {
    const repo = new JobsRepository(trx);
    const at = nowIso();
    const id = newId('job');
    const inserted = await repo.insert({
      id,
      kind,
      payload: JSON.stringify(payload),
      state: 'queued',
      attempts: 0,
      max_attempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: opts.runAt ?? at,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: opts.dedupeKey ?? null,
      created_at: at,
      finished_at: null,
    });
    // Delivered at commit (once per transaction however many jobs it enqueues), never on rollback.
    if (inserted) await notify(trx, JOBS_CHANNEL);
    if (inserted || !opts.dedupeKey) return id;
    return (await repo.findByDedupeKey(opts.dedupeKey))?.id ?? id;
  }

  /** After the enqueueing transaction committed: runners in this process look for work now. */
  wake(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Returns a function that unsubscribes. */
  onWake(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
