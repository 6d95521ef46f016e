// Named hash banks: create, import hash lists, export, browse, and change an entry's status. Every
// change reaches this process's matcher at once, so a withdrawn or benign entry stops matching, and is
// recorded in the banks' change feed in the same transaction, so other processes' matchers follow.
import { setImmediate, setTimeout } from 'node:timers/promises';
import type { Db } from '../db/database.ts';
import type { BankEntriesTable } from '../db/schema-banks.ts';
import { badRequest, conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import { nowIso } from '../shared/time.ts';
import { BanksRepository } from './banks.repository.ts';
import type { HashMatcher } from './hash-matcher.ts';
import { parseHashLine, type SignalType } from './hash-list.ts';
import { BANK_CATEGORIES, type BankCategory, type EntryOrigin, type EntryStatus } from './bank-values.ts';
import { isOneOf } from '../shared/one-of.ts';

/** The bank of hashes victims submit from /protect. */
export const VICTIM_BANK = 'ncii-victim-submissions';

export interface NewEntry {
  signalType: SignalType;
  hash: string;
  label: string | null;
}
export interface ImportResult {
  added: number;
  duplicates: number;
  rejected: Array<{ line: number; message: string }>;
}

/** Entries written per transaction by an import. */
export const IMPORT_BATCH = 2000;

const isCursor = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');

/** Which bank category a policy category's removed media go to. */
export function bankCategoryOf(policyCategory: string): BankCategory {
  return policyCategory === 'terrorism' || policyCategory === 'csam' || policyCategory === 'ncii' ? policyCategory : 'other';
}

export class BanksService {
  #db: Db;
  #matcher: HashMatcher;
  #importPauseMs: number;
  /**
   * `importPauseMs`: the pause between two batches of an import. On SQLite another connection waiting for
   * the write lock tries again after a pause: up to 16 ms for Vigil's own (src/db/sqlite-dialect.ts), up
   * to 100 ms for one using SQLite's busy handler (the sqlite3 shell, a backup), so without a pause longer
   * than that an import would take the lock again before the waiter wakes, and starve it.
   */
  constructor(db: Db, matcher: HashMatcher, opts: { importPauseMs?: number } = {}) {
    this.#db = db;
    this.#matcher = matcher;
    this.#importPauseMs = opts.importPauseMs ?? 0;
  }

  async create(input: { name: string; category: string; description?: string }, db: Db = this.#db) {
    if (!/^[a-z0-9][a-z0-9_-]{1,63}$/.test(input.name)) {
      throw badRequest('invalid_bank_name', 'A bank name is 2–64 characters of a-z, 0-9, "-" and "_".', [{ field: 'name', message: 'invalid' }]);
    }
    const category = input.category;
    if (!isOneOf(BANK_CATEGORIES, category)) {
      throw badRequest('invalid_bank_category', `The category must be one of ${BANK_CATEGORIES.join(', ')}.`, [{ field: 'category', message: 'invalid' }]);
    }
    if (await new BanksRepository(db).findBankByName(input.name)) throw conflict('bank_exists', `A bank named "${input.name}" already exists.`);
    const row = { id: newId('bank'), name: input.name, category, description: input.description ?? '', created_at: nowIso() };
    await this.#write(db, async (repo) => {
      const seq = await repo.nextChangeSeq();
      await repo.insertBank(row);
      await repo.recordChange({ seq, kind: 'bank', bank_id: row.id, first_num: 0, last_num: 0, created_at: row.created_at });
    });
    return row;
  }

  // Runs `work` in the caller's transaction, or in a short one of its own.
  async #write<T>(db: Db, work: (repo: BanksRepository, trx: Db) => Promise<T>): Promise<T> {
    if (db.isTransaction) return work(new BanksRepository(db), db);
    return this.#db.transaction().execute((trx) => work(new BanksRepository(trx), trx));
  }

  async require(name: string) {
    const b = await new BanksRepository(this.#db).findBankByName(name);
    if (!b) throw notFound(`Bank "${name}"`);
    return b;
  }

  /**
   * The banks the system itself writes to (decisions per category, victim submissions), made at start so
   * that concurrent decisions never race to create them.
   */
  async ensureSystemBanks(): Promise<void> {
    const repo = new BanksRepository(this.#db);
    const at = nowIso();
    for (const category of BANK_CATEGORIES) {
      await repo.insertBankIfAbsent({
        id: newId('bank'),
        name: `decisions-${category}`,
        category,
        description: `Media removed by moderators' decisions (${category})`,
        created_at: at,
      });
    }
    await repo.insertBankIfAbsent({
      id: newId('bank'),
      name: VICTIM_BANK,
      category: 'ncii',
      description: 'Hashes submitted by people protecting their own intimate images',
      created_at: at,
    });
  }

  /** Pass the caller's transaction as `db` when inside one (SQLite has a single connection). */
  async findOrCreate(name: string, category: BankCategory, description: string, db: Db = this.#db) {
    return (await new BanksRepository(db).findBankByName(name)) ?? this.create({ name, category, description }, db);
  }

  list() {
    return new BanksRepository(this.#db).listBanks();
  }

  /**
   * Adds entries to a bank in one transaction, skipping hashes it already holds; returns the new rows.
   * A victim's submission (`submissionId`) always gets entries of its own, even for a hash someone else
   * already submitted, so that one person withdrawing never removes another's protection.
   * The matcher learns them only after the commit.
   */
  async addEntries(
    bankId: string,
    entries: NewEntry[],
    origin: EntryOrigin,
    submissionId: string | null = null,
    db: Db = this.#db,
    decisionId: string | null = null,
  ): Promise<BankEntriesTable[]> {
    const bank = await new BanksRepository(db).findBank(bankId);
    if (!bank) throw notFound('Bank');
    const at = nowIso();
    const work = async (repo: BanksRepository) => {
      // First, so the transaction takes the write lock before it reads (see nextChangeSeq).
      const seq = await repo.nextChangeSeq();
      const fresh: NewEntry[] = [];
      for (const type of ['pdq', 'md5', 'sha256'] as const) {
        const ofType = [...new Map(entries.filter((e) => e.signalType === type).map((e) => [e.hash, e])).values()];
        for (let i = 0; i < ofType.length; i += 500) {
          const chunk = ofType.slice(i, i + 500);
          const have = submissionId
            ? new Set<string>()
            : new Set(
                (
                  await repo.existingHashes(
                    bankId,
                    type,
                    chunk.map((e) => e.hash),
                  )
                ).map((r) => r.hash),
              );
          fresh.push(...chunk.filter((e) => !have.has(e.hash)));
        }
      }
      if (fresh.length === 0) return [];
      const first = await repo.allocate('bank_entry', fresh.length);
      const rows: BankEntriesTable[] = fresh.map((e, i) => ({
        id: newId('ent'),
        num: first + i,
        bank_id: bankId,
        signal_type: e.signalType,
        hash: e.hash,
        status: 'active',
        origin,
        label: e.label,
        submission_id: submissionId,
        ...(decisionId ? { decision_id: decisionId } : {}),
        created_at: at,
        updated_at: at,
      }));
      await repo.insertEntries(rows);
      await repo.recordChange({ seq, kind: 'added', bank_id: bankId, first_num: first, last_num: first + rows.length - 1, created_at: at });
      return rows;
    };
    return this.#write(db, work);
  }

  /** Call after the transaction that added `rows` has committed. */
  index(rows: BankEntriesTable[], category: string): void {
    if (!this.#matcher.live) return;
    for (const r of rows) this.#matcher.add({ num: r.num, signalType: r.signal_type, hash: r.hash, bankId: r.bank_id, category });
  }

  /** Imports a hash list. Malformed lines are reported with their numbers; unless `skipInvalid`, nothing is imported then. */
  async import(
    bankName: string,
    lines: AsyncIterable<string> | Iterable<string>,
    opts: { skipInvalid?: boolean; onProgress?: (lines: number) => void; onBatch?: (written: number, total: number) => void } = {},
  ): Promise<ImportResult> {
    // Start listening before the first await: a readline source emits its lines whether or not anyone
    // iterates yet, and lines emitted before the iterator exists are lost.
    const source: AsyncIterator<string> | Iterator<string> = Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]();
    const bank = await this.require(bankName);
    const parsed: NewEntry[] = [];
    const rejected: ImportResult['rejected'] = [];
    let n = 0;
    for (let next = await source.next(); !next.done; next = await source.next()) {
      const line = next.value;
      n++;
      const r = parseHashLine(line);
      if (r.kind === 'entry') parsed.push({ signalType: r.signalType, hash: r.hash, label: r.label });
      else if (r.kind === 'error') rejected.push({ line: n, message: r.message });
      if (n % 10_000 === 0) opts.onProgress?.(n);
    }
    opts.onProgress?.(n);
    if (rejected.length > 0 && !opts.skipInvalid) return { added: 0, duplicates: 0, rejected };
    // Short transactions with a pause between them: a long list never holds the database's write lock
    // (SQLite has one for the whole file) for longer than one batch, so a running server's writes
    // interleave with the import instead of waiting for it or failing.
    let added = 0;
    for (let i = 0; i < parsed.length; i += IMPORT_BATCH) {
      if (i > 0) await (this.#importPauseMs > 0 ? setTimeout(this.#importPauseMs) : setImmediate());
      const rows = await this.addEntries(bank.id, parsed.slice(i, i + IMPORT_BATCH), 'import');
      this.index(rows, bank.category);
      added += rows.length;
      opts.onBatch?.(Math.min(parsed.length, i + IMPORT_BATCH), parsed.length);
    }
    return { added, duplicates: parsed.length - added, rejected };
  }

  async *export(bankName: string): AsyncGenerator<string> {
    const bank = await this.require(bankName);
    const repo = new BanksRepository(this.#db);
    let after: [string, string] | undefined;
    yield 'signal_type,signal_str,status,origin,label';
    for (;;) {
      const page = await repo.entriesOfBank(bank.id, 1000, after);
      if (page.length === 0) return;
      for (const e of page) if (e.status === 'active') yield `${e.signal_type},${e.hash},${e.status},${e.origin},${(e.label ?? '').replaceAll(',', ' ')}`;
      const last = page[page.length - 1];
      after = [last.created_at, last.id];
    }
  }

  async entries(bankName: string, limit: number, cursor?: string) {
    const bank = await this.require(bankName);
    const repo = new BanksRepository(this.#db);
    const rows = await repo.entriesOfBank(bank.id, limit + 1, decodeCursor(cursor, isCursor));
    const page = rows.slice(0, limit);
    const counts = new Map((await repo.matchCountsOfEntries(page.map((e) => e.id))).map((c) => [c.entry_id, c]));
    const last = page[page.length - 1];
    return {
      bank,
      entries: page.map((e) => ({
        id: e.id,
        signalType: e.signal_type,
        hash: e.hash,
        status: e.status as EntryStatus, // the column is typed string; it holds an EntryStatus
        origin: e.origin,
        label: e.label,
        createdAt: e.created_at,
        matches: Number(counts.get(e.id)?.n ?? 0),
        lastMatchAt: counts.get(e.id)?.last ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    };
  }

  async matches(bankName: string, limit: number) {
    const bank = await this.require(bankName);
    const rows = await new BanksRepository(this.#db).matchesOfBank(bank.id, limit);
    return rows.map((m) => ({
      id: m.id,
      mediaId: m.media_id,
      entryId: m.entry_id,
      signalType: m.signal_type,
      distance: m.distance,
      context: JSON.parse(m.context),
      verdict: m.verdict,
      caseId: m.case_id,
      at: m.created_at,
    }));
  }

  /**
   * Withdraws the active entries a decision added (its removed media), in the caller's transaction: the
   * decision was reversed, so a re-upload must no longer be caught. Withdrawn hashes are erased, so a
   * later decision can bank the same media again. Returns what to run after commit (the local matcher).
   */
  async withdrawDecisionEntries(trx: Db, decisionId: string): Promise<{ withdrawn: number; afterCommit: () => void }> {
    const repo = new BanksRepository(trx);
    const entries = await repo.activeEntriesOfDecision(decisionId);
    if (entries.length === 0) return { withdrawn: 0, afterCommit: () => {} };
    const at = nowIso();
    for (const e of entries) {
      const seq = await repo.nextChangeSeq();
      await repo.setEntryStatus(e.id, 'withdrawn', at, true);
      await repo.recordChange({ seq, kind: 'removed', bank_id: e.bank_id, first_num: e.num, last_num: e.num, created_at: at });
    }
    return {
      withdrawn: entries.length,
      afterCommit: () => {
        for (const e of entries) this.#matcher.remove(e.num);
      },
    };
  }

  /** Withdrawn entries are erased (victim services require deletion); benign ones stay but never match again. */
  async setStatus(entryId: string, status: Exclude<EntryStatus, 'active'>): Promise<void> {
    const repo = new BanksRepository(this.#db);
    const e = await repo.findEntry(entryId);
    if (!e) throw notFound('Bank entry');
    if (e.status === 'withdrawn') throw conflict('entry_withdrawn', 'This entry was withdrawn and its hash deleted; it cannot change again.');
    const at = nowIso();
    await this.#write(this.#db, async (r) => {
      const seq = await r.nextChangeSeq();
      await r.setEntryStatus(e.id, status, at, status === 'withdrawn');
      await r.recordChange({ seq, kind: 'removed', bank_id: e.bank_id, first_num: e.num, last_num: e.num, created_at: at });
    });
    this.#matcher.remove(e.num);
  }
}
