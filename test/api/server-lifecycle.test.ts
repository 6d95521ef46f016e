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

const startServer = (dataDir: string, logLevel = 'warn') => startServerProcess({ VIGIL_DATA_DIR: dataDir, LOG_LEVEL: logLevel, VIGIL_DATABASE_URL: '' });

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
});
