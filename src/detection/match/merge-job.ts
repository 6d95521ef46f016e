// The work of a background merge (see PdqIndex, "Background merges"), wherever it runs: in a worker
// thread (pdq-merge-worker.ts) or, in tests, in the calling thread at a pace the test sets.
import { PDQ_WORDS } from './pdq-bits.ts';
import { type CompactedSlots, type MergeJob, sharedWords } from './pdq-index.ts';
import { SlotIds } from './slot-ids.ts';
import { buildSlotPostings, entryBitsFor, type SlotPostings } from './slot-postings.ts';

const MIN_CAPACITY = 1024;

/** Builds the job's postings slot by slot, after squeezing out its vacated slots when it asks for that. */
export function runMergeJob(job: MergeJob, onSlot: (part: SlotPostings) => void): CompactedSlots | null {
  const compacted = job.ids === null ? null : compact(job.words, job.ids, job.count);
  buildSlotPostings(compacted?.words ?? job.words, compacted?.count ?? job.count, compacted?.entryBits ?? job.entryBits, onSlot);
  return compacted;
}

// The live slots in order, with a fresh id map; `kept` says where each came from.
function compact(words: Uint32Array, ids: Int32Array, count: number): CompactedSlots {
  let live = 0;
  for (let s = 0; s < count; s++) if (ids[s] !== 0) live++;
  // Room for the additions made while the merge ran and a little more, as PdqIndex's trim leaves.
  const capacity = Math.max(MIN_CAPACITY, live + (live >>> 3));
  const compacted = sharedWords(capacity);
  const kept = new Int32Array(live);
  const slots = new SlotIds(capacity);
  for (let from = 0, to = 0; from < count; from++) {
    if (ids[from] === 0) continue;
    compacted.set(words.subarray(from * PDQ_WORDS, (from + 1) * PDQ_WORDS), to * PDQ_WORDS);
    kept[to] = from;
    slots.put(ids[from], to++);
  }
  return { words: compacted, count: live, entryBits: entryBitsFor(live), kept, slots: slots.state() };
}
