// Exact in-memory PDQ match index using multi-index hashing (Norouzi et al.; the reference is
// facebook/ThreatExchange pdq/cpp/index/mih.h).
//
// A hash within distance d of the query differs by at most ⌊d/16⌋ bits in at least one of its sixteen
// 16-bit slots (pigeonhole), so probing, in every slot, each bucket within that radius of the query's
// slot value reaches every match; a full Hamming distance then rejects the rest. Recall is exact.
// Postings also carry the next slot's value, which rules out most candidates before their hash is
// fetched (slot-postings.ts), and queries are staged for memory-level parallelism (postings-probe.ts).
//
// Storage is typed arrays only, about 123 bytes an entry (32 of hash, 16 × 5 of postings, 4 of id,
// ~7 of id table): hashes sit in one array indexed by a dense slot number. The postings index slots
// [0, built); newer slots form a delta that queries scan linearly. Removal vacates a slot (queries
// skip it). Both are folded in by a merge once they outgrow a small fraction of the index: in the
// calling thread (`build()`, or lazily by the next query), or, given a `merger`, in another thread
// while queries go on (see "Background merges" below and pdq-merge.ts).

import { PDQ_MAX_DISTANCE, PDQ_WORDS, parsePdqHex, popcount32 } from './pdq-bits.ts';
import { PostingsProbe } from './postings-probe.ts';
import { MAX_SLOTS, SlotIds, type SlotIdsState } from './slot-ids.ts';
import { buildPostings, entryBitsFor, postingsFromSlots, type Postings, type SlotPostings } from './slot-postings.ts';

export interface PdqMatch {
  id: number;
  distance: number;
}

export interface PdqIndexOptions {
  /** Default distance for `query`; a match is distance ≤ 31 by the reference's convention. */
  maxDistance?: number;
  /** Runs merges in another thread; without one, merges run in the calling thread. */
  merger?: PostingsMerger;
  /** Indexes of fewer slots than this merge in the calling thread even with a merger (default 8,192: a few ms). */
  mergeInlineBelow?: number;
  /** Delta or vacated slots always tolerated before a merge (default 2,048; tests lower it). */
  minPending?: number;
}

/** What a background merge is given: the hashes to index and, when it also compacts, the slots' ids. */
export interface MergeJob {
  /** The index's hash array, on a SharedArrayBuffer: slots below `count` never change while it runs. */
  words: Uint32Array;
  count: number;
  /** Bits per posting for the slot number (`entryBitsFor`); 0 when compacting (the merger decides). */
  entryBits: number;
  /** A copy of the slot ids when the merge squeezes out vacated slots; null otherwise. */
  ids: Int32Array | null;
}

/** A compacting merge's result: the live slots of the job, renumbered in order, and their id map. */
export interface CompactedSlots {
  words: Uint32Array;
  count: number;
  entryBits: number;
  /** kept[k] = the job's slot now numbered k (ascending). */
  kept: Int32Array<ArrayBuffer>;
  slots: SlotIdsState;
}

/**
 * Builds postings for a job elsewhere, handing over each slot's arrays as it completes them; resolves
 * with the compacted slots when the job asked for compaction, else null.
 */
export interface PostingsMerger {
  merge(job: MergeJob, onSlot: (part: SlotPostings) => void): Promise<CompactedSlots | null>;
}

/** The arrays of an index, to hand it to another thread or write it to a snapshot, and rebuild it there. */
export interface PdqIndexState {
  maxDistance: number;
  words: Uint32Array;
  count: number;
  built: number;
  slots: SlotIdsState;
  postings: Postings | null;
}

interface RunningMerge {
  generation: number;
  /** Slots [0, count) are being indexed. */
  count: number;
  /** Parts go straight into the live postings (same slot numbers and posting layout), else wait for the last. */
  inPlace: boolean;
  parts: SlotPostings[];
  /** Compacting: slots below `count` vacated since the job's id snapshot, re-applied at install. */
  vacated: number[] | null;
}

const MIN_CAPACITY = 1024;
// The linearly scanned delta costs ~10 ns an entry a query and a rebuild ~1 µs an indexed entry, so
// merging often is what costs most while hashes stream in (a live import): the delta may grow to 1/8
// of the index, at most 131,072 entries (~1.3 ms a query), before a merge, which keeps merges to a
// geometric series at import time. Vacated slots only waste verifications, so they may reach 1/8 too.
// Small indexes tolerate a few thousand of either.
const MIN_PENDING = 2048;
const MAX_PENDING = 131_072;
// After a failed background merge, the next attempt waits this long.
const MERGE_RETRY_MS = 1000;

