import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DCT_MATRIX, dct64To16 } from './dct.ts';

const fround = Math.fround;

test('DCT matrix entries are sqrt(2/64)·cos(π/128·(i+1)(2j+1)) in float32', () => {
  assert.equal(DCT_MATRIX.length, 16 * 64);
  for (const [i, j] of [
    [0, 0],
    [0, 63],
    [7, 31],
    [15, 0],
    [15, 63],
  ]) {
    const expected = fround(fround(Math.sqrt(2 / 64)) * Math.cos((Math.PI / 128) * (i + 1) * (2 * j + 1)));
    assert.equal(DCT_MATRIX[i * 64 + j], expected);
  }
});

test('matches the reference loop order (T = D·A, then B = T·Dᵀ, sums over k ascending) bit for bit', () => {
  let seed = 3;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const a = new Float32Array(64 * 64).map(() => random() * 255);
  const t = new Float32Array(16 * 64);
  const b = new Float32Array(16 * 16);
  dct64To16(a, t, b);

  const d = DCT_MATRIX;
  const tRef = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fround(sum + fround(d[i * 64 + k] * a[k * 64 + j]));
      tRef[i * 64 + j] = sum;
    }
  }
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fround(sum + fround(tRef[i * 64 + k] * d[j * 64 + k]));
      assert.equal(b[i * 16 + j], sum, `B[${i}][${j}]`);
    }
  }
});
