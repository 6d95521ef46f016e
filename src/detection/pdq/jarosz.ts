// The reference's downscaling (pdq/cpp/downscaling/downscaling.cpp): two rounds of a box filter
// along rows then along columns (a "Jarosz filter"), then decimation to 64×64 at pixel centres.
//
// The reference filters whole float buffers, one pass after another. This version streams the
// image in blocks of rows instead, which keeps the working set in cache and skips work whose
// result is never read; every sample still goes through the same float32 operations in the same
// order, so the output is bit-identical:
//   - a running sum along a row or a column sees its samples in the reference's order; only
//     independent sums are interleaved (4 or 8 rows at a time, or all columns of a row at once),
//     because one float32-rounded running sum is a chain of dependent operations and running
//     several side by side is what keeps the CPU busy;
//   - the last two passes are only finished for the 64 columns (and rows) that decimation reads.
//     (Every running sum still visits every sample: a float32 running sum depends on its whole
//     history, so the dependency cone of a sampled output is the whole row or column before it.)
// Float32 is emulated with Math.fround (and by storing into Float32Arrays); for one +, - or / of
// float32 operands, rounding first to double then to float32 equals rounding once
// (53 ≥ 2·24 + 2 bits), so this reproduces C++ `float` arithmetic exactly.
//
// Where the window is full, `sum / window` is computed as `sum * (1 / window)`, which rounds to
// the same float32: x/c (x float32, c < 2^27 an integer) is never a float32 rounding midpoint and
// lies at a relative distance of at least 2^-25/c from every midpoint, while the double product
// is within 2^-52 of x/c, so both round to the same side.
//
// Performance notes (V8 on x86-64, measured with bench/pdq.bench.ts and A/B runs): the hot
// loops cost a few cycles per sample, mostly bounds checks, index arithmetic and float
// conversions, so what helped is doing less of that per sample: luminance from 32-bit words
// (luminance.ts); the column pass unrolled by two, both loads before both stores (by four, or
// with loads and stores interleaved, was slower); pass 3 8 rows side by side and only
// advancing its sums between picked columns; buffers kept per image size (downsamplerFor).
// Rows are passed as Float32Array views, as fast as one array plus offsets and simpler.
// Tried and slower: 8 rows in pass 1 (4-7%), luminance computed inside pass 1 (about 23%),
// Float64Array intermediates with explicit fround (about 10%), `| 0` on indices (no change).

import { fillLuma, fillLumaRow, pixelWords } from './luminance.ts';
import type { PdqPixels } from './pixels.ts';

const PDQ_DOWNSAMPLED_SIZE = 64;

const fround = Math.fround;

/** Rows filtered side by side in pass 1; boxRows4 is written out for exactly 4. */
const LANES = 4;
/** Rows filtered side by side in pass 3; boxRows8Sampled is written out for exactly 8. */
const LANES_SAMPLED = 8;

/** Window of each 1-D pass: half of old/new, rounded up, so two passes span one output pixel. */
export function jaroszWindowSize(oldDimension: number, newDimension: number = PDQ_DOWNSAMPLED_SIZE): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/** Source index sampled for each of the 64 outputs: the input pixel under the output's centre. */
export function decimationIndices(inSize: number): Int32Array {
  const idx = new Int32Array(PDQ_DOWNSAMPLED_SIZE);
  for (let i = 0; i < PDQ_DOWNSAMPLED_SIZE; i++) idx[i] = Math.floor(((i + 0.5) * inSize) / PDQ_DOWNSAMPLED_SIZE);
  return idx;
}

/**
 * One box pass along 4 rows of `length` samples (inputs a0..a3, outputs o0..o3), as
 * box1DFloat: output i is the mean of in[i-(w-half) … i+(half-1)] with half = (w+2)/2,
 * dividing near the ends by the number of samples actually in the window.
 */
