// The in-memory matcher over every active bank entry: a multi-index for PDQ (every hash within the
// distance, exactly) and exact indexes for MD5 and SHA-256. Built from the database at start (before
// the server answers), and kept current by this process's own changes at once and by everyone's changes
// through the banks' change feed (`poll`). Benign and withdrawn entries are never in it.
//
// Memory is close to the index's own size: an entry's bank and signal type are one number in a typed
// array indexed by the entry's dense number, not an object in a map, and the start-up load streams small pages
// of rows straight into the index's typed arrays, reserved once at their final size.
import { setImmediate } from 'node:timers/promises';
import type { Db } from '../db/database.ts';
import { PdqIndex } from './match/pdq-index.ts';
import { ExactIndex } from './match/exact-index.ts';
import { BanksRepository } from './banks.repository.ts';
import type { SignalType } from './hash-list.ts';

export interface IndexedEntry {
  num: number;
  signalType: string;
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

// Small pages keep the load's garbage young: with 5,000-row pages V8's heap grew by ~60 MB more while
// loading 300,000 entries (and keeps those pages in RSS), for about the same load time.
const LOAD_PAGE = 1000;
const CHANGES_PAGE = 200;
// An entry's record in #entries: (bank index << 2) | type code; 0 = not indexed.
const TYPES: readonly SignalType[] = ['pdq', 'md5', 'sha256'];
const typeCode = (t: string): number => TYPES.indexOf(t as SignalType) + 1;

export class HashMatcher {
  readonly maxDistance: number;
  #pdq: PdqIndex;
  #exact: Record<'md5' | 'sha256', ExactIndex> = { md5: new ExactIndex(), sha256: new ExactIndex() };
  #entries = new Uint32Array(1024);
  #size = 0;
  #banks: Array<{ id: string; category: string }> = [];
  #bankIndex = new Map<string, number>();
  #seq = 0;
  #live = false;

  constructor(maxDistance = 31) {
    this.maxDistance = maxDistance;
    this.#pdq = new PdqIndex({ maxDistance });
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

  /**
   * Loads every active entry, then builds the PDQ index, so the first query finds it ready. The change
   * feed's position is read first: a change committed while the pages are read is applied again by the
   * next `poll`, which is harmless (adds and removals are idempotent).
   */
  async load(db: Db, onProgress?: (loaded: number) => void): Promise<number> {
    const repo = new BanksRepository(db);
    this.#seq = await repo.lastChangeSeq();
    for (const b of await repo.allBanks()) this.#bankId(b.id, b.category);
    const pdqCount = Number((await repo.countActiveByType()).find((c) => c.signal_type === 'pdq')?.n ?? 0);
    this.#pdq.reserve(this.#pdq.size + pdqCount + (pdqCount >>> 4));
    let after = 0;
    for (;;) {
      const page = await repo.activeEntriesPage(after, LOAD_PAGE);
      if (page.length === 0) break;
      for (const e of page) {
        const bank = this.#bankIndex.get(e.bank_id) ?? this.#bankId(e.bank_id, (await repo.findBank(e.bank_id))?.category ?? 'other');
        this.#add(e.num, e.signal_type, e.hash, bank);
      }
      after = page[page.length - 1].num;
      onProgress?.(this.size);
    }
    this.#pdq.build();
    this.#live = true;
    return this.size;
  }

  /**
   * Applies the changes of the feed after the last one seen; returns how many. Pending PDQ additions are
   * merged here when due, so an upload's query does not pay for the merge.
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
    else this.#exact[type as 'md5' | 'sha256'].remove(num);
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

  #add(num: number, signalType: string, hash: string, bank: number): void {
    const code = typeCode(signalType);
    if (code === 0 || this.has(num)) return;
    if (code === 1) this.#pdq.add(num, hash);
    else this.#exact[signalType as 'md5' | 'sha256'].add(num, hash);
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
