// HTTP hot paths under load (autocannon), each against a bare Fastify baseline measured in the same run:
//   - what every request now pays for the hardening: a bare Fastify app, the same with the security headers
//     (helmet), with the headers and the text-integrity checks of body and query, and the whole Vigil app;
//   - a public preview page, the page people open when a channel goes viral.
// `npm run bench -- http [seconds] [connections]` (defaults 5 s, 16 connections). Runs alternate between
// targets, twice each; the table shows the better run of each (the machine is shared and noisy).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { installSecurityHeaders } from '../src/http/security-headers.ts';
import { installTextIntegrity } from '../src/http/text-integrity.ts';
import { createLogger } from '../src/logger.ts';
import { printTable } from './table.ts';

const REPORT_SHAPED = JSON.stringify({
  subject: 'https://example.org/c/garden_club/3',
  category: 'fraud',
  bonaFide: true,
  explanation: 'Asks for card numbers in exchange for free seeds; three posts do it. قناة احتيال تطلب أرقام البطاقات.',
  contact: { name: 'Sam', email: 'sam@example.org' },
});

interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  baseline?: string;
}

async function bare(hardening: 'none' | 'headers' | 'all', policy: unknown): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  if (hardening !== 'none') await installSecurityHeaders(app);
  if (hardening === 'all') installTextIntegrity(app);
  app.get('/api/v1/policy', async () => policy);
  app.post('/echo', async (req, reply) => reply.status(202).send({ id: 'rep_x', status: 'received', size: JSON.stringify(req.body).length }));
  return app;
}

async function load(url: string, t: Target, seconds: number, connections: number) {
  // The load comes from a worker thread, so it does not share the servers' event loop.
  const r = await autocannon({
    url: url + t.url,
    method: t.method ?? 'GET',
    duration: seconds,
    connections,
    workers: 1,
    ...(t.body ? { body: t.body, headers: { 'content-type': 'application/json' } } : {}),
  });
  const ok = r['2xx'];
  if (ok === 0 || r.non2xx > 0) throw new Error(`${t.name}: ${r.non2xx} non-2xx answers of ${r.requests.total}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

export async function run(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 5);
  const connections = Number(args[1] ?? 16);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-bench-http-'));
  const huge = 1_000_000_000;
  const config = loadConfig({}, { dataDir, logLevel: 'silent', anonReportsPerMinute: huge, signupLimit: huge, accountReportLimit: huge, keyReportLimit: huge });
  const ctx = await createContext(config, createLogger('silent'));
  const vigil = await buildApp(ctx);
  const owner = await vigil.inject({ method: 'POST', url: '/api/v1/accounts', payload: { displayName: 'Bench' } });
  const token = (owner.json() as { token: string }).token;
  await vigil.inject({
    method: 'POST',
    url: '/api/v1/channels',
    headers: { authorization: `Bearer ${token}` },
    payload: { handle: 'bench_channel', title: 'Bench channel', description: 'Posts for the benchmark.' },
  });
  for (let i = 0; i < 20; i++) {
    await vigil.inject({
      method: 'POST',
      url: '/api/v1/channels/bench_channel/posts',
      headers: { authorization: `Bearer ${token}` },
      payload: { text: `Post ${i}: seeds, tools and weekend walks.` },
    });
  }
  const policy = (await vigil.inject({ url: '/api/v1/policy' })).json();
  const plain = await bare('none', policy);
  const headers = await bare('headers', policy);
  const hardened = await bare('all', policy);
  const urls = {
    plain: await plain.listen({ port: 0, host: '127.0.0.1' }),
    headers: await headers.listen({ port: 0, host: '127.0.0.1' }),
    hardened: await hardened.listen({ port: 0, host: '127.0.0.1' }),
    vigil: await vigil.listen({ port: 0, host: '127.0.0.1' }),
  };
  const targets: Array<Target & { server: keyof typeof urls }> = [
    { name: 'GET policy JSON · bare Fastify', server: 'plain', url: '/api/v1/policy' },
    { name: 'GET policy JSON · bare + security headers', server: 'headers', url: '/api/v1/policy', baseline: 'GET policy JSON · bare Fastify' },
    { name: 'GET policy JSON · bare + hardening hooks', server: 'hardened', url: '/api/v1/policy', baseline: 'GET policy JSON · bare Fastify' },
    { name: 'GET /api/v1/policy · Vigil', server: 'vigil', url: '/api/v1/policy', baseline: 'GET policy JSON · bare Fastify' },
    { name: 'POST 300-byte JSON · bare Fastify', server: 'plain', method: 'POST', url: '/echo', body: REPORT_SHAPED },
    {
      name: 'POST 300-byte JSON · bare + security headers',
      server: 'headers',
      method: 'POST',
      url: '/echo',
      body: REPORT_SHAPED,
      baseline: 'POST 300-byte JSON · bare Fastify',
    },
    {
      name: 'POST 300-byte JSON · bare + hardening hooks',
      server: 'hardened',
      method: 'POST',
      url: '/echo',
      body: REPORT_SHAPED,
      baseline: 'POST 300-byte JSON · bare Fastify',
    },
    { name: 'GET /c/<handle>, 20 posts · Vigil', server: 'vigil', url: '/c/bench_channel', baseline: 'GET policy JSON · bare Fastify' },
  ];
  const best = new Map<string, { rps: number; p50: number; p99: number }>();
  try {
    for (let round = 0; round < 2; round++) {
      for (const t of targets) {
        const r = await load(urls[t.server], t, seconds, connections);
        const prev = best.get(t.name);
        if (!prev || r.rps > prev.rps) best.set(t.name, r);
      }
    }
  } finally {
    await Promise.all([plain.close(), headers.close(), hardened.close(), vigil.close()]);
    await ctx.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  printTable(
    targets.flatMap((t) => {
      const r = best.get(t.name);
      if (!r) return [];
      const base = t.baseline ? best.get(t.baseline) : undefined;
      return [
        {
          target: t.name,
          'req/s': Math.round(r.rps),
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          'vs baseline': base && t.baseline ? `${((100 * r.rps) / base.rps).toFixed(0)}% of ${t.baseline.split(' · ')[1]}` : 'baseline',
        },
      ];
    }),
  );
  console.log(
    `\n${connections} connections, ${seconds} s per run, better of 2 alternating runs; load generated from a worker thread of the same process (2 cores: servers on one, load on the other).`,
  );
}
