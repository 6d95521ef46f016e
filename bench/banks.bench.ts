// Banks at scale (`npm run bench -- banks [hashes] [import]`, default 1,000,000 banked and 100,000
// imported live, 0 to skip the import; a third argument `fast-seed` seeds with straight SQL): a real `vigil serve` process on SQLite, started on an empty
// database and twice on one holding `hashes` PDQ entries, first without the matcher's snapshot (its
// child process builds it from every row) then with it (a restart). Prints the time from start to the
// first answer of /healthz, the server's RSS once ready, the first upload's scan (a 1024×768 JPEG published in a post: decode + PDQ + match),
// then a `vigil banks import` of `import` new hashes from another process while /healthz is probed every
// 20 ms and a report is filed every 100 ms: import throughput, /healthz p50/p99/max, failed requests.
// Baselines in the same run: the empty server, and the bare index build (PdqIndex, as bench/match).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { PdqIndex } from '../src/detection/match/pdq-index.ts';
import { printTable } from './table.ts';

const MAIN = path.resolve(import.meta.dirname, '../src/main.ts');
const MiB = 1024 * 1024;
const SEED_BATCH = 50_000;
// Above this many hashes the database is seeded with straight SQL (BanksService.addEntries would take
// most of an hour for 10M on a loaded machine) and the bare-build baseline is skipped.
const FAST_SEED_FROM = 2_000_000;

