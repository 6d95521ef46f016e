import { test } from 'node:test';
import assert from 'node:assert/strict';
import { torbenMedian } from './torben.ts';

function lowerMedian(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[(values.length - 1) >> 1];
}

test('small known arrays', () => {
  assert.equal(torbenMedian(Float32Array.of(3, 1, 2)), 2);
  assert.equal(torbenMedian(Float32Array.of(4, 1, 3, 2)), 2); // the lower of the two middle values
  assert.equal(torbenMedian(Float32Array.of(5, 5, 5, 5)), 5);
  assert.equal(torbenMedian(Float32Array.of(-1, -7, 2.5, 0, 9)), 0);
  assert.equal(torbenMedian(Float32Array.of(42)), 42);
});

test('on 256 coefficients it is sorted[127], with ties, negatives and tiny gaps', () => {
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let round = 0; round < 300; round++) {
    const values = new Float32Array(256);
    for (let i = 0; i < 256; i++) {
      const kind = round % 3;
      values[i] = kind === 0 ? (random() - 0.5) * 2000 : kind === 1 ? Math.floor(random() * 5) : 1 + random() * 1e-5;
    }
    assert.equal(torbenMedian(values, 256), lowerMedian(values));
  }
});

test('does not reorder its input', () => {
  const values = Float32Array.of(9, 3, 7, 1, 5);
  torbenMedian(values);
  assert.deepEqual(Array.from(values), [9, 3, 7, 1, 5]);
});
