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
// skip it). Both are folded in by a rebuild once they outgrow a small fraction of the index, run
// lazily by the next query, or eagerly by `build()` / `buildIfDue()`.

import { PDQ_MAX_DISTANCE, PDQ_WORDS, parsePdqHex, popcount32 } from './pdq-bits.ts';
import { PostingsProbe } from './postings-probe.ts';
import { MAX_SLOTS, SlotIds } from './slot-ids.ts';
import { buildPostings, type Postings } from './slot-postings.ts';

export interface PdqMatch {
  id: number;
  distance: number;
}

export interface PdqIndexOptions {
  /** Default distance for `query`; a match is distance ≤ 31 by the reference's convention. */
  maxDistance?: number;
}

const MIN_CAPACITY = 1024;
// The linearly scanned delta costs ~10 ns an entry a query and a rebuild ~1 µs an indexed entry, so
// merging often is what costs most while hashes stream in (a live import): the delta may grow to 1/8
// of the index, at most 131,072 entries (~1.3 ms a query), before a merge, which keeps merges to a
// geometric series at import time. Vacated slots only waste verifications, so they may reach 1/8 too.
// Small indexes tolerate a few thousand of either.
const MIN_PENDING = 2048;
const MAX_PENDING = 131_072;

export class PdqIndex {
  readonly maxDistance: number;
  #words: Uint32Array;
  #slots: SlotIds;
  #postings: Postings | null = null;
  #count = 0; // slots in use, vacated ones included
  #built = 0; // slots covered by #postings
  #query = new Uint32Array(PDQ_WORDS);
  #probe = new PostingsProbe();

  constructor(options: PdqIndexOptions = {}) {
    this.maxDistance = checkDistance(options.maxDistance ?? 31);
    this.#words = new Uint32Array(MIN_CAPACITY * PDQ_WORDS);
    this.#slots = new SlotIds(MIN_CAPACITY);
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
    this.#slots.put(id, this.#count++);
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
    return this.#slots.release(checkId(id)) >= 0;
  }

  /** Matches within `maxDistance` (≤ 63), sorted by distance then id. */
  query(hex: string, maxDistance: number = this.maxDistance): PdqMatch[] {
    const d = checkDistance(maxDistance);
    const q = this.#query;
    parsePdqHex(hex, q, 0);
    if (this.#needsRebuild()) this.build();
    const ids: number[] = [];
    const distances: number[] = [];
    if (this.#postings !== null && this.#built > 0) {
      this.#probe.run(this.#postings, this.#words, this.#slots.ids, q, d, ids, distances);
    }
    this.#scanDelta(d, ids, distances);
    const matches = ids.map((id, i) => ({ id, distance: distances[i] }));
    return matches.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }

  /** Folds the delta and vacated slots into freshly built postings. */
  build(): void {
    if (this.#count > this.#slots.size) this.#compact();
    this.#trim();
    this.#postings = buildPostings(this.#postings, this.#words, this.#count);
    this.#built = this.#count;
  }

  /** Entries added since the postings were last built (scanned linearly by queries until a merge). */
  get pending(): number {
    return this.#count - this.#built;
  }

  /** Merges the delta and vacated slots when a query would; returns whether it did. */
  buildIfDue(): boolean {
    if (!this.#needsRebuild()) return false;
    this.build();
    return true;
  }

  /** Bytes held by the index's arrays (the per-object overhead is negligible). */
  memoryBytes(): number {
    let bytes = this.#words.byteLength + this.#slots.byteLength + this.#query.byteLength;
    const p = this.#postings;
    if (p !== null) for (const a of [...p.offsets, ...p.entries, ...p.tagExtensions]) bytes += a.byteLength;
    return bytes;
  }

  get #capacity(): number {
    return this.#words.length / PDQ_WORDS;
  }

  #needsRebuild(): boolean {
    const pending = this.#count - this.#built;
    const vacant = this.#count - this.#slots.size;
    return pending > Math.max(MIN_PENDING, Math.min(MAX_PENDING, this.#built >>> 3)) || vacant > Math.max(MIN_PENDING, this.#count >>> 3);
  }

  #grow(needed: number, exact = false): void {
    if (needed > MAX_SLOTS) throw new Error(`PdqIndex: more than ${MAX_SLOTS} entries are not supported`);
    // 1.5× growth: doubling a 320 MB array would briefly need 960 MB.
    this.#resize(exact ? needed : Math.min(MAX_SLOTS, Math.max(needed, Math.ceil(this.#capacity * 1.5))));
  }

  #resize(capacity: number): void {
    const words = new Uint32Array(capacity * PDQ_WORDS);
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
