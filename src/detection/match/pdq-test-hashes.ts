// Seeded PDQ-shaped test data and an independent brute-force matcher, shared by the match tests.
// Independent on purpose: it decodes hex with Buffer and counts bits per byte, sharing no code with
// the index's parser or popcount.

import { Buffer } from 'node:buffer';

export { seededRandom } from '../../shared/seeded-random.ts';

export function randomHex(next: () => number): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += next().toString(16).padStart(8, '0');
  return hex;
}

/** `hex` with the given bit positions flipped; bit k is bit k of the big-endian 256-bit integer. */
export function flipBits(hex: string, bits: Iterable<number>): string {
  const bytes = Buffer.from(hex, 'hex');
  for (const k of bits) bytes[31 - (k >>> 3)] ^= 1 << (k & 7);
  return bytes.toString('hex');
}

/** `count` distinct bit positions in 0…255. */
export function randomBits(next: () => number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(next() & 255);
  return [...chosen];
}

/** `hex` at distance exactly `distance`, with a random choice of flipped bits. */
export function neighbour(next: () => number, hex: string, distance: number): string {
  return flipBits(hex, randomBits(next, distance));
}

/** Bit positions giving slot i (bits 16i…16i+15) exactly `perSlot[i]` flips. */
export function bitsPerSlot(next: () => number, perSlot: number[]): number[] {
  const bits: number[] = [];
  perSlot.forEach((n, slot) => {
    const within = new Set<number>();
    while (within.size < n) within.add(next() & 15);
    for (const b of within) bits.push(slot * 16 + b);
  });
  return bits;
}

const POP8 = Uint8Array.from({ length: 256 }, (_, b) => b.toString(2).split('1').length - 1);

export function hexDistance(a: Buffer, b: Buffer): number {
  let d = 0;
  for (let i = 0; i < 32; i++) d += POP8[a[i] ^ b[i]];
  return d;
}

/** What an exact index must hold and return, by linear scan: a model to compare the index against. */
export class LinearOracle {
  readonly hashes = new Map<number, Buffer>();

  set(id: number, hex: string): void {
    this.hashes.set(id, Buffer.from(hex, 'hex'));
  }

  delete(id: number): boolean {
    return this.hashes.delete(id);
  }

  /** Every entry within `d` of `query`, sorted by distance then id. */
  query(query: string, d: number): Array<{ id: number; distance: number }> {
    const q = Buffer.from(query, 'hex');
    const out: Array<{ id: number; distance: number }> = [];
    for (const [id, hash] of this.hashes) {
      const distance = hexDistance(hash, q);
      if (distance <= d) out.push({ id, distance });
    }
    return out.sort((x, y) => x.distance - y.distance || x.id - y.id);
  }
}
