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
 * float32 sum over k = 0..63 in ascending order of float32 products, as in the reference. Each
 * sum is kept in a local (four independent sums at a time, so the rounded additions overlap)
 * rather than accumulated in memory; the order of each sum's terms is unchanged.
 */
export function dct64To16(a: Float32Array, t: Float32Array, b: Float32Array): void {
  const d = DCT_MATRIX;
  // t = D·A: t[i][j] = Σ_k D[i][k]·A[k][j].
  for (let i = 0; i < 16; i++) {
    const dRow = i * 64;
    for (let j = 0; j < 64; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0, p = j; k < 64; k++, p += 64) {
        const dik = d[dRow + k];
        s0 = fround(s0 + fround(dik * a[p]));
        s1 = fround(s1 + fround(dik * a[p + 1]));
        s2 = fround(s2 + fround(dik * a[p + 2]));
        s3 = fround(s3 + fround(dik * a[p + 3]));
      }
      t[dRow + j] = s0;
      t[dRow + j + 1] = s1;
      t[dRow + j + 2] = s2;
      t[dRow + j + 3] = s3;
    }
  }
  // b = t·Dᵀ: b[i][j] = Σ_k t[i][k]·D[j][k].
  for (let i = 0; i < 16; i++) {
    const tRow = i * 64;
    for (let j = 0; j < 16; j += 4) {
      const d0 = j * 64;
      const d1 = d0 + 64;
      const d2 = d1 + 64;
      const d3 = d2 + 64;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < 64; k++) {
        const tik = t[tRow + k];
        s0 = fround(s0 + fround(tik * d[d0 + k]));
        s1 = fround(s1 + fround(tik * d[d1 + k]));
        s2 = fround(s2 + fround(tik * d[d2 + k]));
        s3 = fround(s3 + fround(tik * d[d3 + k]));
      }
      const o = i * 16 + j;
      b[o] = s0;
      b[o + 1] = s1;
      b[o + 2] = s2;
      b[o + 3] = s3;
    }
  }
}
