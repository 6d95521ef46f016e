// Server-side decoding for PDQ: an image file's bytes → 8-bit sRGB pixels at full resolution, the
// way the reference pipelines see them (PIL in python-threatexchange, ImageIO in Java):
//   - no resizing, so hashes are the library ones, not the reference CLI's 512×512 resize;
//   - no EXIF rotation (the reference never applies it; sharp only does when asked);
//   - embedded ICC profiles ignored, since PIL and ImageIO ignore them (the RANDOM_IMAGE vector
//     of the conformance test only matches this way);
//   - alpha dropped without compositing (pytx hashes channels 0..2 of RGBA);
//   - grey, palette, CMYK and 16-bit images converted to 8-bit sRGB by libvips.
// Conversions where PIL differs (16-bit grey is clipped at 255 by PIL instead of scaled; CMYK
// is converted naively by PIL, with a colour profile here) are documented in
// pdq-conformance.test.ts.

import sharp from 'sharp';
import { pdqHash, type PdqPixels } from './pdq/index.ts';

export interface PdqDecodeOptions {
  /** Refuse images with more pixels than this (decompression bombs). Default 100 megapixels. */
  limitInputPixels?: number;
  /**
   * When a damaged file is refused. 'error' (the default) refuses undecodable or truncated
   * files and accepts files with recoverable warnings, which PIL accepts too; 'none' would
   * hash whatever can be decoded, e.g. a truncated upload that browsers still show in part.
   */
  failOn?: 'none' | 'truncated' | 'error' | 'warning';
}

export const PDQ_DEFAULT_PIXEL_LIMIT = 100_000_000;

/** Raster formats decoded for hashing; vector and document formats (SVG, PDF) are refused. */
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif']);

export interface DecodedForPdq extends PdqPixels {
  data: Uint8Array;
  channels: 3;
}

export async function decodeForPdq(bytes: Uint8Array, options: PdqDecodeOptions = {}): Promise<DecodedForPdq> {
  const input = sharp(bytes, {
    limitInputPixels: options.limitInputPixels ?? PDQ_DEFAULT_PIXEL_LIMIT,
    failOn: options.failOn ?? 'error',
    ignoreIcc: true,
    autoOrient: false,
  });
  const { format } = await input.metadata();
  if (!format || !RASTER_FORMATS.has(format)) throw new Error(`unsupported image format for PDQ: ${format ?? 'unknown'}`);
  const { data, info } = await input.toColourspace('srgb').removeAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || data.length !== info.width * info.height * 3) {
    throw new Error(`unexpected decoder output: ${info.width}×${info.height}×${info.channels}, ${data.length} bytes`);
  }
  // A plain Uint8Array view (not a Buffer) keeps the hasher's typed-array accesses monomorphic.
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: 3 };
}

/** PDQ hash and quality of an image file, with its decoded size. */
export async function pdqHashFile(
  bytes: Uint8Array,
  options: PdqDecodeOptions = {},
): Promise<{ hash: string; quality: number; width: number; height: number }> {
  const pixels = await decodeForPdq(bytes, options);
  return { ...pdqHash(pixels), width: pixels.width, height: pixels.height };
}
