// Exact lookups of file digests (MD5 or SHA-256, hex) → entry ids.
//
// Keys are the digest's raw bytes as a Latin-1 string: half the size of the hex, and always a fresh
// flat string, so a key never pins a larger string it was sliced from. Most digests belong to one
// entry, so a key maps to a bare id and only shared digests pay for an array.

export type DigestAlgorithm = 'md5' | 'sha256';

const HEX_LENGTH: Record<DigestAlgorithm, number> = { md5: 32, sha256: 64 };

export class ExactIndex {
  /** The one digest kind accepted, or undefined for both (their lengths differ, so keys never clash). */
  readonly algorithm: DigestAlgorithm | undefined;
  #idsByKey = new Map<string, number | number[]>();
  #keyById = new Map<number, string>();

  constructor(algorithm?: DigestAlgorithm) {
    if (algorithm !== undefined && !(algorithm in HEX_LENGTH)) throw new Error(`ExactIndex: unknown digest algorithm "${algorithm}"`);
    this.algorithm = algorithm;
  }

  /** Number of entries. */
  get size(): number {
    return this.#keyById.size;
  }

  has(id: number): boolean {
    return this.#keyById.has(id);
  }

  /** Adds (or replaces) entry `id` with digest `hex`. */
  add(id: number, hex: string): void {
    this.#add(id, this.#key(hex));
  }

  /** Adds (or replaces) entry `id` with the digest's raw bytes (16 for MD5, 32 for SHA-256). */
  addBytes(id: number, bytes: Uint8Array): void {
    const lengths = this.algorithm === undefined ? Object.values(HEX_LENGTH) : [HEX_LENGTH[this.algorithm]];
    if (!lengths.includes(2 * bytes.length)) throw new Error(`malformed ${this.algorithm ?? 'md5 or sha256'} digest: ${bytes.length} bytes`);
    this.#add(id, String.fromCharCode(...bytes));
  }

  #add(id: number, key: string): void {
    checkId(id);
    this.remove(id);
    this.#keyById.set(id, key);
    const ids = this.#idsByKey.get(key);
    if (ids === undefined) this.#idsByKey.set(key, id);
    else if (typeof ids === 'number') this.#idsByKey.set(key, [ids, id]);
    else ids.push(id);
  }

  /** Withdraws `id`; returns false when it was not indexed. */
  remove(id: number): boolean {
    const key = this.#keyById.get(id);
    if (key === undefined) return false;
    this.#keyById.delete(id);
    const ids = this.#idsByKey.get(key);
    if (Array.isArray(ids)) {
      ids.splice(ids.indexOf(id), 1);
      if (ids.length === 1) this.#idsByKey.set(key, ids[0]);
    } else {
      this.#idsByKey.delete(key);
    }
    return true;
  }

  /** Every entry as (id, the digest's raw bytes as a Latin-1 string), in insertion order. */
  entries(): IterableIterator<[number, string]> {
    return this.#keyById.entries();
  }

  /** Ids of the entries with digest `hex`, ascending; [] when none. */
  lookup(hex: string): number[] {
    const ids = this.#idsByKey.get(this.#key(hex));
    if (ids === undefined) return [];
    return typeof ids === 'number' ? [ids] : [...ids].sort((a, b) => a - b);
  }

  #key(hex: string): string {
    const lengths = this.algorithm === undefined ? Object.values(HEX_LENGTH) : [HEX_LENGTH[this.algorithm]];
    if (typeof hex !== 'string' || !lengths.includes(hex.length) || !/^[0-9a-fA-F]*$/.test(hex)) {
      const kind = this.algorithm ?? 'md5 or sha256';
      throw new Error(`malformed ${kind} digest: expected ${lengths.join(' or ')} hex characters, got ${JSON.stringify(hex)}`);
    }
    let key = '';
    for (let i = 0; i < hex.length; i += 2) key += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return key;
  }
}

function checkId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`ExactIndex: id must be a positive integer, got ${id}`);
}
