import type { Db } from '../db/database.ts';
import type { PrivateMessagesTable } from '../db/schema.ts';
import { AppError, badRequest, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import { monotonicNowIso, nowIso } from '../shared/time.ts';
import { ConversationsRepository } from './conversations.repository.ts';
import type { MediaService } from './media.service.ts';
import type { AccountsService } from './accounts.service.ts';

/** A private (basic) group holds at most this many members, as the policy's scope rule assumes. */
export const GROUP_MEMBER_LIMIT = 200;

export interface MessageView {
  id: string;
  senderId: string;
  text: string;
  mediaId: string | null;
  createdAt: string;
}
const messageView = (m: PrivateMessagesTable): MessageView => ({ id: m.id, senderId: m.sender_id, text: m.text, mediaId: m.media_id, createdAt: m.created_at });
const isCursor = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');

export class ConversationsService {
  #db: Db;
  #media: MediaService;
  #accounts: AccountsService;
  constructor(db: Db, media: MediaService, accounts: AccountsService) {
    this.#db = db;
    this.#media = media;
    this.#accounts = accounts;
  }

  async createGroup(creatorId: string, title: string) {
    const t = title.trim();
    if (t === '') throw badRequest('invalid_title', 'The title must not be blank.', [{ field: 'title', message: 'blank' }]);
    const id = newId('grp');
    const at = nowIso();
    await this.#db.transaction().execute(async (trx) => {
      const repo = new ConversationsRepository(trx);
      await repo.insertGroup({ id, title: t, creator_id: creatorId, member_count: 0, created_at: at });
      await repo.addGroupMember(id, creatorId, GROUP_MEMBER_LIMIT, at);
    });
    return { id, title: t, members: 1, memberLimit: GROUP_MEMBER_LIMIT, createdAt: at };
  }

  async #requireGroupMember(groupId: string, accountId: string) {
    const repo = new ConversationsRepository(this.#db);
    const g = await repo.findGroup(groupId);
    // A non-member learns nothing, not even whether the group exists.
    if (!g || !(await repo.isGroupMember(groupId, accountId))) throw notFound('Group');
    return g;
  }

  async addMember(actorId: string, groupId: string, accountId: string) {
    const g = await this.#requireGroupMember(groupId, actorId);
    if (!(await this.#accounts.exists(accountId))) {
      throw badRequest('unknown_account', `Account "${accountId}" does not exist.`, [{ field: 'accountId', message: 'unknown account' }]);
    }
    const result = await this.#db
      .transaction()
      .execute((trx) => new ConversationsRepository(trx).addGroupMember(g.id, accountId, GROUP_MEMBER_LIMIT, nowIso()));
    if (result === 'full') {
      throw new AppError(409, 'group_full', `This group already has ${GROUP_MEMBER_LIMIT} members, the most a private group can have.`, {
        memberLimit: GROUP_MEMBER_LIMIT,
      });
    }
    const updated = await new ConversationsRepository(this.#db).findGroup(g.id);
    return { id: g.id, title: g.title, members: updated?.member_count ?? 0, memberLimit: GROUP_MEMBER_LIMIT, added: result === 'added' };
  }

  async openChat(accountId: string, otherId: string) {
    if (accountId === otherId) throw badRequest('invalid_chat', 'A chat needs two different accounts.', [{ field: 'accountId', message: 'is yourself' }]);
    if (!(await this.#accounts.exists(otherId))) {
      throw badRequest('unknown_account', `Account "${otherId}" does not exist.`, [{ field: 'accountId', message: 'unknown account' }]);
    }
    const [low, high] = [accountId, otherId].sort();
    const repo = new ConversationsRepository(this.#db);
    await repo.insertChat({ id: newId('chat'), account_low: low, account_high: high, created_at: nowIso() });
    const chat = await repo.findChatByPair(low, high);
    if (!chat) throw new Error('chat vanished after insert');
    return { id: chat.id, participants: [chat.account_low, chat.account_high], createdAt: chat.created_at };
  }

  async #requireConversation(kind: 'group' | 'chat', id: string, accountId: string): Promise<string> {
    if (kind === 'group') return (await this.#requireGroupMember(id, accountId)).id;
    const chat = await new ConversationsRepository(this.#db).findChat(id);
    if (!chat || (chat.account_low !== accountId && chat.account_high !== accountId)) throw notFound('Chat');
    return chat.id;
  }

  async send(kind: 'group' | 'chat', id: string, senderId: string, input: { text?: string; media?: string }): Promise<MessageView> {
    const conversationId = await this.#requireConversation(kind, id, senderId);
    const text = (input.text ?? '').trim();
    if (text === '' && !input.media)
      throw badRequest('empty_message', 'A message needs text or media.', [{ field: 'text', message: 'required without media' }]);
    if (input.media) await this.#media.requireOwned(senderId, [input.media], { field: 'media' });
    const row: PrivateMessagesTable = {
      id: newId('msg'),
      conversation_id: conversationId,
      sender_id: senderId,
      text,
      media_id: input.media ?? null,
      created_at: monotonicNowIso(),
    };
    await new ConversationsRepository(this.#db).insertMessage(row);
    return messageView(row);
  }

  async list(kind: 'group' | 'chat', id: string, accountId: string, opts: { limit: number; cursor?: string }) {
    const conversationId = await this.#requireConversation(kind, id, accountId);
    const before = decodeCursor(opts.cursor, isCursor);
    const rows = await new ConversationsRepository(this.#db).listMessages(conversationId, opts.limit + 1, before);
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    return { messages: page.map(messageView), nextCursor: rows.length > opts.limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }
}
