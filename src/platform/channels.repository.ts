import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import type { ChannelsTable, PostsTable } from '../db/schema.ts';

/** Post numbers are a 32-bit `integer` column: a larger number names no post (PostgreSQL refuses to compare it). */
export const POST_SEQ_MAX = 2_147_483_647;
const possibleSeq = (seq: number) => Number.isSafeInteger(seq) && seq >= 1 && seq <= POST_SEQ_MAX;

// Every report and page naming a channel by its link runs this (src/db/prepared.ts).
const byHandle = prepared((db, p: { handleLower: string }) => db.selectFrom('channels').selectAll().where('handle_lower', '=', p.handleLower));

export class ChannelsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: ChannelsTable): Promise<void> {
    await this.#db.insertInto('channels').values(row).execute();
  }
  async findByHandle(handle: string) {
    return (await byHandle.execute(this.#db, { handleLower: handle.toLowerCase() })).rows[0];
  }
  findById(id: string) {
    return this.#db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** Titles and handles of a page of channels, for labels. */
  /** An owner's newest channels (the (owner_id, created_at) index). */
  ofOwner(ownerId: string, limit: number) {
    return this.#db
      .selectFrom('channels')
      .select(['id', 'title', 'handle', 'created_at'])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }
  namesOf(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('channels').select(['id', 'title', 'handle']).where('id', 'in', ids).execute();
  }
  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('channels')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async isAdmin(channelId: string, accountId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('channel_admins')
      .select('account_id')
      .where('channel_id', '=', channelId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row !== undefined;
  }
  async addAdmin(channelId: string, accountId: string, at: string): Promise<void> {
    await this.#db
      .insertInto('channel_admins')
      .values({ channel_id: channelId, account_id: accountId, created_at: at })
      .onConflict((oc) => oc.columns(['channel_id', 'account_id']).doNothing())
      .execute();
  }

  /** Subscribes once; returns whether a new subscription was made (the count moves only then). */
  async subscribe(channelId: string, accountId: string, at: string): Promise<boolean> {
    const r = await this.#db
      .insertInto('channel_subscriptions')
      .values({ channel_id: channelId, account_id: accountId, created_at: at })
      .onConflict((oc) => oc.columns(['channel_id', 'account_id']).doNothing())
      .executeTakeFirst();
    const added = Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    if (added) {
      await this.#db
        .updateTable('channels')
        .set((eb) => ({ subscriber_count: eb('subscriber_count', '+', 1) }))
        .where('id', '=', channelId)
        .execute();
    }
    return added;
  }

  /** A channel whose title and description were too short to tell takes the language of its first post that tells. */
  async adoptLanguage(channelId: string, language: string): Promise<void> {
    await this.#db.updateTable('channels').set({ language }).where('id', '=', channelId).where('language', 'is', null).execute();
  }
  /** Allocates the next post number of a channel; call inside the transaction that inserts the post. */
  async nextPostSeq(channelId: string): Promise<number> {
    const row = await this.#db
      .updateTable('channels')
      .set((eb) => ({ last_post_seq: eb('last_post_seq', '+', 1) }))
      .where('id', '=', channelId)
      .returning('last_post_seq')
      .executeTakeFirstOrThrow();
    return row.last_post_seq;
  }

  async insertPost(row: PostsTable, mediaIds: string[]): Promise<void> {
    await this.#db.insertInto('posts').values(row).execute();
    if (mediaIds.length > 0) {
      await this.#db
        .insertInto('post_media')
        .values(mediaIds.map((media_id, position) => ({ post_id: row.id, media_id, position })))
        .execute();
    }
  }

  /** Newest first; `beforeSeq` continues a previous page. */
  listPosts(channelId: string, limit: number, beforeSeq?: number) {
    let q = this.#db.selectFrom('posts').select(['id', 'channel_id', 'seq', 'text', 'created_at']).where('channel_id', '=', channelId);
    if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
    return q.orderBy('seq', 'desc').limit(limit).execute();
  }

  /**
   * A page of posts with their media in one query (newest first, media in position order): a post
   * without media has one row with null media columns. `beforeSeq` continues a previous page.
   */
  listPostsWithMedia(channelId: string, limit: number, opts: { beforeSeq?: number; seq?: number } = {}) {
    let posts = this.#db.selectFrom('posts').select(['id', 'seq', 'text', 'created_at']).where('channel_id', '=', channelId);
    if (opts.beforeSeq !== undefined && opts.beforeSeq <= POST_SEQ_MAX) posts = posts.where('seq', '<', opts.beforeSeq);
    if (opts.seq !== undefined) posts = posts.where('seq', '=', possibleSeq(opts.seq) ? opts.seq : 0);
    return this.#db
      .selectFrom(posts.orderBy('seq', 'desc').limit(limit).as('p'))
      .leftJoin('post_media as pm', 'pm.post_id', 'p.id')
      .leftJoin('media as m', 'm.id', 'pm.media_id')
      .select(['p.id', 'p.seq', 'p.text', 'p.created_at', 'm.id as media_id', 'm.sha256', 'm.mime', 'm.size', 'm.width', 'm.height'])
      .orderBy('p.seq', 'desc')
      .orderBy('pm.position')
      .execute();
  }

  findPost(channelId: string, seq: number) {
    if (!possibleSeq(seq)) return Promise.resolve(undefined);
    return this.#db
      .selectFrom('posts')
      .select(['id', 'channel_id', 'seq', 'text', 'created_at'])
      .where('channel_id', '=', channelId)
      .where('seq', '=', seq)
      .executeTakeFirst();
  }

  findPostById(id: string) {
    return this.#db.selectFrom('posts').select(['id', 'channel_id', 'seq', 'text', 'created_at']).where('id', '=', id).executeTakeFirst();
  }

  mediaOfPosts(postIds: string[]) {
    if (postIds.length === 0) return Promise.resolve([]);
    return this.#db
      .selectFrom('post_media')
      .innerJoin('media', 'media.id', 'post_media.media_id')
      .select(['post_media.post_id', 'post_media.position', 'media.id', 'media.sha256', 'media.mime', 'media.size', 'media.width', 'media.height'])
      .where('post_media.post_id', 'in', postIds)
      .orderBy('post_media.position')
      .execute();
  }
}