function boxRows4(
  a0: Float32Array,
  a1: Float32Array,
  a2: Float32Array,
  a3: Float32Array,
  o0: Float32Array,
  o1: Float32Array,
  o2: Float32Array,
  o3: Float32Array,
  length: number,
  window: number,
): void {
  const half = (window + 2) >> 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let count = 0;
  let ri = 0;
  let li = 0;
  let oi = 0;
  for (let n = half - 1; n > 0; n--, ri++) {
    s0 = fround(s0 + a0[ri]);
    s1 = fround(s1 + a1[ri]);
    s2 = fround(s2 + a2[ri]);
    s3 = fround(s3 + a3[ri]);
    count++;
  }
  for (let n = window - half + 1; n > 0; n--, ri++, oi++) {
    count++;
    s0 = fround(s0 + a0[ri]);
    s1 = fround(s1 + a1[ri]);
    s2 = fround(s2 + a2[ri]);
    s3 = fround(s3 + a3[ri]);
    o0[oi] = s0 / count;
    o1[oi] = s1 / count;
    o2[oi] = s2 / count;
    o3[oi] = s3 / count;
  }
  const inverse = 1 / window;
  for (let n = length - window; n > 0; n--, ri++, li++, oi++) {
    s0 = fround(fround(s0 + a0[ri]) - a0[li]);
    s1 = fround(fround(s1 + a1[ri]) - a1[li]);
    s2 = fround(fround(s2 + a2[ri]) - a2[li]);
    s3 = fround(fround(s3 + a3[ri]) - a3[li]);
    o0[oi] = s0 * inverse;
    o1[oi] = s1 * inverse;
    o2[oi] = s2 * inverse;
    o3[oi] = s3 * inverse;
  }
  for (let n = half - 1; n > 0; n--, li++, oi++) {
    count--;
    s0 = fround(s0 - a0[li]);
    s1 = fround(s1 - a1[li]);
    s2 = fround(s2 - a2[li]);
    s3 = fround(s3 - a3[li]);
    o0[oi] = s0 / count;
    o1[oi] = s1 / count;
    o2[oi] = s2 / count;
    o3[oi] = s3 / count;
  }
}

/** Sentinel for "no more picked positions": above every index. */
const NO_MORE = 0x7fffffff;

/**
 * The same pass as boxRows4, along 8 rows (inputs a0..a7), but only the outputs at the 64
 * ascending (possibly repeated) positions `at[k]` are written, to o_r[k]. The running sums
 * still visit every sample; between picked positions the loop only advances them.
 */
