// Runs a PdqIndex's merges in short-lived worker threads (pdq-merge-worker.ts), so no query waits for
// one: at 10M entries a merge takes seconds. The hashes are shared (SharedArrayBuffer), the finished
// postings are transferred; a worker ends with its job, freeing its scratch memory.
import { Worker } from 'node:worker_threads';
import type { CompactedSlots, MergeJob, PostingsMerger } from './pdq-index.ts';
import type { SlotPostings } from './slot-postings.ts';

const WORKER = new URL('./pdq-merge-worker.ts', import.meta.url);

type Message = { part: SlotPostings } | { compacted: CompactedSlots | null };

export const workerMerger: PostingsMerger = {
  merge(job: MergeJob, onSlot: (part: SlotPostings) => void): Promise<CompactedSlots | null> {
    return new Promise((resolve, reject) => {
      // job.ids is a plain ArrayBuffer's view (typed ArrayBufferLike), so it can be transferred.
      const worker = new Worker(WORKER, { workerData: job, transferList: job.ids === null ? [] : [job.ids.buffer as ArrayBuffer] });
      // A merge in flight never keeps a process from exiting: its result is only an optimisation.
      worker.unref();
      let done = false;
      worker.on('message', (m: Message) => {
        if ('part' in m) {
          onSlot(m.part);
        } else {
          done = true;
          resolve(m.compacted);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!done) reject(new Error(`the PDQ merge worker exited with code ${code} before finishing`));
      });
    });
  },
};
