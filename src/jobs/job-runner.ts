// Runs queued jobs: claims due ones (up to `concurrency` at a time) for a lease, runs the handler of their
// kind, then marks them done, or failed with a backoff, or dead after their last attempt. Polls every
// `pollMs`, and at once when this process enqueues (JobQueue.wake), another process's enqueue is heard
// (`wakeUps`: LISTEN on PostgreSQL) or a job finishes. While a handler
// runs, its lease is renewed; a worker that dies stops renewing, and once its lease has ended another
// worker claims the job again. So a job may run more than once: handlers must be idempotent.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { JobsRepository, type Job } from './jobs.repository.ts';
import type { JobQueue } from './job-queue.ts';
import { backoffMs } from './backoff.ts';

/**
 * Thrown by a handler that keeps its own retry schedule (webhook deliveries): the job runs again in
 * `delayMs`, or, when it is null, is dead-lettered now. Any other error retries with the runner's backoff.
 */
export class RetryIn extends Error {
  readonly delayMs: number | null;
  constructor(message: string, delayMs: number | null) {
    super(message);
    this.name = 'RetryIn';
    this.delayMs = delayMs;
  }
}

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
  /** Calls `wake` when another process enqueued a job; returns a function that stops listening. */
  wakeUps?: (wake: () => void) => () => Promise<void>;
}

const at = (ms: number) => new Date(ms).toISOString();
const SWEEP_EVERY_MS = 60_000;

export class JobRunner {
  readonly workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  #o: JobRunnerOptions;
  #repo: JobsRepository;
  #handlers = new Map<string, JobHandler>();
  #recurring = new Map<string, number>();
  #inflight = new Set<Promise<void>>();
  #claiming = new Set<Promise<number>>();
  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe = () => {};
  #stopWakeUps = async () => {};
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

  /**
   * A recurring job: one job of `kind` per interval across all processes (the dedupe key names the
   * interval), due at the interval's end. Each run first enqueues the next one, so a failing run does
   * not end the chain; every start enqueues it too, so a chain lost with a dead-lettered job resumes.
   */
  every(kind: string, intervalMs: number, run: () => Promise<void>): this {
    this.#recurring.set(kind, intervalMs);
    return this.register(kind, async () => {
      await this.#enqueueNext(kind);
      await run();
    });
  }

  async #enqueueNext(kind: string): Promise<void> {
    const interval = this.#recurring.get(kind) as number;
    const due = (Math.floor(Date.now() / interval) + 1) * interval;
    await this.#o.queue.enqueue(this.#o.db, kind, {}, { dedupeKey: `${kind}@${due}`, runAt: at(due), maxAttempts: 3 });
  }

  get kinds(): string[] {
    return [...this.#handlers.keys()];
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribe = this.#o.queue.onWake(() => this.#schedule(0));
    if (this.#o.wakeUps) this.#stopWakeUps = this.#o.wakeUps(() => this.#schedule(0));
    for (const kind of this.#recurring.keys()) {
      this.#enqueueNext(kind).catch((err) => this.#o.logger.warn({ err, kind }, 'could not schedule a recurring job; the next start will'));
    }
    this.#schedule(0);
  }

  /** Stops claiming and waits for the jobs in flight to finish. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe();
    await this.#stopWakeUps();
    this.#stopWakeUps = async () => {};
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
      const chosen = err instanceof RetryIn ? err.delayMs : undefined;
      const last = chosen === null || job.attempts >= job.max_attempts;
      const retryAt = last ? null : at(Date.now() + (chosen ?? backoffMs(job.attempts, this.#o.retryBaseMs)));
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
