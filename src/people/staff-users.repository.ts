import type { Db } from '../db/database.ts';
import type { StaffUsersTable } from '../db/schema-people.ts';
import type { Role } from './roles.ts';

export class StaffUsersRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: StaffUsersTable): Promise<void> {
    await this.#db.insertInto('staff_users').values(row).execute();
  }
  findById(id: string) {
    return this.#db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findByEmail(emailLower: string) {
    return this.#db.selectFrom('staff_users').selectAll().where('email', '=', emailLower).executeTakeFirst();
  }
  list() {
    return this.#db.selectFrom('staff_users').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  }
  async count(): Promise<number> {
    const r = await this.#db
      .selectFrom('staff_users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async setRole(id: string, role: Role): Promise<void> {
    await this.#db.updateTable('staff_users').set({ role }).where('id', '=', id).execute();
  }
  async setDisabledAt(id: string, disabledAt: string | null): Promise<void> {
    await this.#db.updateTable('staff_users').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
  }
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.#db.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }
}
