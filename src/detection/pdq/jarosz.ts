// The reference's downscaling (pdq/cpp/downscaling/downscaling.cpp): two rounds of a box filter
// along rows then along columns (a "Jarosz filter"), then decimation to 64×64 at pixel centres.
//
// The reference filters whole float buffers, one pass after another. This version streams the
// image in blocks of rows instead, which keeps the working set in cache and skips work whose
// result is never read; every sample still goes through the same float32 operations in the same
// order, so the output is bit-identical:
//   - a running sum along a row or a column sees its samples in the reference's order; only
//     independent sums are interleaved (4 rows at a time, or all columns of a row at once),
//     because one float32-rounded running sum is a chain of dependent operations and running
//     several side by side is what keeps the CPU busy;
//   - the last two passes are only finished for the 64 columns (and rows) that decimation reads.
// Float32 is emulated with Math.fround (and by storing into Float32Arrays); for one +, - or / of
// float32 operands, rounding first to double then to float32 equals rounding once
// (53 ≥ 2·24 + 2 bits), so this reproduces C++ `float` arithmetic exactly.
//
// Where the window is full, `sum / window` is computed as `sum * (1 / window)`, which rounds to
// the same float32: x/c (x float32, c < 2^27 an integer) is never a float32 rounding midpoint and
// lies at a relative distance of at least 2^-25/c from every midpoint, while the double product
// is within 2^-52 of x/c, so both round to the same side.

import { fillLumaRow } from './luminance.ts';
import type { PdqPixels } from './pixels.ts';

const PDQ_DOWNSAMPLED_SIZE = 64;

const fround = Math.fround;

/** Rows filtered side by side; the row-pass functions below are written out for exactly 4. */
const LANES = 4;

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
 * One box pass along 4 rows of `length` samples (input rows at in0..in3, output rows at
 * out0..out3), as box1DFloat: output i is the mean of in[i-(w-half) … i+(half-1)] with
 * half = (w+2)/2, dividing near the ends by the number of samples actually in the window.
 */
function boxRows4(
  input: Float32Array,
  in0: number,
  in1: number,
  in2: number,
  in3: number,
  out: Float32Array,
  out0: number,
  out1: number,
  out2: number,
  out3: number,
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
    s0 = fround(s0 + input[in0 + ri]);
    s1 = fround(s1 + input[in1 + ri]);
    s2 = fround(s2 + input[in2 + ri]);
    s3 = fround(s3 + input[in3 + ri]);
    count++;
  }
  for (let n = window - half + 1; n > 0; n--, ri++, oi++) {
    count++;
    s0 = fround(s0 + input[in0 + ri]);
    s1 = fround(s1 + input[in1 + ri]);
    s2 = fround(s2 + input[in2 + ri]);
    s3 = fround(s3 + input[in3 + ri]);
    out[out0 + oi] = s0 / count;
    out[out1 + oi] = s1 / count;
    out[out2 + oi] = s2 / count;
    out[out3 + oi] = s3 / count;
  }
  const inverse = 1 / window;
  for (let n = length - window; n > 0; n--, ri++, li++, oi++) {
    s0 = fround(fround(s0 + input[in0 + ri]) - input[in0 + li]);
    s1 = fround(fround(s1 + input[in1 + ri]) - input[in1 + li]);
    s2 = fround(fround(s2 + input[in2 + ri]) - input[in2 + li]);
    s3 = fround(fround(s3 + input[in3 + ri]) - input[in3 + li]);
    out[out0 + oi] = s0 * inverse;
    out[out1 + oi] = s1 * inverse;
    out[out2 + oi] = s2 * inverse;
    out[out3 + oi] = s3 * inverse;
  }
  for (let n = half - 1; n > 0; n--, li++, oi++) {
    count--;
    s0 = fround(s0 - input[in0 + li]);
    s1 = fround(s1 - input[in1 + li]);
    s2 = fround(s2 - input[in2 + li]);
    s3 = fround(s3 - input[in3 + li]);
    out[out0 + oi] = s0 / count;
    out[out1 + oi] = s1 / count;
    out[out2 + oi] = s2 / count;
    out[out3 + oi] = s3 / count;
  }
}

/**
 * The same pass as boxRows4, but only the outputs at the ascending (possibly repeated)
 * positions `at[k]` are written, to out_r + k. The running sums still visit every sample.
 */
