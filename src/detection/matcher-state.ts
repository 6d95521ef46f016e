// What the matcher is made of, as typed arrays: read from the database and built here, in a short-lived
// child process that writes them to a snapshot file (matcher-snapshot-build.ts) whose heap, swollen by
// row objects and hex strings, dies with it, or in the server's thread (small banks, tests, fallback).
import type { Db } from '../db/database.ts';
import { BanksRepository } from './banks.repository.ts';
import { type DigestType, SIGNAL_TYPES } from './bank-values.ts';
import { PdqIndex, type PdqIndexState } from './match/pdq-index.ts';

export type { DigestType };
export { SIGNAL_TYPES };

export interface MatcherState {
  /** The change feed's position, read before the first row. */
  seq: number;
  banks: Array<{ id: string; category: string }>;
  /** Per entry number: (bank index << 2) | signal type code (TYPES index + 1); 0 = not indexed. */
  entries: Uint32Array<ArrayBuffer>;
  size: number;
  pdq: PdqIndexState;
  /** The digests of each exact type, as raw bytes in entry order, with their entry numbers. */
  exact: Record<DigestType, { nums: Uint32Array<ArrayBuffer>; digests: Uint8Array<ArrayBuffer> }>;
}

export const DIGEST_BYTES: Record<DigestType, number> = { md5: 16, sha256: 32 };

// Small pages keep the load's garbage young: with 5,000-row pages V8's heap grew by ~60 MB more while
// loading 300,000 entries, for about the same load time.
const LOAD_PAGE = 1000;

/**
 * Reads every active entry and builds the PDQ index's postings. The change feed's position is read
 * first: a change committed while the pages are read is applied again by the next poll, which is
 * harmless (adds and removals are idempotent).
 */
export async function readMatcherState(db: Db, maxDistance: number): Promise<MatcherState> {
  const repo = new BanksRepository(db);
  const seq = await repo.lastChangeSeq();
  const banks: MatcherState['banks'] = [];
  const bankIndex = new Map<string, number>();
  const bankOf = (id: string, category: string) => {
    const known = bankIndex.get(id);
    if (known !== undefined) return known;
    const i = banks.push({ id, category }) - 1;
    bankIndex.set(id, i);
    return i;
  };
  for (const b of await repo.allBanks()) bankOf(b.id, b.category);
  const counts = await repo.countActiveByType();
  const count = (type: string) => Number(counts.find((c) => c.signal_type === type)?.n ?? 0);
  const pdq = new PdqIndex({ maxDistance });
  pdq.reserve(count('pdq') + (count('pdq') >>> 4));
  const exact = { md5: new DigestList('md5', count('md5')), sha256: new DigestList('sha256', count('sha256')) };
  let entries = new Uint32Array(1024);
  let size = 0;
  let after = 0;
  for (;;) {
    const page = await repo.activeEntriesPage(after, LOAD_PAGE);
    if (page.length === 0) break;
    for (const e of page) {
      const code = SIGNAL_TYPES.indexOf(e.signal_type) + 1;
      if (code === 0 || (e.num < entries.length && entries[e.num] !== 0)) continue;
      if (e.signal_type === 'pdq') pdq.add(e.num, e.hash);
      else exact[e.signal_type].add(e.num, e.hash);
      if (e.num >= entries.length) {
        const grown = new Uint32Array(Math.max(e.num + 1, Math.ceil(entries.length * 1.5)));
        grown.set(entries);
        entries = grown;
      }
      const bank = bankIndex.get(e.bank_id) ?? bankOf(e.bank_id, (await repo.findBank(e.bank_id))?.category ?? 'other');
      entries[e.num] = (bank << 2) | code;
      size++;
    }
    after = page[page.length - 1].num;
  }
  pdq.build();
  return { seq, banks, entries, size, pdq: pdq.state(), exact: { md5: exact.md5.packed(), sha256: exact.sha256.packed() } };
}

// The digests of one type as raw bytes, in arrays sized from the count (rows added meanwhile grow them).
class DigestList {
  #type: DigestType;
  #nums: Uint32Array<ArrayBuffer>;
  #digests: Uint8Array<ArrayBuffer>;
  #n = 0;

  constructor(type: DigestType, expected: number) {
    this.#type = type;
    this.#nums = new Uint32Array(Math.max(16, expected));
    this.#digests = new Uint8Array(this.#nums.length * DIGEST_BYTES[type]);
  }

  add(num: number, hex: string): void {
    const bytes = DIGEST_BYTES[this.#type];
    if (typeof hex !== 'string' || hex.length !== 2 * bytes || !/^[0-9a-fA-F]*$/.test(hex)) {
      throw new Error(`malformed ${this.#type} digest: expected ${2 * bytes} hex characters, got ${JSON.stringify(hex)}`);
    }
    if (this.#n === this.#nums.length) {
      const nums = new Uint32Array(this.#n * 2);
      nums.set(this.#nums);
      const digests = new Uint8Array(nums.length * bytes);
      digests.set(this.#digests);
      this.#nums = nums;
      this.#digests = digests;
    }
    this.#nums[this.#n] = num;
    this.#digests.set(Buffer.from(hex, 'hex'), this.#n * bytes);
    this.#n++;
  }

  packed(): { nums: Uint32Array<ArrayBuffer>; digests: Uint8Array<ArrayBuffer> } {
    return { nums: this.#nums.slice(0, this.#n), digests: this.#digests.slice(0, this.#n * DIGEST_BYTES[this.#type]) };
  }
}
