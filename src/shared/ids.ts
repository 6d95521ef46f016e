import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn from the system a pool at a time (one call per 256 identifiers rather than one
// each: the call was 4% of report intake's time), as uuid does.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;

function randomChars(n: number): string {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + n; i++) out += ALPHABET[pool[i] % 36];
  used += n;
  return out;
}

/** Random, URL-safe identifier with a readable prefix, e.g. `ch_3k9x…`. 16 chars ≈ 82 bits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomChars(16)}`;
}

/**
 * An identifier that sorts by creation time: the millisecond in base 36 (9 chars), then 8 random chars
 * (≈ 41 bits), e.g. `rep_0miq3x7c2k4h8z1pq`. For rows written by the thousand a second (reports, case
 * events): a new key lands at the end of its primary-key index, on a page already in the cache, where a
 * random key read and rewrote a page anywhere in an index that outgrows the cache. Only for rows whose
 * creation time is no secret from whoever sees the id.
 */
export function newTimeOrderedId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomChars(8)}`;
}

/** A secret shown once to its holder; only its hash is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}
