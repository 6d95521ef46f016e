// PDQ match index vs a linear scan, at 100k / 1M / 10M hashes (`node bench/run.ts match [sizes…]`).
// Seeded uniform random hashes, with 1,000 planted neighbours of 1,000 query hashes at distances
// 0–31; every query runs at d = 31. Recall is checked against the linear scan, which at the larger
// sizes runs on a subset of the queries only. `node --expose-gc` makes the memory columns precise.
import { Buffer } from 'node:buffer';
import { availableParallelism, loadavg } from 'node:os';
import { printTable } from './table.ts';
import { PdqIndex, type PdqMatch } from '../src/detection/match/pdq-index.ts';
import { popcount32 } from '../src/detection/match/pdq-bits.ts';

const DEFAULT_SIZES = [100_000, 1_000_000, 10_000_000];
const QUERIES = 1000;
const DISTANCE = 31;
// Small chunks let the hex strings die young: big ones get promoted and swell the old generation,
// whose pages V8 keeps (in RSS) long after collecting them.
const CHUNK = 8192;
const MiB = 1024 * 1024;

// Published figures of the reference C++ MIH (facebook/ThreatExchange pdq), for comparison.
const REFERENCE = new Map<number, { build: string; memory: string; mih: string; linear: string }>([
  [1_000_000, { build: '22', memory: '', mih: '1100', linear: '1300' }],
  [10_000_000, { build: '205', memory: '2 GB', mih: '20000', linear: '' }],
]);

