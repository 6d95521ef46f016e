// On PostgreSQL a committed bank change wakes every process's feed reader through LISTEN/NOTIFY, so it
// reaches another process's matcher in milliseconds rather than at its next poll. The other process here
// is a second context on the same database that polls only once a minute: what it sees within two
// seconds came by the wake-up. Its listening connection is also killed, to see it come back.
// PostgreSQL only (VIGIL_DATABASE_URL); on SQLite the feed is polled (bank-feed.test.ts, banks-live.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createLogger } from '../../src/logger.ts';
import { startPeerApp, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { listen, notify } from '../../src/db/notifications.ts';
import { BANK_CHANGES_CHANNEL } from '../../src/detection/banks.repository.ts';

const skip = process.env.VIGIL_DATABASE_URL ? false : 'LISTEN/NOTIFY is PostgreSQL only: set VIGIL_DATABASE_URL';
const hex = (i: number) => (i * 2654435761).toString(16).padStart(16, '0').slice(-16).repeat(4);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds until `ok()` holds, checked every 5 ms; Infinity after 10 s. */
async function until(ok: () => boolean | Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (!(await ok())) {
    if (performance.now() - start > 10_000) return Number.POSITIVE_INFINITY;
    await sleep(5);
  }
  return performance.now() - start;
}

describe('bank changes wake other processes on PostgreSQL', { skip }, () => {
  let t: TestApp;
  let peer: TestApp;
  const matches = (i: number) => peer.ctx.matcher.match({ pdq: { hash: hex(i), quality: 100 } }).length > 0;
  before(async () => {
    t = await startTestApp();
    await t.ctx.banks.create({ name: 'wake-bank', category: 'terrorism' });
    peer = await startPeerApp(t, { bankPollMs: 60_000 });
    // Listening starts in the background; its first LISTEN ends with a read of the feed.
    await sleep(200);
  });
  after(async () => {
    await peer?.close();
    await t?.close();
  });

  test('an import through one process matches in the other within 2 s, with its poll a minute away', async () => {
    const started = performance.now();
    assert.equal((await t.ctx.banks.import('wake-bank', [hex(1)])).added, 1);
    const waited = await until(() => matches(1));
    const total = performance.now() - started;
    console.log(`wake-up: matched in the other process ${waited.toFixed(1)} ms after the import committed (${total.toFixed(1)} ms from its start)`);
    assert.ok(waited < 2000, `matched after ${waited} ms`);
  });

  test('a withdrawal stops matching there as fast', async () => {
    const row = await t.ctx.db.selectFrom('bank_entries').select('id').where('hash', '=', hex(1)).executeTakeFirstOrThrow();
    await t.ctx.banks.setStatus(row.id, 'withdrawn');
    const waited = await until(() => !matches(1));
    assert.ok(waited < 2000, `still matched after ${waited} ms`);
  });

  test('a killed listening connection is reopened, and changes made meanwhile arrive', async () => {
    const listeners = () =>
      sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and query = ${`LISTEN "${BANK_CHANGES_CHANNEL}"`}`.execute(
        t.ctx.db,
      );
    const before = (await listeners()).rows;
    assert.equal(before.length, 2, 'one listening connection per process');
    for (const { pid } of before) await sql`select pg_terminate_backend(${pid})`.execute(t.ctx.db);
    await t.ctx.banks.import('wake-bank', [hex(2)]); // while nobody listens
    const reopened = await until(async () => (await listeners()).rows.length === 2);
    assert.ok(reopened < 2000, `listening again after ${reopened} ms`);
    assert.ok((await until(() => matches(2))) < 2000, 'the change made while not listening is read on reconnecting');
    assert.equal((await t.ctx.banks.import('wake-bank', [hex(3)])).added, 1);
    assert.ok((await until(() => matches(3))) < 2000, 'and the next change wakes it as before');
  });

  test('a notification is delivered when its transaction commits, never when it rolls back', async () => {
    let heard = 0;
    const stop = listen(t.config.databaseUrl, 'vigil_test_wakeup', () => heard++, createLogger('silent'));
    try {
      assert.ok((await until(() => heard === 1)) < 2000, 'heard once when listening starts');
      await t.ctx.db
        .transaction()
        .execute(async (trx) => {
          await notify(trx, 'vigil_test_wakeup', 'x');
          throw new Error('roll back');
        })
        .catch(() => {});
      await t.ctx.db.transaction().execute(async (trx) => {
        await notify(trx, 'vigil_test_wakeup', 'y');
        await sleep(100);
        assert.equal(heard, 1, 'not before the commit');
      });
      assert.ok((await until(() => heard === 2)) < 2000);
      await sleep(100);
      assert.equal(heard, 2, 'the rolled-back one never came');
    } finally {
      await stop();
    }
  });
});
