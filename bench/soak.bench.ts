// Sustained load (issue 10): `npm run bench -- soak [seconds]` (default 120 s). A real `vigil serve` process
// (SQLite in a temp dir, or a fresh PostgreSQL database when VIGIL_DATABASE_URL is set) first takes a 5-second
// burst of POST /api/v1/reports to measure its capacity, then reports at half of it for the whole run while a
// moderator lists the open queue, claims the top case and decides it through the API once a second.
// autocannon runs from a worker thread, in 10-second windows back to back, so each window has its own
// latency percentiles; after each window the server's RSS (/proc) and V8 heap in use (/metrics) are read.
// It prints a row per window and whether latency and memory stayed flat: the last third of the windows
// against the first third, within the tolerances below. With SOAK_HEAP_MB=<n> the server's old space is
// capped at n MB (heap growth without a cap may be V8 deferring collections, not a leak).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { hashPassword } from '../src/people/password.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../test/helpers/server-process.ts';
import { freshPostgres } from '../test/helpers/test-app.ts';
import { printTable } from './table.ts';

const ACCOUNTS = 500;
const CHANNELS = 200;
const WINDOW_S = 10;
const CONNECTIONS = 16;
/** Flat: the last third's median p99 within ×1.5 (+2 ms) of the first third's; mean RSS and heap within ×1.25. */
const LATENCY_TOLERANCE = 1.5;
const LATENCY_SLACK_MS = 2;
const MEMORY_TOLERANCE = 1.25;
const HUGE = '1000000000';

/** Accounts, channels and a moderator's token, made in this process before the server starts. */
async function setUp(dataDir: string, databaseUrl: string) {
  const config = loadConfig({}, { dataDir, databaseUrl, logLevel: 'silent', signupLimit: 1e9 });
  const ctx = await createContext(config, createLogger('silent'));
  const app = await buildApp(ctx);
  try {
    const tokens: string[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { displayName: `Reporter ${i}` } });
      tokens.push((r.json() as { token: string }).token);
    }
    const handles: string[] = [];
    for (let i = 0; i < CHANNELS; i++) {
      const handle = i === 0 ? 'soak_hot' : `soak_${i}`;
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: { authorization: `Bearer ${tokens[0]}` },
        payload: { handle, title: handle },
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      handles.push(handle);
    }
    // A quarter of the reports are about the hot channel.
    const plan = handles.flatMap((h, i) => (i === 0 ? [] : i % 3 === 0 ? ['soak_hot', h] : [h]));
    const user = await ctx.people.users.create(
      { email: 'soak-moderator@staff.test', role: 'moderator', passwordHash: await hashPassword(randomBytes(16).toString('hex')) },
      { actor: 'bench' },
    );
    const { token: moderator } = await ctx.people.tokens.mint({ userId: user.user.id, email: user.user.email, role: 'moderator' }, 'soak');
    return { tokens, handles: plan, moderator };
  } finally {
    await app.close();
    await ctx.close();
  }
}

async function reportLoad(server: ServerProcess, seconds: number, overallRate?: number) {
  const r = await autocannon({
    url: `${server.base}/api/v1/reports`,
    method: 'POST',
    duration: seconds,
    connections: CONNECTIONS,
    workers: 1,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ method: 'POST', setupRequest: path.join(import.meta.dirname, 'intake-request.cjs') }],
  } as autocannon.Options);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts };
}

/** The server's resident set (from /proc) and V8 heap in use (from its /metrics), in MB. */
async function memoryOf(server: ServerProcess) {
  const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  const metrics = await (await fetch(`${server.base}/metrics`)).text();
  const heap = Number(/^nodejs_heap_size_used_bytes\s+(\S+)/m.exec(metrics)?.[1] ?? Number.NaN);
  return { rssMb: rssKb / 1024, heapMb: heap / 1024 / 1024 };
}

