// The eight symmetries of the square applied in the DCT domain, as dct16OriginalTo* in the
// reference. Mirroring an axis multiplies a coefficient by (-1)^u, u = index + 1 being its
// frequency along that axis, so coefficients with an even index change sign; transposing the
// image transposes the coefficients. Only signs and positions change, so no rounding is
// involved. The result equals the hash of the transformed pixels where the blur window and the
// 64-point sampling grid are symmetric (an odd window, a size that is an odd multiple of 64);
// elsewhere a mirror samples different pixels, which photos tolerate and pixel noise does not.
//
// orig      rot90     rot180    rot270    flipx     flipy     flipplus  flipminus
// noxpose   xpose     noxpose   xpose     noxpose   noxpose   xpose     xpose
// + + + +   - + - +   + - + -   - - - -   - - - -   - + - +   + + + +   + - + -
// + + + +   - + - +   - + - +   + + + +   + + + +   - + - +   + + + +   - + - +

import type { PdqPixels } from './pixels.ts';

export type DihedralName = 'original' | 'rotate90' | 'rotate180' | 'rotate270' | 'flipX' | 'flipY' | 'flipPlus1' | 'flipMinus1';

export const DIHEDRAL_NAMES: readonly DihedralName[] = ['original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'flipPlus1', 'flipMinus1'];

/** Whether the coefficient at row i, column j of the original changes sign, and whether the matrix is transposed. */
const RULES: Record<DihedralName, { negate: (i: number, j: number) => boolean; transpose: boolean }> = {
  original: { negate: () => false, transpose: false },
  rotate90: { negate: (_i, j) => (j & 1) === 0, transpose: true },
  rotate180: { negate: (i, j) => ((i + j) & 1) === 1, transpose: false },
  rotate270: { negate: (i) => (i & 1) === 0, transpose: true },
  flipX: { negate: (i) => (i & 1) === 0, transpose: false },
  flipY: { negate: (_i, j) => (j & 1) === 0, transpose: false },
  flipPlus1: { negate: () => false, transpose: true },
  flipMinus1: { negate: (i, j) => ((i + j) & 1) === 1, transpose: true },
};

/** Writes into `out` (16×16) the DCT coefficients of the `name` transform of the image whose coefficients are `dct`. */
export function dihedralDct(name: DihedralName, dct: Float32Array, out: Float32Array): void {
  const { negate, transpose } = RULES[name];
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = dct[i * 16 + j];
      out[transpose ? j * 16 + i : i * 16 + j] = negate(i, j) ? -v : v;
    }
  }
}

/**
 * The same symmetries applied to pixels, as the reference's test images and pytx name them:
 * rotate90 turns the image a quarter counter-clockwise (PIL `rotate(90)`), flipX mirrors top to
 * bottom, flipY left to right, flipPlus1 transposes (mirror in the main diagonal) and flipMinus1
 * mirrors in the anti-diagonal. Hashing the result approximates the hash pdqHashDihedral reports
 * under that name (see the top of this file).
 */
export function transformPixels(pixels: PdqPixels, name: DihedralName): PdqPixels {
  const { data, width: w, height: h, channels } = pixels;
  const transpose = RULES[name].transpose;
  const outWidth = transpose ? h : w;
  const outHeight = transpose ? w : h;
  // Source (x, y) of output pixel (u, v).
  const source: Record<DihedralName, (u: number, v: number) => number> = {
    original: (u, v) => v * w + u,
    rotate90: (u, v) => u * w + (w - 1 - v),
    rotate180: (u, v) => (h - 1 - v) * w + (w - 1 - u),
    rotate270: (u, v) => (h - 1 - u) * w + v,
    flipX: (u, v) => (h - 1 - v) * w + u,
    flipY: (u, v) => v * w + (w - 1 - u),
    flipPlus1: (u, v) => u * w + v,
    flipMinus1: (u, v) => (h - 1 - u) * w + (w - 1 - v),
  };
  const at = source[name];
  const out = new Uint8Array(data.length);
  for (let v = 0; v < outHeight; v++) {
    for (let u = 0; u < outWidth; u++) {
      const from = at(u, v) * channels;
      const to = (v * outWidth + u) * channels;
      for (let c = 0; c < channels; c++) out[to + c] = data[from + c];
    }
  }
  return { ...pixels, data: out, width: outWidth, height: outHeight };
}