export async function run(args: string[]): Promise<void> {
  const sizes = args.length > 0 ? args.map(Number) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < QUERIES)) throw new Error(`sizes must be integers ≥ ${QUERIES}`);
  if (typeof globalThis.gc !== 'function') console.log('(no --expose-gc: memory deltas include uncollected garbage)');
  const rows: Array<Record<string, string | number>> = [];
  let exact = true;
  for (const size of sizes) exact = measure(size, rows) && exact;
  printTable(rows);
  // Timings on a shared machine swing with its load; print it so a table can be judged.
  console.log(
    `load average after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  if (!exact) {
    console.error('RECALL BELOW 100% OR FALSE MATCHES: the index is not exact');
    process.exitCode = 1;
  }
}

function measure(size: number, rows: Array<Record<string, string | number>>): boolean {
  const data = new BenchData(size);
  collectGarbage();
  const before = process.memoryUsage();

  const index = new PdqIndex();
  index.reserve(size);
  let buildMs = 0;
  data.forEachChunk((ids, hexes) => {
    const t = performance.now();
    index.addMany(ids, hexes);
    buildMs += performance.now() - t;
  });
  const t = performance.now();
  index.build();
  buildMs += performance.now() - t;
  collectGarbage();
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;

  for (let i = 0; i < 200; i++) index.query(data.queryHex[i], DISTANCE); // warm the JIT
  const mihTimes: number[] = [];
  const mihResults: PdqMatch[][] = [];
  for (const q of data.queryHex) {
    const start = performance.now();
    mihResults.push(index.query(q, DISTANCE));
    mihTimes.push(performance.now() - start);
  }

  // The baseline gets its own copy of the hashes, allocated after the index's memory was measured.
  const words = data.allWords();
  const linearQueries = Math.max(20, Math.min(QUERIES, Math.round(2e8 / size)));
  const linearTimes: number[] = [];
  const linearResults: number[][] = [];
  linearScan(words, size, data.queryWords, 0, DISTANCE); // warm the JIT
  for (let k = 0; k < linearQueries; k++) {
    const start = performance.now();
    linearResults.push(linearScan(words, size, data.queryWords, k, DISTANCE));
    linearTimes.push(performance.now() - start);
  }

  const recall = compare(mihResults, linearResults);
  const planted = data.plantedFound(mihResults);
  const mihMean = mean(mihTimes);
  const linearMean = mean(linearTimes);
  const ref = REFERENCE.get(size);
  rows.push({
    hashes: size.toLocaleString('en'),
    method: 'MIH (this)',
    'build s': (buildMs / 1000).toFixed(2),
    'index MiB': (index.memoryBytes() / MiB).toFixed(0),
    'RSS Δ MiB': ((after.rss - before.rss) / MiB).toFixed(0),
    'heap Δ MiB': ((after.heapUsed - before.heapUsed) / MiB).toFixed(1),
    'peak RSS MiB': (peakRss / MiB).toFixed(0),
    queries: QUERIES,
    'mean µs': (mihMean * 1000).toFixed(0),
    'p50 µs': (percentile(mihTimes, 0.5) * 1000).toFixed(0),
    'p99 µs': (percentile(mihTimes, 0.99) * 1000).toFixed(0),
    recall: `${(recall.recall * 100).toFixed(2)}% (${recall.found}/${recall.expected}), planted ${planted}/${QUERIES}`,
    'false matches': recall.falseMatches,
    'vs linear': `${(linearMean / mihMean).toFixed(1)}× faster`,
  });
  rows.push({
    hashes: size.toLocaleString('en'),
    method: 'linear scan (this)',
    'index MiB': (words.byteLength / MiB).toFixed(0),
    queries: linearQueries,
    'mean µs': (linearMean * 1000).toFixed(0),
    'p50 µs': (percentile(linearTimes, 0.5) * 1000).toFixed(0),
    'p99 µs': (percentile(linearTimes, 0.99) * 1000).toFixed(0),
    'vs linear': '1×',
  });
  if (ref) {
    rows.push({ hashes: size.toLocaleString('en'), method: 'reference C++ MIH', 'build s': ref.build, 'peak RSS MiB': ref.memory, 'mean µs': ref.mih });
    if (ref.linear) rows.push({ hashes: size.toLocaleString('en'), method: 'reference C++ linear', 'mean µs': ref.linear });
  }
  return recall.found === recall.expected && recall.falseMatches === 0 && planted === QUERIES;
}

/**
 * The benchmark's hashes, regenerated from a seed on demand so the index can be measured without a
 * second copy of them in memory. Hash i gets id i + 1. Hash layout is the index's: word j holds hex
 * characters [56 − 8j, 64 − 8j).
 */
class BenchData {
  readonly size: number;
  readonly queryWords: Uint32Array;
  readonly queryHex: string[];
  // Planted neighbour k (of query k, at distance k mod 32) replaces hash plantedAt[k].
  readonly plantedAt: Int32Array;
  readonly plantedWords: Uint32Array;

  constructor(size: number) {
    this.size = size;
    const next = xorshift(0x9e3779b9);
    this.queryWords = Uint32Array.from({ length: QUERIES * 8 }, next);
    this.queryHex = Array.from({ length: QUERIES }, (_, k) => toHex(this.queryWords, k));
    this.plantedAt = Int32Array.from({ length: QUERIES }, (_, k) => Math.floor(((k + 0.5) * size) / QUERIES));
    this.plantedWords = this.queryWords.slice();
    for (let k = 0; k < QUERIES; k++) {
      const flipped = new Set<number>();
      while (flipped.size < k % 32) flipped.add(next() & 255);
      for (const bit of flipped) this.plantedWords[k * 8 + (bit >>> 5)] ^= 1 << (bit & 31);
    }
  }

  /** Calls `use` with consecutive chunks of ids and hex strings, fresh flat strings like a database row's. */
  forEachChunk(use: (ids: number[], hexes: string[]) => void): void {
    const words = new Uint32Array(CHUNK * 8);
    const stream = this.#stream();
    for (let first = 0; first < this.size; first += CHUNK) {
      const n = Math.min(CHUNK, this.size - first);
      stream(words, first, n);
      const ids = Array.from({ length: n }, (_, i) => first + i + 1);
      const hexes = Array.from({ length: n }, (_, i) => toHex(words, i));
      use(ids, hexes);
    }
  }

  allWords(): Uint32Array {
    const words = new Uint32Array(this.size * 8);
    this.#stream()(words, 0, this.size);
    return words;
  }

  plantedFound(results: PdqMatch[][]): number {
    let found = 0;
    for (let k = 0; k < QUERIES; k++) {
      if (results[k].some((m) => m.id === this.plantedAt[k] + 1 && m.distance === k % 32)) found++;
    }
    return found;
  }

  // Fills `out` with hashes first…first+n−1 of one seeded sequence (call in order from 0).
  #stream(): (out: Uint32Array, first: number, n: number) => void {
    const next = xorshift(0x2545f491);
    let planted = 0;
    return (out, first, n) => {
      for (let i = 0; i < n * 8; i++) out[i] = next();
      for (; planted < QUERIES && this.plantedAt[planted] < first + n; planted++) {
        out.set(this.plantedWords.subarray(planted * 8, planted * 8 + 8), (this.plantedAt[planted] - first) * 8);
      }
    };
  }
}

// A tight baseline: one pass over the hashes, half of each hash settling almost every non-match.
function linearScan(words: Uint32Array, count: number, queries: Uint32Array, k: number, d: number): number[] {
  const q = k * 8;
  const q0 = queries[q],
    q1 = queries[q + 1],
    q2 = queries[q + 2],
    q3 = queries[q + 3];
  const q4 = queries[q + 4],
    q5 = queries[q + 5],
    q6 = queries[q + 6],
    q7 = queries[q + 7];
  const ids: number[] = [];
  for (let s = 0, w = 0; s < count; s++, w += 8) {
    let distance = popcount32(words[w] ^ q0) + popcount32(words[w + 1] ^ q1) + popcount32(words[w + 2] ^ q2) + popcount32(words[w + 3] ^ q3);
    if (distance > d) continue;
    distance += popcount32(words[w + 4] ^ q4) + popcount32(words[w + 5] ^ q5) + popcount32(words[w + 6] ^ q6) + popcount32(words[w + 7] ^ q7);
    if (distance <= d) ids.push(s + 1);
  }
  return ids;
}

// Recall of the index over the queries the linear scan answered, and anything it found beyond them.
function compare(mih: PdqMatch[][], linear: number[][]): { recall: number; found: number; expected: number; falseMatches: number } {
  let found = 0;
  let expected = 0;
  let falseMatches = 0;
  linear.forEach((truth, k) => {
    const got = new Set(mih[k].map((m) => m.id));
    const want = new Set(truth);
    expected += want.size;
    for (const id of want) if (got.has(id)) found++;
    for (const id of got) if (!want.has(id)) falseMatches++;
  });
  return { recall: expected === 0 ? 1 : found / expected, found, expected, falseMatches };
}

const hexBuffer = Buffer.alloc(32);
function toHex(words: Uint32Array, i: number): string {
  for (let j = 0; j < 8; j++) hexBuffer.writeUInt32BE(words[i * 8 + 7 - j], 4 * j);
  return hexBuffer.toString('hex');
}

function xorshift(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