function boxRows8Sampled(
  a0: Float32Array,
  a1: Float32Array,
  a2: Float32Array,
  a3: Float32Array,
  a4: Float32Array,
  a5: Float32Array,
  a6: Float32Array,
  a7: Float32Array,
  o0: Float32Array,
  o1: Float32Array,
  o2: Float32Array,
  o3: Float32Array,
  o4: Float32Array,
  o5: Float32Array,
  o6: Float32Array,
  o7: Float32Array,
  length: number,
  window: number,
  at: Int32Array,
): void {
  const half = (window + 2) >> 1;
  const picks = at.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let count = 0;
  let ri = 0;
  let li = 0;
  let oi = 0;
  let k = 0;
  let next = at[0];
  for (; ri < half - 1; ri++) {
    s0 = fround(s0 + a0[ri]);
    s1 = fround(s1 + a1[ri]);
    s2 = fround(s2 + a2[ri]);
    s3 = fround(s3 + a3[ri]);
    s4 = fround(s4 + a4[ri]);
    s5 = fround(s5 + a5[ri]);
    s6 = fround(s6 + a6[ri]);
    s7 = fround(s7 + a7[ri]);
    count++;
  }
  for (; ri < window; ri++, oi++) {
    count++;
    s0 = fround(s0 + a0[ri]);
    s1 = fround(s1 + a1[ri]);
    s2 = fround(s2 + a2[ri]);
    s3 = fround(s3 + a3[ri]);
    s4 = fround(s4 + a4[ri]);
    s5 = fround(s5 + a5[ri]);
    s6 = fround(s6 + a6[ri]);
    s7 = fround(s7 + a7[ri]);
    for (; next === oi; next = ++k < picks ? at[k] : NO_MORE) {
      o0[k] = s0 / count;
      o1[k] = s1 / count;
      o2[k] = s2 / count;
      o3[k] = s3 / count;
      o4[k] = s4 / count;
      o5[k] = s5 / count;
      o6[k] = s6 / count;
      o7[k] = s7 / count;
    }
  }
  // Full windows: run the sums without looking at outputs up to the next picked position.
  const inverse = 1 / window;
  const end = length - half + 1;
  for (;;) {
    const stop = Math.min(next, end);
    for (; oi < stop; ri++, li++, oi++) {
      s0 = fround(fround(s0 + a0[ri]) - a0[li]);
      s1 = fround(fround(s1 + a1[ri]) - a1[li]);
      s2 = fround(fround(s2 + a2[ri]) - a2[li]);
      s3 = fround(fround(s3 + a3[ri]) - a3[li]);
      s4 = fround(fround(s4 + a4[ri]) - a4[li]);
      s5 = fround(fround(s5 + a5[ri]) - a5[li]);
      s6 = fround(fround(s6 + a6[ri]) - a6[li]);
      s7 = fround(fround(s7 + a7[ri]) - a7[li]);
    }
    if (oi === end) break;
    s0 = fround(fround(s0 + a0[ri]) - a0[li]);
    s1 = fround(fround(s1 + a1[ri]) - a1[li]);
    s2 = fround(fround(s2 + a2[ri]) - a2[li]);
    s3 = fround(fround(s3 + a3[ri]) - a3[li]);
    s4 = fround(fround(s4 + a4[ri]) - a4[li]);
    s5 = fround(fround(s5 + a5[ri]) - a5[li]);
    s6 = fround(fround(s6 + a6[ri]) - a6[li]);
    s7 = fround(fround(s7 + a7[ri]) - a7[li]);
    for (; next === oi; next = ++k < picks ? at[k] : NO_MORE) {
      o0[k] = s0 * inverse;
      o1[k] = s1 * inverse;
      o2[k] = s2 * inverse;
      o3[k] = s3 * inverse;
      o4[k] = s4 * inverse;
      o5[k] = s5 * inverse;
      o6[k] = s6 * inverse;
      o7[k] = s7 * inverse;
    }
    ri++;
    li++;
    oi++;
  }
  for (; next !== NO_MORE; li++, oi++) {
    count--;
    s0 = fround(s0 - a0[li]);
    s1 = fround(s1 - a1[li]);
    s2 = fround(s2 - a2[li]);
    s3 = fround(s3 - a3[li]);
    s4 = fround(s4 - a4[li]);
    s5 = fround(s5 - a5[li]);
    s6 = fround(s6 - a6[li]);
    s7 = fround(s7 - a7[li]);
    for (; next === oi; next = ++k < picks ? at[k] : NO_MORE) {
      o0[k] = s0 / count;
      o1[k] = s1 / count;
      o2[k] = s2 / count;
      o3[k] = s3 / count;
      o4[k] = s4 / count;
      o5[k] = s5 / count;
      o6[k] = s6 / count;
      o7[k] = s7 / count;
    }
  }
}

/**
 * A box pass along columns, fed one row at a time. The caller writes row t into row(t), a view
 * of a ring that keeps the last window + lanes rows (the pass subtracts the row leaving the
 * window, and rows arrive up to `lanes` at a time), plus `sink`, a spare row where padding
 * lanes can write. Output row o is ready once row o + half - 1 has been pushed, or, for the last
 * half - 1 rows, from flush().
 */
class ColumnBox {
  readonly width: number;
  readonly window: number;
  readonly half: number;
  readonly slots: number;
  readonly rows: Float32Array[];
  readonly sink: Float32Array;
  /** Running sums; float32 values kept in doubles, which saves conversions on every access. */
  readonly sums: Float64Array;
  pushed = 0;
  flushed = 0;

  constructor(width: number, window: number, lanes: number) {
    this.width = width;
    this.window = window;
    this.half = (window + 2) >> 1;
    this.slots = window + lanes;
    const ring = new Float32Array((this.slots + 1) * width);
    this.rows = [];
    for (let i = 0; i < this.slots; i++) this.rows.push(ring.subarray(i * width, (i + 1) * width));
    this.sink = ring.subarray(this.slots * width);
    this.sums = new Float64Array(width);
  }

  reset(): void {
    this.pushed = 0;
    this.flushed = 0;
    this.sums.fill(0);
  }

  row(t: number): Float32Array {
    return this.rows[t % this.slots];
  }

