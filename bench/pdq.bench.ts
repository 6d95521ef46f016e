// PDQ hashing speed: `node bench/run.ts pdq [--time-ms N]`.
// Two tables: hashing decoded RGB pixels, and end to end from JPEG bytes (sharp decode + hash).
// Each compares src/detection/pdq against a baseline measured in the same run, a plain float64
// implementation of the same pipeline (direct box averages, direct 2-D DCT with Math.cos in the
// loop, median by sorting), and lists the reference C++ timings quoted for -O3 on one core.
// Images are deterministic: smooth colour waves plus seeded noise. On a shared machine compare
// "pdq min ms" (least disturbed run) as well as the mean.

import sharp from 'sharp';
import { printTable } from './table.ts';
import { hammingDistance, pdqHash, type PdqPixels } from '../src/detection/pdq/index.ts';
import { pdqHashFile } from '../src/detection/pdq-decode.ts';

const SIZES: Array<[number, number]> = [
  [512, 512],
  [1024, 768],
  [1920, 1080],
];
/** Reference C++ (pdq/cpp, -O3, one core) ms per image, as quoted for these sizes. */
const REFERENCE_CPP_MS: Record<string, number> = { '512x512': 4.8, '1024x768': 22, '1920x1080': 24 };

function syntheticImage(width: number, height: number, seed: number): PdqPixels {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const wave = Math.sin(x / 41 + y / 97) * Math.cos(y / 29 - x / 150);
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = 128 + 90 * wave * (1 - 0.3 * c) + 20 * (random() - 0.5);
    }
  }
  return { data, width, height, channels: 3 };
}

// ---- Baseline: the same pipeline written plainly in float64 --------------------------------

function naiveBox(input: Float64Array, width: number, height: number, window: number, alongRows: boolean): Float64Array {
  const out = new Float64Array(width * height);
  const half = Math.floor((window + 2) / 2);
  const length = alongRows ? width : height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = alongRows ? x : y;
      let sum = 0;
      let count = 0;
      for (let k = at - (window - half); k <= at + half - 1; k++) {
        if (k < 0 || k >= length) continue;
        sum += alongRows ? input[y * width + k] : input[k * width + x];
        count++;
      }
      out[y * width + x] = sum / count;
    }
  }
  return out;
}

function naivePdq({ data, width, height }: PdqPixels): { hash: string; quality: number } {
  let luma: Float64Array<ArrayBufferLike> = new Float64Array(width * height);
  for (let i = 0; i < width * height; i++) luma[i] = 0.299 * data[i * 3] + 0.587 * data[i * 3 + 1] + 0.114 * data[i * 3 + 2];
  const rowWindow = Math.floor((width + 127) / 128);
  const colWindow = Math.floor((height + 127) / 128);
  for (let pass = 0; pass < 2; pass++) {
    luma = naiveBox(luma, width, height, rowWindow, true);
    luma = naiveBox(luma, width, height, colWindow, false);
  }
  const small: number[][] = [];
  for (let i = 0; i < 64; i++) {
    small.push([]);
    for (let j = 0; j < 64; j++) small[i].push(luma[Math.floor(((i + 0.5) * height) / 64) * width + Math.floor(((j + 0.5) * width) / 64)]);
  }
  let gradients = 0;
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 64; j++) {
      if (i < 63) gradients += Math.abs(Math.trunc(((small[i][j] - small[i + 1][j]) * 100) / 255));
      if (j < 63) gradients += Math.abs(Math.trunc(((small[i][j] - small[i][j + 1]) * 100) / 255));
    }
  }
  const coefficients: number[] = [];
  for (let u = 1; u <= 16; u++) {
    for (let v = 1; v <= 16; v++) {
      let sum = 0;
      for (let i = 0; i < 64; i++) {
        for (let j = 0; j < 64; j++) sum += small[i][j] * Math.cos((Math.PI / 128) * u * (2 * i + 1)) * Math.cos((Math.PI / 128) * v * (2 * j + 1));
      }
      coefficients.push((2 / 64) * sum);
    }
  }
  const median = [...coefficients].sort((a, b) => a - b)[127];
  let hex = '';
  for (let word = 15; word >= 0; word--) {
    let bits = 0;
    for (let b = 0; b < 16; b++) if (coefficients[word * 16 + b] > median) bits |= 1 << b;
    hex += bits.toString(16).padStart(4, '0');
  }
  return { hash: hex, quality: Math.min(100, Math.trunc(gradients / 90)) };
}

