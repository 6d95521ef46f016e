// The public preview pages under load (autocannon), each against a bare Fastify route serving the same
// HTML, measured in the same run: a channel page with 20 posts (images included), a post page, a 451 page,
// and the channel page while another client files reports into a case that already holds 5,000 of them
// (at a steady 20 reports/s, then as fast as it can).
// `npm run bench -- pages [seconds] [connections] [reports in the case]` (defaults 5 s, 16 connections,
// 5,000). SQLite by default, PostgreSQL when VIGIL_DATABASE_URL is set. Runs alternate between targets,
// three rounds; the table shows the median run of each.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import sharp from 'sharp';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { newId } from '../src/shared/ids.ts';
import { nowIso } from '../src/shared/time.ts';
import { freshPostgres } from '../test/helpers/test-app.ts';
import { printTable } from './table.ts';

interface Page {
  name: string;
  url: string;
  status: number;
  headers?: Record<string, string>;
}
interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** Reports filed per second by the concurrent writer, when there was one. */
  writes?: number;
  writeP99?: number;
}

async function load(url: string, p: Page, seconds: number, connections: number): Promise<Result> {
  // The load comes from a worker thread, so it does not share the servers' event loop.
  const r = await autocannon({ url: url + p.url, duration: seconds, connections, workers: 1, headers: p.headers });
  const answered = p.status === 200 ? r['2xx'] : r['4xx'];
  if (answered === 0 || answered !== r.requests.total - (r.errors ?? 0) - (r.timeouts ?? 0) || r.errors > 0) {
    throw new Error(`${p.name}: ${answered} answers with ${p.status} of ${r.requests.total} (${r.errors} errors)`);
  }
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** The page under `load` while a second autocannon (its own worker) files reports; rate 0 = as fast as it can. */
async function loadWhileReporting(url: string, p: Page, seconds: number, connections: number, rate: number, token: string): Promise<Result> {
  const writer = autocannon({
    url: `${url}/api/v1/reports`,
    method: 'POST',
    duration: seconds,
    connections: rate ? 1 : 4,
    ...(rate ? { overallRate: rate } : {}),
    workers: 1,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ subject: '/c/bench_channel', category: 'fraud', explanation: 'Sells accounts; the posts ask for card numbers.' }),
  });
  const [reader, w] = await Promise.all([load(url, p, seconds, connections), writer]);
  if (w['2xx'] === 0 || w.non2xx > 0) throw new Error(`reports: ${w.non2xx} non-2xx answers of ${w.requests.total}`);
  return { ...reader, writes: w.requests.average, writeP99: w.latency.p99 };
}

const median = (rs: Result[]): Result => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)];

