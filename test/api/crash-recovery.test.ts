// Crash recovery (issue 10): a real `vigil serve` process takes reports with Idempotency-Keys from several
// concurrent clients (three accounts and an anonymous reporter, one hot channel and three others) while the
// test kills it with SIGKILL at random moments and restarts it on the same data. Clients retry each report
// with its key until it is acknowledged. Afterwards every acknowledged report is stored exactly once, every
// key replays its first acknowledgement, case figures agree with a recount from the reports
// (what `vigil cases recount` runs corrects nothing), and each case's events are numbered 1..last_event_seq.
// SQLite by default, or a fresh PostgreSQL database when VIGIL_DATABASE_URL is set.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { recountCase } from '../../src/cases/case-aggregate.ts';
import { freshPostgres } from '../helpers/test-app.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const KILLS = 4;
/** Longest random wait between a (re)start and the next kill. */
const MAX_UPTIME_MS = 2000;
/** No kill starts later than this after the test began (a restart takes seconds on a busy machine); at least 2 happen. */
const KILL_BUDGET_MS = 20_000;
const CLIENTS = 6;
const CHANNELS = ['crash_hot', 'crash_a', 'crash_b', 'crash_c'];
const CATEGORIES = ['fraud', 'spam', 'personal_details', 'violence'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)] as T;

interface Sent {
  key: string;
  token: string | undefined;
  body: Record<string, unknown>;
  id: string;
}

