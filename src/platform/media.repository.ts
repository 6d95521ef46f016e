import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';

export class MediaRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }
  async insert(row: MediaTable): Promise<void> {
    await this.#db.insertInto('media').values(row).execute();
  }
  findById(id: string) {
    return this.#db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  }
}

/** Where a media item is used: decides who may fetch its bytes. */
export async function mediaUsages(db: Db, mediaId: string) {
  const [posts, bots, sets, messages] = await Promise.all([
    db
      .selectFrom('post_media')
      .innerJoin('posts', 'posts.id', 'post_media.post_id')
      .select(['posts.id as postId', 'posts.channel_id as channelId'])
      .where('post_media.media_id', '=', mediaId)
      .execute(),
    db.selectFrom('bots').select('id').where('picture_media_id', '=', mediaId).execute(),
    db.selectFrom('stickers').select('sticker_set_id').where('media_id', '=', mediaId).execute(),
    db.selectFrom('private_messages').select('conversation_id').where('media_id', '=', mediaId).execute(),
  ]);
  return {
    posts,
    botIds: bots.map((b) => b.id),
    stickerSetIds: sets.map((s) => s.sticker_set_id),
    conversationIds: messages.map((m) => m.conversation_id),
  };
}
