import { createHash, createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/** Tokens are 192-bit random secrets, so a fast hash is enough to store them (no dictionary to attack). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The server secret (`<dataDir>/secret` or `VIGIL_SECRET`, see `server-secret.ts`) behind keyed hashes of
 * values that are guessable on their own (addresses) or must be re-derivable without being stored
 * (receipts). Its key never leaves this object: it prints and serialises as `[redacted]`.
 */
export class ServerSecret {
  // A KeyObject, made once: given raw bytes, createHmac makes one on every call (12 µs against 2.5 µs a MAC).
  readonly #key: KeyObject;
  constructor(key: Uint8Array) {
    if (key.length < 32) throw new Error('the server secret must be at least 32 bytes');
    this.#key = createSecretKey(Buffer.from(key));
  }

  /** HMAC-SHA256 of `value`, separated by `purpose` so one use's output is never valid for another. */
  mac(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.#key).update(purpose).update('\0').update(value).digest();
  }

  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'ServerSecret [redacted]';
  }
}
