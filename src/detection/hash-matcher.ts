// The in-memory matcher over every active bank entry: a multi-index for PDQ (every hash within the
// distance, exactly) and exact indexes for MD5 and SHA-256. Rebuilt from the database at start and
// kept current by incremental adds and withdrawals. Benign and withdrawn entries are never in it.
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

export class HashMatcher {
  readonly maxDistance: number;
  #pdq: PdqIndex;
  #exact: Record<'md5' | 'sha256', ExactIndex> = { md5: new ExactIndex(), sha256: new ExactIndex() };
  #meta = new Map<number, { bankId: string; category: string; signalType: SignalType }>();

  constructor(maxDistance = 31) {
    this.maxDistance = maxDistance;
    this.#pdq = new PdqIndex({ maxDistance });
  }

  get size(): number {
    return this.#meta.size;
  }

  async load(db: Db, onProgress?: (loaded: number) => void): Promise<number> {
    const repo = new BanksRepository(db);
    let after = 0;
    for (;;) {
      const page = await repo.activeEntriesPage(after, 5000);
      if (page.length === 0) break;
      for (const e of page) this.add({ num: e.num, signalType: e.signal_type, hash: e.hash, bankId: e.bank_id, category: e.category });
      after = page[page.length - 1].num;
      onProgress?.(this.size);
    }
    return this.size;
  }

  add(e: IndexedEntry): void {
    const type = e.signalType as SignalType;
    if (type === 'pdq') this.#pdq.add(e.num, e.hash);
    else if (type === 'md5' || type === 'sha256') this.#exact[type].add(e.num, e.hash);
    else return;
    this.#meta.set(e.num, { bankId: e.bankId, category: e.category, signalType: type });
  }

  remove(num: number): void {
    const m = this.#meta.get(num);
    if (!m) return;
    if (m.signalType === 'pdq') this.#pdq.remove(num);
    else this.#exact[m.signalType].remove(num);
    this.#meta.delete(num);
  }

  match(q: { pdq?: { hash: string; quality: number }; md5?: string; sha256?: string }): Match[] {
    const out: Match[] = [];
    const push = (num: number, signalType: SignalType, distance: number) => {
      const m = this.#meta.get(num);
      if (m) out.push({ num, signalType, distance, bankId: m.bankId, category: m.category });
    };
    if (q.pdq && q.pdq.quality >= MIN_PDQ_QUALITY) for (const r of this.#pdq.query(q.pdq.hash)) push(r.id, 'pdq', r.distance);
    if (q.md5) for (const num of this.#exact.md5.lookup(q.md5)) push(num, 'md5', 0);
    if (q.sha256) for (const num of this.#exact.sha256.lookup(q.sha256)) push(num, 'sha256', 0);
    return out.sort((a, b) => a.distance - b.distance);
  }
}
