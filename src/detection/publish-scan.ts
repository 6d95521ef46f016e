// Detection as a platform uses it when it publishes: before public media is published it is scanned, and
// a match may hold the new post, bot or sticker set back from the public until a person reviews it.
// Private groups and chats never call this: their media is never hashed.
import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import type { Details } from './scanner.ts';
import type { TextTarget } from './text/text-signals.ts';
import type { TextItem } from './text/rules.ts';

export type ScanSurface = 'channel_post' | 'bot_picture' | 'sticker_set' | 'connected_content';

export interface ScanResult {
  /** allow: publish; hold: publish held back for review; block: keep it from being published at all. */
  verdict: 'allow' | 'hold' | 'block';
  /** Set when the verdict is not allow: why, in words for the publisher (no hash or bank details). */
  reason?: string;
  /** What matched (the scanner's own record, for the automated report); null when nothing did. */
  readonly details: Details | null;
}

export interface HoldTarget {
  /** What is held back: the new post, bot or sticker set (or a connected platform's channel). */
  hold: { kind: 'channel' | 'post' | 'bot' | 'sticker_set'; id: string };
  /** The subject whose case the automated report opens or joins (for a connected platform, by the platform's own id). */
  caseSubject: { kind: 'channel' | 'bot' | 'sticker_set'; id: string };
  /** Vigil's id of `caseSubject` when that names it by the platform's own id (as webhooks name subjects). */
  caseSubjectId?: string;
  postId?: string;
  /** A connected platform's name; absent for the reference platform. */
  platform?: string;
  /**
   * The report's Idempotency-Key when one subject can be held more than once (a connected platform's item
   * updated with new media); by default derived from the held subject.
   */
  key?: string;
}

export interface PublishScanner {
  scan(media: MediaTable[], surface: ScanSurface): Promise<ScanResult>;
  /**
   * Inside the publishing transaction: hides the new subject until review and enqueues the automated
   * report that opens or joins its case, as a job in the same transaction, so no crash after the commit
   * can leave content hidden with no case in any queue.
   */
  hold(trx: Db, result: ScanResult, target: HoldTarget): Promise<void>;
  /**
   * Inside the publishing transaction: enqueues the job that runs the text rules on the new public
   * subject's texts (never called for private groups or chats). True when a job was written.
   */
  signalText(trx: Db, target: TextTarget, item: TextItem): Promise<boolean>;
  /** After the publishing transaction committed: this process's job runner starts on the report at once. */
  committed(): void;
}

export const noScanning: PublishScanner = {
  scan: async () => ({ verdict: 'allow', details: null }),
  hold: async () => {},
  signalText: async () => false,
  committed: () => {},
};

/**
 * Publishes through the scanner: `insert` runs in a transaction that also holds the new subject when the
 * scan matched and enqueues the automated report (a durable job, run after the commit); a block verdict
 * then answers 422.
 */
export async function publishScanned<T>(
  db: Db,
  scanner: PublishScanner,
  media: MediaTable[],
  surface: ScanSurface,
  target: HoldTarget & {
    /** Names what was refused, for the publisher: "This post". */
    what: string;
    /** The new subject's texts, for the text rules (a job enqueued in the same transaction). */
    text?: TextItem;
    /** The new subject's detected language as stored (null: undetermined), which the rules read the texts in. */
    language?: string | null;
    /** Who publishes (as cases name owners), for mirror signals. */
    ownerId?: string;
    /** The new post carries text files (txt, csv, json) for the leak detector. */
    textFiles?: boolean;
  },
  insert: (trx: Db) => Promise<T>,
): Promise<{ value: T; held: boolean }> {
  const scan = await scanner.scan(media, surface);
  let signalled = false;
  const value = await db.transaction().execute(async (trx) => {
    const v = await insert(trx);
    if (scan.verdict !== 'allow') await scanner.hold(trx, scan, target);
    if (target.text) {
      const textTarget = {
        subject: target.hold,
        caseSubject: target.caseSubject,
        postId: target.postId,
        ownerId: target.ownerId,
        media: media.map((m) => m.sha256),
        ...(target.textFiles ? { textFiles: true } : {}),
        ...(target.language !== undefined ? { language: target.language } : {}),
      };
      // Rules may be narrowed by what the media showed (rule conditions hasMedia, mediaMatched).
      const item: TextItem = { ...target.text, media: { count: media.length, matched: (scan.details?.hits.length ?? 0) > 0 } };
      signalled = await scanner.signalText(trx, textTarget, item);
    }
    return v;
  });
  if (scan.verdict !== 'allow' || signalled) scanner.committed();
  if (scan.verdict === 'block') throw new AppError(422, 'content_blocked', `${target.what} can't be published. ${scan.reason ?? ''}`.trim());
  return { value, held: scan.verdict === 'hold' };
}
