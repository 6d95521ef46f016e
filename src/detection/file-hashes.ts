// Exact-match digests of a file's bytes, for hash lists that use MD5 or SHA-256.

import { createHash } from 'node:crypto';

export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
