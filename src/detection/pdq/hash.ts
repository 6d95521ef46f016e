// PDQ hashing of a decoded pixel buffer, bit-exact with Meta's reference C++
// (facebook/ThreatExchange pdq/cpp/hashing/pdqhashing.cpp): luminance → Jarosz blur and
// decimation to 64×64 → quality → 16×16 DCT → one bit per coefficient above the median.

import { dct64To16 } from './dct.ts';
import { DIHEDRAL_NAMES, dihedralDct, type DihedralName } from './dihedral.ts';
import { formatPdqHex } from './hex.ts';
import { lumaDownsampledTo64 } from './jarosz.ts';
import { assertValidPixels, type PdqPixels } from './pixels.ts';
import { pdqQuality } from './quality.ts';
import { torbenMedian } from './torben.ts';

export interface PdqResult {
  /** 64 lowercase hex digits. */
  hash: string;
  /** 0..100; the reference advises not to trust hashes below 50. */
  quality: number;
}

export type PdqDihedralResult = Record<DihedralName, PdqResult>;

/** The reference refuses to hash below this size and returns an all-zero hash of quality 0. */
export const PDQ_MIN_DIMENSION = 5;

const ZERO_HASH = '0'.repeat(64);

/** Working buffers, reused across calls (hashing is synchronous, so never shared concurrently). */
const downsampled = new Float32Array(64 * 64);
const dctScratch = new Float32Array(16 * 64);
const dct = new Float32Array(16 * 16);
const transformed = new Float32Array(16 * 16);

function tooSmall(pixels: PdqPixels): boolean {
  return pixels.width < PDQ_MIN_DIMENSION || pixels.height < PDQ_MIN_DIMENSION;
}

/** Hash bits: coefficient (i, j) sets bit j of word i when it is above the median. */
function hashFromDct(coefficients: Float32Array): string {
  const median = torbenMedian(coefficients, 256);
  const words = new Uint16Array(16);
  for (let i = 0; i < 16; i++) {
    let word = 0;
    for (let j = 0; j < 16; j++) if (coefficients[i * 16 + j] > median) word |= 1 << j;
    words[i] = word;
  }
  return formatPdqHex(words);
}

/** PDQ hash and quality of an image, at the resolution given (no resizing). */
export function pdqHash(pixels: PdqPixels): PdqResult {
  assertValidPixels(pixels);
  if (tooSmall(pixels)) return { hash: ZERO_HASH, quality: 0 };
  lumaDownsampledTo64(pixels, downsampled, true);
  const quality = pdqQuality(downsampled);
  dct64To16(downsampled, dctScratch, dct);
  return { hash: hashFromDct(dct), quality };
}

/**
 * Hashes of the image and of its 7 rotations and mirror images, from one downsample and DCT,
 * as the reference's pdqDihedralHash256esFromFloatLuma. Note that entry point always runs the
 * blur, even on a 64×64 input that pdqHash copies unfiltered; for those inputs `original` can
 * differ from pdqHash by a few bits, and this follows the reference.
 */
export function pdqHashDihedral(pixels: PdqPixels): PdqDihedralResult {
  assertValidPixels(pixels);
  const result = {} as PdqDihedralResult; // every name of DIHEDRAL_NAMES is set below
  if (tooSmall(pixels)) {
    for (const name of DIHEDRAL_NAMES) result[name] = { hash: ZERO_HASH, quality: 0 };
    return result;
  }
  lumaDownsampledTo64(pixels, downsampled, false);
  const quality = pdqQuality(downsampled);
  dct64To16(downsampled, dctScratch, dct);
  for (const name of DIHEDRAL_NAMES) {
    dihedralDct(name, dct, transformed);
    result[name] = { hash: hashFromDct(transformed), quality };
  }
  return result;
}
