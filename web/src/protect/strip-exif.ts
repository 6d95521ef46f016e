// The server hashes an image's stored pixels without applying its EXIF orientation
// (src/detection/pdq-decode.ts). Browsers always apply it to JPEG and PNG: Chromium treats
// createImageBitmap's imageOrientation 'none' like 'from-image' (the spec dropped 'none').
// So before decoding, the worker drops the EXIF block from a private copy of the file; the
// pixels are then the ones the server sees. EXIF holds no pixel data, so nothing else changes.
// WebP is left alone: Chromium does not rotate it.

const JPEG_SOI = 0xffd8;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

const startsWith = (b: Uint8Array, at: number, sig: number[]) => sig.every((v, i) => b[at + i] === v);

/** The file without its EXIF block, or the same array when it has none (or is not JPEG/PNG). */
export function stripExif(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 4 && ((bytes[0] << 8) | bytes[1]) === JPEG_SOI) return stripJpeg(bytes);
  if (startsWith(bytes, 0, PNG_SIGNATURE)) return stripPng(bytes);
  return bytes;
}

/** Drops APP1 "Exif" segments; stops at the first scan (entropy-coded data follows, copied as is). */
function stripJpeg(b: Uint8Array): Uint8Array {
  const drop: Array<[number, number]> = [];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) break; // not a marker: malformed, leave the rest to the decoder
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    } // no length
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan
    const length = (b[i + 2] << 8) | b[i + 3];
    if (length < 2) break;
    if (marker === 0xe1 && startsWith(b, i + 4, EXIF_ID)) drop.push([i, i + 2 + length]);
    i += 2 + length;
  }
  return without(b, drop);
}

/** Drops eXIf chunks (ancillary, so no other chunk refers to them). */
function stripPng(b: Uint8Array): Uint8Array {
  const drop: Array<[number, number]> = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    const end = i + 12 + length;
    if (end > b.length) break;
    if (type === 'eXIf') drop.push([i, end]);
    if (type === 'IEND') break;
    i = end;
  }
  return without(b, drop);
}

function without(b: Uint8Array, ranges: Array<[number, number]>): Uint8Array {
  if (ranges.length === 0) return b;
  const removed = ranges.reduce((n, [s, e]) => n + e - s, 0);
  const out = new Uint8Array(b.length - removed);
  let from = 0;
  let to = 0;
  for (const [s, e] of ranges) {
    out.set(b.subarray(from, s), to);
    to += s - from;
    from = e;
  }
  out.set(b.subarray(from), to);
  return out;
}