function boxRows4Sampled(
  input: Float32Array,
  in0: number,
  in1: number,
  in2: number,
  in3: number,
  out: Float32Array,
  out0: number,
  out1: number,
  out2: number,
  out3: number,
  length: number,
  window: number,
  at: Int32Array,
): void {
  const half = (window + 2) >> 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let count = 0;
  let ri = 0;
  let li = 0;
  let o = 0;
  let k = 0;
  let next = at[0];
  for (let n = half - 1; n > 0; n--, ri++) {
    s0 = fround(s0 + input[in0 + ri]);
    s1 = fround(s1 + input[in1 + ri]);
    s2 = fround(s2 + input[in2 + ri]);
    s3 = fround(s3 + input[in3 + ri]);
    count++;
  }
  for (let n = window - half + 1; n > 0; n--, ri++, o++) {
    count++;
    s0 = fround(s0 + input[in0 + ri]);
    s1 = fround(s1 + input[in1 + ri]);
    s2 = fround(s2 + input[in2 + ri]);
    s3 = fround(s3 + input[in3 + ri]);
    for (; next === o; next = ++k < at.length ? at[k] : -1) {
      out[out0 + k] = s0 / count;
      out[out1 + k] = s1 / count;
      out[out2 + k] = s2 / count;
      out[out3 + k] = s3 / count;
    }
  }
  const inverse = 1 / window;
  for (let n = length - window; n > 0; n--, ri++, li++, o++) {
    s0 = fround(fround(s0 + input[in0 + ri]) - input[in0 + li]);
    s1 = fround(fround(s1 + input[in1 + ri]) - input[in1 + li]);
    s2 = fround(fround(s2 + input[in2 + ri]) - input[in2 + li]);
    s3 = fround(fround(s3 + input[in3 + ri]) - input[in3 + li]);
    for (; next === o; next = ++k < at.length ? at[k] : -1) {
      out[out0 + k] = s0 * inverse;
      out[out1 + k] = s1 * inverse;
      out[out2 + k] = s2 * inverse;
      out[out3 + k] = s3 * inverse;
    }
  }
  for (let n = half - 1; n > 0; n--, li++, o++) {
    count--;
    s0 = fround(s0 - input[in0 + li]);
    s1 = fround(s1 - input[in1 + li]);
    s2 = fround(s2 - input[in2 + li]);
    s3 = fround(s3 - input[in3 + li]);
    for (; next === o; next = ++k < at.length ? at[k] : -1) {
      out[out0 + k] = s0 / count;
      out[out1 + k] = s1 / count;
      out[out2 + k] = s2 / count;
      out[out3 + k] = s3 / count;
    }
  }
}

/**
 * A box pass along columns, fed one row at a time. The caller writes row t at rowOffset(t) of
 * `ring`, which keeps the last window + LANES rows (the pass subtracts the row leaving the
 * window, and rows arrive LANES at a time) plus one spare row, `sinkOffset`, where padding
 * lanes can write. Output row o is ready once row o + half - 1 has been pushed, or, for the
 * last half - 1 rows, from flush().
 */
class ColumnBox {
  readonly width: number;
  readonly window: number;
  readonly half: number;
  readonly slots: number;
  readonly sinkOffset: number;
  readonly ring: Float32Array;
  /** Running sums; float32 values kept in doubles, which saves conversions on every access. */
  readonly sums: Float64Array;
  pushed = 0;
  flushed = 0;

  constructor(width: number, window: number) {
    this.width = width;
    this.window = window;
    this.half = (window + 2) >> 1;
    this.slots = window + LANES;
    this.sinkOffset = this.slots * width;
    this.ring = new Float32Array((this.slots + 1) * width);
    this.sums = new Float64Array(width);
  }

  rowOffset(t: number): number {
    return (t % this.slots) * this.width;
  }

  /** Adds the next row (already in the ring); returns true if output row pushed - half was written at out[outOff…]. */
  push(out: Float32Array, outOff: number): boolean {
    const { width, window, ring, sums } = this;
    const t = this.pushed++;
    const add = this.rowOffset(t);
    if (t >= window) {
      // The common case, written as one loop: full window, an output row every time.
      const sub = this.rowOffset(t - window);
      const inverse = 1 / window;
      for (let j = 0; j < width; j++) {
        const s = fround(fround(sums[j] + ring[add + j]) - ring[sub + j]);
        sums[j] = s;
        out[outOff + j] = s * inverse;
      }
      return true;
    }
    for (let j = 0; j < width; j++) sums[j] = fround(sums[j] + ring[add + j]);
    if (t < this.half - 1) return false;
    const count = t + 1;
    for (let j = 0; j < width; j++) out[outOff + j] = sums[j] / count;
    return true;
  }

