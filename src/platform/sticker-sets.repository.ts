import type { Db } from '../db/database.ts';
import type { StickerSetsTable } from '../db/schema.ts';

export class StickerSetsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }
  async insert(row: StickerSetsTable, mediaIds: string[]): Promise<void> {
    await this.#db.insertInto('sticker_sets').values(row).execute();
    await this.#db
      .insertInto('stickers')
      .values(mediaIds.map((media_id, position) => ({ sticker_set_id: row.id, media_id, position })))
      .execute();
  }
  findByName(name: string) {
    return this.#db.selectFrom('sticker_sets').selectAll().where('name_lower', '=', name.toLowerCase()).executeTakeFirst();
  }
  findById(id: string) {
    return this.#db.selectFrom('sticker_sets').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** Titles and names of a page of sticker sets, for labels. */
  /** An owner's newest sticker sets (the (owner_id, created_at) index). */
  ofOwner(ownerId: string, limit: number) {
    return this.#db
      .selectFrom('sticker_sets')
      .select(['id', 'title', 'name', 'created_at'])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }
  namesOf(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('sticker_sets').select(['id', 'title', 'name']).where('id', 'in', ids).execute();
  }
  stickers(setId: string) {
    return this.#db
      .selectFrom('stickers')
      .innerJoin('media', 'media.id', 'stickers.media_id')
      .select(['media.id', 'media.sha256', 'media.mime', 'media.size', 'media.width', 'media.height'])
      .where('stickers.sticker_set_id', '=', setId)
      .orderBy('stickers.position')
      .execute();
  }
}