describe('the server killed with SIGKILL while it takes reports', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  test(`up to ${KILLS} kills: no acknowledged report lost or doubled, replays agree, figures match a recount`, { timeout: 60_000 }, async (t) => {
    const started = performance.now();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-crash-'));
    // Restarts load the modules from V8's compile cache, as a deployment with NODE_COMPILE_CACHE would.
    const compileCache = await mkdtemp(path.join(os.tmpdir(), 'vigil-crash-cache-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    cleanups.push(() => rm(compileCache, { recursive: true, force: true }));
    const pgdb = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
    if (pgdb) cleanups.push(() => pgdb.drop());
    const env = {
      VIGIL_DATA_DIR: dataDir,
      VIGIL_DATABASE_URL: pgdb?.url ?? '',
      VIGIL_ADMIN_EMAIL: '',
      VIGIL_REDIS_URL: '',
      VIGIL_DECODE_WORKERS: '1',
      VIGIL_SIGNUP_LIMIT: '100000',
      VIGIL_ACCOUNT_REPORT_LIMIT: '100000',
      VIGIL_ANON_REPORT_LIMIT: '100000',
      NODE_COMPILE_CACHE: compileCache,
    };
    // Every process started is killed if the test times out, and the clients stop.
    const signal = t.signal;
    let server: ServerProcess = await startServerProcess(env, { signal });
    cleanups.push(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });
    const base = () => server.base;

    // Three reporting accounts (the first also owns the channels) and the channels.
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${base()}/api/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: `Reporter ${i}` }),
      });
      assert.equal(r.status, 201, await r.clone().text());
      tokens.push(((await r.json()) as { token: string }).token);
    }
    for (const handle of CHANNELS) {
      const r = await fetch(`${base()}/api/v1/channels`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
        body: JSON.stringify({ handle, title: handle }),
      });
      assert.equal(r.status, 201, await r.text());
    }

    let connectionErrors = 0;
    let replays = 0;
    const unexpected: string[] = [];
    /** Sends the report under its key until it is acknowledged (202); connection errors are retried after a short pause. */
    const send = async (key: string, token: string | undefined, body: Record<string, unknown>): Promise<string> => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': key };
      if (token) headers.authorization = `Bearer ${token}`;
      for (let attempt = 1; ; attempt++) {
        signal.throwIfAborted();
        try {
          const r = await fetch(`${base()}/api/v1/reports`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
            signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
          });
          const text = await r.text();
          if (r.status === 202) return (JSON.parse(text) as { id: string }).id;
          unexpected.push(`${key}: ${r.status} ${text.slice(0, 200)}`);
        } catch {
          connectionErrors++;
        }
        await sleep(Math.min(250, 25 * attempt));
      }
    };

    // Clients 0–3 report as the three accounts, client 4 anonymously, client 5 as the first account again;
    // half of all reports are about the hot channel. A fifth of the acknowledged ones are replayed at once.
    const acked = new Map<string, Sent>();
    let sending = true;
    const client = async (c: number) => {
      const token = c === 4 ? undefined : tokens[c % 3];
      for (let n = 0; sending && !signal.aborted; n++) {
        const key = `crash-${c}-${n}`;
        const body: Record<string, unknown> = {
          subject: `/c/${Math.random() < 0.5 ? 'crash_hot' : pick(CHANNELS.slice(1))}`,
          category: pick(CATEGORIES),
          ...(Math.random() < 0.05 ? { lifeAtRisk: true } : {}),
          ...(token ? {} : { explanation: 'This channel publishes scams and stolen personal details.', bonaFide: true }),
        };
        const id = await send(key, token, body);
        acked.set(key, { key, token, body, id });
        if (Math.random() < 0.2) {
          replays++;
          const again = await send(key, token, body);
          assert.equal(again, id, `a replay of ${key} answered with another report`);
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) =>
      client(c).catch((err) => {
        sending = false;
        throw err;
      }),
    );
    const clientsDone = Promise.all(clients);
    clientsDone.catch(() => {}); // awaited below; a failure meanwhile stops the clients

    // Kill at a random moment after each (re)start; restart on the same data and port.
    const uptimes: number[] = [];
    const restarts: number[] = [];
    for (let k = 0; k < KILLS && (k < 2 || performance.now() - started < KILL_BUDGET_MS); k++) {
      const uptime = Math.round(200 + Math.random() * (MAX_UPTIME_MS - 200));
      uptimes.push(uptime);
      await sleep(uptime);
      server.child.kill('SIGKILL');
      assert.equal((await server.exited).signal, 'SIGKILL');
      const down = performance.now();
      server = await startServerProcess(env, { port: server.port, signal });
      restarts.push(Math.round(performance.now() - down));
    }
    await sleep(1000);
    sending = false;
    await clientsDone;
    const chaosEnd = performance.now();

    // Every key once more against the last process: the same report each time.
    const sent = [...acked.values()];
    for (let i = 0; i < sent.length; i += 16) {
      await Promise.all(
        sent.slice(i, i + 16).map(async (s) => {
          replays++;
          assert.equal(await send(s.key, s.token, s.body), s.id, `the final replay of ${s.key}`);
        }),
      );
    }
    const stopped = await stopServerProcess(server);
    assert.equal(stopped.code, 0, server.output());
    assert.deepEqual(unexpected, [], 'no answer other than 202 while the server was up');

    const { db } = openDatabase({ dataDir, databaseUrl: pgdb?.url ?? '' });
    try {
      // Exactly the acknowledged reports, once each, one row per key.
      const rows = await db.selectFrom('reports').select(['id', 'idempotency_key', 'case_id']).execute();
      const byKey = new Map<string, string>();
      for (const r of rows) {
        const key = String(r.idempotency_key).split('|').at(-1) as string;
        assert.ok(!byKey.has(key), `two reports under ${key}`);
        byKey.set(key, r.id);
      }
      assert.equal(rows.length, acked.size, 'as many reports as acknowledged keys');
      for (const s of sent) assert.equal(byKey.get(s.key), s.id, `${s.key} is stored as the report it acknowledged`);

      // Each case: report_count is its reports; events are 1..last_event_seq, one report_added per report.
      const cases = await db.selectFrom('cases').select(['id', 'report_count', 'last_event_seq']).execute();
      assert.equal(cases.length, CHANNELS.length);
      for (const c of cases) {
        const reports = rows.filter((r) => r.case_id === c.id).map((r) => r.id);
        assert.equal(Number(c.report_count), reports.length, `report_count of ${c.id}`);
        const events = await db.selectFrom('case_events').select(['seq', 'kind', 'data']).where('case_id', '=', c.id).orderBy('seq').execute();
        assert.deepEqual(
          events.map((e) => Number(e.seq)),
          Array.from({ length: Number(c.last_event_seq) }, (_, i) => i + 1),
          `events of ${c.id} are numbered 1..${c.last_event_seq}`,
        );
        const added = events.filter((e) => e.kind === 'report_added').map((e) => (JSON.parse(e.data) as { reportId: string }).reportId);
        assert.deepEqual(added.sort(), reports.sort(), `one report_added event per report of ${c.id}`);
      }

      // The figures intake kept agree with those recomputed from the reports (`vigil cases recount`): the repair corrects nothing.
      for (const c of cases) assert.deepEqual(await recountCase(db, c.id), [], `figures of ${c.id} that differed from a recount`);
    } finally {
      await db.destroy();
    }

    const reportsPerKey = (replays / acked.size).toFixed(2);
    console.log(
      `${process.env.VIGIL_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}: ${uptimes.length} SIGKILLs (after ${uptimes.join(', ')} ms of uptime; back up in ${restarts.join(', ')} ms), ` +
        `${acked.size} reports acknowledged in ${((chaosEnd - started) / 1000).toFixed(1)} s, ${replays} replays (${reportsPerKey} per key), ${connectionErrors} connection errors retried; ` +
        `none lost or doubled, figures agree with a recount; ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
    );
  });
});
