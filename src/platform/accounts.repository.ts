import type { Db } from '../db/database.ts';
import type { AccountsTable } from '../db/schema.ts';

export class AccountsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: AccountsTable): Promise<void> {
    await this.#db.insertInto('accounts').values(row).execute();
  }
  findByTokenHash(tokenHash: string) {
    return this.#db.selectFrom('accounts').select(['id', 'display_name']).where('token_hash', '=', tokenHash).executeTakeFirst();
  }
  findById(id: string) {
    return this.#db.selectFrom('accounts').select(['id', 'display_name', 'created_at']).where('id', '=', id).executeTakeFirst();
  }
}
