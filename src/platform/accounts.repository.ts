import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import type { AccountsTable } from '../db/schema.ts';

// Every request with an account token runs this (src/db/prepared.ts).
const byTokenHash = prepared((db, p: { tokenHash: string }) =>
  db.selectFrom('accounts').select(['id', 'display_name', 'created_at']).where('token_hash', '=', p.tokenHash),
);

export class AccountsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: AccountsTable): Promise<void> {
    await this.#db.insertInto('accounts').values(row).execute();
  }
  async findByTokenHash(tokenHash: string) {
    return (await byTokenHash.execute(this.#db, { tokenHash })).rows[0];
  }
  findById(id: string) {
    return this.#db.selectFrom('accounts').select(['id', 'display_name', 'created_at']).where('id', '=', id).executeTakeFirst();
  }
}
