import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';

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

  /**
   * Encrypts a secret the server must be able to read back (a webhook's signing secret): AES-256-GCM under
   * a key derived from the server secret for `purpose` (HKDF-SHA256), so the database alone does not give
   * it away. The output is `v1.` + base64url(12-byte IV, 16-byte tag, ciphertext).
   */
  seal(purpose: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#derive(purpose), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plaintext of `seal(purpose, …)`; throws when it was sealed under another secret or purpose, or altered. */
  unseal(purpose: string, sealed: string): string {
    if (!sealed.startsWith('v1.')) throw new Error('not a sealed value of a known version');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    if (raw.length < 28) throw new Error('sealed value too short');
    const decipher = createDecipheriv('aes-256-gcm', this.#derive(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  #derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), `vigil seal\0${purpose}`, 32));
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