/** Once a second: the open queue, then claim and decide its top case (no violation). Latencies in ms. */
function moderate(server: ServerProcess, token: string) {
  const latencies: number[] = [];
  let decided = 0;
  let failures = 0;
  let running = true;
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const start = performance.now();
    const r = await fetch(`${server.base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await r.json()) as Record<string, unknown>;
    latencies.push(performance.now() - start);
    if (r.status !== 200) failures++;
    return { status: r.status, json };
  };
  const loop = (async () => {
    while (running) {
      const next = performance.now() + 1000;
      const queue = await call('GET', '/api/v1/cases?state=open&limit=25');
      const top = (queue.json.cases as Array<{ id: string }> | undefined)?.[0];
      if (top && (await call('POST', `/api/v1/cases/${top.id}/claim`, {})).status === 200) {
        const d = await call('POST', `/api/v1/cases/${top.id}/decide`, {
          outcome: 'no_violation',
          actions: [],
          statement: 'Reviewed under load: no violation.',
        });
        if (d.status === 200) decided++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  })();
  return {
    /** The latencies since the last call. */
    take: () => latencies.splice(0),
    stats: () => ({ decided, failures }),
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? Number.NaN;
const median = (values: number[]) => percentile(values, 0.5);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export async function run(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 120);
  const windows = Math.max(3, Math.round(seconds / WINDOW_S));
  const pgBase = process.env.VIGIL_DATABASE_URL ?? '';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-bench-soak-'));
  const pgdb = pgBase ? await freshPostgres(pgBase) : undefined;
  let server: ServerProcess | undefined;
  try {
    const started = Date.now();
    const { tokens, handles, moderator } = await setUp(dataDir, pgdb?.url ?? '');
    const planFile = path.join(dataDir, 'plan.json');
    await writeFile(planFile, JSON.stringify({ tokens, handles }));
    process.env.VIGIL_BENCH_INTAKE_PLAN = planFile;
    server = await startServerProcess({
      VIGIL_DATA_DIR: dataDir,
      VIGIL_DATABASE_URL: pgdb?.url ?? '',
      VIGIL_ADMIN_EMAIL: '',
      VIGIL_REDIS_URL: '',
      VIGIL_ACCOUNT_REPORT_LIMIT: HUGE,
      VIGIL_KEY_REPORT_LIMIT: HUGE,
      VIGIL_SIGNUP_LIMIT: HUGE,
      // SOAK_HEAP_MB caps the server's old space: V8 then collects instead of growing, so a heap that
      // stays under the cap with latency flat is memory held steady, and a leak ends in an out-of-memory exit.
      ...(process.env.SOAK_HEAP_MB ? { NODE_OPTIONS: `--max-old-space-size=${Number(process.env.SOAK_HEAP_MB)}` } : {}),
    });
    console.log(
      `${pgdb ? 'PostgreSQL' : 'SQLite'}: ${ACCOUNTS} accounts and ${CHANNELS} channels set up, server started, in ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const burst = await reportLoad(server, 5);
    const rate = Math.max(1, Math.floor(burst.rps / 2));
    console.log(
      `capacity: ${Math.round(burst.rps)} reports/s over a 5 s burst (${CONNECTIONS} connections, p99 ${burst.p99} ms); soak at ${rate}/s for ${windows * WINDOW_S} s`,
    );

    const mod = moderate(server, moderator);
    const rows: Array<Record<string, string | number>> = [];
    const samples: Array<{ p99: number; modP50: number; rssMb: number; heapMb: number }> = [];
    let failed = 0;
    for (let w = 0; w < windows; w++) {
      const r = await reportLoad(server, WINDOW_S, rate);
      const modLatencies = mod.take();
      const mem = await memoryOf(server);
      failed += r.failed;
      const s = { p99: r.p99, modP50: median(modLatencies), rssMb: mem.rssMb, heapMb: mem.heapMb };
      samples.push(s);
      rows.push({
        'at s': (w + 1) * WINDOW_S,
        'reports/s': Math.round(r.rps),
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'moderator p50 ms': s.modP50.toFixed(1),
        'moderator max ms': Math.max(...modLatencies).toFixed(1),
        'RSS MB': mem.rssMb.toFixed(0),
        'heap used MB': mem.heapMb.toFixed(0),
      });
    }
    await mod.stop();
    printTable(rows);

    const third = Math.max(1, Math.floor(windows / 3));
    const first = samples.slice(0, third);
    const last = samples.slice(-third);
    const verdict = (name: string, a: number, b: number, ok: boolean, unit: string) =>
      `${name}: ${a.toFixed(1)} → ${b.toFixed(1)} ${unit} (${ok ? 'flat' : 'GREW'})`;
    const p99a = median(first.map((s) => s.p99));
    const p99b = median(last.map((s) => s.p99));
    const moda = median(first.map((s) => s.modP50));
    const modb = median(last.map((s) => s.modP50));
    const rssa = mean(first.map((s) => s.rssMb));
    const rssb = mean(last.map((s) => s.rssMb));
    const heapa = mean(first.map((s) => s.heapMb));
    const heapb = mean(last.map((s) => s.heapMb));
    const { decided, failures } = mod.stats();
    console.log(
      [
        `\nfirst third vs last third (${third} window${third === 1 ? '' : 's'} each); flat = latency within ×${LATENCY_TOLERANCE} + ${LATENCY_SLACK_MS} ms, memory within ×${MEMORY_TOLERANCE}:`,
        verdict('report p99 (median of windows)', p99a, p99b, p99b <= p99a * LATENCY_TOLERANCE + LATENCY_SLACK_MS, 'ms'),
        verdict('moderator p50 (median of windows)', moda, modb, modb <= moda * LATENCY_TOLERANCE + LATENCY_SLACK_MS, 'ms'),
        verdict('server RSS (mean)', rssa, rssb, rssb <= rssa * MEMORY_TOLERANCE, 'MB'),
        verdict('server heap used (mean)', heapa, heapb, heapb <= heapa * MEMORY_TOLERANCE, 'MB'),
        `${decided} cases decided by the moderator loop; ${failures} moderator requests and ${failed} reports failed; load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      ].join('\n'),
    );
  } finally {
    if (server) await stopServerProcess(server).catch(() => server?.child.kill('SIGKILL'));
    await pgdb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