// ---- Timing ---------------------------------------------------------------------------------

interface Timing {
  mean: number;
  p50: number;
  min: number;
  runs: number;
}

/** Warms up, then repeats until `budgetMs` has elapsed (at least `minRuns` times). */
async function measure(fn: () => unknown, budgetMs: number, minRuns: number): Promise<Timing> {
  const warmUntil = performance.now() + budgetMs / 4;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) await fn();
  const times: number[] = [];
  const stop = performance.now() + budgetMs;
  while (times.length < minRuns || performance.now() < stop) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { mean, p50: times[times.length >> 1], min: times[0], runs: times.length };
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const ratio = (value: number) => `${value.toFixed(1)}×`;

export async function run(args: string[]): Promise<void> {
  sharp.concurrency(1); // one core for decoding too, like the hashing and the quoted C++ figures
  const budgetArg = args.indexOf('--time-ms');
  const budgetMs = budgetArg >= 0 ? Number(args[budgetArg + 1]) : 2000;
  if (!(budgetMs > 0)) throw new Error('--time-ms expects a positive number of milliseconds');

  const pixelRows: Array<Record<string, string | number>> = [];
  const fileRows: Array<Record<string, string | number>> = [];
  for (const [width, height] of SIZES) {
    const size = `${width}x${height}`;
    const image = syntheticImage(width, height, width * height);
    const jpeg = await sharp(image.data, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();

    const exact = pdqHash(image);
    const naiveResult = naivePdq(image);
    const ours = await measure(() => pdqHash(image), budgetMs, 20);
    const naive = await measure(() => naivePdq(image), budgetMs, 3);
    const reference = REFERENCE_CPP_MS[size];
    pixelRows.push({
      size,
      'pdq mean ms': ms(ours.mean),
      'pdq p50 ms': ms(ours.p50),
      'pdq min ms': ms(ours.min),
      runs: ours.runs,
      'naive f64 mean ms': ms(naive.mean),
      'naive p50 ms': ms(naive.p50),
      'naive ÷ pdq': ratio(naive.mean / ours.mean),
      'naive bits off': hammingDistance(naiveResult.hash, exact.hash),
      'C++ ref ms': reference,
      'C++ ÷ pdq': ratio(reference / ours.mean),
    });

    const decodeOnly = await measure(() => sharp(jpeg).raw().toBuffer(), budgetMs, 10);
    const endToEnd = await measure(() => pdqHashFile(jpeg), budgetMs, 10);
    const naiveEndToEnd = await measure(
      async () => {
        const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
        return naivePdq({ data, width: info.width, height: info.height, channels: 3 });
      },
      budgetMs,
      3,
    );
    fileRows.push({
      size,
      'jpeg bytes': jpeg.length,
      'decode mean ms': ms(decodeOnly.mean),
      'decode+pdq mean ms': ms(endToEnd.mean),
      'decode+pdq p50 ms': ms(endToEnd.p50),
      runs: endToEnd.runs,
      'decode+naive mean ms': ms(naiveEndToEnd.mean),
      'decode+naive p50 ms': ms(naiveEndToEnd.p50),
      'naive ÷ pdq': ratio(naiveEndToEnd.mean / endToEnd.mean),
    });
  }
  console.log('\nHashing decoded RGB pixels (ms per image, one core):');
  printTable(pixelRows);
  console.log('\nEnd to end from JPEG bytes (sharp decode at full resolution on one thread + hash):');
  printTable(fileRows);
  console.log('\nC++ ref: quoted figures for the reference implementation, not measured in this run.');
}