// Hash i (1-based) of a seeded stream: uniform random 256-bit hashes as hex.
function hashHex(i: number): string {
  let x = (i * 0x9e3779b1) | 0 || 1;
  let out = '';
  for (let k = 0; k < 8; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += (x >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

export async function run(args: string[]): Promise<void> {
  const size = Number(args[0] ?? 1_000_000);
  const importSize = Number(args[1] ?? 100_000);
  const rows: Array<Record<string, string | number>> = [];

  // Baseline: the bare index build of the same number of hashes, in this process (not above
  // FAST_SEED_FROM, where it would take minutes and its memory would stay in this process).
  if (size <= FAST_SEED_FROM) {
    const index = new PdqIndex();
    index.reserve(size);
    const t = performance.now();
    for (let i = 1; i <= size; i++) index.add(i, hashHex(i));
    index.build();
    rows.push({
      measure: `bare PdqIndex build, ${size.toLocaleString('en')} hashes (baseline)`,
      value: `${((performance.now() - t) / 1000).toFixed(2)} s`,
      note: `index ${(index.memoryBytes() / MiB).toFixed(0)} MiB`,
    });
  }

  const empty = await mkdtemp(path.join(tmpdir(), 'vigil-bench-banks-empty-'));
  const full = await mkdtemp(path.join(tmpdir(), 'vigil-bench-banks-full-'));
  try {
    const fast = size > FAST_SEED_FROM || args[2] === 'fast-seed';
    const seedMs = fast ? await fastSeed(full, size) : await seed(full, size);
    rows.push({
      measure: `seed ${size.toLocaleString('en')} hashes (one process, no server)`,
      value: `${(seedMs / 1000).toFixed(1)} s`,
      note: fast ? 'straight SQL inserts, 100,000 a transaction, one change-feed row' : '50,000-entry calls of BanksService.addEntries',
    });

    const image = await sharp({ create: { width: 1024, height: 768, channels: 3, background: '#808080' } })
      .composite([{ input: Buffer.from(svgPattern(1024, 768)), top: 0, left: 0 }])
      .jpeg({ quality: 85 })
      .toBuffer();

    // The full database starts twice: without a snapshot (the child process reads every row and writes
    // one), then again with it (a restart: the child finds nothing new and the server reads the file).
    const results: Record<string, Started> = {};
    for (const [name, dir] of [
      ['empty', empty],
      ['full', full],
      ['snapshot', full],
    ] as const) {
      const s = await startServer(dir);
      try {
        if (name !== 'full') {
          s.firstScanMs = await firstScan(s, image);
          s.rssAfterScan = rssOf(s.child);
        }
        if (name === 'snapshot' && importSize > 0) {
          const live = await liveImport(s, dir, importSize);
          rows.push(
            {
              measure: `live import of ${importSize.toLocaleString('en')} hashes (CLI, process start included)`,
              value: `${(live.ms / 1000).toFixed(1)} s`,
              note: `${Math.round(importSize / (live.ms / 1000)).toLocaleString('en')} hashes/s`,
            },
            {
              measure: '/healthz during the import: p50 / p99 / max',
              value: `${live.p50.toFixed(1)} / ${live.p99.toFixed(1)} / ${live.max.toFixed(1)} ms`,
              note: `${live.probes} probes, ${live.failures} failed`,
            },
            {
              measure: 'reports filed during the import',
              value: String(live.reports),
              note: `${live.reportFailures} failed; report p99 ${live.reportP99.toFixed(0)} ms`,
            },
            { measure: 'server RSS after the import', value: `${(rssOf(s.child) / MiB).toFixed(0)} MiB`, note: '' },
          );
        }
      } finally {
        await stop(s.child);
      }
      results[name] = s;
    }
    const { empty: e, full: f, snapshot: r } = results;
    const snapshotBytes = statSync(path.join(full, 'matcher.snapshot'), { throwIfNoEntry: false })?.size ?? 0;
    rows.splice(
      2,
      0,
      { measure: 'start → /healthz ready, empty banks', value: `${(e.readyMs / 1000).toFixed(2)} s`, note: 'process start, migrations, listen' },
      {
        measure: `start → /healthz ready, ${size.toLocaleString('en')} hashes, no snapshot`,
        value: `${(f.readyMs / 1000).toFixed(2)} s`,
        note: `+${((f.readyMs - e.readyMs) / 1000).toFixed(2)} s; a child process reads every row, writes the snapshot`,
      },
      {
        measure: `restart → /healthz ready, ${size.toLocaleString('en')} hashes, snapshot present`,
        value: `${(r.readyMs / 1000).toFixed(2)} s`,
        note: `+${((r.readyMs - e.readyMs) / 1000).toFixed(2)} s; snapshot ${(snapshotBytes / MiB).toFixed(0)} MiB`,
      },
      {
        measure: 'server RSS when ready, empty / no snapshot / snapshot',
        value: `${(e.rssReady / MiB).toFixed(0)} / ${(f.rssReady / MiB).toFixed(0)} / ${(r.rssReady / MiB).toFixed(0)} MiB`,
        note: `+${((f.rssReady - e.rssReady) / MiB).toFixed(0)} / +${((r.rssReady - e.rssReady) / MiB).toFixed(0)} MiB for the hashes`,
      },
      {
        measure: 'first upload scan after start (publish of a 1024×768 JPEG), empty / snapshot',
        value: `${e.firstScanMs.toFixed(0)} / ${r.firstScanMs.toFixed(0)} ms`,
        note: 'whole request; decode + PDQ + match',
      },
      {
        measure: 'server RSS after the first scan, empty / snapshot',
        value: `${(e.rssAfterScan / MiB).toFixed(0)} / ${(r.rssAfterScan / MiB).toFixed(0)} MiB`,
        note: '',
      },
    );
  } finally {
    await rm(empty, { recursive: true, force: true });
    await rm(full, { recursive: true, force: true });
  }
  printTable(rows);
  console.log(
    `SQLite; load average after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
}

async function seed(dataDir: string, size: number): Promise<number> {
  const ctx = await createContext(loadConfig({}, { dataDir, logLevel: 'silent' }), pino({ level: 'silent' }), { matcher: false });
  try {
    const t = performance.now();
    const bank = await ctx.banks.create({ name: 'bench-bank', category: 'terrorism' });
    for (let first = 1; first <= size; first += SEED_BATCH) {
      const entries = [];
      for (let i = first; i < Math.min(size + 1, first + SEED_BATCH); i++) entries.push({ signalType: 'pdq' as const, hash: hashHex(i), label: null });
      await ctx.banks.addEntries(bank.id, entries, 'import');
    }
    return performance.now() - t;
  } finally {
    await ctx.close();
  }
}

// The same rows as `seed` would write (one bank, active PDQ entries numbered 1…size, one 'added' change
// for them all), inserted with one prepared statement on node:sqlite.
async function fastSeed(dataDir: string, size: number): Promise<number> {
  const ctx = await createContext(loadConfig({}, { dataDir, logLevel: 'silent' }), pino({ level: 'silent' }), { matcher: false });
  const t = performance.now();
  const bank = await ctx.banks.create({ name: 'bench-bank', category: 'terrorism' });
  await ctx.close();
  const db = new DatabaseSync(path.join(dataDir, 'vigil.sqlite'));
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;');
    const at = new Date().toISOString();
    const insert = db.prepare(
      "INSERT INTO bank_entries (id, num, bank_id, signal_type, hash, status, origin, label, submission_id, created_at, updated_at) VALUES (?, ?, ?, 'pdq', ?, 'active', 'import', NULL, NULL, ?, ?)",
    );
    const first = Number((db.prepare("SELECT value FROM counters WHERE name = 'bank_entry'").get() as { value?: number } | undefined)?.value ?? 0) + 1;
    for (let from = 1; from <= size; from += 100_000) {
      db.exec('BEGIN');
      for (let i = from; i < Math.min(size + 1, from + 100_000); i++) {
        const num = first + i - 1;
        insert.run(`ent_bench${String(num).padStart(9, '0')}`, num, bank.id, hashHex(i), at, at);
      }
      db.exec('COMMIT');
    }
    db.exec('BEGIN');
    db.prepare("INSERT INTO counters (name, value) VALUES ('bank_entry', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(first + size - 1);
    db.prepare("INSERT INTO counters (name, value) VALUES ('bank_change', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1").run();
    const seq = (db.prepare("SELECT value FROM counters WHERE name = 'bank_change'").get() as { value: number }).value;
    db.prepare("INSERT INTO bank_changes (seq, kind, bank_id, first_num, last_num, created_at) VALUES (?, 'added', ?, ?, ?, ?)").run(
      seq,
      bank.id,
      first,
      first + size - 1,
      at,
    );
    db.exec('COMMIT');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return performance.now() - t;
}

interface Started {
  child: ChildProcess;
  base: string;
  readyMs: number;
  rssReady: number;
  firstScanMs: number;
  rssAfterScan: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function env(dataDir: string, port = 0): NodeJS.ProcessEnv {
  return {
    ...process.env,
    VIGIL_DATA_DIR: dataDir,
    VIGIL_DATABASE_URL: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    VIGIL_ADMIN_EMAIL: '',
    VIGIL_ACCOUNT_REPORT_LIMIT: '1000000',
  };
}

async function startServer(dataDir: string): Promise<Started> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = performance.now();
  const child = spawn(process.execPath, [MAIN, 'serve'], { env: env(dataDir, port), stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t;
  return { child, base, readyMs, rssReady: rssOf(child), firstScanMs: 0, rssAfterScan: 0 };
}

// The bench runs on Linux: the resident set of the server process, from /proc.
function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function json(base: string, method: string, url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(`${base}${url}`, { method, headers, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json().catch(() => ({}))) as Record<string, unknown> };
}

async function firstScan(s: Started, image: Buffer): Promise<number> {
  const owner = await json(s.base, 'POST', '/api/v1/accounts', { displayName: 'Bench' });
  const token = String(owner.body.token);
  await json(s.base, 'POST', '/api/v1/channels', { handle: 'bench_uploads', title: 'Bench' }, token);
  const media = await fetch(`${s.base}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(image),
  });
  const mediaId = String(((await media.json()) as { id: string }).id);
  const t = performance.now();
  const post = await json(s.base, 'POST', '/api/v1/channels/bench_uploads/posts', { text: 'first', media: [mediaId] }, token);
  const ms = performance.now() - t;
  if (post.status >= 300) throw new Error(`publishing failed: ${post.status} ${JSON.stringify(post.body)}`);
  return ms;
}

async function liveImport(s: Started, dataDir: string, count: number) {
  const file = path.join(dataDir, 'live-import.txt');
  await writeFile(file, Array.from({ length: count }, (_, i) => hashHex(10_000_000 + i)).join('\n'));
  const owner = await json(s.base, 'POST', '/api/v1/accounts', { displayName: 'Reporter' });
  const token = String(owner.body.token);
  let running = true;
  const health: number[] = [];
  const reportTimes: number[] = [];
  let failures = 0;
  let reportFailures = 0;
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      const r = await fetch(`${s.base}/healthz`).catch(() => null);
      await r?.arrayBuffer();
      health.push(performance.now() - t);
      if (r?.status !== 200) failures++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const reporting = (async () => {
    while (running) {
      const t = performance.now();
      const r = await json(s.base, 'POST', '/api/v1/reports', { subject: '/c/bench_uploads', category: 'personal_details' }, token).catch(() => ({
        status: 0,
      }));
      reportTimes.push(performance.now() - t);
      if (r.status === 0 || r.status >= 300) {
        reportFailures++;
        if (reportFailures <= 3) console.error(`report failed: ${r.status} ${JSON.stringify((r as { body?: unknown }).body)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const t = performance.now();
  const code = await new Promise<number>((resolve) =>
    execFile(process.execPath, [MAIN, 'banks', 'import', 'bench-bank', file], { env: env(dataDir), maxBuffer: 64 * MiB }, (err) => resolve(err ? 1 : 0)),
  );
  const ms = performance.now() - t;
  running = false;
  await Promise.all([probe, reporting]);
  if (code !== 0) throw new Error('the import failed');
  const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))] ?? 0;
  return {
    ms,
    probes: health.length,
    failures,
    p50: pct(health, 0.5),
    p99: pct(health, 0.99),
    max: Math.max(...health),
    reports: reportTimes.length,
    reportFailures,
    reportP99: pct(reportTimes, 0.99),
  };
}

function svgPattern(width: number, height: number): string {
  const shapes = Array.from({ length: 40 }, (_, k) => {
    const r = (j: number) => ((k * 9301 + j * 49297) % 233280) / 233280;
    return `<circle cx="${Math.round(r(1) * width)}" cy="${Math.round(r(2) * height)}" r="${20 + Math.round(r(3) * 120)}" fill="hsl(${Math.round(r(4) * 360)},70%,${30 + Math.round(r(5) * 40)}%)"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes}</svg>`;
}