export async function run(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 5);
  const connections = Number(args[1] ?? 16);
  const caseSize = Number(args[2] ?? 5000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-bench-pages-'));
  const pgdb = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
  const huge = 1_000_000_000;
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl: pgdb?.url ?? '',
      logLevel: 'silent',
      anonReportsPerMinute: huge,
      signupLimit: huge,
      accountReportLimit: huge,
      keyReportLimit: huge,
    },
  );
  const ctx = await createContext(config, createLogger('silent'));
  const vigil = await buildApp(ctx);
  const call = async (method: 'GET' | 'POST', url: string, token: string, payload?: unknown, raw?: Buffer) => {
    const r = await vigil.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(raw ? { 'content-type': 'image/png' } : {}) },
      ...(raw ? { payload: raw } : payload ? { payload: payload as object } : {}),
    });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, unknown>;
  };
  const token = (await call('POST', '/api/v1/accounts', '', { displayName: 'Bench' })).token as string;
  const reporter = (await call('POST', '/api/v1/accounts', '', { displayName: 'Reporter' })).token as string;
  for (const handle of ['bench_channel', 'withheld_channel']) {
    await call('POST', '/api/v1/channels', token, { handle, title: `Bench ${handle}`, description: 'Posts for the benchmark.' });
  }
  for (let i = 0; i < 20; i++) {
    const png = await sharp({ create: { width: 32 + i, height: 24, channels: 3, background: `#${(0x203040 + i * 0x050505).toString(16)}` } })
      .png()
      .toBuffer();
    const media = (await call('POST', '/api/v1/media', token, undefined, png)).id as string;
    await call('POST', '/api/v1/channels/bench_channel/posts', token, { text: `Post ${i}: seeds, tools and weekend walks.`, media: [media] });
  }
  await call('POST', '/api/v1/channels/withheld_channel/posts', token, { text: 'Withheld in one country.' });
  // A restriction in one country: the 451 page people there see.
  const withheld = await ctx.channels.findRaw('withheld_channel');
  await ctx.db
    .insertInto('enforcement_actions')
    .values({
      id: newId('enf'),
      decision_id: null,
      case_id: null,
      subject_kind: 'channel',
      subject_id: withheld.id,
      code: 'restricted',
      category: 'illegal_content',
      country: 'DE',
      notice_text: 'This channel is not available in your country (a court order).',
      active: 1,
      created_at: nowIso(),
      reversed_at: null,
    })
    .execute();

  // The hot case: one report through the API, the rest copied from it in bulk (seeding through the API
  // would take minutes while a report's cost grows with its case).
  await call('POST', '/api/v1/reports', reporter, { subject: '/c/bench_channel', category: 'fraud', explanation: 'Seed report.' });
  const first = await ctx.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
  for (let done = 1; done < caseSize; ) {
    const n = Math.min(500, caseSize - done);
    const rows = Array.from({ length: n }, (_, i) => ({ ...first, id: `${first.id}_${done + i}`, idempotency_key: null, reporter_key: `seed_${done + i}` }));
    await ctx.db.insertInto('reports').values(rows).execute();
    done += n;
  }
  const inCase = await ctx.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', first.case_id)
    .executeTakeFirstOrThrow();

  const pages: Page[] = [
    { name: 'channel page, 20 posts with images', url: '/c/bench_channel', status: 200 },
    { name: 'post page', url: '/c/bench_channel/7', status: 200 },
    { name: '451 page (restricted in DE)', url: '/c/withheld_channel', status: 451, headers: { 'x-vigil-country': 'DE' } },
  ];
  const baseline = Fastify({ logger: false });
  for (const [i, p] of pages.entries()) {
    const r = await vigil.inject({ url: p.url, headers: p.headers });
    if (r.statusCode !== p.status) throw new Error(`${p.url}: ${r.statusCode}, expected ${p.status}`);
    const body = r.body;
    baseline.get(`/bare/${i}`, async (_req, reply) => reply.status(p.status).type('text/html; charset=utf-8').send(body));
  }
  const urls = { bare: await baseline.listen({ port: 0, host: '127.0.0.1' }), vigil: await vigil.listen({ port: 0, host: '127.0.0.1' }) };

  type Target = { name: string; baseline?: string; go: () => Promise<Result> };
  const targets: Target[] = pages.flatMap((p, i): Target[] => [
    { name: `${p.name} · bare Fastify`, go: () => load(urls.bare, { ...p, url: `/bare/${i}` }, seconds, connections) },
    { name: `${p.name} · Vigil`, baseline: `${p.name} · bare Fastify`, go: () => load(urls.vigil, p, seconds, connections) },
  ]);
  for (const rate of [20, 0]) {
    targets.push({
      name: `channel page while reports arrive ${rate ? `at ${rate}/s` : 'as fast as they can'} · Vigil`,
      baseline: `${pages[0].name} · bare Fastify`,
      go: () => loadWhileReporting(urls.vigil, pages[0], seconds, connections, rate, reporter),
    });
  }
  const runs = new Map<string, Result[]>();
  try {
    for (let round = 0; round < 3; round++) {
      for (const t of targets) runs.set(t.name, [...(runs.get(t.name) ?? []), await t.go()]);
    }
  } finally {
    await Promise.all([baseline.close(), vigil.close()]);
    const total = await ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(`case held ${Number(inCase.n).toLocaleString('en')} reports at the start, ${Number(total.n).toLocaleString('en')} at the end`);
    await ctx.close();
    await pgdb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
  printTable(
    targets.flatMap((t) => {
      const all = runs.get(t.name);
      if (!all) return [];
      const r = median(all);
      const base = t.baseline ? runs.get(t.baseline) : undefined;
      return [
        {
          target: t.name,
          'req/s': Math.round(r.rps),
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          'vs bare': base ? `${((100 * r.rps) / median(base).rps).toFixed(1)}%` : 'baseline',
          'reports/s (p99 ms)': r.writes !== undefined ? `${Math.round(r.writes)} (${r.writeP99})` : '',
        },
      ];
    }),
  );
  console.log(
    `\n${ctx.dialect}; ${connections} connections, ${seconds} s per run, median of 3 alternating runs; load from worker threads of the same process.`,
  );
}
