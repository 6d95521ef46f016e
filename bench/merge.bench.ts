// PDQ index merges off the event loop (`npm run bench -- merge [sizes…]`, default 1M and 10M): an index
// of `size` hashes gets a delta just past the merge threshold (min(size/8, 131,072) + 1), then
//  - background: a query starts the merge in a worker thread (as the server's matcher does) and a query
//    runs every millisecond until the merge is installed: wall time of the merge, query latency
//    p50/p99/max and the event loop's longest delay while it ran;
//  - inline (the baseline: what every merge cost the calling thread before): the next delta of the
//    same size merged by `build()` in this thread.
import { Buffer } from 'node:buffer';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PdqIndex } from '../src/detection/match/pdq-index.ts';
import { workerMerger } from '../src/detection/match/pdq-merge.ts';
import { printTable } from './table.ts';

const CHUNK = 8192;

export async function run(args: string[]): Promise<void> {
  const sizes = args.length > 0 ? args.map(Number) : [1_000_000, 10_000_000];
  const rows: Array<Record<string, string | number>> = [];
  for (const size of sizes) rows.push(...(await measure(size)));
  printTable(rows);
  console.log(
    `load average after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
}

async function measure(size: number): Promise<Array<Record<string, string | number>>> {
  const next = xorshift(0x2545f491);
  const index = new PdqIndex({ merger: workerMerger });
  // Just past the threshold of a merge (PdqIndex: 1/8 of the index, at most 131,072).
  const delta = Math.min(Math.floor(size / 8), 131_072) + 1;
  index.reserve(size + 2 * delta + 1024);
  let id = 1;
  const addHashes = (n: number) => {
    for (let done = 0; done < n; done += CHUNK) {
      const k = Math.min(CHUNK, n - done);
      const ids = Array.from({ length: k }, () => id++);
      const hexes = Array.from({ length: k }, () => randomHex(next));
      index.addMany(ids, hexes);
    }
  };
  addHashes(size);
  index.build();
  addHashes(delta);
  const queries = Array.from({ length: 64 }, () => randomHex(next));
  for (const q of queries) index.query(q); // warm the JIT (and start the merge)
  if (!index.merging) throw new Error('the delta did not start a merge');

  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  const times: number[] = [];
  for (let i = 0; index.merging; i++) {
    const t = performance.now();
    index.query(queries[i % queries.length]);
    times.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const backgroundMs = performance.now() - started;
  loop.disable();
  if (index.mergeError) throw index.mergeError;

  addHashes(delta);
  const t = performance.now();
  index.build();
  const inlineMs = performance.now() - t;

  const hashes = size.toLocaleString('en');
  return [
    {
      hashes,
      merge: `background (worker), delta ${delta.toLocaleString('en')}`,
      'merge s': (backgroundMs / 1000).toFixed(2),
      queries: times.length,
      'query p50 / p99 / max ms': `${pct(times, 0.5).toFixed(2)} / ${pct(times, 0.99).toFixed(2)} / ${Math.max(...times).toFixed(2)}`,
      'event loop max delay ms': (loop.max / 1e6).toFixed(0),
    },
    {
      hashes,
      merge: `inline build() (baseline), delta ${delta.toLocaleString('en')}`,
      'merge s': (inlineMs / 1000).toFixed(2),
      queries: 0,
      'query p50 / p99 / max ms': '',
      'event loop max delay ms': `${inlineMs.toFixed(0)} (blocked)`,
    },
  ];
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const hexBuffer = Buffer.alloc(32);
function randomHex(next: () => number): string {
  for (let j = 0; j < 8; j++) hexBuffer.writeUInt32BE(next(), 4 * j);
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
