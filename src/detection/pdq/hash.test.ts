import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIHEDRAL_NAMES, hammingDistance, isPdqHex, pdqHash, pdqHashDihedral, transformPixels, type PdqPixels } from './index.ts';

/** A smooth image (a few soft blobs, slight colour) with a little noise; deterministic per seed. */
function blobs(width: number, height: number, seed: number, channels: 3 | 4 = 3): PdqPixels {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const spots = Array.from({ length: 12 }, () => ({
    x: random() * width,
    y: random() * height,
    r: (0.05 + random() * 0.2) * Math.min(width, height),
    a: random() * 200 - 100,
  }));
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 128;
      for (const s of spots) v += s.a * Math.exp(-((x - s.x) ** 2 + (y - s.y) ** 2) / (s.r * s.r));
      for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = c === 3 ? random() * 256 : v + (c - 1) * 10 + (random() - 0.5) * 4;
    }
  }
  return { data, width, height, channels };
}

test('a side under 5 pixels gives the all-zero hash with quality 0', () => {
  for (const [width, height] of [
    [4, 100],
    [100, 4],
    [0, 0],
    [1, 1],
  ]) {
    const pixels: PdqPixels = { data: new Uint8Array(width * height * 3).fill(200), width, height, channels: 3 };
    assert.deepEqual(pdqHash(pixels), { hash: '0'.repeat(64), quality: 0 });
    for (const name of DIHEDRAL_NAMES) assert.deepEqual(pdqHashDihedral(pixels)[name], { hash: '0'.repeat(64), quality: 0 });
  }
  assert.notEqual(pdqHash(blobs(5, 5, 1)).hash, '0'.repeat(64));
});

test('returns 64 lowercase hex digits and a quality in 0..100', () => {
  const { hash, quality } = pdqHash(blobs(300, 200, 2));
  assert.ok(isPdqHex(hash) && hash === hash.toLowerCase(), hash);
  assert.ok(Number.isInteger(quality) && quality >= 0 && quality <= 100, String(quality));
});

test('quality: 0 for a flat image, partial for soft shapes, 100 for strong detail', () => {
  assert.equal(pdqHash({ data: new Uint8Array(200 * 100 * 3).fill(90), width: 200, height: 100, channels: 3 }).quality, 0);
  const soft = pdqHash(blobs(400, 300, 3)).quality;
  assert.ok(soft > 0 && soft < 100, String(soft));
  const checks = new Uint8Array(256 * 256);
  for (let i = 0; i < checks.length; i++) checks[i] = ((i >> 3) ^ (i >> 11)) & 1 ? 255 : 0; // 8-pixel checkerboard
  assert.equal(pdqHash({ data: checks, width: 256, height: 256, channels: 1 }).quality, 100);
});

test('alpha is ignored', () => {
  const rgba = blobs(123, 77, 4, 4);
  const rgb = new Uint8Array(123 * 77 * 3);
  for (let i = 0; i < 123 * 77; i++) rgb.set(rgba.data.subarray(i * 4, i * 4 + 3), i * 3);
  assert.deepEqual(pdqHash(rgba), pdqHash({ data: rgb, width: 123, height: 77, channels: 3 }));
});

test('grey input (one channel) hashes like the same grey given as RGB, up to float rounding', () => {
  const rgb = blobs(250, 180, 5);
  const grey = new Uint8Array(250 * 180);
  for (let i = 0; i < grey.length; i++) grey[i] = rgb.data[i * 3 + 1];
  const asRgb = new Uint8Array(grey.length * 3);
  for (let i = 0; i < grey.length; i++) asRgb.fill(grey[i], i * 3, i * 3 + 3);
  const a = pdqHash({ data: grey, width: 250, height: 180, channels: 1 });
  const b = pdqHash({ data: asRgb, width: 250, height: 180, channels: 3 });
  assert.ok(hammingDistance(a.hash, b.hash) <= 2, `${a.hash} vs ${b.hash}`);
});

