// Background merges (PdqIndex with a merger): queries stay exact at every moment of a merge, whatever
// is added, replaced or withdrawn while it runs, and whether or not it compacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers/promises';
import { runMergeJob } from './merge-job.ts';
import { type CompactedSlots, type MergeJob, PdqIndex, type PostingsMerger } from './pdq-index.ts';
import { workerMerger } from './pdq-merge.ts';
import { LinearOracle, neighbour, randomHex, seededRandom } from './pdq-test-hashes.ts';
import type { SlotPostings } from './slot-postings.ts';

// Runs each job at once in this thread, but hands its slots over, and finishes, only when told: the
// test decides what happens between any two steps of a merge.
class SteppedMerger implements PostingsMerger {
  merges = 0;
  compactions = 0;
  #running: Array<{ parts: SlotPostings[]; onSlot: (part: SlotPostings) => void; finish: () => void }> = [];

  merge(job: MergeJob, onSlot: (part: SlotPostings) => void): Promise<CompactedSlots | null> {
    this.merges++;
    if (job.ids !== null) this.compactions++;
    const parts: SlotPostings[] = [];
    const result = runMergeJob(job, (part) => parts.push(part));
    return new Promise((resolve) => this.#running.push({ parts, onSlot, finish: () => resolve(result) }));
  }

  /** Hands over the next slot of the oldest merge, or finishes it. */
  step(): void {
    const merge = this.#running[0];
    if (merge === undefined) return;
    const part = merge.parts.shift();
    if (part !== undefined) merge.onSlot(part);
    else {
      this.#running.shift();
      merge.finish();
    }
  }
}

test('queries match a linear scan at every step of background merges, with adds, replacements and withdrawals in between', async () => {
  for (const seed of [1, 2, 3]) {
    const nextInt = seededRandom(seed);
    const next = () => nextInt() / 2 ** 32;
    const merger = new SteppedMerger();
    const index = new PdqIndex({ merger, mergeInlineBelow: 0, minPending: 32 });
    const oracle = new LinearOracle();
    const queries = Array.from({ length: 8 }, () => randomHex(nextInt));
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    const hash = () => (next() < 0.5 ? randomHex(nextInt) : neighbour(nextInt, pick(queries), Math.floor(next() * 48)));
    const live: number[] = [];
    let nextId = 1;
    const check = () => {
      assert.equal(index.size, oracle.hashes.size);
      const q = pick(queries);
      const d = pick([15, 31, 47]);
      assert.deepEqual(index.query(q, d), oracle.query(q, d), `seed ${seed}, query ${q} at d=${d}`);
    };
    for (let op = 0; op < 8000; op++) {
      const r = next();
      // Additions outpace withdrawals early on; later withdrawals win, so vacated slots pile up and compact.
      const removeShare = op < 5000 ? 0.25 : 0.6;
      if (r < 0.4) {
        const hex = hash();
        index.add(nextId, hex);
        oracle.set(nextId, hex);
        live.push(nextId++);
      } else if (r < 0.4 + 0.4 * removeShare && live.length > 0) {
        const k = Math.floor(next() * live.length);
        const id = live[k];
        live[k] = live[live.length - 1];
        live.pop();
        assert.equal(index.remove(id), true);
        oracle.delete(id);
      } else if (r < 0.85 && live.length > 0) {
        const id = pick(live);
        const hex = hash();
        index.add(id, hex); // replaces: the old slot is vacated
        oracle.set(id, hex);
      } else if (r < 0.95) {
        merger.step();
      } else {
        check();
      }
      if (op % 97 === 0) await setImmediate(); // lets a finished merge install
    }
    for (let i = 0; i < 100; i++) {
      merger.step();
      await setImmediate();
      check();
    }
    assert.ok(merger.merges >= 10, `seed ${seed}: ${merger.merges} merges`);
    assert.ok(merger.compactions >= 1, `seed ${seed}: ${merger.compactions} compactions`);
  }
});

test('a synchronous build drops a background merge in flight, whose late slots change nothing', async () => {
  const next = seededRandom(4);
  const merger = new SteppedMerger();
  const index = new PdqIndex({ merger, mergeInlineBelow: 0, minPending: 16 });
  const oracle = new LinearOracle();
  for (let id = 1; id <= 500; id++) {
    const hex = randomHex(next);
    index.add(id, hex);
    oracle.set(id, hex);
  }
  const q = randomHex(next);
  for (let id = 501; id <= 600; id++) {
    const hex = neighbour(next, q, id % 40);
    index.add(id, hex);
    oracle.set(id, hex);
  }
  index.query(q); // starts a merge
  assert.equal(index.merging, true);
  merger.step();
  for (let id = 1; id <= 300; id++) {
    index.remove(id);
    oracle.delete(id);
  }
  index.build(); // compacts in place
  assert.equal(index.merging, false);
  for (let i = 0; i < 20; i++) merger.step();
  await setImmediate();
  for (const d of [31, 63]) assert.deepEqual(index.query(q, d), oracle.query(q, d));
});

test('merges in a worker thread: the index is exact while they run and after, compaction included', async () => {
  const next = seededRandom(5);
  const index = new PdqIndex({ merger: workerMerger, mergeInlineBelow: 0 });
  const oracle = new LinearOracle();
  const queries = Array.from({ length: 4 }, () => randomHex(next));
  const settle = async () => {
    for (let i = 0; i < 500 && (index.merging || index.buildIfDue()); i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(index.merging, false);
    assert.equal(index.mergeError, null);
  };
  const check = () => {
    for (const q of queries) assert.deepEqual(index.query(q, 31), oracle.query(q, 31));
  };
  for (let id = 1; id <= 30_000; id++) {
    const hex = id % 20 === 0 ? neighbour(next, queries[id % 4], id % 32) : randomHex(next);
    index.add(id, hex);
    oracle.set(id, hex);
    if (id % 5000 === 0) check(); // starts merges, and answers while they run
  }
  await settle();
  assert.equal(index.pending, 0);
  check();
  for (let id = 1; id <= 30_000; id += 2) {
    index.remove(id);
    oracle.delete(id);
  }
  check(); // starts a compacting merge
  assert.equal(index.merging, true);
  for (let id = 3; id <= 30_000; id += 10) {
    index.remove(id); // withdrawn while it runs
    oracle.delete(id);
  }
  for (let id = 30_001; id <= 30_500; id++) {
    const hex = neighbour(next, queries[id % 4], id % 40); // added while it runs
    index.add(id, hex);
    oracle.set(id, hex);
  }
  check();
  await settle();
  check();
  assert.equal(index.size, oracle.hashes.size);
});
