// The worker threads that decode and hash uploads (decode-worker.ts), so a 49-megapixel PNG never
// stalls the event loop. One worker per core by default (VIGIL_DECODE_WORKERS); at most that many
// decodes run at once, which bounds their memory to workers × the pixel limit × 3 bytes. Tasks wait in
// a bounded queue (VIGIL_DECODE_QUEUE); when it is full the caller is told to come back (503 busy with
// Retry-After) rather than piling up uploads in memory. A worker that dies is replaced; the task it was
// running fails with an ordinary error and the tasks behind it run on the replacement.
//
// Threads start with the first upload and end after IDLE_MS without work: each holds about 28 MiB (its
// own V8 isolate, sharp, the type stripper), which a server that rarely takes uploads need not carry.
// The waiting queue is ours, not Piscina's: Piscina (5.3) only replaces a dead worker up to minThreads,
// so with minThreads 0 the tasks in its queue behind a worker that died waited, with no thread, until
// the next task arrived. Here Piscina is handed a task only when a thread is free for it, and a task
// handed over when no thread is left makes Piscina start one.
import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError, BusyError } from '../shared/errors.ts';
import type { DecodeResult, DecodeTask, UploadFacts } from './decode-worker.ts';
import type { PdqDecodeOptions } from './pdq-decode.ts';

const WORKER = new URL('./decode-worker.ts', import.meta.url).href;
/** An idle decode thread ends after this long; the next upload starts it again (about 0.1–0.3 s). */
const IDLE_MS = 5 * 60_000;

export const defaultDecodeWorkers = (): number => Math.max(1, os.availableParallelism());

export interface DecodePoolOptions {
  /** Worker threads, each decoding one image at a time. Default: one per core. */
  workers?: number;
  /** Tasks allowed to wait for a worker; more are refused with BusyError. */
  queue?: number;
  /** The worker module; tests point it elsewhere. */
  filename?: string;
  /** How long an idle thread lives. Default IDLE_MS. */
  idleMs?: number;
}

export class DecodePool {
  readonly workers: number;
  readonly queue: number;
  #pool: Piscina<DecodeTask, DecodeResult>;

  constructor(opts: DecodePoolOptions = {}) {
    this.workers = Math.max(1, opts.workers ?? defaultDecodeWorkers());
    this.queue = Math.max(0, opts.queue ?? 4 * this.workers);
    this.#pool = new Piscina({
      filename: opts.filename ?? WORKER,
      minThreads: 0,
      maxThreads: this.workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: opts.idleMs ?? IDLE_MS,
    });
  }

  /** Decode threads alive now (none before the first upload, none after IDLE_MS without work). */
  get threads(): number {
    return this.#pool.threads.length;
  }

  /** Tasks running or waiting for a worker. */
  get pending(): number {
    return this.#pending;
  }
  #pending = 0;
  /** Tasks handed to Piscina, at most one per thread. */
  #running = 0;
  /** Tasks waiting for a thread, first come first served. */
  #waiting: Array<{ go: () => void; fail: (e: Error) => void }> = [];
  #closed = false;

  async #run(task: DecodeTask): Promise<DecodeResult> {
    if (this.#closed) throw new Error('the decode pool is closed');
    // Counted here rather than by Piscina's maxQueue, whose check only starts once its queue is non-empty.
    if (this.#pending >= this.workers + this.queue) throw new BusyError('The server is busy decoding other uploads; try again shortly.');
    this.#pending++;
    try {
      await this.#slot();
      try {
        // The bytes are copied into the worker (structured clone): the caller still stores them.
        return await this.#pool.run(task);
      } finally {
        this.#release();
      }
    } finally {
      this.#pending--;
    }
  }

  async #slot(): Promise<void> {
    if (this.#running < this.workers) {
      this.#running++;
      return;
    }
    await new Promise<void>((go, fail) => this.#waiting.push({ go, fail }));
  }

  /** A finished task hands its slot straight to the next waiting one, so none can overtake it. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next) next.go();
    else this.#running--;
  }

  /** Digests of any upload; for an image also its header check, its one full decode and its PDQ hash. */
  async upload(bytes: Uint8Array, image: boolean, maxImagePixels: number): Promise<UploadFacts> {
    const r = await this.#run({ op: 'upload', bytes, image, maxImagePixels });
    if (!r.ok) throw new AppError(r.refusal.status, r.refusal.code, r.refusal.message, r.refusal.details);
    if (!('upload' in r)) throw new Error('decode worker answered the wrong task');
    return r.upload;
  }

  /** PDQ hash of an image file, as pdqHashFile computes it, off the event loop. */
  async pdq(bytes: Uint8Array, options?: PdqDecodeOptions): Promise<{ hash: string; quality: number; width: number; height: number }> {
    const r = await this.#run({ op: 'pdq', bytes, options });
    if (!r.ok || !('pdq' in r)) throw new Error('decode worker answered the wrong task');
    return r.pdq;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiting.splice(0)) w.fail(new Error('the decode pool is closed'));
    await this.#pool.close({ force: true });
  }
}
