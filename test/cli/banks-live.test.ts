// Banks at scale with a running server: `vigil banks import` of a large list from another process while
// the server answers /healthz and takes reports (none fails, /healthz stays fast), and the server's
// matcher follows the CLI's imports and withdrawals through the change feed within two seconds, with
// no restart. SQLite by default (the case that used to fail with "database is locked"), or PostgreSQL
// when VIGIL_DATABASE_URL is set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runVigil } from '../helpers/cli-process.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const LIST_SIZE = 50_000;
// A hash per number, far apart from each other's neighbours in the low words.
const hex = (i: number) => (i * 2654435761).toString(16).padStart(16, '0').slice(-16).repeat(4);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];

describe('bank changes from the CLI reach a running server', () => {
  let t: TestApp;
  let base: string;
  const vigil = (...args: string[]) => runVigil(t.config, args, { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
  const matches = (i: number) => t.ctx.matcher.match({ pdq: { hash: hex(i), quality: 100 } }).length > 0;
  /** Milliseconds until `ok()` holds, checked every 20 ms; Infinity after 10 s. */
  const until = async (ok: () => boolean) => {
    const start = performance.now();
    while (!ok()) {
      if (performance.now() - start > 10_000) return Number.POSITIVE_INFINITY;
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - start;
  };

  before(async () => {
    t = await startTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => t?.close());

  test(`a ${LIST_SIZE.toLocaleString('en')}-hash import while the server serves: no request fails, /healthz stays fast`, { timeout: 300_000 }, async () => {
    assert.equal((await vigil('banks', 'create', 'live-list', '--category', 'terrorism')).code, 0);
    const file = path.join(t.config.dataDir, 'list.txt');
    await writeFile(file, Array.from({ length: LIST_SIZE }, (_, i) => hex(i + 1)).join('\n'));

    const account = (await (
      await fetch(`${base}/api/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"displayName":"Owner"}' })
    ).json()) as {
      token: string;
    };
    const auth = { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' };
    const channel = await fetch(`${base}/api/v1/channels`, { method: 'POST', headers: auth, body: JSON.stringify({ handle: 'live_target', title: 'Target' }) });
    assert.equal(channel.status, 201);

    let importing = true;
    const health: number[] = [];
    const failures: string[] = [];
    let reports = 0;
    const healthLoop = (async () => {
      while (importing) {
        const start = performance.now();
        const r = await fetch(`${base}/healthz`);
        await r.arrayBuffer();
        health.push(performance.now() - start);
        if (r.status !== 200) failures.push(`/healthz ${r.status}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const reportLoop = (async () => {
      while (importing) {
        const r = await fetch(`${base}/api/v1/reports`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ subject: '/c/live_target', category: 'personal_details' }),
        });
        const text = await r.text();
        if (r.status >= 300) failures.push(`report ${r.status} ${text.slice(0, 200)}`);
        else reports++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = performance.now();
    const imported = await vigil('banks', 'import', 'live-list', file);
    const importMs = performance.now() - started;
    importing = false;
    await Promise.all([healthLoop, reportLoop]);

    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`imported ${LIST_SIZE} new entries`));
    assert.deepEqual(failures, []);
    assert.ok(reports > 0 && health.length > 0);
    const p99 = percentile(health, 0.99);
    console.log(
      `import of ${LIST_SIZE} hashes: ${(importMs / 1000).toFixed(1)} s (process start included); during it ${health.length} /healthz: p50 ${percentile(health, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms; ${reports} reports, none failed`,
    );
    assert.ok(p99 < 500, `/healthz p99 ${p99.toFixed(0)} ms during the import`);
    const waited = await until(() => matches(LIST_SIZE) && matches(1));
    assert.ok(waited < 2000, `the imported list matched ${waited} ms after the CLI exited`);
    assert.equal(t.ctx.matcher.size, LIST_SIZE);
  });

  test('one hash imported by the CLI matches, and its withdrawal by the CLI stops matching, within 2 s each', { timeout: 120_000 }, async () => {
    const file = path.join(t.config.dataDir, 'one.txt');
    const n = LIST_SIZE + 7;
    await writeFile(file, `${hex(n)}\n`);
    assert.equal(matches(n), false);
    const imported = await vigil('banks', 'import', 'live-list', file);
    assert.equal(imported.code, 0, imported.stderr);
    const toMatch = await until(() => matches(n));
    assert.ok(toMatch < 2000, `matched ${toMatch} ms after the CLI exited`);

    const entry = t.ctx.matcher.match({ pdq: { hash: hex(n), quality: 100 } })[0];
    const row = await t.ctx.db.selectFrom('bank_entries').select('id').where('num', '=', entry.num).executeTakeFirstOrThrow();
    const withdrawn = await vigil('banks', 'withdraw', row.id);
    assert.equal(withdrawn.code, 0, withdrawn.stderr);
    const toStop = await until(() => !matches(n));
    assert.ok(toStop < 2000, `still matched ${toStop} ms after the withdrawal`);
    console.log(`CLI import matched after ${toMatch.toFixed(0)} ms, CLI withdrawal stopped matching after ${toStop.toFixed(0)} ms (poll every 1 s)`);
  });
});
