import type { Db } from '../db/database.ts';
import type { ApiKeysTable } from '../db/schema-people.ts';

export class ApiKeysRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: ApiKeysTable): Promise<void> {
    await this.#db.insertInto('api_keys').values(row).execute();
  }
  findLiveByHash(keyHash: string) {
    return this.#db
      .selectFrom('api_keys')
      .select(['id', 'kind', 'org', 'country'])
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }
  findById(id: string) {
    return this.#db.selectFrom('api_keys').select(['id', 'kind', 'org', 'country', 'created_at', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  }
  list() {
    return this.#db
      .selectFrom('api_keys')
      .select(['id', 'kind', 'org', 'country', 'created_at', 'revoked_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }
  /** Whether a platform of this name was ever given a key (revoked ones too: its old cases stay its own). */
  async hasPlatform(org: string): Promise<boolean> {
    const row = await this.#db.selectFrom('api_keys').select('id').where('kind', '=', 'platform').where('org', '=', org).limit(1).executeTakeFirst();
    return row !== undefined;
  }
  async revoke(id: string, at: string): Promise<void> {
    await this.#db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}
