import type { Db } from '../db/database.ts';
import type { AuditLogTable } from '../db/schema-people.ts';

/** Equality filters on indexed columns, and a seq window (inclusive) derived from a time range. */
export interface AuditRowFilter {
  actor?: string;
  action?: string;
  target?: string;
  fromAt?: string;
  toAt?: string;
  minSeq?: number;
  maxSeq?: number;
}

export class AuditRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  last() {
    return this.#db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }
  async insert(row: AuditLogTable): Promise<void> {
    await this.#db.insertInto('audit_log').values(row).execute();
  }
  /** Newest first, before a seq (exclusive) when given, matching the filter. */
  listBefore(beforeSeq: number | undefined, limit: number, f: AuditRowFilter = {}) {
    let q = this.#db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
    if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
    if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
    if (f.action !== undefined) q = q.where('action', '=', f.action);
    if (f.target !== undefined) q = q.where('target', '=', f.target);
    if (f.minSeq !== undefined) q = q.where('seq', '>=', f.minSeq);
    if (f.maxSeq !== undefined) q = q.where('seq', '<=', f.maxSeq);
    if (f.fromAt !== undefined) q = q.where('at', '>=', f.fromAt);
    if (f.toAt !== undefined) q = q.where('at', '<', f.toAt);
    return q.execute();
  }
  /** The seq of the earliest entry at or after `at` (one seek in the (at, seq) index). */
  async firstSeqFrom(at: string): Promise<number | undefined> {
    const r = await this.#db.selectFrom('audit_log').select('seq').where('at', '>=', at).orderBy('at', 'asc').orderBy('seq', 'asc').limit(1).executeTakeFirst();
    return r === undefined ? undefined : Number(r.seq);
  }
  /** The seq of the latest entry before `at`. */
  async lastSeqBefore(at: string): Promise<number | undefined> {
    const r = await this.#db
      .selectFrom('audit_log')
      .select('seq')
      .where('at', '<', at)
      .orderBy('at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r === undefined ? undefined : Number(r.seq);
  }
  findBySeq(seq: number) {
    return this.#db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  }
  /** Oldest first, after a seq (exclusive): the order in which the chain is walked. */
  listAfter(afterSeq: number | undefined, limit: number) {
    let q = this.#db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(limit);
    if (afterSeq !== undefined) q = q.where('seq', '>', afterSeq);
    return q.execute();
  }
}