  /** Adds the next row (already in the ring); returns true if output row pushed - half was written to `out`. */
  push(out: Float32Array): boolean {
    const { width, window, sums } = this;
    const t = this.pushed++;
    const add = this.row(t);
    if (t >= window) {
      // The common case, written as one loop: full window, an output row every time.
      const sub = this.row(t - window);
      const inverse = 1 / window;
      let j = 0;
      for (; j + 1 < width; j += 2) {
        const s = fround(fround(sums[j] + add[j]) - sub[j]);
        const u = fround(fround(sums[j + 1] + add[j + 1]) - sub[j + 1]);
        sums[j] = s;
        sums[j + 1] = u;
        out[j] = s * inverse;
        out[j + 1] = u * inverse;
      }
      if (j < width) {
        const s = fround(fround(sums[j] + add[j]) - sub[j]);
        sums[j] = s;
        out[j] = s * inverse;
      }
      return true;
    }
    for (let j = 0; j < width; j++) sums[j] = fround(sums[j] + add[j]);
    if (t < this.half - 1) return false;
    const count = t + 1;
    for (let j = 0; j < width; j++) out[j] = sums[j] / count;
    return true;
  }

  /** Once all `length` rows are pushed: writes the next of the last half - 1 output rows, or returns false. */
  flush(length: number, out: Float32Array): boolean {
    const k = this.flushed;
    if (k >= this.half - 1) return false;
    this.flushed++;
    const { width, sums } = this;
    const sub = this.row(length - this.window + k);
    const count = this.window - 1 - k;
    for (let j = 0; j < width; j++) {
      const s = fround(sums[j] - sub[j]);
      sums[j] = s;
      out[j] = s / count;
    }
    return true;
  }
}

/**
 * Luminance of `pixels`, blurred by two Jarosz passes and decimated to 64×64 (row-major) in `out`.
 * With `skipIf64` a 64×64 input is copied without filtering, as pdqFloat256FromFloatLuma does
 * (the reference's dihedral entry point filters it anyway, with window 1).
 */
export function lumaDownsampledTo64(pixels: PdqPixels, out: Float32Array, skipIf64: boolean): void {
  const { data, width, height, channels } = pixels;
  const size = PDQ_DOWNSAMPLED_SIZE;
  if (skipIf64 && width === size && height === size) {
    for (let i = 0; i < size; i++) fillLumaRow(data, i * width * channels, size, channels, out, i * size);
    return;
  }
  const downsampler = downsamplerFor(width, height);
  downsampler.busy = true;
  try {
    downsampler.run(pixels, out);
  } finally {
    downsampler.busy = false;
    downsampler.out = downsampler.finalRow; // holds no reference to the caller's buffer
  }
}

/**
 * Downsamplers (their buffers) kept for the most recently used image sizes. Each run starts by
 * resetting all state it reads before writing (running sums and counters), so nothing carries
 * over from one image to the next; `busy` guards against reuse while a run is in progress.
 */
const recent: Downsampler[] = [];
const RECENT_SIZES = 4;

function downsamplerFor(width: number, height: number): Downsampler {
  for (let i = 0; i < recent.length; i++) {
    const d = recent[i];
    if (d.width === width && d.height === height && !d.busy) {
      if (i > 0) {
        recent.splice(i, 1);
        recent.unshift(d);
      }
      return d;
    }
  }
  const d = new Downsampler(width, height);
  recent.unshift(d);
  if (recent.length > RECENT_SIZES) recent.pop();
  return d;
}

/**
 * Buffers and state for downsampling images of one size. Pass 1 (rows) reads LANES rows of
 * luminance from `luma`; pass 2 (columns) takes its output through `firstCols`; pass 3 (rows,
 * only at picked columns) reads LANES_SAMPLED rows of pass 2 output from `afterFirstCols`; pass 4
 * (columns) takes the 64 picked values per row through `secondCols`, and picked rows of its
 * output go to `out`. (A class rather than closures: closures created per call are new call
 * targets every time, which made V8 throw away optimised code between images.)
 */
