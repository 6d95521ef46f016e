// Near-duplicate text: a 64-bit SimHash of a text's matching key (normalise.ts), so a re-posted text with
// small edits lands a few bits away from the original, and unrelated texts about 32 bits away. Pure,
// linear in the text's length. Features are overlapping 4-character shingles of the normalised text
// (words joined by one space), each hashed to 64 bits (two 32-bit FNV-1a hashes, each finished by
// MurmurHash3's mixer so every input bit reaches every output bit). Lookups split the 64 bits into
// bands (pigeonhole: two fingerprints within `NEAR_DUPLICATE_DISTANCE` bits agree exactly on at least one
// of `NEAR_DUPLICATE_DISTANCE + 1` bands), so the index answers by exact, indexed band values. A one-word
// edit in a 150-character post moves about 6 bits (SimHash's bit flips follow the angle between the
// shingle sets), hence a distance of 6: verbatim re-posts and light edits, not rewrites.
import { normalise } from './normalise.ts';

/** The most bits two fingerprints may differ by and still be near-duplicates. */
export const NEAR_DUPLICATE_DISTANCE = 6;
/** Texts whose normalised key is shorter than this get no fingerprint: short texts collide by chance. */
export const MIN_FINGERPRINT_CHARS = 60;
/** How many characters each shingle has. */
const SHINGLE = 4;
/** A text is read up to this many characters: enough to tell a re-post, bounded work per post. */
const MAX_CHARS = 20_000;

/** A fingerprint: 16 lowercase hex digits. */
export type Fingerprint = string;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The matching key a fingerprint is taken of: normalised, punctuation and spacing reduced to single spaces. */
export function fingerprintKey(text: string): string {
  const n = normalise(text.slice(0, MAX_CHARS));
  let out = '';
  let space = false;
  for (const ch of n) {
    if (/^[\p{L}\p{N}]$/u.test(ch)) {
      if (space && out !== '') out += ' ';
      out += ch;
      space = false;
    } else space = true;
  }
  return out;
}

/** The SimHash of a text, or null when its matching key is too short to tell copies from chance. */
export function simhash(text: string): Fingerprint | null {
  const key = fingerprintKey(text);
  if (key.length < MIN_FINGERPRINT_CHARS) return null;
  const weights = new Int32Array(64);
  const units = Array.from(key);
  for (let i = 0; i + SHINGLE <= units.length; i++) {
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let j = i; j < i + SHINGLE; j++) {
      const c = units[j].codePointAt(0) as number;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    const hi = fmix32(a);
    const lo = fmix32(b ^ 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] += (hi >>> bit) & 1 ? 1 : -1;
      weights[32 + bit] += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit] > 0) hi |= 1 << bit;
    if (weights[32 + bit] > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many bits two fingerprints differ by (0–64). */
export function hamming(a: Fingerprint, b: Fingerprint): number {
  return (
    popcount((Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) >>> 0) +
    popcount((Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16)) >>> 0)
  );
}

/** Band widths in bits, most significant first: NEAR_DUPLICATE_DISTANCE + 1 bands covering the 64 bits. */
const BAND_BITS = [10, 9, 9, 9, 9, 9, 9] as const;

/** The fingerprint's bands as small integers, for exact indexed lookups (band i of two near-duplicates is equal for at least one i). */
export function bands(f: Fingerprint): number[] {
  let bits = '';
  for (const ch of f) bits += Number.parseInt(ch, 16).toString(2).padStart(4, '0');
  const out: number[] = [];
  let at = 0;
  for (const w of BAND_BITS) {
    out.push(Number.parseInt(bits.slice(at, at + w), 2));
    at += w;
  }
  return out;
}
