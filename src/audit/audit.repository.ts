import type { Db } from '../db/database.ts';
import type { AuditLogTable } from '../db/schema-people.ts';

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
  /** Newest first, before a seq (exclusive) when given. */
  listBefore(beforeSeq: number | undefined, limit: number) {
    let q = this.#db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
    if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
    return q.execute();
  }
  /** Oldest first, after a seq (exclusive): the order in which the chain is walked. */
  listAfter(afterSeq: number | undefined, limit: number) {
    let q = this.#db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(limit);
    if (afterSeq !== undefined) q = q.where('seq', '>', afterSeq);
    return q.execute();
  }
}