  /** Once all `length` rows are pushed: writes the next of the last half - 1 output rows, or returns false. */
  flush(length: number, out: Float32Array, outOff: number): boolean {
    const k = this.flushed;
    if (k >= this.half - 1) return false;
    this.flushed++;
    const { width, ring, sums } = this;
    const sub = this.rowOffset(length - this.window + k);
    const count = this.window - 1 - k;
    for (let j = 0; j < width; j++) {
      const s = fround(sums[j] - ring[sub + j]);
      sums[j] = s;
      out[outOff + j] = s / count;
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
  new Downsampler(pixels, out).run();
}

/**
 * State of one downsampling. Pass 1 (rows) reads LANES rows of luminance from `luma`; pass 2
 * (columns) takes its output through `firstCols`; pass 3 (rows, only at picked columns) reads
 * LANES rows of pass 2 output from `afterFirstCols`; pass 4 (columns) takes the 64 picked values
 * per row through `secondCols`, and picked rows of its output go to `out`. (A class rather than
 * closures: closures created per call are new call targets every time, which made V8 throw
 * away optimised code between images.)
 */
class Downsampler {
  readonly pixels: PdqPixels;
  readonly out: Float32Array;
  readonly rowWindow: number;
  readonly pickRows: Int32Array;
  readonly pickCols: Int32Array;
  readonly luma: Float32Array;
  readonly firstCols: ColumnBox;
  readonly afterFirstCols: Float32Array;
  readonly secondCols: ColumnBox;
  readonly finalRow = new Float32Array(PDQ_DOWNSAMPLED_SIZE);
  /** Rows waiting in afterFirstCols. */
  pending = 0;
  /** Output rows written to `out`. */
  picked = 0;

  constructor(pixels: PdqPixels, out: Float32Array) {
    const { width, height } = pixels;
    this.pixels = pixels;
    this.out = out;
    this.rowWindow = jaroszWindowSize(width);
    const colWindow = jaroszWindowSize(height);
    this.pickRows = decimationIndices(height);
    this.pickCols = decimationIndices(width);
    this.luma = new Float32Array(LANES * width);
    this.firstCols = new ColumnBox(width, colWindow);
    this.afterFirstCols = new Float32Array(LANES * width);
    this.secondCols = new ColumnBox(PDQ_DOWNSAMPLED_SIZE, colWindow);
  }

  run(): void {
    const { data, width, height, channels } = this.pixels;
    const { luma, firstCols, afterFirstCols, secondCols } = this;
    const rowStride = width * channels;
    for (let t0 = 0; t0 < height; t0 += LANES) {
      const rows = Math.min(LANES, height - t0);
      for (let lane = 0; lane < rows; lane++) fillLumaRow(data, (t0 + lane) * rowStride, width, channels, luma, lane * width);
      // A short last block repeats row 0 of the block into the ring's spare row.
      const last = rows - 1;
      boxRows4(
        luma, 0, Math.min(1, last) * width, Math.min(2, last) * width, Math.min(3, last) * width,
        firstCols.ring,
        firstCols.rowOffset(t0),
        rows > 1 ? firstCols.rowOffset(t0 + 1) : firstCols.sinkOffset,
        rows > 2 ? firstCols.rowOffset(t0 + 2) : firstCols.sinkOffset,
        rows > 3 ? firstCols.rowOffset(t0 + 3) : firstCols.sinkOffset,
        width, this.rowWindow,
      );
      for (let lane = 0; lane < rows; lane++) {
        if (firstCols.push(afterFirstCols, this.pending * width)) this.collect();
      }
    }
    while (firstCols.flush(height, afterFirstCols, this.pending * width)) this.collect();
    if (this.pending > 0) this.secondRound();
    for (let row = height - secondCols.half + 1; secondCols.flush(height, this.finalRow, 0); row++) this.emit(row);
  }

  collect(): void {
    if (++this.pending === LANES) this.secondRound();
  }

  /** Passes 3 and 4 on the rows waiting in afterFirstCols (a short block padded as in run). */
  secondRound(): void {
    const { afterFirstCols, secondCols, pending } = this;
    const width = this.pixels.width;
    const first = secondCols.pushed;
    const last = pending - 1;
    boxRows4Sampled(
      afterFirstCols, 0, Math.min(1, last) * width, Math.min(2, last) * width, Math.min(3, last) * width,
      secondCols.ring,
      secondCols.rowOffset(first),
      pending > 1 ? secondCols.rowOffset(first + 1) : secondCols.sinkOffset,
      pending > 2 ? secondCols.rowOffset(first + 2) : secondCols.sinkOffset,
      pending > 3 ? secondCols.rowOffset(first + 3) : secondCols.sinkOffset,
      width, this.rowWindow, this.pickCols,
    );
    for (let lane = 0; lane < pending; lane++) {
      if (secondCols.push(this.finalRow, 0)) this.emit(secondCols.pushed - secondCols.half);
    }
    this.pending = 0;
  }

  /** Copies the last pass 4 output row to every output row whose sampled source row is `row`. */
  emit(row: number): void {
    const size = PDQ_DOWNSAMPLED_SIZE;
    for (; this.picked < size && this.pickRows[this.picked] === row; this.picked++) this.out.set(this.finalRow, this.picked * size);
  }
}
