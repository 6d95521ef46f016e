// Content that connected platforms registered, and the hashes of its media.
import type { Db } from '../db/database.ts';
import type { ConnectedContentTable, ConnectedMediaTable } from '../db/schema-connected.ts';
import type { PublicSubjectKind } from './kinds.ts';

export class ConnectedContentRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Deleted items too: a re-registration revives the same row (and keeps its cases). */
  findByExternal(platform: string, kind: PublicSubjectKind, externalId: string): Promise<ConnectedContentTable | undefined> {
    return this.#db
      .selectFrom('connected_content')
      .selectAll()
      .where('platform', '=', platform)
      .where('kind', '=', kind)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  findById(id: string): Promise<ConnectedContentTable | undefined> {
    return this.#db.selectFrom('connected_content').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: string[]): Promise<ConnectedContentTable[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('connected_content').selectAll().where('id', 'in', ids).execute();
  }

  /** Live content with this normalised URL; of one platform when given. */
  findLiveByUrl(urlKey: string, platform?: string): Promise<ConnectedContentTable | undefined> {
    let q = this.#db.selectFrom('connected_content').selectAll().where('url_key', '=', urlKey).where('deleted_at', 'is', null);
    if (platform !== undefined) q = q.where('platform', '=', platform);
    return q.orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
  }

  /** Whether a platform registered anything, ever. */
  async hasPlatform(platform: string): Promise<boolean> {
    return (await this.#db.selectFrom('connected_content').select('id').where('platform', '=', platform).limit(1).executeTakeFirst()) !== undefined;
  }

  async insert(row: ConnectedContentTable): Promise<void> {
    await this.#db.insertInto('connected_content').values(row).execute();
  }

  async update(id: string, patch: Partial<Omit<ConnectedContentTable, 'id'>>): Promise<void> {
    await this.#db.updateTable('connected_content').set(patch).where('id', '=', id).execute();
  }

  /** The next post number of a channel (display only: "Post #3"). */
  async nextSeq(channelId: string): Promise<number> {
    const r = await this.#db
      .selectFrom('connected_content')
      .select((eb) => eb.fn.max<number | null>('seq').as('last'))
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return Number(r?.last ?? 0) + 1;
  }

  /** A channel's latest live posts, newest first. */
  recentPosts(channelId: string, limit: number): Promise<ConnectedContentTable[]> {
    return this.#db
      .selectFrom('connected_content')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('deleted_at', 'is', null)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
  }

  /** An owner's newest live channels, bots and sticker sets on one platform. */
  ofOwner(platform: string, ownerId: string, limit: number): Promise<ConnectedContentTable[]> {
    return this.#db
      .selectFrom('connected_content')
      .selectAll()
      .where('platform', '=', platform)
      .where('owner_id', '=', ownerId)
      .where('kind', 'in', ['channel', 'bot', 'sticker_set'])
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  media(contentIds: string[]): Promise<ConnectedMediaTable[]> {
    if (contentIds.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('connected_media').selectAll().where('content_id', 'in', contentIds).orderBy('content_id').orderBy('position').execute();
  }

  /** The item's media becomes exactly `rows`. */
  async replaceMedia(contentId: string, rows: ConnectedMediaTable[]): Promise<void> {
    await this.#db.deleteFrom('connected_media').where('content_id', '=', contentId).execute();
    if (rows.length > 0) await this.#db.insertInto('connected_media').values(rows).execute();
  }
}
