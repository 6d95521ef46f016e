// The server's SQLite writer waits for another connection's write lock without blocking the event loop,
// its transactions take the write lock up front, and WAL checkpoints run in a background thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pino from 'pino';
import { openDatabase } from '../../src/db/database.ts';
import { whileBusy } from '../../src/db/sqlite-dialect.ts';
import { SqliteCheckpointer } from '../../src/db/sqlite-checkpointer.ts';
import { isBusy } from '../../src/db/db-errors.ts';

const silent = pino({ level: 'silent' });

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-locks-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The longest gap between ticks of a 5 ms interval while `work` runs: how long the event loop was blocked. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

test('a write waiting for another process’s lock leaves the event loop free, then commits', async () => {
  await withDir(async (dataDir) => {
    const { db, checkpointer } = openDatabase({ dataDir, databaseUrl: '' }, { backgroundCheckpoints: { logger: silent } });
    try {
      await sql`create table t (x integer)`.execute(db);
      // Another connection (as the CLI's import would) holds the write lock for 400 ms.
      const other = new DatabaseSync(path.join(dataDir, 'vigil.sqlite'));
      other.exec('begin immediate; insert into t (x) values (1);');
      const release = sleep(400).then(() => other.exec('commit'));
      const started = performance.now();
      const stall = await longestStall(async () => {
        await Promise.all([
          db.transaction().execute(async (trx) => {
            await sql`insert into t (x) values (2)`.execute(trx);
          }),
          sql`insert into t (x) values (3)`.execute(db),
          release,
        ]);
      });
      const waited = performance.now() - started;
      other.close();
      assert.ok(waited >= 380, `the writes waited for the lock (${waited.toFixed(0)} ms)`);
      assert.ok(stall < 150, `the event loop kept running while they waited (longest stall ${stall.toFixed(0)} ms)`);
      const rows = await sql<{ x: number }>`select x from t order by x`.execute(db);
      assert.deepEqual(
        rows.rows.map((r) => r.x),
        [1, 2, 3],
      );
    } finally {
      await checkpointer?.stop();
      await db.destroy();
    }
  });
});

test('a transaction that reads, then writes, does not fail when another connection wrote in between', async () => {
  await withDir(async (dataDir) => {
    const { db } = openDatabase({ dataDir, databaseUrl: '' });
    try {
      await sql`create table t (x integer)`.execute(db);
      const other = new DatabaseSync(path.join(dataDir, 'vigil.sqlite'));
      // With a deferred BEGIN the read below would take a snapshot, the other connection would commit, and the
      // write would fail at once with SQLITE_BUSY_SNAPSHOT ("database is locked"). IMMEDIATE takes the lock first.
      const result = await db.transaction().execute(async (trx) => {
        const before = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
        assert.throws(
          () => other.exec('insert into t (x) values (9)'),
          (e) => isBusy(e),
          'the other connection waits: the lock is held from BEGIN',
        );
        await sql`insert into t (x) values (${before.rows[0]?.n ?? -1})`.execute(trx);
        return 'committed';
      });
      assert.equal(result, 'committed');
      other.exec('insert into t (x) values (9)');
      other.close();
    } finally {
      await db.destroy();
    }
  });
});

test('whileBusy gives up with the busy error after its deadline, and does not retry other errors', async () => {
  let tries = 0;
  const busy = Object.assign(new Error('database is locked'), { errcode: 5 });
  await assert.rejects(
    whileBusy(async () => {
      tries++;
      throw busy;
    }, 60),
    (e) => e === busy,
  );
  assert.ok(tries > 3, `tried again while busy (${tries} tries)`);
  tries = 0;
  await assert.rejects(
    whileBusy(async () => {
      tries++;
      throw new Error('no such table');
    }, 60),
    /no such table/,
  );
  assert.equal(tries, 1);
});

test('WAL checkpoints run in the background thread, and the writer takes them back if that thread fails', async () => {
  await withDir(async (dataDir) => {
    const { db, checkpointer } = openDatabase({ dataDir, databaseUrl: '' }, { backgroundCheckpoints: { logger: silent } });
    assert.ok(checkpointer);
    try {
      const auto = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
      assert.equal(auto.rows[0]?.wal_autocheckpoint, 0, 'the writer no longer checkpoints inside its commits');
      await sql`create table t (x text)`.execute(db);
      for (let i = 0; i < 200; i++) await sql`insert into t (x) values (${'x'.repeat(2000)})`.execute(db);
      for (let i = 0; i < 100 && checkpointer.stats.lastCheckpointed === 0; i++) await sleep(20);
      assert.ok(checkpointer.stats.runs > 0 && checkpointer.stats.lastCheckpointed > 0, `checkpointed: ${JSON.stringify(checkpointer.stats)}`);
    } finally {
      await checkpointer.stop();
      await db.destroy();
    }
    // A checkpointer whose thread cannot open its database hands checkpoints back to the writer.
    const writer = new DatabaseSync(path.join(dataDir, 'w.sqlite'));
    writer.exec('pragma journal_mode = wal; pragma wal_autocheckpoint = 0');
    const failing = new SqliteCheckpointer(path.join(dataDir, 'missing', 'nothing.sqlite'), writer, silent);
    for (let i = 0; i < 100 && (writer.prepare('pragma wal_autocheckpoint').get() as { wal_autocheckpoint: number }).wal_autocheckpoint === 0; i++)
      await sleep(20);
    assert.equal((writer.prepare('pragma wal_autocheckpoint').get() as { wal_autocheckpoint: number }).wal_autocheckpoint, 1000);
    await failing.stop();
    writer.close();
  });
});
