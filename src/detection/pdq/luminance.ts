// RGB → luminance exactly as the reference C++ computes it in float32:
// `float y = 0.299f * R + 0.587f * G + 0.114f * B`, each product and each sum rounded to float.
// Every product depends only on an 8-bit channel value, so the three are tabulated (256 rounded
// products each, small enough to stay in the L1 cache), which leaves three lookups, an addition
// rounded to float32 and a second addition rounded by the Float32Array store.
//
// Packed RGB is read 4 pixels (12 bytes) at a time as three 32-bit words, and RGBA one word
// per pixel, when the buffer is 4-byte aligned on a little-endian machine (every platform a
// browser or Node runs on); that is a third of the memory reads of byte access.

const fround = Math.fround;

function productTable(coefficient: number): Float64Array {
  const c = fround(coefficient);
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) table[v] = fround(c * v);
  return table;
}

const R_TERM = productTable(0.299);
const G_TERM = productTable(0.587);
const B_TERM = productTable(0.114);

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes the luminance of `width` pixels starting at byte `offset` into `out[outOff…]`.
 * One channel is taken as grey and copied unchanged, like the reference's fillFloatLumaFromGrey
 * (which is not bit-identical to feeding R = G = B through the RGB formula). With 3 or 4
 * channels, channels 0..2 are R, G, B and any fourth (alpha) is ignored.
 */
export function fillLumaRow(data: Uint8Array | Uint8ClampedArray, offset: number, width: number, channels: number, out: Float32Array, outOff: number): void {
  if (channels === 1) {
    for (let j = 0; j < width; j++) out[outOff + j] = data[offset + j];
    return;
  }
  const r = R_TERM;
  const g = G_TERM;
  const b = B_TERM;
  let p = offset;
  for (let j = 0; j < width; j++, p += channels) {
    // Storing into the Float32Array performs the final float rounding.
    out[outOff + j] = fround(r[data[p]] + g[data[p + 1]]) + b[data[p + 2]];
  }
}

/**
 * The pixel buffer as 32-bit words, when it can be read that way (4-byte aligned, little-endian
 * host); otherwise undefined and fillLuma reads bytes.
 */
export function pixelWords(data: Uint8Array | Uint8ClampedArray): Uint32Array | undefined {
  if (!LITTLE_ENDIAN || (data.byteOffset & 3) !== 0) return undefined;
  return new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
}

/**
 * Luminance of the `count` consecutive pixels starting at pixel `first` (rows laid end to end),
 * written to out[0 … count). `words` is pixelWords(data); it is used for 3 or 4 channels when
 * `first` is a multiple of 4 (so the RGB run starts on a word).
 */
export function fillLuma(
  data: Uint8Array | Uint8ClampedArray,
  words: Uint32Array | undefined,
  first: number,
  count: number,
  channels: number,
  out: Float32Array,
): void {
  if (channels === 1) {
    out.set(data.subarray(first, first + count));
    return;
  }
  if (words === undefined || (first & 3) !== 0) {
    fillLumaRow(data, first * channels, count, channels, out, 0);
    return;
  }
  const r = R_TERM;
  const g = G_TERM;
  const b = B_TERM;
  if (channels === 4) {
    for (let i = 0, q = first; i < count; i++, q++) {
      const w = words[q];
      out[i] = fround(r[w & 255] + g[(w >>> 8) & 255]) + b[(w >>> 16) & 255];
    }
    return;
  }
  // Three words hold pixels RGBR GBRG BRGB (little-endian bytes).
  const done = count & ~3;
  let q = (first >> 2) * 3;
  let o = 0;
  for (; o < done; q += 3, o += 4) {
    const w0 = words[q];
    const w1 = words[q + 1];
    const w2 = words[q + 2];
    out[o] = fround(r[w0 & 255] + g[(w0 >>> 8) & 255]) + b[(w0 >>> 16) & 255];
    out[o + 1] = fround(r[w0 >>> 24] + g[w1 & 255]) + b[(w1 >>> 8) & 255];
    out[o + 2] = fround(r[(w1 >>> 16) & 255] + g[w1 >>> 24]) + b[w2 & 255];
    out[o + 3] = fround(r[(w2 >>> 8) & 255] + g[(w2 >>> 16) & 255]) + b[w2 >>> 24];
  }
  if (done < count) fillLumaRow(data, (first + done) * 3, count - done, 3, out, done);
}
