// Builds the matcher's arrays in a short-lived worker thread (matcher-load-worker.ts) and receives them
// without a copy: the typed arrays are transferred and the PDQ hashes shared. Reading a million rows
// leaves V8's heap grown by row objects and hex strings, which V8 keeps committed; in a worker that
// heap is freed when the worker ends, and the server keeps only the index's own arrays.
import { Worker } from 'node:worker_threads';
import type { MatcherState } from './matcher-state.ts';

const WORKER = new URL('./matcher-load-worker.ts', import.meta.url);

export interface MatcherLoadJob {
  /** Where the database is: the worker opens its own connection (read-only on SQLite). */
  dataDir: string;
  databaseUrl: string;
  maxDistance: number;
}

export function loadMatcherStateInWorker(job: MatcherLoadJob): Promise<MatcherState> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: job });
    let state: MatcherState | undefined;
    worker.once('message', (m: MatcherState) => {
      state = m;
    });
    worker.once('error', reject);
    // Resolved once the worker has ended, so its heap is gone before the server goes on.
    worker.once('exit', (code) => {
      if (state !== undefined) resolve(state);
      else reject(new Error(`the matcher's load worker exited with code ${code} before handing over the index`));
    });
  });
}
