import type { Db } from '../db/database.ts';
import type { StaffTokensTable } from '../db/schema-people.ts';

export class StaffTokensRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: StaffTokensTable): Promise<void> {
    await this.#db.insertInto('staff_tokens').values(row).execute();
  }
  /** An unrevoked token of an enabled user, with the user's current role. */
  findLiveByHash(tokenHash: string) {
    return this.#db
      .selectFrom('staff_tokens as t')
      .innerJoin('staff_users as u', 'u.id', 't.user_id')
      .select(['t.id', 'u.id as user_id', 'u.email', 'u.role'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  }
  findForUser(userId: string, id: string) {
    return this.#db
      .selectFrom('staff_tokens')
      .select(['id', 'label', 'created_at', 'revoked_at'])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }
  listForUser(userId: string) {
    return this.#db
      .selectFrom('staff_tokens')
      .select(['id', 'label', 'created_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }
  async revoke(id: string, at: string): Promise<void> {
    await this.#db.updateTable('staff_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
  async revokeAllForUser(userId: string, at: string): Promise<number> {
    const r = await this.#db
      .updateTable('staff_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
