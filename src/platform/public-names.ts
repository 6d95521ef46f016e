// Claiming a public name for a channel, bot or sticker set, inside the transaction that creates it.
import type { Db } from '../db/database.ts';
import { conflict } from '../shared/errors.ts';
import { nameSkeleton } from './name-skeleton.ts';
import { PublicNamesRepository } from './public-names.repository.ts';

/**
 * Refuses a name that is taken (`<field>_taken`) or that looks like one that is (`<field>_confusable`).
 * The look-alike answer does not say which name it resembles: not every claimed name is public (a bot or
 * sticker set held by detection, a subject withheld by a decision), and the caller needs only to pick
 * a more distinct name.
 */
export async function claimPublicName(
  db: Db,
  name: string,
  kind: 'channel' | 'bot' | 'sticker_set',
  subjectId: string,
  field: 'handle' | 'name',
): Promise<void> {
  const outcome = await new PublicNamesRepository(db).claim(name, nameSkeleton(name), kind, subjectId);
  if (outcome === 'taken') {
    throw conflict(`${field}_taken`, `The name "${name}" is already taken.`, [{ field, message: 'taken' }]);
  }
  if (outcome === 'look_alike') {
    throw conflict(
      `${field}_confusable`,
      `The name "${name}" is too similar to an existing public name: names that differ only by look-alike characters (such as 0 and O, 1, I and l, rn and m) count as the same. Choose a more distinct name.`,
      [{ field, message: 'too similar to an existing public name' }],
    );
  }
}
