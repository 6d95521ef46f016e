// PDQ hashes as text: 64 hex digits, the reference's 16 words of 16 bits printed from w[15]
// down to w[0] with "%04hx". Bit k of the hash (k = i·16 + j for DCT coefficient i, j) is bit
// k % 16 of word k / 16, so the string reads as a big-endian 256-bit number.

const HEX_64 = /^[0-9a-fA-F]{64}$/;

/** True for a 64-digit hex string (either case). */
export function isPdqHex(s: unknown): s is string {
  return typeof s === 'string' && HEX_64.test(s);
}

function assertPdqHex(s: unknown): asserts s is string {
  if (!isPdqHex(s)) {
    const shown = typeof s === 'string' ? JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s) : typeof s;
    throw new Error(`malformed PDQ hash ${shown}: expected exactly 64 hexadecimal digits`);
  }
}

/** Parses 64 hex digits into the 16 words w[0..15]. */
export function parsePdqHex(hex: string): Uint16Array {
  assertPdqHex(hex);
  const words = new Uint16Array(16);
  for (let q = 0; q < 16; q++) words[15 - q] = parseInt(hex.slice(q * 4, q * 4 + 4), 16);
  return words;
}

/** Formats words w[0..15] as 64 lowercase hex digits. */
export function formatPdqHex(words: Uint16Array): string {
  if (words.length !== 16) throw new Error(`a PDQ hash has 16 words, got ${words.length}`);
  let hex = '';
  for (let i = 15; i >= 0; i--) hex += words[i].toString(16).padStart(4, '0');
  return hex;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of differing bits (0..256) between two hashes given as hex. */
export function hammingDistance(a: string, b: string): number {
  assertPdqHex(a);
  assertPdqHex(b);
  let distance = 0;
  for (let q = 0; q < 64; q += 8) {
    distance += popcount32(parseInt(a.slice(q, q + 8), 16) ^ parseInt(b.slice(q, q + 8), 16));
  }
  return distance;
}

/** Number of differing bits between two hashes given as words. */
export function hammingDistanceWords(a: Uint16Array, b: Uint16Array): number {
  let distance = 0;
  for (let i = 0; i < 16; i++) distance += popcount32(a[i] ^ b[i]);
  return distance;
}
