// The platform's view of detection: before public media is published it is scanned, and a match may
// hold the new post, bot or sticker set back from the public until a person reviews it.
// Private groups and chats never call this: their media is never hashed.
import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';

export type ScanSurface = 'channel_post' | 'bot_picture' | 'sticker_set';

export interface ScanResult {
  /** allow: publish; hold: publish held back for review; block: keep it from being published at all. */
  verdict: 'allow' | 'hold' | 'block';
  /** Set when the verdict is not allow: why, in words for the publisher (no hash or bank details). */
  reason?: string;
  readonly details: unknown;
}

export interface PublishScanner {
  scan(media: MediaTable[], surface: ScanSurface): Promise<ScanResult>;
  /** Inside the publishing transaction: hides the new subject until review. */
  hold(trx: Db, subject: { kind: 'post' | 'bot' | 'sticker_set'; id: string }): Promise<void>;
  /** After commit: opens or joins the case about `caseSubject` with the automated signal. */
  report(result: ScanResult, caseSubject: { kind: 'channel' | 'bot' | 'sticker_set'; id: string }, postId?: string): Promise<void>;
}

export const noScanning: PublishScanner = {
  scan: async () => ({ verdict: 'allow', details: null }),
  hold: async () => {},
  report: async () => {},
};

/**
 * Publishes through the scanner: `insert` runs in a transaction that also holds the new subject when the
 * scan matched; the automated report follows the commit; a block verdict then answers 422.
 */
export async function publishScanned<T>(
  db: Db,
  scanner: PublishScanner,
  media: MediaTable[],
  surface: ScanSurface,
  target: {
    hold: { kind: 'post' | 'bot' | 'sticker_set'; id: string };
    caseSubject: { kind: 'channel' | 'bot' | 'sticker_set'; id: string };
    postId?: string;
    /** Names what was refused, for the publisher: "This post". */
    what: string;
  },
  insert: (trx: Db) => Promise<T>,
): Promise<{ value: T; held: boolean }> {
  const scan = await scanner.scan(media, surface);
  const value = await db.transaction().execute(async (trx) => {
    const v = await insert(trx);
    if (scan.verdict !== 'allow') await scanner.hold(trx, target.hold);
    return v;
  });
  if (scan.verdict !== 'allow') await scanner.report(scan, target.caseSubject, target.postId);
  if (scan.verdict === 'block') throw new AppError(422, 'content_blocked', `${target.what} can't be published. ${scan.reason ?? ''}`.trim());
  return { value, held: scan.verdict === 'hold' };
}
