// A worker thread that runs one merge of a PdqIndex (pdq-merge.ts starts it), posting each slot's
// postings as they complete and the compacted slots at the end, all transferred, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { runMergeJob } from './merge-job.ts';
import type { MergeJob } from './pdq-index.ts';

const port = parentPort;
if (port === null) throw new Error('pdq-merge-worker runs as a worker thread');
const job: MergeJob = workerData; // what pdq-merge.ts sent
const compacted = runMergeJob(job, (part) => {
  // Typed as ArrayBufferLike; these are plain ArrayBuffers this worker made, so they can be transferred.
  port.postMessage({ part }, [part.offsets.buffer, part.entries.buffer, part.tagExtensions.buffer] as ArrayBuffer[]);
});
port.postMessage({ compacted }, compacted === null ? [] : [compacted.kept.buffer, compacted.slots.ids.buffer, compacted.slots.table.buffer]);
