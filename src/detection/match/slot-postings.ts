// Per-slot postings in CSR form: for MIH slot i, the postings of the entries whose 16-bit slot value
// is v are `entries[i][offsets[i][v] … offsets[i][v + 1])`, in slot order. One Uint32Array per slot
// rather than 65,536 bucket arrays keeps 10M entries at 5 bytes per entry per slot, and lets a rebuild
// replace one slot's arrays at a time rather than holding two copies of all sixteen.
//
// Each posting also carries a tag: the entry's *next* slot value ((i + 1) mod 16). Its low bits fill
// the posting's spare high bits (the entry slot needs only ⌈log2 count⌉ bits) and the rest go to a
// parallel byte array. Queries read tags in sequence and discard almost every candidate without
// fetching its hash from a random address (see `neighbourLimit`).

import { PDQ_SLOTS, PDQ_WORDS } from './pdq-bits.ts';

const BUCKETS = 1 << 16;

export interface Postings {
  offsets: Uint32Array[];
  entries: Uint32Array[];
  /** Tag bits beyond those that fit in `entries`. */
  tagExtensions: Uint8Array[];
  /** Low bits of a posting that hold the entry slot; the tag's low bits sit above them. */
  entryBits: number;
  /** Mask of the neighbour-slot bits a tag holds: all 16 below 2^24 entries, fewer beyond. */
  tagMask: number;
}

/**
 * Indexes the first `count` hashes of `words`, reusing the arrays of `previous` where they are big
 * enough (and not wastefully big) so that repeated delta merges do not churn large allocations.
 */
export function buildPostings(previous: Postings | null, words: Uint32Array, count: number, entryBits = entryBitsFor(count)): Postings {
  const postings: Postings = {
    offsets: previous?.offsets ?? Array.from({ length: PDQ_SLOTS }, () => new Uint32Array(BUCKETS + 1)),
    entries: previous?.entries ?? Array.from({ length: PDQ_SLOTS }, () => new Uint32Array(0)),
    tagExtensions: previous?.tagExtensions ?? Array.from({ length: PDQ_SLOTS }, () => new Uint8Array(0)),
    entryBits,
    tagMask: tagMaskFor(entryBits),
  };
  countBuckets(words, count, postings.offsets);
  const filler = new PostingsFiller();
  for (let slot = 0; slot < PDQ_SLOTS; slot++) {
    postings.entries[slot] = sized(postings.entries[slot], count, Uint32Array);
    postings.tagExtensions[slot] = sized(postings.tagExtensions[slot], count, Uint8Array);
    filler.fill(words, count, slot, postings);
  }
  return postings;
}

/** One MIH slot's part of the postings: what a background merge hands over, one slot at a time. */
export interface SlotPostings {
  slot: number;
  offsets: Uint32Array;
  entries: Uint32Array;
  tagExtensions: Uint8Array;
}

/**
 * Indexes the first `count` hashes of `words` like `buildPostings`, in fresh arrays, handing each
 * slot's arrays to `onSlot` as soon as they are complete (they are not touched again). Peak memory is
 * one slot's postings beyond the offsets, so a merge in another thread never holds a second copy of
 * all sixteen.
 */
export function buildSlotPostings(words: Uint32Array, count: number, entryBits: number, onSlot: (part: SlotPostings) => void): void {
  const holder: Postings = {
    offsets: Array.from({ length: PDQ_SLOTS }, () => new Uint32Array(BUCKETS + 1)),
    entries: Array.from({ length: PDQ_SLOTS }, () => new Uint32Array(0)),
    tagExtensions: Array.from({ length: PDQ_SLOTS }, () => new Uint8Array(0)),
    entryBits,
    tagMask: tagMaskFor(entryBits),
  };
  countBuckets(words, count, holder.offsets);
  const filler = new PostingsFiller();
  for (let slot = 0; slot < PDQ_SLOTS; slot++) {
    // One spare element, as in `sized`.
    holder.entries[slot] = new Uint32Array(count + 1);
    holder.tagExtensions[slot] = new Uint8Array(count + 1);
    filler.fill(words, count, slot, holder);
    onSlot({ slot, offsets: holder.offsets[slot], entries: holder.entries[slot], tagExtensions: holder.tagExtensions[slot] });
  }
}

/** Postings assembled from all sixteen slots' parts, built with `entryBits`. */
export function postingsFromSlots(parts: SlotPostings[], entryBits: number): Postings {
  if (parts.length !== PDQ_SLOTS) throw new Error(`postingsFromSlots: ${parts.length} of ${PDQ_SLOTS} slots`);
  const sorted = [...parts].sort((a, b) => a.slot - b.slot);
  return {
    offsets: sorted.map((p) => p.offsets),
    entries: sorted.map((p) => p.entries),
    tagExtensions: sorted.map((p) => p.tagExtensions),
    entryBits,
    tagMask: tagMaskFor(entryBits),
  };
}

/** Mask of the neighbour-slot bits a posting's tag keeps for a given `entryBits`. */
export function tagMaskFor(entryBits: number): number {
  return (1 << Math.min(16, 32 - entryBits + 8)) - 1;
}

/** Bits a posting spends on the entry slot (at least 16, so the tag's posting part stays ≤ 16 bits). */
export function entryBitsFor(count: number): number {
  return Math.max(16, Math.ceil(Math.log2(count + 1)));
}

