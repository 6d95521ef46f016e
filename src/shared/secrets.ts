import { createHash, timingSafeEqual } from 'node:crypto';

/** Tokens are 192-bit random secrets, so a fast hash is enough to store them (no dictionary to attack). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
