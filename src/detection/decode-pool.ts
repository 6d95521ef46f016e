// The worker threads that decode and hash uploads (decode-worker.ts), so a 49-megapixel PNG never
// stalls the event loop. One worker per core by default (VIGIL_DECODE_WORKERS); at most that many
// decodes run at once, which bounds their memory to workers × the pixel limit × 3 bytes. Tasks wait in
// a bounded queue (VIGIL_DECODE_QUEUE); when it is full the caller is told to come back (503 busy with
// Retry-After) rather than piling up uploads in memory. A worker that dies is replaced by the pool;
// the task it was running fails with an ordinary error.
import os from 'node:os';
import { Piscina } from 'piscina';
import { AppError, BusyError } from '../shared/errors.ts';
import type { DecodeResult, DecodeTask, UploadFacts } from './decode-worker.ts';
import type { PdqDecodeOptions } from './pdq-decode.ts';

const WORKER = new URL('./decode-worker.ts', import.meta.url).href;

export const defaultDecodeWorkers = (): number => Math.max(1, os.availableParallelism());

export interface DecodePoolOptions {
  /** Worker threads, each decoding one image at a time. Default: one per core. */
  workers?: number;
  /** Tasks allowed to wait for a worker; more are refused with BusyError. */
  queue?: number;
  /** The worker module; tests point it elsewhere. */
  filename?: string;
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
      minThreads: this.workers,
      maxThreads: this.workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  /** Tasks running or waiting for a worker. */
  get pending(): number {
    return this.#pending;
  }
  #pending = 0;

  async #run(task: DecodeTask): Promise<DecodeResult> {
    // Counted here rather than by Piscina's maxQueue, whose check only starts once its queue is non-empty.
    if (this.#pending >= this.workers + this.queue) throw new BusyError('The server is busy decoding other uploads; try again shortly.');
    this.#pending++;
    try {
      // The bytes are copied into the worker (structured clone): the caller still stores them.
      return await this.#pool.run(task);
    } finally {
      this.#pending--;
    }
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
    await this.#pool.close({ force: true });
  }
}
