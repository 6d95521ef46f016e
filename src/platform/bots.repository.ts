import type { Db } from '../db/database.ts';
import type { BotMessagesTable, BotsTable } from '../db/schema.ts';

export class BotsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }
  async insert(row: BotsTable): Promise<void> {
    await this.#db.insertInto('bots').values(row).execute();
  }
  findByHandle(handle: string) {
    return this.#db.selectFrom('bots').selectAll().where('handle_lower', '=', handle.toLowerCase()).executeTakeFirst();
  }
  findById(id: string) {
    return this.#db.selectFrom('bots').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** Handles of a page of bots, for labels. */
  /** An owner's newest bots (the (owner_id, created_at) index). */
  ofOwner(ownerId: string, limit: number) {
    return this.#db
      .selectFrom('bots')
      .select(['id', 'handle', 'created_at'])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }
  namesOf(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('bots').select(['id', 'handle']).where('id', 'in', ids).execute();
  }
  async insertMessage(row: BotMessagesTable): Promise<void> {
    await this.#db.insertInto('bot_messages').values(row).execute();
  }
  recentMessages(botId: string, limit: number) {
    return this.#db
      .selectFrom('bot_messages')
      .selectAll()
      .where('bot_id', '=', botId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
