// Runs queued jobs: claims due ones (up to `concurrency` at a time) for a lease, runs the handler of their
// kind, then marks them done, or failed with a backoff, or dead after their last attempt. Polls every
// `pollMs`, and at once when this process enqueues (JobQueue.wake) or a job finishes. While a handler
// runs, its lease is renewed; a worker that dies stops renewing, and once its lease has ended another
// worker claims the job again. So a job may run more than once: handlers must be idempotent.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { JobsRepository, type Job } from './jobs.repository.ts';
import type { JobQueue } from './job-queue.ts';
import { backoffMs } from './backoff.ts';

/** Runs one job; `payload` is what was enqueued (parsed JSON, so its type is the enqueuer's word). */
export type JobHandler<P = unknown> = (payload: P, job: Job) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  queue: JobQueue;
  logger: Logger;
  pollMs: number;
  concurrency: number;
  /** How long a claim lasts without renewal. */
  leaseMs: number;
  /** First retry waits about this long; each later one about twice the one before. */
  retryBaseMs: number;
  /** Done jobs are forgotten this long after they finished (0: kept). */
  keepDoneMs: number;
}

const at = (ms: number) => new Date(ms).toISOString();
const SWEEP_EVERY_MS = 60_000;

export class JobRunner {
  readonly workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  #o: JobRunnerOptions;
  #repo: JobsRepository;
  #handlers = new Map<string, JobHandler>();
  #inflight = new Set<Promise<void>>();
  #claiming = new Set<Promise<number>>();
  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe = () => {};
  #lastSweep = 0;

  constructor(opts: JobRunnerOptions) {
    this.#o = { ...opts, concurrency: Math.max(1, opts.concurrency) };
    this.#repo = new JobsRepository(opts.db);
  }

  register<P>(kind: string, handler: JobHandler<P>): this {
    // The payload of a `kind` job is what enqueue wrote for that kind (JSON, parsed when it runs).
    this.#handlers.set(kind, handler as JobHandler);
    return this;
  }

  get kinds(): string[] {
    return [...this.#handlers.keys()];
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribe = this.#o.queue.onWake(() => this.#schedule(0));
    this.#schedule(0);
  }

  /** Stops claiming and waits for the jobs in flight to finish. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe();
    clearTimeout(this.#timer);
    await Promise.allSettled([...this.#claiming, ...this.#inflight]);
    await Promise.allSettled([...this.#inflight]);
  }

  /** Runs jobs until none is due and none is running here: for tests and one-shot commands. */
  async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.#claimAndStart();
      if (claimed === 0 && this.#inflight.size === 0 && this.#claiming.size === 0) return;
      await Promise.race([...this.#inflight, ...this.#claiming]);
    }
  }

  #schedule(ms: number): void {
    if (!this.#started) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), ms);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    await this.#sweep();
    const claimed = await this.#claimAndStart();
    // A full batch may mean more are due; room frees when a job finishes, which schedules a tick too.
    if (claimed === 0 || this.#inflight.size < this.#o.concurrency) this.#schedule(claimed > 0 ? 0 : this.#o.pollMs);
  }

  #claimAndStart(): Promise<number> {
    const room = this.#o.concurrency - this.#inflight.size;
    if (room <= 0) return Promise.resolve(0);
    const p = this.#claim(room).finally(() => this.#claiming.delete(p));
    this.#claiming.add(p);
    return p;
  }

  async #claim(limit: number): Promise<number> {
    let jobs: Job[];
    try {
      const now = Date.now();
      jobs = await this.#repo.claim(this.workerId, limit, at(now), at(now + this.#o.leaseMs));
    } catch (err) {
      this.#o.logger.warn({ err }, 'claiming jobs failed; retrying at the next poll');
      return 0;
    }
    for (const job of jobs) {
      const p: Promise<void> = this.#run(job).finally(() => {
        this.#inflight.delete(p);
        this.#schedule(0);
      });
      this.#inflight.add(p);
    }
    return jobs.length;
  }

  async #run(job: Job): Promise<void> {
    const log = this.#o.logger.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    const renew = setInterval(
      () => {
        this.#repo.extendLease(job, at(Date.now() + this.#o.leaseMs)).catch((err: unknown) => log.warn({ err }, 'renewing the job lease failed'));
      },
      Math.max(10, Math.floor(this.#o.leaseMs / 3)),
    );
    renew.unref();
    const started = performance.now();
    try {
      const handler = this.#handlers.get(job.kind);
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}" in this process`);
      await handler(JSON.parse(job.payload), job);
      clearInterval(renew);
      if (!(await this.#repo.complete(job, at(Date.now())))) log.warn('job finished after its lease was taken by another worker');
      else log.debug({ ms: Math.round(performance.now() - started) }, 'job done');
    } catch (err) {
      clearInterval(renew);
      const last = job.attempts >= job.max_attempts;
      const retryAt = last ? null : at(Date.now() + backoffMs(job.attempts, this.#o.retryBaseMs));
      const message = err instanceof Error ? err.message : String(err);
      try {
        await this.#repo.fail(job, message.slice(0, 2000), retryAt, at(Date.now()));
      } catch (failErr) {
        log.error({ err: failErr }, 'recording a job failure failed; its lease will expire and it runs again');
      }
      if (last) log.error({ err }, 'job failed on its last attempt: dead-lettered');
      else log.warn({ err, retryAt }, 'job failed; retrying later');
    } finally {
      clearInterval(renew);
    }
  }

  /** Now and then: buries jobs abandoned on their last attempt and forgets old done jobs. */
  async #sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastSweep < Math.min(SWEEP_EVERY_MS, this.#o.pollMs * 10)) return;
    this.#lastSweep = now;
    try {
      const buried = await this.#repo.buryAbandoned(at(now));
      if (buried > 0) this.#o.logger.error({ jobs: buried }, 'jobs abandoned by a dead worker on their last attempt: dead-lettered');
      if (this.#o.keepDoneMs > 0) await this.#repo.deleteDoneBefore(at(now - this.#o.keepDoneMs), 1000);
    } catch (err) {
      this.#o.logger.warn({ err }, 'sweeping the job queue failed');
    }
  }
}
