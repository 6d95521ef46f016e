// RGB → luminance exactly as the reference C++ computes it in float32:
// `float y = 0.299f * R + 0.587f * G + 0.114f * B`, each product and each sum rounded to float.
// Every term depends only on 8-bit channel values, so the products are tabulated, and so is
// the rounded sum of the red and green terms (a 256×256 table, built on first use), which
// leaves one lookup and one addition per pixel.

const fround = Math.fround;

function productTable(coefficient: number): Float64Array {
  const c = fround(coefficient);
  const table = new Float64Array(256);
  for (let v = 0; v < 256; v++) table[v] = fround(c * v);
  return table;
}

const B_TERM = productTable(0.114);
let redGreenTerms: Float32Array | undefined;

function redGreenTable(): Float32Array {
  if (redGreenTerms) return redGreenTerms;
  const red = productTable(0.299);
  const green = productTable(0.587);
  const table = new Float32Array(256 * 256);
  for (let r = 0; r < 256; r++) for (let g = 0; g < 256; g++) table[(r << 8) | g] = red[r] + green[g];
  return (redGreenTerms = table);
}

/**
 * Writes the luminance of `width` pixels starting at byte `offset` into `out[outOff…]`.
 * One channel is taken as grey and copied unchanged, like the reference's fillFloatLumaFromGrey
 * (which is not bit-identical to feeding R = G = B through the RGB formula). With 3 or 4
 * channels, channels 0..2 are R, G, B and any fourth (alpha) is ignored.
 */
export function fillLumaRow(
  data: Uint8Array | Uint8ClampedArray,
  offset: number,
  width: number,
  channels: number,
  out: Float32Array,
  outOff: number,
): void {
  if (channels === 1) {
    for (let j = 0; j < width; j++) out[outOff + j] = data[offset + j];
    return;
  }
  const redGreen = redGreenTable();
  let p = offset;
  for (let j = 0; j < width; j++, p += channels) {
    // Storing into the Float32Array performs the final float rounding.
    out[outOff + j] = redGreen[(data[p] << 8) | data[p + 1]] + B_TERM[data[p + 2]];
  }
}
