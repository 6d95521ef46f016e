// Turns a reporter's claim into the subject a case is about. Reports about a post become reports about
// its channel naming that post, so one case gathers everything about a channel.
// For private groups and chats only existence is checked: their content is never read.
import type { Db } from '../db/database.ts';
import { notFound } from '../shared/errors.ts';
import { ChannelsRepository } from '../platform/channels.repository.ts';
import { BotsRepository } from '../platform/bots.repository.ts';
import { StickerSetsRepository } from '../platform/sticker-sets.repository.ts';
import { ConversationsRepository } from '../platform/conversations.repository.ts';
import { AccountsRepository } from '../platform/accounts.repository.ts';
import type { SubjectClaim, SubjectKind } from './subject-link.ts';

export interface ResolvedSubject {
  kind: Exclude<SubjectKind, 'post'>;
  id: string;
  /** The public link, for public subjects. */
  link: string | null;
  label: string;
  ownerAccountId: string | null;
  reach: number;
  /** Posts named by the report (by a post link or by `postIds`). */
  postIds: string[];
}

export class SubjectDirectory {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async resolve(claim: SubjectClaim): Promise<ResolvedSubject> {
    const channels = new ChannelsRepository(this.#db);
    const channelSubject = (c: { id: string; handle: string; owner_id: string; subscriber_count: number }, postIds: string[]): ResolvedSubject => ({
      kind: 'channel',
      id: c.id,
      link: `/c/${c.handle}`,
      label: `@${c.handle}`,
      ownerAccountId: c.owner_id,
      reach: c.subscriber_count,
      postIds,
    });
    if (claim.kind === 'channel') {
      const c = claim.by === 'link' ? await channels.findByHandle(claim.handle) : await channels.findById(claim.id);
      if (!c) throw notFound('Channel');
      return channelSubject(c, []);
    }
    if (claim.kind === 'post') {
      const post =
        claim.by === 'link'
          ? await channels.findByHandle(claim.handle).then((c) => (c ? channels.findPost(c.id, claim.number) : undefined))
          : await channels.findPostById(claim.id);
      if (!post) throw notFound('Post');
      const c = await channels.findById(post.channel_id);
      if (!c) throw notFound('Channel');
      return channelSubject(c, [post.id]);
    }
    if (claim.kind === 'bot') {
      const repo = new BotsRepository(this.#db);
      const b = claim.by === 'link' ? await repo.findByHandle(claim.handle) : await repo.findById(claim.id);
      if (!b) throw notFound('Bot');
      return { kind: 'bot', id: b.id, link: `/bot/${b.handle}`, label: `@${b.handle}`, ownerAccountId: b.owner_id, reach: 0, postIds: [] };
    }
    if (claim.kind === 'sticker_set') {
      const repo = new StickerSetsRepository(this.#db);
      const s = claim.by === 'link' ? await repo.findByName(claim.name) : await repo.findById(claim.id);
      if (!s) throw notFound('Sticker set');
      return { kind: 'sticker_set', id: s.id, link: `/stickers/${s.name}`, label: s.name, ownerAccountId: s.owner_id, reach: 0, postIds: [] };
    }
    const conversations = new ConversationsRepository(this.#db);
    if (claim.kind === 'group') {
      if (!(await conversations.findGroup(claim.id))) throw notFound('Group');
      return { kind: 'group', id: claim.id, link: null, label: 'private group', ownerAccountId: null, reach: 0, postIds: [] };
    }
    if (claim.kind === 'chat') {
      if (!(await conversations.findChat(claim.id))) throw notFound('Chat');
      return { kind: 'chat', id: claim.id, link: null, label: 'private chat', ownerAccountId: null, reach: 0, postIds: [] };
    }
    if (!(await new AccountsRepository(this.#db).findById(claim.id))) throw notFound('Account');
    return { kind: 'account', id: claim.id, link: null, label: 'account', ownerAccountId: claim.id, reach: 0, postIds: [] };
  }

  /** Confirms that every named post belongs to the channel; returns their ids. */
  async postsOfChannel(channelId: string, postIds: string[]): Promise<string[]> {
    const repo = new ChannelsRepository(this.#db);
    for (const id of postIds) {
      const p = await repo.findPostById(id);
      if (!p || p.channel_id !== channelId) throw notFound(`Post "${id}" in this channel`);
    }
    return postIds;
  }
}
