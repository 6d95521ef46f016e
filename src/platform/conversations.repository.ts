import type { Db } from '../db/database.ts';
import type { ChatsTable, GroupsTable, PrivateMessagesTable } from '../db/schema.ts';
import { isUniqueViolation } from '../db/db-errors.ts';

/** Private groups and one-to-one chats. Nothing outside the platform's member-facing API reads these tables. */
export class ConversationsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insertGroup(row: GroupsTable): Promise<void> {
    await this.#db.insertInto('groups').values(row).execute();
  }
  findGroup(id: string) {
    return this.#db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async isGroupMember(groupId: string, accountId: string): Promise<boolean> {
    return (
      (await this.#db
        .selectFrom('group_members')
        .select('account_id')
        .where('group_id', '=', groupId)
        .where('account_id', '=', accountId)
        .executeTakeFirst()) !== undefined
    );
  }
  /**
   * Adds a member unless the group is full. The guarded increment makes the limit hold under
   * concurrent joins: only an update that finds room succeeds. Returns 'added' | 'already' | 'full'.
   */
  async addGroupMember(groupId: string, accountId: string, limit: number, at: string): Promise<'added' | 'already' | 'full'> {
    if (await this.isGroupMember(groupId, accountId)) return 'already';
    const r = await this.#db
      .updateTable('groups')
      .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
      .where('id', '=', groupId)
      .where('member_count', '<', limit)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return 'full';
    try {
      await this.#db.insertInto('group_members').values({ group_id: groupId, account_id: accountId, created_at: at }).execute();
    } catch (err) {
      if (isUniqueViolation(err)) return 'already';
      throw err;
    }
    return 'added';
  }
  listGroupMembers(groupId: string) {
    return this.#db.selectFrom('group_members').select(['account_id', 'created_at']).where('group_id', '=', groupId).orderBy('created_at').execute();
  }

  findChatByPair(low: string, high: string) {
    return this.#db.selectFrom('chats').selectAll().where('account_low', '=', low).where('account_high', '=', high).executeTakeFirst();
  }
  findChat(id: string) {
    return this.#db.selectFrom('chats').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertChat(row: ChatsTable): Promise<boolean> {
    try {
      await this.#db.insertInto('chats').values(row).execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async insertMessage(row: PrivateMessagesTable): Promise<void> {
    await this.#db.insertInto('private_messages').values(row).execute();
  }
  /** Newest first; the cursor is the (created_at, id) of the last message of the previous page. */
  listMessages(conversationId: string, limit: number, before?: [string, string]) {
    let q = this.#db.selectFrom('private_messages').selectAll().where('conversation_id', '=', conversationId);
    if (before) {
      q = q.where((eb) => eb.or([eb('created_at', '<', before[0]), eb.and([eb('created_at', '=', before[0]), eb('id', '<', before[1])])]));
    }
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
