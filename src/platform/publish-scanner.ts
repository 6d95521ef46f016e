// The platform's view of detection: before public media is published it is scanned, and a match may
// hold the new post, bot or sticker set back from the public until a person reviews it.
// Private groups and chats never call this: their media is never hashed.
import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';

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
