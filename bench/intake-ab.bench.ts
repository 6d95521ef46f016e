// Intake, this checkout against another one, in one process (issue 9):
// `npm run bench -- intake-ab <other checkout> [rounds] [seconds]` (defaults 5 rounds of 5 s, 16 connections).
// Both versions' servers are loaded side by side (each from its own tree, on its own SQLite database, with
// 2,000 accounts and 1,000 channels), and every round measures, one after the other, the bare INSERT route,
// then each version rotating over the 1,000 channels and on one hot channel (a new case each round). The
// ratios are taken against the bare route of the same round, and the table shows their medians: two
// versions measured minutes apart on a shared machine differed by more than the change being measured.
// The other checkout needs its own node_modules (`cp -al node_modules <other>/` for a git worktree).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { accountsAndChannels, bareInsert, loadIntake } from './intake-load.ts';
import { printTable } from './table.ts';

const ACCOUNTS = 2000;
const CHANNELS = 1000;
const CONNECTIONS = 16;

interface Target {
  url: string;
  tokens: string[];
  handles: string[];
  close(): Promise<void>;
}

/** A Vigil server from the tree at `root`, set up with the bench's accounts and channels. */
async function vigilFrom(root: string, dataDir: string, rounds: number): Promise<Target> {
  const { loadConfig } = await import(path.join(root, 'src/config.ts'));
  const { createContext } = await import(path.join(root, 'src/context.ts'));
  const { buildApp } = await import(path.join(root, 'src/http/app.ts'));
  const { createLogger } = await import(path.join(root, 'src/logger.ts'));
  const huge = 1_000_000_000;
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: '', logLevel: 'silent', anonReportsPerMinute: huge, signupLimit: huge, accountReportLimit: huge, keyReportLimit: huge },
  );
  const ctx = await createContext(config, createLogger('silent'));
  const app = await buildApp(ctx);
  const handles = Array.from({ length: CHANNELS + rounds }, (_, i) => `bench_${i}`);
  const tokens = await accountsAndChannels(app, ACCOUNTS, handles);
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/reports`;
  return {
    url,
    tokens,
    handles,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}

/** The bare INSERT route of intake.bench.ts, on SQLite. */
async function bare(dir: string): Promise<Target> {
  const { app, close } = await bareInsert(dir, '');
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/bare`;
  return {
    url,
    tokens: ['bare'],
    handles: ['bench_0'],
    close: async () => {
      await app.close();
      await close();
    },
  };
}

const load = async (url: string, planFile: string, plan: { tokens: string[]; handles: string[] }, seconds: number) =>
  (await loadIntake(url, planFile, plan, seconds, CONNECTIONS)).requests.average;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function run(args: string[]): Promise<void> {
  const other = args[0] ? path.resolve(args[0]) : '';
  if (!other || !existsSync(path.join(other, 'src/context.ts'))) {
    console.log('intake-ab: skipped; name another checkout of Vigil to compare with: npm run bench -- intake-ab <path> [rounds] [seconds]');
    return;
  }
  const rounds = Number(args[1] ?? 5);
  const seconds = Number(args[2] ?? 5);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-bench-intake-ab-'));
  const planFile = path.join(dir, 'plan.json');
  process.env.VIGIL_BENCH_INTAKE_PLAN = planFile;
  const here = path.resolve(import.meta.dirname, '..');
  const baseline = await bare(dir);
  const versions = [
    { name: `other (${path.basename(other)})`, target: await vigilFrom(other, path.join(dir, 'other'), rounds) },
    { name: 'this checkout', target: await vigilFrom(here, path.join(dir, 'this'), rounds) },
  ];
  const ratios = new Map<string, number[]>();
  const bareRps: number[] = [];
  const add = (key: string, v: number) => ratios.set(key, [...(ratios.get(key) ?? []), v]);
  try {
    for (let round = 0; round < rounds; round++) {
      const base = await load(baseline.url, planFile, baseline, seconds);
      bareRps.push(base);
      for (const v of versions) {
        const t = v.target;
        add(`${v.name}|rotating`, (100 * (await load(t.url, planFile, { tokens: t.tokens, handles: t.handles.slice(0, CHANNELS) }, seconds))) / base);
        add(`${v.name}|hot`, (100 * (await load(t.url, planFile, { tokens: t.tokens, handles: [t.handles[CHANNELS + round] as string] }, seconds))) / base);
      }
      console.log(`round ${round + 1} of ${rounds}: bare ${Math.round(base)} req/s, load average ${os.loadavg()[0]?.toFixed(1)}`);
    }
  } finally {
    for (const v of versions) await v.target.close();
    await baseline.close();
    await rm(dir, { recursive: true, force: true });
  }
  const rows: Array<Record<string, string | number>> = [];
  for (const v of versions) {
    for (const mode of ['rotating', 'hot'] as const) {
      const xs = ratios.get(`${v.name}|${mode}`) ?? [];
      rows.push({
        version: v.name,
        target: mode === 'rotating' ? `rotating over ${CHANNELS.toLocaleString('en')} channels` : 'one hot channel (new case)',
        'median vs bare INSERT': `${median(xs).toFixed(1)}%`,
        'each round': xs.map((x) => `${x.toFixed(1)}%`).join(' '),
      });
    }
  }
  printTable(rows);
  console.log(
    `\nbare INSERT route: median ${Math.round(median(bareRps))} req/s; ${CONNECTIONS} connections, ${seconds} s per run, ${rounds} rounds; load from a worker thread of the same process.`,
  );
}
