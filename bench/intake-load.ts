// What the intake benches share: the bare INSERT route they compare against, the accounts and channels
// they report with, and one autocannon run of the requests intake-request.cjs builds from a plan.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { openSqlite } from '../src/db/sqlite-adapter.ts';

/** The baseline: one durable INSERT of a report-sized row per request, through Kysely, in its own database (PostgreSQL when `url` is set). */
export async function bareInsert(dir: string, url: string): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  // biome-ignore lint/suspicious/noExplicitAny: a throwaway table of the baseline's own
  const db: Kysely<any> = url
    ? new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }) })
    : new Kysely({ dialect: new SqliteDialect({ database: openSqlite(path.join(dir, 'bare.sqlite')) }) });
  await sql`create table items (id text primary key, subject text not null, category text not null, reporter text not null, created_at text not null)`.execute(
    db,
  );
  const app = Fastify({ logger: false });
  app.post('/bare', async (req, reply) => {
    const body = req.body as { subject: string; category: string };
    const id = `rep_${randomBytes(12).toString('hex')}`;
    await db
      .insertInto('items')
      .values({
        id,
        subject: body.subject,
        category: body.category,
        reporter: String(req.headers.authorization).slice(-12),
        created_at: new Date().toISOString(),
      })
      .execute();
    return reply.status(202).send({ id, status: 'received' });
  });
  return { app, close: () => db.destroy() };
}

/** Anything that answers `inject` like a Fastify app (a Vigil app of this checkout or of another one). */
interface Injectable {
  inject(opts: {
    method: 'POST';
    url: string;
    headers?: Record<string, string>;
    payload: unknown;
  }): Promise<{ statusCode: number; body: string; json(): unknown }>;
}

/** `accounts` accounts (their tokens) and, owned by the first, a channel for each handle. */
export async function accountsAndChannels(app: Injectable, accounts: number, handles: string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const r = await app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { displayName: `Reporter ${i}` } });
    tokens.push((r.json() as { token: string }).token);
  }
  for (const handle of handles) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: { authorization: `Bearer ${tokens[0]}` },
      payload: { handle, title: handle },
    });
    if (r.statusCode !== 201) throw new Error(r.body);
  }
  return tokens;
}

/** One run: `connections` clients post reports for `seconds`, each the next token and channel of `plan`. */
export async function loadIntake(
  url: string,
  planFile: string,
  plan: { tokens: string[]; handles: string[] },
  seconds: number,
  connections: number,
): Promise<autocannon.Result> {
  await writeFile(planFile, JSON.stringify(plan));
  const r = await autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    workers: 1,
    requests: [{ method: 'POST', setupRequest: path.join(import.meta.dirname, 'intake-request.cjs') }],
  } as autocannon.Options);
  if (r['2xx'] === 0 || r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers and ${r.errors} errors of ${r.requests.total}`);
  return r;
}
