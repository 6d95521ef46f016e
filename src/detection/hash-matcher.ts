// The in-memory matcher over every active bank entry: a multi-index for PDQ (every hash within the
// distance, exactly) and exact indexes for MD5 and SHA-256. Built from the database at start (before
// the server answers), and kept current by this process's own changes at once and by everyone's changes
// through the banks' change feed (`poll`). Benign and withdrawn entries are never in it.
//
// Memory is close to the index's own size: an entry's bank and signal type are one number in a typed
// array indexed by the entry's dense number, not an object in a map; a server starts from a snapshot
// of these arrays that a short-lived child process builds (matcher-start.ts, matcher-snapshot.ts), so
// the garbage of reading every row never lands in the server; and the PDQ index's merges run in worker
// threads (match/pdq-merge.ts), so no query waits for one.
import { setImmediate } from 'node:timers/promises';
import type { Db } from '../db/database.ts';
import { PdqIndex, type PostingsMerger } from './match/pdq-index.ts';
import { workerMerger } from './match/pdq-merge.ts';
import { ExactIndex } from './match/exact-index.ts';
import { BanksRepository } from './banks.repository.ts';
import type { DigestType, SignalType } from './bank-values.ts';
import { DIGEST_BYTES, type MatcherState, readMatcherState, SIGNAL_TYPES } from './matcher-state.ts';

export interface IndexedEntry {
  num: number;
  signalType: SignalType;
  hash: string;
  bankId: string;
  category: string;
}
export interface Match {
  num: number;
  signalType: SignalType;
  distance: number;
  bankId: string;
  category: string;
}

/** Hashes below this PDQ quality are too flat or small to trust (reference guidance). */
export const MIN_PDQ_QUALITY = 50;

const CHANGES_PAGE = 200;
// An entry's record in #entries: (bank index << 2) | type code; 0 = not indexed.
const TYPES = SIGNAL_TYPES;
const typeCode = (t: SignalType): number => TYPES.indexOf(t) + 1;

export class HashMatcher {
  readonly maxDistance: number;
  #merger: PostingsMerger | undefined;
  #pdq: PdqIndex;
  #exact: Record<'md5' | 'sha256', ExactIndex> = { md5: new ExactIndex(), sha256: new ExactIndex() };
  #entries: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  #size = 0;
  #banks: Array<{ id: string; category: string }> = [];
  #bankIndex = new Map<string, number>();
  #seq = 0;
  #live = false;

  /** `merger` runs the PDQ index's merges (default: worker threads; null: in the calling thread). */
  constructor(maxDistance = 31, opts: { merger?: PostingsMerger | null } = {}) {
    this.maxDistance = maxDistance;
    this.#merger = opts.merger === undefined ? workerMerger : (opts.merger ?? undefined);
    this.#pdq = new PdqIndex({ maxDistance, merger: this.#merger });
  }

  get size(): number {
    return this.#size;
  }

  /** True once loaded from the database; a matcher that never loads (the CLI's) ignores additions. */
  get live(): boolean {
    return this.#live;
  }

  /** The last change of the banks' change feed this matcher reflects. */
  get changeSeq(): number {
    return this.#seq;
  }

  /** PDQ entries not yet merged into the index's postings (0 right after `load`). */
  get pendingPdq(): number {
    return this.#pdq.pending;
  }

  /** Bytes held by the indexes' typed arrays and the entry records (the exact indexes' maps excluded). */
  memoryBytes(): number {
    return this.#pdq.memoryBytes() + this.#entries.byteLength;
  }

  /** True while the PDQ index merges in the background (queries stay exact meanwhile). */
  get merging(): boolean {
    return this.#pdq.merging;
  }

  /**
   * Loads every active entry in this thread and builds the PDQ index, so the first query finds it ready.
   * The change feed's position is read before the first row (see readMatcherState). A server starts from
   * a snapshot built by a child process instead (matcher-start.ts) and loads here only as a fallback.
   */
  async load(db: Db): Promise<number> {
    this.adopt(await readMatcherState(db, this.maxDistance));
    return this.size;
  }

  /** Takes over a loaded state's arrays (no copy); the exact indexes' maps are rebuilt from raw digests. */
  adopt(state: MatcherState): void {
    this.#seq = state.seq;
    this.#banks = state.banks;
    this.#bankIndex = new Map(state.banks.map((b, i) => [b.id, i]));
    this.#entries = state.entries;
    this.#size = state.size;
    this.#pdq = PdqIndex.fromState(state.pdq, { merger: this.#merger });
    for (const type of ['md5', 'sha256'] as const) {
      const { nums, digests } = state.exact[type];
      const index = new ExactIndex();
      const bytes = DIGEST_BYTES[type];
      for (let i = 0; i < nums.length; i++) index.addBytes(nums[i], digests.subarray(i * bytes, (i + 1) * bytes));
      this.#exact[type] = index;
    }
    this.#live = true;
  }

