import type { Db } from '../db/database.ts';
import type { StaffSessionsTable } from '../db/schema-people.ts';

export class SessionsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: StaffSessionsTable): Promise<void> {
    await this.#db.insertInto('staff_sessions').values(row).execute();
  }
  /** A live session of an enabled user, with the user's current role. */
  findLive(id: string, now: string) {
    return this.#db
      .selectFrom('staff_sessions as s')
      .innerJoin('staff_users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.email', 'u.role'])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', now)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  }
  async delete(id: string): Promise<boolean> {
    const r = await this.#db.deleteFrom('staff_sessions').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  async deleteForUser(userId: string, exceptId?: string): Promise<number> {
    let q = this.#db.deleteFrom('staff_sessions').where('user_id', '=', userId);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return Number((await q.executeTakeFirst()).numDeletedRows);
  }
  async deleteExpired(now: string): Promise<void> {
    await this.#db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
  }
}