class Downsampler {
  readonly width: number;
  readonly height: number;
  readonly rowWindow: number;
  readonly pickRows: Int32Array;
  readonly pickCols: Int32Array;
  readonly luma: Float32Array;
  readonly lumaRows: Float32Array[];
  readonly firstCols: ColumnBox;
  readonly afterFirstCols: Float32Array[];
  readonly secondCols: ColumnBox;
  readonly finalRow = new Float32Array(PDQ_DOWNSAMPLED_SIZE);
  /** Output rows of pass 3 for the rows in flight (ring rows of secondCols, or its sink). */
  readonly sampledOut: Float32Array[] = [];
  busy = false;
  out: Float32Array = this.finalRow;
  /** Rows waiting in afterFirstCols. */
  pending = 0;
  /** Output rows written to `out`. */
  picked = 0;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.rowWindow = jaroszWindowSize(width);
    const colWindow = jaroszWindowSize(height);
    this.pickRows = decimationIndices(height);
    this.pickCols = decimationIndices(width);
    this.luma = new Float32Array(LANES * width);
    // lumaRows views the luma of one block as separate rows (fillLuma writes the block at once).
    this.lumaRows = [];
    this.afterFirstCols = [];
    for (let lane = 0; lane < LANES; lane++) this.lumaRows.push(this.luma.subarray(lane * width, (lane + 1) * width));
    for (let lane = 0; lane < LANES_SAMPLED; lane++) this.afterFirstCols.push(new Float32Array(width));
    this.firstCols = new ColumnBox(width, colWindow, LANES);
    this.secondCols = new ColumnBox(PDQ_DOWNSAMPLED_SIZE, colWindow, LANES_SAMPLED);
  }

  run(pixels: PdqPixels, out: Float32Array): void {
    const { data, channels } = pixels;
    const { width, height, luma, lumaRows, firstCols, afterFirstCols, secondCols } = this;
    this.out = out;
    this.pending = 0;
    this.picked = 0;
    firstCols.reset();
    secondCols.reset();
    const words = pixelWords(data);
    for (let t0 = 0; t0 < height; t0 += LANES) {
      const rows = Math.min(LANES, height - t0);
      fillLuma(data, words, t0 * width, rows * width, channels, luma);
      // A short last block repeats its last row, and writes the copies to the ring's spare row.
      const last = rows - 1;
      boxRows4(
        lumaRows[0],
        lumaRows[Math.min(1, last)],
        lumaRows[Math.min(2, last)],
        lumaRows[Math.min(3, last)],
        firstCols.row(t0),
        rows > 1 ? firstCols.row(t0 + 1) : firstCols.sink,
        rows > 2 ? firstCols.row(t0 + 2) : firstCols.sink,
        rows > 3 ? firstCols.row(t0 + 3) : firstCols.sink,
        width,
        this.rowWindow,
      );
      for (let lane = 0; lane < rows; lane++) {
        if (firstCols.push(afterFirstCols[this.pending])) this.collect();
      }
    }
    while (firstCols.flush(height, afterFirstCols[this.pending])) this.collect();
    if (this.pending > 0) this.secondRound();
    for (let row = height - secondCols.half + 1; secondCols.flush(height, this.finalRow); row++) this.emit(row);
  }

  collect(): void {
    if (++this.pending === LANES_SAMPLED) this.secondRound();
  }

  /** Passes 3 and 4 on the rows waiting in afterFirstCols (a short block padded as in run). */
  secondRound(): void {
    const { afterFirstCols, secondCols, pending } = this;
    const first = secondCols.pushed;
    const last = pending - 1;
    const a = afterFirstCols;
    const o = this.sampledOut;
    for (let lane = 0; lane < LANES_SAMPLED; lane++) o[lane] = lane < pending ? secondCols.row(first + lane) : secondCols.sink;
    boxRows8Sampled(
      a[0],
      a[Math.min(1, last)],
      a[Math.min(2, last)],
      a[Math.min(3, last)],
      a[Math.min(4, last)],
      a[Math.min(5, last)],
      a[Math.min(6, last)],
      a[Math.min(7, last)],
      o[0],
      o[1],
      o[2],
      o[3],
      o[4],
      o[5],
      o[6],
      o[7],
      this.width,
      this.rowWindow,
      this.pickCols,
    );
    for (let lane = 0; lane < pending; lane++) {
      if (secondCols.push(this.finalRow)) this.emit(secondCols.pushed - secondCols.half);
    }
    this.pending = 0;
  }

  /** Copies the last pass 4 output row to every output row whose sampled source row is `row`. */
  emit(row: number): void {
    const size = PDQ_DOWNSAMPLED_SIZE;
    for (; this.picked < size && this.pickRows[this.picked] === row; this.picked++) this.out.set(this.finalRow, this.picked * size);
  }
}
