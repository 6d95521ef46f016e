// The 2-D DCT of the reference (dct64To16 in pdqhashing.cpp), keeping only frequencies 1..16
// along each axis: B = D·A·Dᵀ with D the 16×64 matrix below, all in float32.

const fround = Math.fround;

/**
 * D[i][j] = sqrt(2/64) · cos(π/128 · (i+1) · (2j+1)), row-major 16×64. As in C++, the scale is a
 * float, the product is taken in double and the result stored as float.
 */
export const DCT_MATRIX: Float32Array = (() => {
  const rows = 16;
  const cols = 64;
  const scale = fround(Math.sqrt(2 / cols));
  const matrix = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      matrix[i * cols + j] = scale * Math.cos((Math.PI / 2 / cols) * (i + 1) * (2 * j + 1));
    }
  }
  return matrix;
})();

/**
 * `a`: 64×64 input; `t`: 16×64 scratch; `b`: 16×16 output, all row-major. Every element is a
 * float32 sum over k = 0..63 in ascending order of float32 products, as in the reference; the
 * loops are reordered for memory access only (each sum still sees its terms in the same order).
 */
export function dct64To16(a: Float32Array, t: Float32Array, b: Float32Array): void {
  const d = DCT_MATRIX;
  t.fill(0);
  for (let i = 0; i < 16; i++) {
    const tRow = i * 64;
    for (let k = 0; k < 64; k++) {
      const dik = d[i * 64 + k];
      const aRow = k * 64;
      for (let j = 0; j < 64; j++) t[tRow + j] += fround(dik * a[aRow + j]);
    }
  }
  for (let i = 0; i < 16; i++) {
    const tRow = i * 64;
    for (let j = 0; j < 16; j++) {
      const dRow = j * 64;
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fround(sum + fround(t[tRow + k] * d[dRow + k]));
      b[i * 16 + j] = sum;
    }
  }
}
