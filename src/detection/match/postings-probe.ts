// The query side of the MIH postings, staged for memory-level parallelism.
//
// The work is dominated by cache misses, not arithmetic: bucket bounds, bucket starts and candidate
// hashes all sit at random addresses. Walking bucket by bucket serializes those misses behind
// hard-to-predict loop exits, so each stage below first issues a batch of independent loads and
// only then consumes them, which measured about 3× faster than the straightforward nested loop.

import { PDQ_SLOTS, PDQ_WORDS, popcount32, slotValue } from './pdq-bits.ts';
import { PROBE_MASKS } from './probe-masks.ts';
import { neighbourLimit, postingTag, type Postings } from './slot-postings.ts';

export class PostingsProbe {
  #starts = new Uint32Array(PDQ_SLOTS * PROBE_MASKS[1].length);
  #ends = new Uint32Array(PDQ_SLOTS * PROBE_MASKS[1].length);
  // (entry slot << 4 | probed slot) of the candidates whose tag passed.
  #survivors = new Int32Array(1024);
  // Keeps the touching loads observable so the JIT cannot drop them.
  #sink = 0;

  /**
   * Appends to `ids`/`distances` every live entry in `postings` within `d` of the hash `q`.
   * `slotIds[s]` is the entry id of slot s, 0 when vacated. Only slots below `limit` are reported:
   * while a merge installs its slots one at a time, some slots' postings reach further than others,
   * and the caller scans the slots from `limit` on itself.
   */
  run(
    postings: Postings,
    words: Uint32Array,
    slotIds: Int32Array,
    q: Uint32Array,
    d: number,
    ids: number[],
    distances: number[],
    limit = Number.MAX_SAFE_INTEGER,
  ): void {
    const radius = d >>> 4;
    const masks = PROBE_MASKS[radius];
    const probes = PDQ_SLOTS * masks.length;
    if (this.#starts.length < probes) {
      this.#starts = new Uint32Array(probes);
      this.#ends = new Uint32Array(probes);
    }
    const total = this.#bounds(postings, q, masks);
    if (this.#survivors.length < total) this.#survivors = new Int32Array(total + (total >>> 1));
    const survivors = this.#filter(postings, q, masks.length, neighbourLimit(radius));
    this.#verify(postings, words, slotIds, q, d, survivors, ids, distances, limit);
  }

  // Stage 1: every probed bucket's bounds; then touch each bucket's first posting.
  #bounds(postings: Postings, q: Uint32Array, masks: Uint16Array): number {
    const starts = this.#starts;
    const ends = this.#ends;
    let total = 0;
    for (let slot = 0, k = 0; slot < PDQ_SLOTS; slot++) {
      const offsets = postings.offsets[slot];
      const value = slotValue(q, 0, slot);
      for (let m = 0; m < masks.length; m++, k++) {
        const bucket = value ^ masks[m];
        starts[k] = offsets[bucket];
        ends[k] = offsets[bucket + 1];
        total += ends[k] - starts[k];
      }
    }
    let sink = 0;
    for (let slot = 0, k = 0; slot < PDQ_SLOTS; slot++) {
      const entries = postings.entries[slot];
      for (let m = 0; m < masks.length; m++, k++) sink ^= entries[starts[k]];
    }
    this.#sink ^= sink;
    return total;
  }

  // Stage 2: keep the candidates whose neighbour-slot tag is within the limit (branch-free).
  #filter(postings: Postings, q: Uint32Array, probesPerSlot: number, tagLimit: number): number {
    const { entryBits, tagMask } = postings;
    const entryMask = (1 << entryBits) - 1;
    const starts = this.#starts;
    const ends = this.#ends;
    const survivors = this.#survivors;
    let n = 0;
    for (let slot = 0, k = 0; slot < PDQ_SLOTS; slot++) {
      const entries = postings.entries[slot];
      const extensions = postings.tagExtensions[slot];
      const tag = slotValue(q, 0, (slot + 1) & (PDQ_SLOTS - 1)) & tagMask;
      for (let m = 0; m < probesPerSlot; m++, k++) {
        for (let p = starts[k], end = ends[k]; p < end; p++) {
          const posting = entries[p];
          survivors[n] = ((posting & entryMask) << 4) | slot;
          n += popcount32(postingTag(posting, extensions[p], entryBits) ^ tag) <= tagLimit ? 1 : 0;
        }
      }
    }
    return n;
  }

  // Stage 3: touch the survivors' hashes, then measure full distances.
  #verify(
    postings: Postings,
    words: Uint32Array,
    slotIds: Int32Array,
    q: Uint32Array,
    d: number,
    n: number,
    ids: number[],
    distances: number[],
    limit: number,
  ): void {
    const survivors = this.#survivors;
    let sink = 0;
    for (let i = 0; i < n; i++) sink ^= words[(survivors[i] >>> 4) * PDQ_WORDS];
    this.#sink ^= sink;
    const q0 = q[0],
      q1 = q[1],
      q2 = q[2],
      q3 = q[3],
      q4 = q[4],
      q5 = q[5],
      q6 = q[6],
      q7 = q[7];
    const radius = d >>> 4;
    const tagLimit = neighbourLimit(radius);
    for (let i = 0; i < n; i++) {
      const s = survivors[i] >>> 4;
      if (s >= limit) continue;
      const w = s * PDQ_WORDS;
      // Half the hash almost always settles a non-match (a random half differs by ~64 bits).
      let distance = popcount32(words[w] ^ q0) + popcount32(words[w + 1] ^ q1) + popcount32(words[w + 2] ^ q2) + popcount32(words[w + 3] ^ q3);
      if (distance > d) continue;
      distance += popcount32(words[w + 4] ^ q4) + popcount32(words[w + 5] ^ q5) + popcount32(words[w + 6] ^ q6) + popcount32(words[w + 7] ^ q7);
      if (distance > d || slotIds[s] === 0) continue;
      // A match can pass in several slots; only its first passing slot reports it, which spares a
      // per-query "seen" set.
      if (reportingSlot(words, w, q, radius, tagLimit, postings.tagMask) !== (survivors[i] & 15)) continue;
      ids.push(slotIds[s]);
      distances.push(distance);
    }
  }
}

// The first slot whose probes reach the hash at `words[w …]` and whose tag test it passes.
function reportingSlot(words: Uint32Array, w: number, q: Uint32Array, radius: number, tagLimit: number, tagMask: number): number {
  for (let slot = 0; slot < PDQ_SLOTS; slot++) {
    const next = (slot + 1) & (PDQ_SLOTS - 1);
    if (
      popcount32(slotValue(words, w, slot) ^ slotValue(q, 0, slot)) <= radius &&
      popcount32((slotValue(words, w, next) ^ slotValue(q, 0, next)) & tagMask) <= tagLimit
    ) {
      return slot;
    }
  }
  return PDQ_SLOTS;
}
