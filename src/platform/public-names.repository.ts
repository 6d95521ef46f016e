import type { Db } from '../db/database.ts';
import { isUniqueViolation, isUniqueViolationOf } from '../db/db-errors.ts';

export type ClaimOutcome = 'claimed' | 'taken' | 'look_alike';

/**
 * Channels, bots and sticker sets share one case-insensitive namespace of public names; each name also
 * holds its look-alike skeleton, unique, so no two names that look alike can both be claimed.
 */
export class PublicNamesRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async claim(name: string, skeleton: string, kind: string, subjectId: string): Promise<ClaimOutcome> {
    const nameLower = name.toLowerCase();
    const existing = await this.#db
      .selectFrom('public_names')
      .select('name_lower')
      .where((eb) => eb.or([eb('name_lower', '=', nameLower), eb('skeleton', '=', skeleton)]))
      .execute();
    if (existing.some((r) => r.name_lower === nameLower)) return 'taken';
    if (existing.length > 0) return 'look_alike';
    try {
      await this.#db.insertInto('public_names').values({ name_lower: nameLower, kind, subject_id: subjectId, skeleton }).execute();
      return 'claimed';
    } catch (err) {
      // A concurrent claim won between the check and the insert: the unique indexes decide.
      if (isUniqueViolationOf(err, 'public_names_skeleton', 'public_names.skeleton')) return 'look_alike';
      if (isUniqueViolation(err)) return 'taken';
      throw err;
    }
  }
}