test('Uint8ClampedArray (canvas ImageData) input is accepted', () => {
  const pixels = blobs(90, 60, 6, 4);
  assert.deepEqual(pdqHash({ ...pixels, data: new Uint8ClampedArray(pixels.data) }), pdqHash(pixels));
});

test('invalid pixel buffers are rejected', () => {
  assert.throws(() => pdqHash({ data: new Uint8Array(10), width: 10, height: 10, channels: 3 }), /at least 300 bytes/);
  assert.throws(() => pdqHash({ data: new Uint8Array(300), width: 10, height: 10, channels: 2 as 3 }), /channels must be 1, 3 or 4/);
  assert.throws(() => pdqHash({ data: new Uint8Array(300), width: 10.5, height: 10, channels: 1 }), /non-negative integers/);
});

test('hashing is repeatable (no state leaks between calls)', () => {
  const a = blobs(333, 222, 7);
  const first = pdqHash(a);
  pdqHash(blobs(64, 64, 8));
  pdqHashDihedral(blobs(1000, 20, 9));
  assert.deepEqual(pdqHash(a), first);
});

test('dihedral original equals pdqHash (except for 64×64 input, which only pdqHash leaves unfiltered)', () => {
  for (const [w, h] of [
    [300, 200],
    [65, 64],
    [5, 9],
  ]) {
    const pixels = blobs(w, h, w + h);
    assert.deepEqual(pdqHashDihedral(pixels).original, pdqHash(pixels));
  }
});

// The DCT-domain variants equal the hashes of the transformed pixels only where the blur and
// the 64-point sampling grid are themselves symmetric: an odd window and a size that is an odd
// multiple of 64 (320 = 5·64 has window 3). Elsewhere a mirrored grid samples other pixels and
// the hashes drift apart (see the LA.png rows of the conformance test). What remains is float32
// rounding of coefficients that sit next to the median, hence a margin of 2 bits.
test('each dihedral hash is the hash of the image transformed in pixels (symmetric geometry)', () => {
  for (const seed of [11, 12, 13, 14]) {
    for (const size of [320, 64]) {
      const pixels = blobs(size, size, seed);
      const variants = pdqHashDihedral(pixels);
      for (const name of DIHEDRAL_NAMES) {
        const direct = pdqHash(transformPixels(pixels, name));
        assert.ok(hammingDistance(variants[name].hash, direct.hash) <= 2, `${name} seed ${seed} size ${size}`);
        assert.equal(variants[name].quality, variants.original.quality);
      }
    }
  }
});

test('transformPixels: rotate90 is a quarter turn counter-clockwise, flips and diagonals as named', () => {
  // 3×2 image, pixel values = index:  0 1 2
  //                                   3 4 5
  const pixels: PdqPixels = { data: Uint8Array.of(0, 1, 2, 3, 4, 5), width: 3, height: 2, channels: 1 };
  const rows = (p: PdqPixels) => Array.from({ length: p.height }, (_, y) => Array.from(p.data.subarray(y * p.width, (y + 1) * p.width)));
  assert.deepEqual(rows(transformPixels(pixels, 'rotate90')), [
    [2, 5],
    [1, 4],
    [0, 3],
  ]);
  assert.deepEqual(rows(transformPixels(pixels, 'rotate180')), [
    [5, 4, 3],
    [2, 1, 0],
  ]);
  assert.deepEqual(rows(transformPixels(pixels, 'rotate270')), [
    [3, 0],
    [4, 1],
    [5, 2],
  ]);
  assert.deepEqual(rows(transformPixels(pixels, 'flipX')), [
    [3, 4, 5],
    [0, 1, 2],
  ]);
  assert.deepEqual(rows(transformPixels(pixels, 'flipY')), [
    [2, 1, 0],
    [5, 4, 3],
  ]);
  assert.deepEqual(rows(transformPixels(pixels, 'flipPlus1')), [
    [0, 3],
    [1, 4],
    [2, 5],
  ]);
  assert.deepEqual(rows(transformPixels(pixels, 'flipMinus1')), [
    [5, 2],
    [4, 1],
    [3, 0],
  ]);
});