export class PdqIndex {
  readonly maxDistance: number;
  #words: Uint32Array;
  #slots: SlotIds;
  #postings: Postings | null = null;
  #count = 0; // slots in use, vacated ones included
  #built = 0; // slots covered by #postings
  #query = new Uint32Array(PDQ_WORDS);
  #probe = new PostingsProbe();
  #merger: PostingsMerger | null;
  #mergeInlineBelow: number;
  #minPending: number;
  #merge: RunningMerge | null = null;
  #generation = 0;
  #mergeFailedAt = -Infinity;
  /** The last background merge's failure, if it failed (the delta stays until a later merge). */
  mergeError: unknown = null;

  constructor(options: PdqIndexOptions = {}) {
    this.maxDistance = checkDistance(options.maxDistance ?? 31);
    this.#words = sharedWords(MIN_CAPACITY);
    this.#slots = new SlotIds(MIN_CAPACITY);
    this.#merger = options.merger ?? null;
    this.#mergeInlineBelow = options.mergeInlineBelow ?? 8192;
    this.#minPending = options.minPending ?? MIN_PENDING;
  }

  /** Adopts the arrays of `state()` (of this thread or another) without copying them. */
  static fromState(state: PdqIndexState, options: Omit<PdqIndexOptions, 'maxDistance'> = {}): PdqIndex {
    const index = new PdqIndex({ ...options, maxDistance: state.maxDistance });
    if (!(state.words.buffer instanceof SharedArrayBuffer)) throw new Error('PdqIndex.fromState: the hashes must be on a SharedArrayBuffer');
    index.#words = state.words;
    index.#slots = SlotIds.fromState(state.slots);
    index.#count = state.count;
    index.#built = state.built;
    index.#postings = state.postings;
    return index;
  }

