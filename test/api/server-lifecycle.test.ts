// Runs the real server as a separate process (`node src/main.ts serve`), the way it runs in production:
// it starts, serves, stops cleanly on SIGTERM, and leaves a database that opens and needs no migration.
// Always on the embedded SQLite database (the file is what is checked), whatever VIGIL_DATABASE_URL says.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startServerProcess, stopServerProcess as stop } from '../helpers/server-process.ts';

const startServer = (dataDir: string, logLevel = 'warn', role?: 'api' | 'worker' | 'all') =>
  startServerProcess({ VIGIL_DATA_DIR: dataDir, LOG_LEVEL: logLevel, VIGIL_DATABASE_URL: '' }, { role });

describe('the server process', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  test('starts, serves, exits 0 on SIGTERM; the database then opens and a second start applies no migration', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-lifecycle-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = await startServer(dataDir);
    cleanups.push(async () => {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
    });
    const base = `http://127.0.0.1:${first.port}`;
    assert.deepEqual(await (await fetch(`${base}/readyz`)).json(), { status: 'ready' });
    const account = (await (
      await fetch(`${base}/api/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'Survivor' }),
      })
    ).json()) as { id: string; token: string };
    const created = await fetch(`${base}/api/v1/channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
      body: JSON.stringify({ handle: 'lasting_news', title: 'Lasting' }),
    });
    assert.equal(created.status, 201);

    const { code, signal } = await stop(first);
    assert.equal(signal, null, first.output());
    assert.equal(code, 0, `clean exit; output:\n${first.output()}`);
    await assert.rejects(fetch(`${base}/healthz`), 'the port is closed after the stop');

    // The database file opens, is intact, and holds what was written.
    const file = path.join(dataDir, 'vigil.sqlite');
    const db = new DatabaseSync(file);
    let migrationsAfterFirst: unknown[];
    try {
      assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
      assert.equal((db.prepare("SELECT count(*) AS n FROM channels WHERE handle = 'lasting_news'").get() as { n: number }).n, 1);
      migrationsAfterFirst = db
        .prepare('SELECT name, timestamp FROM kysely_migration ORDER BY name')
        .all()
        .map((r) => ({ ...r }));
      assert.ok(migrationsAfterFirst.length >= 1, 'migrations were recorded');
    } finally {
      db.close();
    }

    // Second start on the same data: nothing to migrate, the data is there.
    const second = await startServer(dataDir, 'info');
    cleanups.push(async () => {
      if (second.child.exitCode === null) second.child.kill('SIGKILL');
    });
    const again = await fetch(`http://127.0.0.1:${second.port}/api/v1/channels/lasting_news`);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { title: string }).title, 'Lasting');
    const stopped = await stop(second);
    assert.equal(stopped.code, 0, second.output());
    assert.match(second.output(), /Vigil is serving/);
    assert.doesNotMatch(second.output(), /database migrated/, 'no migration re-applied');
    assert.match(second.output(), /stopped cleanly/);

    const db2 = new DatabaseSync(file);
    try {
      const migrationsAfterSecond = db2
        .prepare('SELECT name, timestamp FROM kysely_migration ORDER BY name')
        .all()
        .map((r) => ({ ...r }));
      assert.deepEqual(migrationsAfterSecond, migrationsAfterFirst);
    } finally {
      db2.close();
    }
  });

  test('--role worker runs jobs without HTTP and exits 0 on SIGTERM; --role api serves without running jobs', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-roles-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const enqueue = (id: string) => {
      const db = new DatabaseSync(path.join(dataDir, 'vigil.sqlite'));
      try {
        db.exec('PRAGMA busy_timeout = 5000');
        const at = new Date().toISOString();
        db.prepare(
          "INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at) VALUES (?, 'test.nobody_handles', '{}', 'queued', 0, 1, ?, ?)",
        ).run(id, at, at);
      } finally {
        db.close();
      }
    };
    const stateOf = (id: string) => {
      const db = new DatabaseSync(path.join(dataDir, 'vigil.sqlite'));
      try {
        return { ...(db.prepare('SELECT state, last_error FROM jobs WHERE id = ?').get(id) as object) } as { state: string; last_error: string | null };
      } finally {
        db.close();
      }
    };

    const api = await startServer(dataDir, 'info', 'api');
    cleanups.push(async () => {
      if (api.child.exitCode === null) api.child.kill('SIGKILL');
    });
    enqueue('job_for_nobody_1');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(stateOf('job_for_nobody_1').state, 'queued', 'an api process runs no jobs');
    assert.equal((await stop(api)).code, 0, api.output());
    assert.match(api.output(), /"role":"api"/);

    const worker = await startServer(dataDir, 'info', 'worker');
    cleanups.push(async () => {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    });
    await assert.rejects(fetch(`http://127.0.0.1:${worker.port}/healthz`), 'a worker does not listen');
    const deadline = Date.now() + 10_000;
    // Claimed (running), then failed: wait for it to settle, not just to be claimed.
    while (['queued', 'running'].includes(stateOf('job_for_nobody_1').state) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Claimed and run: no handler for its kind, one attempt allowed, so it is dead-lettered.
    assert.deepEqual(stateOf('job_for_nobody_1'), { state: 'dead', last_error: 'no handler for jobs of kind "test.nobody_handles" in this process' });
    const stopped = await stop(worker);
    assert.equal(stopped.code, 0, worker.output());
    assert.match(worker.output(), /finishing in-flight jobs/);
    assert.match(worker.output(), /stopped cleanly/);
  });
});
