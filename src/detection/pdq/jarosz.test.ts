import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimationIndices, jaroszWindowSize, lumaDownsampledTo64 } from './jarosz.ts';
import type { PdqPixels } from './pixels.ts';

const fround = Math.fround;

// A plain port of the reference C++ (downscaling.cpp and fillFloatLumaFrom*): whole-image float
// buffers, one pass after another. The streaming implementation must agree with it bit for bit.
function referenceLuma({ data, width, height, channels }: PdqPixels): Float32Array {
  const luma = new Float32Array(width * height);
  const [r, g, b] = [fround(0.299), fround(0.587), fround(0.114)];
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    luma[i] = channels === 1 ? data[p] : fround(fround(fround(r * data[p]) + fround(g * data[p + 1])) + fround(b * data[p + 2]));
  }
  return luma;
}

function referenceBox1D(input: Float32Array, out: Float32Array, start: number, length: number, stride: number, window: number): void {
  const half = Math.trunc((window + 2) / 2);
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let current = 0;
  for (let i = 0; i < half - 1; i++, ri += stride) {
    sum = fround(sum + input[ri]);
    current++;
  }
  for (let i = 0; i < window - half + 1; i++, ri += stride, oi += stride) {
    sum = fround(sum + input[ri]);
    current++;
    out[oi] = fround(sum / current);
  }
  for (let i = 0; i < length - window; i++, li += stride, ri += stride, oi += stride) {
    sum = fround(sum + input[ri]);
    sum = fround(sum - input[li]);
    out[oi] = fround(sum / current);
  }
  for (let i = 0; i < half - 1; i++, li += stride, oi += stride) {
    sum = fround(sum - input[li]);
    current--;
    out[oi] = fround(sum / current);
  }
}

function referenceDownsample(pixels: PdqPixels, skipIf64: boolean): Float32Array {
  const { width, height } = pixels;
  const buffer1 = referenceLuma(pixels);
  const out = new Float32Array(64 * 64);
  if (skipIf64 && width === 64 && height === 64) return buffer1;
  const buffer2 = new Float32Array(width * height);
  const alongRows = Math.trunc((width + 127) / 128);
  const alongCols = Math.trunc((height + 127) / 128);
  for (let rep = 0; rep < 2; rep++) {
    for (let i = 0; i < height; i++) referenceBox1D(buffer1, buffer2, i * width, width, 1, alongRows);
    for (let j = 0; j < width; j++) referenceBox1D(buffer2, buffer1, j, height, width, alongCols);
  }
  for (let i = 0; i < 64; i++) {
    const ini = Math.trunc(((i + 0.5) * height) / 64);
    for (let j = 0; j < 64; j++) out[i * 64 + j] = buffer1[ini * width + Math.trunc(((j + 0.5) * width) / 64)];
  }
  return out;
}

function randomImage(width: number, height: number, channels: 1 | 3 | 4, seed: number, smooth: boolean): PdqPixels {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        const v = smooth ? 128 + 100 * Math.sin(x / 9 + c) * Math.cos(y / 13) + random() * 6 : random() * 256;
        data[(y * width + x) * channels + c] = v;
      }
    }
  }
  return { data, width, height, channels };
}

