// Report intake under load (issue 9): `npm run bench -- intake [seconds] [connections]` (defaults 5 s, 16).
// autocannon, from a worker thread, against
//   - a bare Fastify route doing one durable INSERT into the same kind of database (the baseline);
//   - POST /api/v1/reports with account tokens (rotating over 2,000 accounts) about one hot channel whose
//     case is new at the start of each run, the same about a channel whose case already holds 100,000
//     reports, and rotating over 1,000 channels.
// On SQLite (a WAL file in a temp dir), and on PostgreSQL too when VIGIL_DATABASE_URL is set (fresh
// databases, dropped afterwards). Runs alternate between targets, three rounds; the table shows medians,
// and the statements each report ran (BEGIN and COMMIT included; from the SQLite adapter's counter, and
// from the queries pg's clients were sent).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createContext, type AppContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { sqliteStatementsRun } from '../src/db/sqlite-adapter.ts';
import { recountCase } from '../src/cases/case-aggregate.ts';
import type { ReportsTable } from '../src/db/schema-moderation.ts';
import { freshPostgres } from '../test/helpers/test-app.ts';
import { accountsAndChannels, bareInsert, loadIntake } from './intake-load.ts';
import { printTable } from './table.ts';

const ACCOUNTS = 2000;
const CHANNELS = 1000;
const BIG_CASE = 100_000;
const ROUNDS = 3;

let pgQueries = 0;
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  pgQueries++;
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

interface Result {
  rps: number;
  p50: number;
  p99: number;
  statements: number;
}

async function load(
  url: string,
  planFile: string,
  plan: { tokens: string[]; handles: string[] },
  seconds: number,
  connections: number,
  count: () => number,
): Promise<Result> {
  const before = count();
  const r = await loadIntake(url, planFile, plan, seconds, connections);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, statements: (count() - before) / r['2xx'] };
}

async function setUp(ctx: AppContext, app: Awaited<ReturnType<typeof buildApp>>) {
  const handles = Array.from({ length: CHANNELS }, (_, i) => `bench_${i}`);
  const fresh = Array.from({ length: ROUNDS }, (_, i) => `fresh_${i}`);
  const tokens = await accountsAndChannels(app, ACCOUNTS, [...handles, ...fresh, 'big_case']);
  const owner = tokens[0] as string;
  // The big case: one report through the API, then 99,999 more by batched SQL (distinct reporters), then a recount.
  const first = await app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { authorization: `Bearer ${owner}` },
    payload: { subject: '/c/big_case', category: 'fraud' },
  });
  if (first.statusCode !== 202) throw new Error(first.body);
  const seed = (await ctx.db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', (first.json() as { id: string }).id)
    .executeTakeFirstOrThrow()) as ReportsTable;
  const rows: ReportsTable[] = [];
  for (let i = 1; i < BIG_CASE; i++) {
    rows.push({
      ...seed,
      id: `rep_big_${i}`,
      reporter_key: `acc:big_${i}`,
      reporter_account_id: null,
      receipt_hash: `${i}`.padStart(64, '0'),
      category: i % 5 ? 'fraud' : 'spam',
    });
    // 500 rows a statement: a report has over 32 columns, and SQLite binds at most 32,766 values.
    if (rows.length === 500 || i === BIG_CASE - 1) {
      await ctx.db.insertInto('reports').values(rows).execute();
      rows.length = 0;
    }
  }
  await recountCase(ctx.db, seed.case_id as string);
  return { tokens, handles };
}

export async function run(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 5);
  const connections = Number(args[1] ?? 16);
  const dbs: Array<{ name: 'SQLite' | 'PostgreSQL'; url: string }> = [{ name: 'SQLite', url: '' }];
  const pgBase = process.env.VIGIL_DATABASE_URL ?? '';
  if (pgBase) dbs.push({ name: 'PostgreSQL', url: pgBase });
  const rows: Array<Record<string, string | number>> = [];
  for (const d of dbs) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-bench-intake-'));
    const vigilDb = d.url ? await freshPostgres(d.url) : undefined;
    const bareDb = d.url ? await freshPostgres(d.url) : undefined;
    const huge = 1_000_000_000;
    const config = loadConfig(
      {},
      {
        dataDir: dir,
        databaseUrl: vigilDb?.url ?? '',
        logLevel: 'silent',
        anonReportsPerMinute: huge,
        signupLimit: huge,
        accountReportLimit: huge,
        keyReportLimit: huge,
      },
    );
    const ctx = await createContext(config, createLogger('silent'));
    const vigil = await buildApp(ctx);
    const bare = await bareInsert(dir, bareDb?.url ?? '');
    const count = d.url ? () => pgQueries : sqliteStatementsRun;
    try {
      const started = Date.now();
      const { tokens, handles } = await setUp(ctx, vigil);
      console.log(
        `${d.name}: ${ACCOUNTS} accounts, ${CHANNELS + ROUNDS + 1} channels and a ${BIG_CASE.toLocaleString('en')}-report case set up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      const vigilUrl = `${await vigil.listen({ port: 0, host: '127.0.0.1' })}/api/v1/reports`;
      const bareUrl = `${await bare.app.listen({ port: 0, host: '127.0.0.1' })}/bare`;
      const planFile = path.join(dir, 'plan.json');
      process.env.VIGIL_BENCH_INTAKE_PLAN = planFile;
      const targets = [
        { name: 'bare Fastify + one INSERT', url: bareUrl, handles: () => ['bench_0'] },
        { name: 'reports, one hot channel (new case)', url: vigilUrl, handles: (round: number) => [`fresh_${round}`] },
        { name: `reports, one hot channel (case of ${BIG_CASE.toLocaleString('en')})`, url: vigilUrl, handles: () => ['big_case'] },
        { name: `reports, rotating over ${CHANNELS.toLocaleString('en')} channels`, url: vigilUrl, handles: () => handles },
      ];
      const results = new Map<string, Result[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of targets) {
          const r = await load(t.url, planFile, { tokens, handles: t.handles(round) }, seconds, connections, count);
          results.set(t.name, [...(results.get(t.name) ?? []), r]);
        }
      }
      const median = (name: string) => {
        const rs = [...(results.get(name) ?? [])].sort((a, b) => a.rps - b.rps);
        return rs[Math.floor(rs.length / 2)] as Result;
      };
      const base = median(targets[0]?.name as string);
      const fresh = median(targets[1]?.name as string);
      for (const t of targets) {
        const r = median(t.name);
        rows.push({
          database: d.name,
          target: t.name,
          'req/s': Math.round(r.rps),
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          'vs bare INSERT': t === targets[0] ? 'baseline' : `${((100 * r.rps) / base.rps).toFixed(1)}%`,
          'vs new case': t === targets[2] ? `${((100 * r.rps) / fresh.rps).toFixed(0)}%` : '',
          'statements/req': r.statements.toFixed(1),
        });
      }
    } finally {
      await vigil.close();
      await ctx.close();
      await bare.app.close();
      await bare.close();
      await vigilDb?.drop();
      await bareDb?.drop();
      await rm(dir, { recursive: true, force: true });
    }
  }
  printTable(rows);
  console.log(
    `\n${connections} connections, ${seconds} s per run, median of ${ROUNDS} alternating rounds; load from a worker thread of the same process. The new-case target takes a channel without reports in each round.`,
  );
}
