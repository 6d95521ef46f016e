// Receipts let an anonymous reporter follow their report. They are derived from the report id under the
// server secret, so a replayed request can be given the same receipt again without any being stored.
import type { ServerSecret } from '../shared/secrets.ts';
import { hashToken, safeEqual } from '../shared/secrets.ts';

/** `rcpt_` and 24 bytes of HMAC-SHA256, base64url: the same shape as the random receipts before. */
export function receiptOf(secret: ServerSecret, reportId: string): string {
  return `rcpt_${secret.mac('report-receipt', reportId).subarray(0, 24).toString('base64url')}`;
}

/**
 * Whether `receipt` opens the report: the derived receipt, or the one whose hash the row keeps (the
 * random receipts issued before receipts were derived, and any issued under an earlier secret).
 */
export function receiptMatches(secret: ServerSecret, report: { id: string; receipt_hash: string }, receipt: string): boolean {
  const byHash = safeEqual(hashToken(receipt), report.receipt_hash);
  const derived = safeEqual(receipt, receiptOf(secret, report.id));
  return byHash || derived;
}

/** An appeal's receipt, derived like a report's (under its own purpose, so one never opens the other). */
export function appealReceiptOf(secret: ServerSecret, appealId: string): string {
  return `rcpt_${secret.mac('appeal-receipt', appealId).subarray(0, 24).toString('base64url')}`;
}