function assertSameFloats(actual: Float32Array, expected: Float32Array, label: string): void {
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${label}: sample ${i} is ${actual[i]}, reference ${expected[i]}`);
  }
}

test('window sizes: half of size/64 rounded up', () => {
  assert.deepEqual(
    [5, 64, 128, 129, 256, 512, 1600, 1920].map((n) => jaroszWindowSize(n)),
    [1, 1, 1, 2, 2, 4, 13, 15],
  );
  assert.deepEqual(
    Array.from(decimationIndices(64)),
    Array.from({ length: 64 }, (_, i) => i),
  );
  assert.equal(decimationIndices(1000)[0], 7);
  assert.equal(decimationIndices(1000)[63], 992);
});

test('streamed downsample equals the whole-buffer reference bit for bit', () => {
  const sizes: Array<[number, number, 1 | 3 | 4]> = [
    [5, 5, 3],
    [6, 200, 1],
    [26, 28, 4],
    [34, 42, 3],
    [63, 65, 3],
    [64, 64, 3],
    [64, 64, 1],
    [127, 129, 4],
    [128, 128, 3],
    [129, 131, 3],
    [257, 255, 3],
    [300, 17, 1],
    [1000, 6, 3],
    [600, 401, 4],
  ];
  let state = 99;
  for (let n = 0; n < 12; n++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    sizes.push([5 + (state % 700), 5 + ((state >>> 12) % 700), ([1, 3, 4] as const)[n % 3]]);
  }
  const out = new Float32Array(64 * 64);
  for (const [width, height, channels] of sizes) {
    for (const smooth of [false, true]) {
      const pixels = randomImage(width, height, channels, width * 7919 + height, smooth);
      for (const skipIf64 of [true, false]) {
        lumaDownsampledTo64(pixels, out, skipIf64);
        assertSameFloats(out, referenceDownsample(pixels, skipIf64), `${width}×${height}×${channels} smooth=${smooth} skip=${skipIf64}`);
      }
    }
  }
});

/** `pixels` with its data copied into a buffer at a byte offset that is not a multiple of 4. */
function misaligned(pixels: PdqPixels, clamped: boolean): PdqPixels {
  const bytes = new ArrayBuffer(pixels.data.length + 3);
  const data = clamped ? new Uint8ClampedArray(bytes, 1, pixels.data.length) : new Uint8Array(bytes, 1, pixels.data.length);
  data.set(pixels.data);
  return { ...pixels, data };
}

test('random sizes, tiny sizes and window-size boundaries equal the reference bit for bit', () => {
  const sizes: Array<[number, number]> = [];
  // Tiny images: every width and height in 5..20 on a grid, so each block/lane remainder occurs.
  for (let w = 5; w <= 20; w += 3) for (let h = 5; h <= 20; h++) sizes.push([w, h]);
  // Sizes where the window changes (127/128 → 1, 129 → 2, 255/256 → 2, 257 → 3, 1600 → 13, 1920 → 15),
  // along each axis, with the other side odd.
  for (const n of [127, 128, 129, 255, 256, 257, 383, 384, 385, 1600, 1920]) sizes.push([n, 37], [41, n]);
  sizes.push([1920, 1080], [1080, 1920], [1024, 768], [1601, 129], [513, 511]);
  let state = 7;
  const next = (m: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) % m;
  };
  for (let n = 0; n < 40; n++) sizes.push([5 + next(n % 4 === 0 ? 2000 : 300), 5 + next(n % 4 === 1 ? 2000 : 300)]);
  const out = new Float32Array(64 * 64);
  let n = 0;
  for (const [width, height] of sizes) {
    const channels = ([3, 4, 1] as const)[n % 3];
    const smooth = n % 2 === 0;
    const pixels = randomImage(width, height, channels, n + 1000 * width + height, smooth);
    const skipIf64 = n % 5 !== 0;
    const expected = referenceDownsample(pixels, skipIf64);
    const label = `${width}×${height}×${channels} smooth=${smooth} skip=${skipIf64}`;
    lumaDownsampledTo64(pixels, out, skipIf64);
    assertSameFloats(out, expected, label);
    // The same pixels read byte by byte (unaligned buffer, and as a Uint8ClampedArray).
    lumaDownsampledTo64(misaligned(pixels, n % 2 === 1), out, skipIf64);
    assertSameFloats(out, expected, `${label} misaligned`);
    n++;
  }
});

test('buffers kept between calls carry nothing over between images or sizes', () => {
  const out = new Float32Array(64 * 64);
  const images = [
    randomImage(300, 200, 3, 1, true),
    randomImage(301, 199, 4, 2, false),
    randomImage(300, 200, 3, 3, false),
    randomImage(70, 90, 1, 4, true),
    randomImage(300, 200, 3, 5, true),
    randomImage(301, 199, 4, 6, true),
    randomImage(5, 9, 3, 7, false),
    randomImage(640, 480, 3, 8, true),
    randomImage(480, 640, 3, 9, true),
    randomImage(300, 200, 3, 10, false),
  ];
  for (let round = 0; round < 2; round++) {
    for (const [i, pixels] of images.entries()) {
      lumaDownsampledTo64(pixels, out, true);
      assertSameFloats(out, referenceDownsample(pixels, true), `image ${i} round ${round}`);
    }
  }
});

test('a 64×64 input is filtered (window 1) unless skipIf64, and that changes float rounding', () => {
  const pixels = randomImage(64, 64, 3, 5, false);
  const skipped = new Float32Array(64 * 64);
  const filtered = new Float32Array(64 * 64);
  lumaDownsampledTo64(pixels, skipped, true);
  lumaDownsampledTo64(pixels, filtered, false);
  assertSameFloats(skipped, referenceLuma(pixels), 'unfiltered');
  assert.notDeepEqual(Array.from(skipped), Array.from(filtered));
});

test('multiplying by 1/window rounds to the same float32 as dividing by window', () => {
  let state = 1;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let n = 0; n < 200_000; n++) {
    const window = 1 + Math.floor(random() * 1000);
    const x = fround((random() - 0.3) * 255 * window * (random() < 0.1 ? 1e-6 : 1));
    assert.equal(fround(x * (1 / window)), fround(x / window), `${x} / ${window}`);
  }
});
