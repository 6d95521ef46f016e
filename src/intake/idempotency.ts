// Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): the same key with the same body
// replays the first acknowledgement; the same key with another body is a client error (422).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.ts';
import { AppError } from '../shared/errors.ts';

/** SHA-256 of the body's canonical JSON: the order of members and whitespace do not matter. */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Throws 422 when an earlier request under the same key had another body. Rows from before fingerprints replay as they did. */
export function assertSameRequest(earlier: { request_fingerprint: string | null }, fingerprint: string): void {
  if (earlier.request_fingerprint !== null && earlier.request_fingerprint !== fingerprint) {
    throw new AppError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a report with a different body. Repeat the first request exactly to get its acknowledgement again, or send a new key for a new report.',
    );
  }
}