/** Tag of a posting: the neighbour-slot bits held in the posting and its extension byte. */
export function postingTag(posting: number, extension: number, entryBits: number): number {
  return (posting >>> entryBits) | (extension << (32 - entryBits));
}

/**
 * Largest neighbour-slot distance a match can have in the slot that reports it. For d < 16(r + 1)
 * with r = ⌊d/16⌋, some slot i has distance ≤ r while slot i + 1 has distance ≤ 2r + 1: otherwise
 * each of the k ≥ 1 slots within r is followed by a distinct slot at ≥ 2r + 2, every other slot is
 * above r, and the total is at least k(2r + 2) + (16 − 2k)(r + 1) = 16(r + 1) > d.
 */
export function neighbourLimit(radius: number): number {
  return 2 * radius + 1;
}

// At least one spare element: queries touch `entries[start]` of empty buckets too, and start may be
// `count`. A little headroom lets the next few delta merges rebuild in place.
function sized<T extends Uint32Array | Uint8Array>(array: T, count: number, type: { new (length: number): T }): T {
  if (array.length > count && array.length <= 2 * count + 1024) return array;
  return new type(count + (count >>> 5) + 1);
}

// One pass over the hashes counts all sixteen slots, then prefix sums turn counts into offsets.
function countBuckets(words: Uint32Array, count: number, offsets: Uint32Array[]): void {
  for (const o of offsets) o.fill(0);
  for (let word = 0; word < PDQ_WORDS; word++) {
    countWord(words, count, word, offsets[2 * word], offsets[2 * word + 1]);
  }
  for (const o of offsets) prefixSum(o);
}

function countWord(words: Uint32Array, count: number, word: number, low: Uint32Array, high: Uint32Array): void {
  for (let i = word, end = count * PDQ_WORDS; i < end; i += PDQ_WORDS) {
    const w = words[i];
    low[(w & 0xffff) + 1]++;
    high[(w >>> 16) + 1]++;
  }
}

function prefixSum(counts: Uint32Array): void {
  for (let v = 1; v < counts.length; v++) counts[v] += counts[v - 1];
}

// Scattering straight into 65,536 buckets misses the cache on nearly every write (about 40 ns an
// entry at 10M), so each slot is placed by a two-pass radix sort on its value's low then high byte,
// each pass writing only 256 sequential streams. Both passes are stable: a bucket lists its entries
// in slot order, which keeps the verification reads of a query roughly ascending.
// (Each hot loop lives in its own function: V8 deoptimizes a function whose later loops had no type
// feedback when an earlier loop got it compiled on-stack.)
class PostingsFiller {
  #postings = new Uint32Array(0);
  #extensions = new Uint8Array(0);
  #highBytes = new Uint8Array(0);
  #cursor = new Uint32Array(256);

  fill(words: Uint32Array, count: number, slot: number, postings: Postings): void {
    if (this.#postings.length < count) {
      this.#postings = new Uint32Array(count);
      this.#extensions = new Uint8Array(count);
      this.#highBytes = new Uint8Array(count);
    }
    const offsets = postings.offsets[slot];
    const cursor = this.#cursor;
    lowByteStarts(offsets, count, cursor);
    scatterByLowByte(words, count, slot, postings.entryBits, cursor, this.#postings, this.#extensions, this.#highBytes);
    for (let b = 0; b < 256; b++) cursor[b] = offsets[b << 8];
    scatterByHighByte(count, cursor, this.#postings, this.#extensions, this.#highBytes, postings.entries[slot], postings.tagExtensions[slot]);
  }
}

function lowByteStarts(offsets: Uint32Array, count: number, cursor: Uint32Array): void {
  cursor.fill(0);
  for (let v = 0; v < 1 << 16; v++) cursor[v & 255] += offsets[v + 1] - offsets[v];
  for (let b = 255, start = count; b >= 0; b--) cursor[b] = start -= cursor[b];
}

function scatterByLowByte(
  words: Uint32Array,
  count: number,
  slot: number,
  entryBits: number,
  cursor: Uint32Array,
  postings: Uint32Array,
  extensions: Uint8Array,
  highBytes: Uint8Array,
): void {
  const lowTagBits = 32 - entryBits;
  const word = slot >>> 1;
  const shift = (slot & 1) << 4;
  const next = (slot + 1) & (PDQ_SLOTS - 1);
  const nextWord = next >>> 1;
  const nextShift = (next & 1) << 4;
  for (let s = 0, base = 0; s < count; s++, base += PDQ_WORDS) {
    const value = (words[base + word] >>> shift) & 0xffff;
    const tag = (words[base + nextWord] >>> nextShift) & 0xffff;
    const at = cursor[value & 255]++;
    postings[at] = (tag << entryBits) | s;
    // Uint8Array keeps the low 8 of the remaining bits, matching `tagMask`.
    extensions[at] = tag >>> lowTagBits;
    highBytes[at] = value >>> 8;
  }
}

function scatterByHighByte(
  count: number,
  cursor: Uint32Array,
  postings: Uint32Array,
  extensions: Uint8Array,
  highBytes: Uint8Array,
  toPostings: Uint32Array,
  toExtensions: Uint8Array,
): void {
  for (let i = 0; i < count; i++) {
    const at = cursor[highBytes[i]]++;
    toPostings[at] = postings[i];
    toExtensions[at] = extensions[i];
  }
}
