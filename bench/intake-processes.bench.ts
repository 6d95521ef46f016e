// Report intake with several API processes on one PostgreSQL database (issue 10):
// `VIGIL_DATABASE_URL=postgres://… npm run bench -- intake-processes [seconds] [connections]` (defaults 5 s, 16).
//
// A realistic mix: 80% of reports about 10 hot channels (their cases grow all run long), 20% spread over
// 1,000 others (some of them new subjects, whose first report opens a case), from 2,000 accounts. Four real
// `vigil serve --role api` processes share a fresh database, a data directory and a secret; a run loads 1,
// 2 or 4 of them at once, each from its own autocannon worker thread with an equal share of the
// connections (no load balancer in between: each autocannon is one balancer's share). Runs alternate,
// three rounds, medians; the table shows total req/s, the worst p50/p99 of the processes, and the ratio
// to one process. On a machine with fewer cores than processes the ratio says more about the cores than
// about Vigil: the bench prints how many it had.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { freshPostgres } from '../test/helpers/test-app.ts';
import { printTable } from './table.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const ACCOUNTS = 2000;
const HOT = 10;
const OTHERS = 1000;
const PROCESSES = [1, 2, 4];
const ROUNDS = 3;
const HUGE = '1000000000';

async function serve(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--role', 'api'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vigil serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) throw new Error('vigil serve did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
}

async function load(ports: number[], seconds: number, connections: number): Promise<Run> {
  const per = Math.max(1, Math.round(connections / ports.length));
  const results = await Promise.all(
    ports.map((port) =>
      autocannon({
        url: `http://127.0.0.1:${port}/api/v1/reports`,
        method: 'POST',
        duration: seconds,
        connections: per,
        workers: 1,
        requests: [{ method: 'POST', setupRequest: path.join(import.meta.dirname, 'intake-mix-request.cjs') }],
      } as autocannon.Options),
    ),
  );
  for (const r of results) if (r['2xx'] === 0 || r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx answers and ${r.errors} errors`);
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

export async function run(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 5);
  const connections = Number(args[1] ?? 16);
  const base = process.env.VIGIL_DATABASE_URL;
  if (!base) {
    console.log('intake-processes needs PostgreSQL: set VIGIL_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
    return;
  }
  const database = await freshPostgres(base);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-bench-processes-'));
  const secret = randomBytes(32).toString('base64url');
  const children: ChildProcess[] = [];
  try {
    // Accounts and channels through the API of an in-process app on the same database, then closed.
    const config = loadConfig({}, { dataDir, databaseUrl: database.url, secret, logLevel: 'silent', signupLimit: Number(HUGE) });
    const ctx = await createContext(config, createLogger('silent'), { matcher: false });
    const app = await buildApp(ctx);
    const tokens: string[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { displayName: `Reporter ${i}` } });
      tokens.push((r.json() as { token: string }).token);
    }
    const hot: string[] = [];
    const others: string[] = [];
    for (let i = 0; i < HOT + OTHERS; i++) {
      const handle = i < HOT ? `hot_${i}` : `other_${i}`;
      (i < HOT ? hot : others).push(handle);
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: { authorization: `Bearer ${tokens[0]}` },
        payload: { handle, title: handle },
      });
      if (r.statusCode !== 201) throw new Error(r.body);
    }
    await app.close();
    await ctx.close();
    const plan = path.join(dataDir, 'plan.json');
    await writeFile(plan, JSON.stringify({ tokens, hot, others }));
    process.env.VIGIL_BENCH_INTAKE_PLAN = plan;

    const env = {
      VIGIL_DATABASE_URL: database.url,
      VIGIL_DATA_DIR: dataDir,
      VIGIL_SECRET: secret,
      VIGIL_ACCOUNT_REPORT_LIMIT: HUGE,
      VIGIL_KEY_REPORT_LIMIT: HUGE,
      VIGIL_ANON_REPORT_LIMIT: HUGE,
      VIGIL_SIGNUP_LIMIT: HUGE,
    };
    const ports = [18_461, 18_462, 18_463, 18_464];
    for (const port of ports) children.push(await serve(env, port));
    console.log(
      `PostgreSQL: ${ACCOUNTS} accounts, ${HOT} hot and ${OTHERS} other channels; ${ports.length} API processes on ${os.availableParallelism()} cores`,
    );

    const runs = new Map<number, Run[]>();
    for (let round = 0; round < ROUNDS; round++)
      for (const n of PROCESSES) runs.set(n, [...(runs.get(n) ?? []), await load(ports.slice(0, n), seconds, connections)]);
    const median = (n: number) => {
      const rs = [...(runs.get(n) ?? [])].sort((a, b) => a.rps - b.rps);
      return rs[Math.floor(rs.length / 2)] as Run;
    };
    const one = median(1);
    printTable(
      PROCESSES.map((n) => {
        const r = median(n);
        return {
          'API processes': n,
          'req/s': Math.round(r.rps),
          'p50 ms (worst process)': r.p50,
          'p99 ms (worst process)': r.p99,
          'vs one process': n === 1 ? 'baseline' : `${(r.rps / one.rps).toFixed(2)}×`,
        };
      }),
    );
    console.log(
      `\n${connections} connections in all, ${seconds} s per run, median of ${ROUNDS} alternating rounds; 80% of reports about ${HOT} hot channels, 20% over ${OTHERS} others. ` +
        `${os.availableParallelism()} cores shared by the processes, PostgreSQL and the load generators` +
        (os.availableParallelism() < 4 ? ': fewer than 4, so the goal (4 processes ≥ 2.5× one) cannot be judged on this machine.' : '.'),
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