  /** The index's arrays (shared, not copied); not while a background merge runs. */
  state(): PdqIndexState {
    if (this.#merge !== null) throw new Error('PdqIndex.state: a merge is running');
    return { maxDistance: this.maxDistance, words: this.#words, count: this.#count, built: this.#built, slots: this.#slots.state(), postings: this.#postings };
  }

  /** True while a background merge runs. */
  get merging(): boolean {
    return this.#merge !== null;
  }

  /** Number of live entries. */
  get size(): number {
    return this.#slots.size;
  }

  has(id: number): boolean {
    return this.#slots.slotOf(checkId(id)) >= 0;
  }

  /** Adds (or replaces) the entry `id` with hash `hex`. */
  add(id: number, hex: string): void {
    checkId(id);
    if (this.#count === this.#capacity) this.#grow(this.#count + 1);
    // Parsed into the next free slot, so a malformed hash leaves the index unchanged; a replaced
    // entry's old slot is vacated like a removal.
    parsePdqHex(hex, this.#words, this.#count * PDQ_WORDS);
    this.#vacated(this.#slots.put(id, this.#count++));
  }

  /** Adds many entries, making room for all of them first. */
  addMany(ids: ArrayLike<number>, hexes: ArrayLike<string>): void {
    if (ids.length !== hexes.length) throw new Error(`addMany: ${ids.length} ids but ${hexes.length} hashes`);
    if (this.#count + ids.length > this.#capacity) this.#grow(this.#count + ids.length);
    for (let i = 0; i < ids.length; i++) this.add(ids[i], hexes[i]);
  }

  /** Makes room for exactly `capacity` slots, so a bulk load of known size never grows (and copies) the arrays. */
  reserve(capacity: number): void {
    if (capacity > this.#capacity) this.#grow(capacity, true);
  }

  /** Withdraws `id`; returns false when it was not indexed. */
  remove(id: number): boolean {
    const slot = this.#slots.release(checkId(id));
    this.#vacated(slot);
    return slot >= 0;
  }

  /** Matches within `maxDistance` (≤ 63), sorted by distance then id. */
  query(hex: string, maxDistance: number = this.maxDistance): PdqMatch[] {
    const d = checkDistance(maxDistance);
    const q = this.#query;
    parsePdqHex(hex, q, 0);
    this.buildIfDue();
    const ids: number[] = [];
    const distances: number[] = [];
    if (this.#postings !== null && this.#built > 0) {
      this.#probe.run(this.#postings, this.#words, this.#slots.ids, q, d, ids, distances, this.#built);
    }
    this.#scanDelta(d, ids, distances);
    const matches = ids.map((id, i) => ({ id, distance: distances[i] }));
    return matches.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }

  /** Folds the delta and vacated slots into freshly built postings, in this thread (a running background merge is dropped). */
  build(): void {
    this.#merge = null;
    this.#generation++;
    if (this.#count > this.#slots.size) this.#compact();
    this.#trim();
    this.#postings = buildPostings(this.#postings, this.#words, this.#count);
    this.#built = this.#count;
  }

  /** Entries added since the postings were last built (scanned linearly by queries until a merge). */
  get pending(): number {
    return this.#count - this.#built;
  }

  /**
   * Merges the delta and vacated slots when they are due: in this thread without a merger (or while
   * the index is small), else by starting a background merge unless one runs. Returns whether it did.
   */
  buildIfDue(): boolean {
    if (this.#merge !== null || !this.#needsRebuild()) return false;
    if (this.#merger === null || this.#count < this.#mergeInlineBelow) {
      this.build();
      return true;
    }
    if (performance.now() - this.#mergeFailedAt < MERGE_RETRY_MS) return false;
    this.#startMerge(this.#merger);
    return true;
  }

  /** Bytes held by the index's arrays (the per-object overhead is negligible). */
  memoryBytes(): number {
    let bytes = this.#words.byteLength + this.#slots.byteLength + this.#query.byteLength;
    const p = this.#postings;
    if (p !== null) for (const a of [...p.offsets, ...p.entries, ...p.tagExtensions]) bytes += a.byteLength;
    return bytes;
  }

  // Background merges. The job indexes slots [0, n) of the shared hash array, which no one writes while
  // it runs: additions go after n, removals only zero an id (queries skip id 0), growth copies into a
  // new array. Meanwhile queries use the old postings for slots [0, built) and scan the rest linearly.
  // A non-compacting merge keeps slot numbers, so each slot's new postings replace the old as soon as
  // they arrive (when their posting layout is the same), and the probe reports only slots below
  // `built`: at most one slot's postings exist twice. A compacting merge renumbers the slots, so it
  // installs everything at once: its id map from the job's snapshot, minus the slots vacated since,
  // then the slots added since, appended after the compacted ones.
  #startMerge(merger: PostingsMerger): void {
    const vacant = this.#count - this.#slots.size;
    const compact = vacant > Math.max(this.#minPending, this.#count >>> 3);
    const count = this.#count;
    const entryBits = compact ? 0 : entryBitsFor(count);
    const merge: RunningMerge = {
      generation: ++this.#generation,
      count,
      inPlace: !compact && this.#postings !== null && this.#postings.entryBits === entryBits,
      parts: [],
      vacated: compact ? [] : null,
    };
    this.#merge = merge;
    const job: MergeJob = { words: this.#words, count, entryBits, ids: compact ? this.#slots.ids.slice(0, count) : null };
    merger
      .merge(job, (part) => this.#receiveSlot(merge, part))
      .then(
        (compacted) => this.#finishMerge(merge, compacted, entryBits),
        (err) => {
          if (this.#merge !== merge) return;
          this.#merge = null;
          this.mergeError = err;
          this.#mergeFailedAt = performance.now();
        },
      );
  }

  #receiveSlot(merge: RunningMerge, part: SlotPostings): void {
    if (this.#merge !== merge) return;
    const postings = this.#postings;
    if (merge.inPlace && postings !== null) {
      postings.offsets[part.slot] = part.offsets;
      postings.entries[part.slot] = part.entries;
      postings.tagExtensions[part.slot] = part.tagExtensions;
    } else {
      merge.parts.push(part);
    }
  }

  #finishMerge(merge: RunningMerge, compacted: CompactedSlots | null, entryBits: number): void {
    if (this.#merge !== merge) return;
    this.#merge = null;
    this.mergeError = null;
    if (compacted === null) {
      if (!merge.inPlace) this.#postings = postingsFromSlots(merge.parts, entryBits);
      this.#built = merge.count;
      return;
    }
    const slots = SlotIds.fromState(compacted.slots);
    for (const old of merge.vacated ?? []) {
      const k = binarySearch(compacted.kept, old);
      if (k >= 0 && slots.ids[k] !== 0) slots.release(slots.ids[k]);
    }
    const oldWords = this.#words;
    const oldIds = this.#slots.ids;
    const oldCount = this.#count;
    this.#words = compacted.words;
    this.#slots = slots;
    this.#count = compacted.count;
    this.#built = compacted.count;
    this.#postings = postingsFromSlots(merge.parts, compacted.entryBits);
    const added = oldCount - merge.count;
    if (this.#count + added > this.#capacity) this.#grow(this.#count + added);
    for (let from = merge.count; from < oldCount; from++) {
      const to = this.#count++;
      this.#words.set(oldWords.subarray(from * PDQ_WORDS, (from + 1) * PDQ_WORDS), to * PDQ_WORDS);
      if (oldIds[from] !== 0) slots.put(oldIds[from], to);
    }
  }

  // A slot below a compacting merge's snapshot was vacated: the merge's id map must forget it.
  #vacated(slot: number): void {
    const merge = this.#merge;
    if (slot >= 0 && merge?.vacated && slot < merge.count) merge.vacated.push(slot);
  }

  get #capacity(): number {
    return this.#words.length / PDQ_WORDS;
  }

  #needsRebuild(): boolean {
    const pending = this.#count - this.#built;
    const vacant = this.#count - this.#slots.size;
    return pending > Math.max(this.#minPending, Math.min(MAX_PENDING, this.#built >>> 3)) || vacant > Math.max(this.#minPending, this.#count >>> 3);
  }

  #grow(needed: number, exact = false): void {
    if (needed > MAX_SLOTS) throw new Error(`PdqIndex: more than ${MAX_SLOTS} entries are not supported`);
    // 1.5× growth: doubling a 320 MB array would briefly need 960 MB.
    this.#resize(exact ? needed : Math.min(MAX_SLOTS, Math.max(needed, Math.ceil(this.#capacity * 1.5))));
  }

  #resize(capacity: number): void {
    const words = sharedWords(capacity);
    words.set(this.#words.subarray(0, this.#count * PDQ_WORDS));
    this.#words = words;
    this.#slots.resize(capacity, this.#count);
  }

  // Vacated slots are squeezed out in order, which renumbers slots, so the postings must be rebuilt.
  #compact(): void {
    const words = this.#words;
    const ids = this.#slots.ids;
    let to = 0;
    for (let from = 0; from < this.#count; from++) {
      if (ids[from] === 0) continue;
      if (to !== from) for (let k = 0; k < PDQ_WORDS; k++) words[to * PDQ_WORDS + k] = words[from * PDQ_WORDS + k];
      to++;
    }
    this.#count = this.#slots.compact(this.#count);
    this.#built = 0;
  }

  // Gives back the slack left by 1.5× growth during a bulk load through add() (up to a third of the
  // hash array) or by mass withdrawals, keeping a little room for later adds.
  #trim(): void {
    const target = Math.max(MIN_CAPACITY, this.#count + (this.#count >>> 4));
    if (this.#capacity > target + (this.#count >>> 3)) this.#resize(target);
  }

  #scanDelta(d: number, ids: number[], distances: number[]): void {
    const words = this.#words;
    const slotIds = this.#slots.ids;
    const q = this.#query;
    const q0 = q[0],
      q1 = q[1],
      q2 = q[2],
      q3 = q[3],
      q4 = q[4],
      q5 = q[5],
      q6 = q[6],
      q7 = q[7];
    for (let s = this.#built, w = s * PDQ_WORDS; s < this.#count; s++, w += PDQ_WORDS) {
      // Half the hash almost always settles a non-match, as in the probe.
      let distance = popcount32(words[w] ^ q0) + popcount32(words[w + 1] ^ q1) + popcount32(words[w + 2] ^ q2) + popcount32(words[w + 3] ^ q3);
      if (distance > d) continue;
      distance += popcount32(words[w + 4] ^ q4) + popcount32(words[w + 5] ^ q5) + popcount32(words[w + 6] ^ q6) + popcount32(words[w + 7] ^ q7);
      if (distance <= d && slotIds[s] !== 0) {
        ids.push(slotIds[s]);
        distances.push(distance);
      }
    }
  }
}

/** Room for `capacity` hashes on a SharedArrayBuffer, so a merge in another thread reads them without a copy. */
export function sharedWords(capacity: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(capacity * PDQ_WORDS * 4));
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else if (sorted[mid] > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function checkId(id: number): number {
  if (!Number.isInteger(id) || id <= 0 || id > 0x7fffffff) throw new RangeError(`PdqIndex: id must be an integer in 1…2^31-1, got ${id}`);
  return id;
}

function checkDistance(d: number): number {
  if (!Number.isInteger(d) || d < 0 || d > PDQ_MAX_DISTANCE) {
    throw new RangeError(`PdqIndex: distance must be an integer in 0…${PDQ_MAX_DISTANCE}, got ${d}`);
  }
  return d;
}
