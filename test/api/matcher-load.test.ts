// The matcher's start-up load in a worker thread (its own read-only connection on SQLite, its own pool
// on PostgreSQL) builds the same matcher as a load in the server's thread: every active PDQ, MD5 and
// SHA-256 entry with its bank's category, nothing withdrawn, and the same change-feed position.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { createLogger } from '../../src/logger.ts';

const hex = (i: number) => (i * 2654435761).toString(16).padStart(16, '0').slice(-16).repeat(4);
const digest = (algorithm: 'md5' | 'sha256', i: number) => createHash(algorithm).update(String(i)).digest('hex');

describe('matcher load in a worker thread', () => {
  let t: TestApp;
  let inWorker: AppContext;
  let inThread: AppContext;

  before(async () => {
    t = await startTestApp();
    const terror = await t.ctx.banks.create({ name: 'load-terror', category: 'terrorism' });
    const ncii = await t.ctx.banks.create({ name: 'load-ncii', category: 'ncii' });
    await t.ctx.banks.addEntries(
      terror.id,
      Array.from({ length: 3000 }, (_, k) => ({ signalType: 'pdq' as const, hash: hex(k + 1), label: null })),
      'import',
    );
    await t.ctx.banks.addEntries(
      ncii.id,
      Array.from({ length: 40 }, (_, k) => ({
        signalType: k % 2 ? ('md5' as const) : ('sha256' as const),
        hash: digest(k % 2 ? 'md5' : 'sha256', k),
        label: null,
      })),
      'import',
    );
    const withdrawn = await t.ctx.db
      .selectFrom('bank_entries')
      .select('id')
      .where('hash', 'in', [hex(7), digest('md5', 1)])
      .execute();
    for (const w of withdrawn) await t.ctx.banks.setStatus(w.id, 'withdrawn');
    const config = { ...t.config, bankPollMs: 0 };
    inWorker = await createContext(config, createLogger('silent'), { matcherWorkerFrom: 0 });
    inThread = await createContext(config, createLogger('silent'), { matcherWorkerFrom: Number.POSITIVE_INFINITY });
  });
  after(async () => {
    await inWorker?.close();
    await inThread?.close();
    await t?.close();
  });

  test('both loads hold the same entries, categories and feed position, ready to match', async () => {
    assert.equal(inWorker.matcher.size, 3000 + 40 - 2);
    assert.equal(inWorker.matcher.size, inThread.matcher.size);
    assert.equal(inWorker.matcher.changeSeq, inThread.matcher.changeSeq);
    assert.equal(inWorker.matcher.pendingPdq, 0, 'postings built in the worker');
    for (const ctx of [inWorker, inThread]) {
      const m = ctx.matcher;
      assert.deepEqual(
        m.match({ pdq: { hash: hex(1), quality: 100 } }).map((x) => [x.num > 0, x.distance, x.category]),
        [[true, 0, 'terrorism']],
      );
      assert.equal(m.match({ pdq: { hash: hex(7), quality: 100 } }).length, 0, 'withdrawn');
      assert.equal(m.match({ md5: digest('md5', 3) })[0]?.category, 'ncii');
      assert.equal(m.match({ md5: digest('md5', 1) }).length, 0, 'withdrawn');
      assert.equal(m.match({ sha256: digest('sha256', 4) })[0]?.signalType, 'sha256');
    }
    for (let i = 1; i <= 3000; i += 37) {
      const q = { pdq: { hash: hex(i), quality: 100 } };
      assert.deepEqual(inWorker.matcher.match(q), inThread.matcher.match(q));
    }
  });

  test('a matcher loaded in a worker follows the change feed afterwards', async () => {
    await t.ctx.banks.import('load-terror', [hex(9001)]);
    assert.ok((await inWorker.matcher.poll(inWorker.db)) >= 1);
    assert.equal(inWorker.matcher.match({ pdq: { hash: hex(9001), quality: 100 } }).length, 1);
    const row = await t.ctx.db.selectFrom('bank_entries').select('id').where('hash', '=', hex(2)).executeTakeFirstOrThrow();
    await t.ctx.banks.setStatus(row.id, 'withdrawn');
    await inWorker.matcher.poll(inWorker.db);
    assert.equal(inWorker.matcher.match({ pdq: { hash: hex(2), quality: 100 } }).length, 0);
  });
});
