// Compact two-way mapping between entry ids and dense slot numbers, in typed arrays only.
//
// `ids[slot]` holds the entry id living in a slot (0 = vacant: ids are positive). The reverse map is
// an open-addressing table (linear probing, load ≤ 0.7) of 4-byte cells, about 67 MB at 10M entries:
// a cell holds `slot + 1` in its low 27 bits and a 5-bit fingerprint of the id above them, so a probe
// only reads `ids` (a cache miss at a random address) when the fingerprint agrees.

const MAX_LOAD = 0.7;
const MIN_TABLE_BITS = 10;
const SLOT_BITS = 27;
const SLOT_MASK = (1 << SLOT_BITS) - 1;

/** Slots this map can address. */
export const MAX_SLOTS = SLOT_MASK;

/** The arrays of a SlotIds, to hand it to another thread (transfer both buffers) and rebuild it there. */
export interface SlotIdsState {
  ids: Int32Array<ArrayBuffer>;
  table: Int32Array<ArrayBuffer>;
  size: number;
}

export class SlotIds {
  ids: Int32Array<ArrayBuffer>;
  #table = new Int32Array(0);
  #shift = 0;
  #size = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.#rehash(capacity);
  }

  /** Adopts the arrays of `state()` (of this thread or another), without copying them. */
  static fromState(state: SlotIdsState): SlotIds {
    const slots = new SlotIds(0);
    slots.ids = state.ids;
    slots.#table = state.table;
    slots.#shift = 32 - Math.log2(state.table.length);
    slots.#size = state.size;
    return slots;
  }

  state(): SlotIdsState {
    return { ids: this.ids, table: this.#table, size: this.#size };
  }

  /** Number of ids mapped. */
  get size(): number {
    return this.#size;
  }

  get byteLength(): number {
    return this.ids.byteLength + this.#table.byteLength;
  }

  /** Moves the first `count` slots into an array of `capacity` slots, and sizes the table for it. */
  resize(capacity: number, count: number): void {
    const next = new Int32Array(capacity);
    next.set(this.ids.subarray(0, count));
    this.ids = next;
    if (tableLength(capacity) > this.#table.length) this.#rehash(capacity);
  }

  /** Slot of `id`, or -1. */
  slotOf(id: number): number {
    const i = this.#find(id);
    return i < 0 ? -1 : (this.#table[i] & SLOT_MASK) - 1;
  }

  /**
   * Maps `id` to the vacant `slot`, in one probe walk whether or not `id` was mapped; returns the
   * slot it held before (now vacated), or -1.
   */
  put(id: number, slot: number): number {
    if (this.#size + 1 > this.#table.length * MAX_LOAD) this.#rehash(this.#size + 1);
    const table = this.#table;
    const mask = table.length - 1;
    const print = fingerprint(id);
    const cell = (print << SLOT_BITS) | (slot + 1);
    this.ids[slot] = id;
    for (let i = this.#home(id); ; i = (i + 1) & mask) {
      const current = table[i];
      if (current === 0) {
        table[i] = cell;
        this.#size++;
        return -1;
      }
      const previous = (current & SLOT_MASK) - 1;
      if (current >>> SLOT_BITS === print && this.ids[previous] === id) {
        table[i] = cell;
        this.ids[previous] = 0;
        return previous;
      }
    }
  }

  /** Unmaps `id` and vacates its slot; returns the slot, or -1 when absent. */
  release(id: number): number {
    let i = this.#find(id);
    if (i < 0) return -1;
    const table = this.#table;
    const mask = table.length - 1;
    const slot = (table[i] & SLOT_MASK) - 1;
    // Backward-shift deletion keeps probe chains intact without tombstones: pull each later cell of
    // the cluster into the hole unless its home lies cyclically after the hole.
    for (let j = (i + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const home = this.#home(this.ids[(table[j] & SLOT_MASK) - 1]);
      if (((j - home) & mask) >= ((j - i) & mask)) {
        table[i] = table[j];
        i = j;
      }
    }
    table[i] = 0;
    this.ids[slot] = 0;
    this.#size--;
    return slot;
  }

  /**
   * Slides the occupied slots among the first `count` down over the vacant ones, keeping their order,
   * and re-keys the table; returns the new count. Callers move their per-slot data the same way.
   */
  compact(count: number): number {
    const ids = this.ids;
    let to = 0;
    for (let from = 0; from < count; from++) {
      if (ids[from] !== 0) ids[to++] = ids[from];
    }
    ids.fill(0, to, count);
    this.#table.fill(0);
    for (let slot = 0; slot < to; slot++) this.#insert(ids[slot], slot);
    return to;
  }

  #find(id: number): number {
    const table = this.#table;
    const mask = table.length - 1;
    const print = fingerprint(id);
    for (let i = this.#home(id); ; i = (i + 1) & mask) {
      const cell = table[i];
      if (cell === 0) return -1;
      if (cell >>> SLOT_BITS === print && this.ids[(cell & SLOT_MASK) - 1] === id) return i;
    }
  }

  #home(id: number): number {
    // Fibonacci hashing: the multiply spreads sequential database ids over the top bits.
    return Math.imul(id, 0x9e3779b1) >>> this.#shift;
  }

  #insert(id: number, slot: number): void {
    const table = this.#table;
    const mask = table.length - 1;
    let i = this.#home(id);
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = (fingerprint(id) << SLOT_BITS) | (slot + 1);
  }

  #rehash(entries: number): void {
    const old = this.#table;
    const length = tableLength(entries);
    this.#table = new Int32Array(length);
    this.#shift = 32 - Math.log2(length);
    for (let i = 0; i < old.length; i++) {
      const cell = old[i];
      if (cell === 0) continue;
      const slot = (cell & SLOT_MASK) - 1;
      this.#insert(this.ids[slot], slot);
    }
  }
}

function tableLength(entries: number): number {
  let bits = MIN_TABLE_BITS;
  while ((1 << bits) * MAX_LOAD < entries) bits++;
  return 1 << bits;
}

function fingerprint(id: number): number {
  // The top bits of a second multiply: independent of the home bucket, which uses the first.
  return Math.imul(id, 0x85ebca6b) >>> SLOT_BITS;
}
