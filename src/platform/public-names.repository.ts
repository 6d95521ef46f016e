import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';

/** Channels, bots and sticker sets share one case-insensitive namespace of public names. */
export class PublicNamesRepository {
  #db: Db;
  constructor(db: Db) { this.#db = db; }

  /** Returns false when the name is already taken. */
  async claim(name: string, kind: string, subjectId: string): Promise<boolean> {
    try {
      await this.#db.insertInto('public_names').values({ name_lower: name.toLowerCase(), kind, subject_id: subjectId }).execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
