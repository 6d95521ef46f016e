import type { Db } from '../db/database.ts';
import { notify } from '../db/notifications.ts';
import type { BankChangesTable, BankEntriesTable, BanksTable, MediaMatchesTable, ProtectSubmissionsTable } from '../db/schema-banks.ts';
import type { EntryStatus, SignalType } from './bank-values.ts';

/** The PostgreSQL notification channel that wakes every process's feed reader when a bank change commits. */
export const BANK_CHANGES_CHANNEL = 'vigil_bank_changes';

export class BanksRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Reserves `count` consecutive numbers of a named counter; returns the first. */
  async allocate(name: string, count: number): Promise<number> {
    await this.#db
      .insertInto('counters')
      .values({ name, value: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const r = await this.#db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', count) }))
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirstOrThrow();
    return r.value - count + 1;
  }

  async insertBank(row: BanksTable): Promise<void> {
    await this.#db.insertInto('banks').values(row).execute();
  }
  /** Creates the bank unless one of that name exists (safe when several processes start at once). */
  async insertBankIfAbsent(row: BanksTable): Promise<void> {
    await this.#db
      .insertInto('banks')
      .values(row)
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  findBankByName(name: string) {
    return this.#db.selectFrom('banks').selectAll().where('name', '=', name).executeTakeFirst();
  }
  findBank(id: string) {
    return this.#db.selectFrom('banks').selectAll().where('id', '=', id).executeTakeFirst();
  }
  listBanks() {
    return this.#db
      .selectFrom('banks')
      .leftJoin('bank_entries', 'bank_entries.bank_id', 'banks.id')
      .select((eb) => [
        'banks.id',
        'banks.name',
        'banks.category',
        'banks.description',
        'banks.created_at',
        eb.fn.count<number>('bank_entries.id').filterWhere('bank_entries.status', '=', 'active').as('active'),
        eb.fn.count<number>('bank_entries.id').as('total'),
      ])
      .groupBy(['banks.id', 'banks.name', 'banks.category', 'banks.description', 'banks.created_at'])
      .orderBy('banks.name')
      .execute();
  }

  async insertEntries(rows: BankEntriesTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await this.#db
        .insertInto('bank_entries')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  existingHashes(bankId: string, signalType: SignalType, hashes: string[]) {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.#db
      .selectFrom('bank_entries')
      .select('hash')
      .where('bank_id', '=', bankId)
      .where('signal_type', '=', signalType)
      .where('hash', 'in', hashes)
      .execute();
  }
  findEntry(id: string) {
    return this.#db.selectFrom('bank_entries').selectAll().where('id', '=', id).executeTakeFirst();
  }
  entriesOfBank(bankId: string, limit: number, afterCreated?: [string, string]) {
    let q = this.#db.selectFrom('bank_entries').selectAll().where('bank_id', '=', bankId);
    if (afterCreated)
      q = q.where((eb) => eb.or([eb('created_at', '>', afterCreated[0]), eb.and([eb('created_at', '=', afterCreated[0]), eb('id', '>', afterCreated[1])])]));
    return q.orderBy('created_at').orderBy('id').limit(limit).execute();
  }
  /** Active entries in pages of ascending number, for building the in-memory index at start (categories come from `allBanks`). */
  activeEntriesPage(afterNum: number, limit: number) {
    return this.#db
      .selectFrom('bank_entries')
      .select(['num', 'bank_id', 'signal_type', 'hash'])
      .where('status', '=', 'active')
      .where('num', '>', afterNum)
      .orderBy('num')
      .limit(limit)
      .execute();
  }
  /** Active entries of each signal type, so the index can reserve its arrays before a load. */
  countActiveByType() {
    return this.#db
      .selectFrom('bank_entries')
      .select((eb) => ['signal_type', eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'active')
      .groupBy('signal_type')
      .execute();
  }
  allBanks() {
    return this.#db.selectFrom('banks').select(['id', 'category']).execute();
  }
  /** The active entries numbered first…last, with their bank's category: what an 'added' change brings. */
  activeEntriesBetween(first: number, last: number) {
    return this.#db
      .selectFrom('bank_entries')
      .innerJoin('banks', 'banks.id', 'bank_entries.bank_id')
      .select(['bank_entries.num', 'bank_entries.bank_id', 'bank_entries.signal_type', 'bank_entries.hash', 'banks.category'])
      .where('bank_entries.status', '=', 'active')
      .where('bank_entries.num', '>=', first)
      .where('bank_entries.num', '<=', last)
      .orderBy('bank_entries.num')
      .execute();
  }

  /**
   * Takes the next number of the change feed. Call it as the first statement of a bank write: on SQLite a
   * transaction that writes first waits for the write lock (busy timeout) instead of failing when another
   * connection committed since its first read; on PostgreSQL the counter row stays locked until commit, so
   * changes commit in the order of their numbers and a poller never skips one that commits late.
   */
  nextChangeSeq(): Promise<number> {
    return this.allocate('bank_change', 1);
  }
  /** Appends to the change feed; on PostgreSQL the readers are woken when (and only if) the transaction commits. */
  async recordChange(row: BankChangesTable): Promise<void> {
    await this.#db.insertInto('bank_changes').values(row).execute();
    await notify(this.#db, BANK_CHANGES_CHANNEL, String(row.seq));
  }
  /** The last change number handed out (0 before any). */
  async lastChangeSeq(): Promise<number> {
    const r = await this.#db.selectFrom('counters').select('value').where('name', '=', 'bank_change').executeTakeFirst();
    return r?.value ?? 0;
  }
  changesAfter(seq: number, limit: number) {
    return this.#db.selectFrom('bank_changes').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
  }
  async setEntryStatus(id: string, status: EntryStatus, at: string, eraseHash: boolean): Promise<void> {
    await this.#db
      .updateTable('bank_entries')
      .set({ status, updated_at: at, ...(eraseHash ? { hash: '' } : {}) })
      .where('id', '=', id)
      .execute();
  }
  activeEntriesOfDecision(decisionId: string) {
    return this.#db
      .selectFrom('bank_entries')
      .select(['id', 'num', 'bank_id'])
      .where('decision_id', '=', decisionId)
      .where('status', '=', 'active')
      .orderBy('num')
      .execute();
  }
  entriesOfSubmission(submissionId: string) {
    return this.#db.selectFrom('bank_entries').selectAll().where('submission_id', '=', submissionId).orderBy('num').execute();
  }
  entriesByNums(nums: number[]) {
    if (nums.length === 0) return Promise.resolve([]);
    return this.#db
      .selectFrom('bank_entries')
      .innerJoin('banks', 'banks.id', 'bank_entries.bank_id')
      .select(['bank_entries.id', 'bank_entries.num', 'bank_entries.bank_id', 'bank_entries.status', 'banks.name as bank_name', 'banks.category'])
      .where('bank_entries.num', 'in', nums)
      .execute();
  }

  async insertMatch(row: MediaMatchesTable): Promise<void> {
    await this.#db.insertInto('media_matches').values(row).execute();
  }
  matchesOfBank(bankId: string, limit: number) {
    return this.#db.selectFrom('media_matches').selectAll().where('bank_id', '=', bankId).orderBy('created_at', 'desc').limit(limit).execute();
  }
  matchCountsOfEntries(entryIds: string[]) {
    if (entryIds.length === 0) return Promise.resolve([]);
    return this.#db
      .selectFrom('media_matches')
      .select((eb) => ['entry_id', eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
      .where('entry_id', 'in', entryIds)
      .groupBy('entry_id')
      .execute();
  }

  async insertSubmission(row: ProtectSubmissionsTable): Promise<void> {
    await this.#db.insertInto('protect_submissions').values(row).execute();
  }
  findSubmissionByCaseNumber(caseNumber: string) {
    return this.#db.selectFrom('protect_submissions').selectAll().where('case_number', '=', caseNumber).executeTakeFirst();
  }
  async setSubmissionPinHash(id: string, pinHash: string): Promise<void> {
    await this.#db.updateTable('protect_submissions').set({ pin_hash: pinHash }).where('id', '=', id).execute();
  }
  async markSubmissionWithdrawn(id: string, at: string): Promise<void> {
    await this.#db.updateTable('protect_submissions').set({ withdrawn_at: at }).where('id', '=', id).execute();
  }

  async saveMediaHash(mediaId: string, pdq: string | null, quality: number | null, at: string): Promise<void> {
    await this.#db
      .insertInto('media_hashes')
      .values({ media_id: mediaId, pdq, pdq_quality: quality, created_at: at })
      .onConflict((oc) => oc.column('media_id').doNothing())
      .execute();
  }
  mediaHashes(mediaIds: string[]) {
    if (mediaIds.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('media_hashes').selectAll().where('media_id', 'in', mediaIds).execute();
  }
}