  /** The matcher's arrays (shared, not copied), as a snapshot stores them; not while a merge runs. */
  state(): MatcherState {
    const exactOf = (type: DigestType) => {
      const index = this.#exact[type];
      const bytes = DIGEST_BYTES[type];
      const nums = new Uint32Array(index.size);
      const digests = new Uint8Array(index.size * bytes);
      let i = 0;
      for (const [num, key] of index.entries()) {
        nums[i] = num;
        digests.set(Buffer.from(key, 'latin1'), i * bytes);
        i++;
      }
      return { nums, digests };
    };
    const exact = { md5: exactOf('md5'), sha256: exactOf('sha256') };
    return { seq: this.#seq, banks: this.#banks, entries: this.#entries, size: this.#size, pdq: this.#pdq.state(), exact };
  }

  /**
   * Applies the changes of the feed after the last one seen; returns how many. Pending PDQ additions are
   * merged when due, in a worker thread, so no upload's query waits for the merge.
   */
  async poll(db: Db): Promise<number> {
    const repo = new BanksRepository(db);
    let applied = 0;
    for (;;) {
      const changes = await repo.changesAfter(this.#seq, CHANGES_PAGE);
      for (const c of changes) {
        // A change is at most one import batch; requests get the event loop between two of them.
        if (applied > 0) await setImmediate();
        if (c.kind === 'added') {
          for (const e of await repo.activeEntriesBetween(c.first_num, c.last_num))
            this.#add(e.num, e.signal_type, e.hash, this.#bankId(e.bank_id, e.category));
        } else if (c.kind === 'removed') {
          for (let num = c.first_num; num <= c.last_num; num++) this.remove(num);
        }
        this.#seq = c.seq;
        applied++;
      }
      if (changes.length < CHANGES_PAGE) break;
    }
    if (applied > 0) this.#pdq.buildIfDue();
    return applied;
  }

  /** Adds an entry unless it is already indexed (an entry's hash never changes while it is active). */
  add(e: IndexedEntry): void {
    this.#add(e.num, e.signalType, e.hash, this.#bankId(e.bankId, e.category));
  }

  has(num: number): boolean {
    return num < this.#entries.length && this.#entries[num] !== 0;
  }

  remove(num: number): void {
    if (!this.has(num)) return;
    const type = TYPES[(this.#entries[num] & 3) - 1];
    if (type === 'pdq') this.#pdq.remove(num);
    else this.#exact[type].remove(num);
    this.#entries[num] = 0;
    this.#size--;
  }

  match(q: { pdq?: { hash: string; quality: number }; md5?: string; sha256?: string }): Match[] {
    const out: Match[] = [];
    const push = (num: number, signalType: SignalType, distance: number) => {
      if (!this.has(num)) return;
      const bank = this.#banks[this.#entries[num] >>> 2];
      out.push({ num, signalType, distance, bankId: bank.id, category: bank.category });
    };
    if (q.pdq && q.pdq.quality >= MIN_PDQ_QUALITY) for (const r of this.#pdq.query(q.pdq.hash)) push(r.id, 'pdq', r.distance);
    if (q.md5) for (const num of this.#exact.md5.lookup(q.md5)) push(num, 'md5', 0);
    if (q.sha256) for (const num of this.#exact.sha256.lookup(q.sha256)) push(num, 'sha256', 0);
    return out.sort((a, b) => a.distance - b.distance);
  }

  #add(num: number, signalType: SignalType, hash: string, bank: number): void {
    const code = typeCode(signalType);
    if (code === 0 || this.has(num)) return;
    if (signalType === 'pdq') this.#pdq.add(num, hash);
    else this.#exact[signalType].add(num, hash);
    if (num >= this.#entries.length) {
      const grown = new Uint32Array(Math.max(num + 1, Math.ceil(this.#entries.length * 1.5)));
      grown.set(this.#entries);
      this.#entries = grown;
    }
    this.#entries[num] = (bank << 2) | code;
    this.#size++;
  }

  // The index of a bank in #banks, registering it (or its category) on first sight.
  #bankId(id: string, category: string): number {
    let i = this.#bankIndex.get(id);
    if (i === undefined) {
      i = this.#banks.push({ id, category }) - 1;
      this.#bankIndex.set(id, i);
    } else if (this.#banks[i].category !== category) {
      this.#banks[i] = { id, category };
    }
    return i;
  }
}
