// The banks' change feed: a second process's matcher (here a second context on the same database, with
// its own matcher and no polling timer) follows imports, withdrawals and benign marks made by the first,
// and a context started on a full bank has its index built before it serves anything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { createLogger } from '../../src/logger.ts';

const hex = (i: number) => (i * 2654435761).toString(16).padStart(16, '0').slice(-16).repeat(4);
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => hex(from + k));

describe('bank change feed', () => {
  let t: TestApp;
  let other: AppContext;
  const matches = (ctx: AppContext, i: number) => ctx.matcher.match({ pdq: { hash: hex(i), quality: 100 } }).length > 0;

  before(async () => {
    t = await startTestApp();
    await t.ctx.banks.create({ name: 'feed-bank', category: 'terrorism' });
    // 4,500 entries: three import batches, so three 'added' changes.
    assert.equal((await t.ctx.banks.import('feed-bank', lines(1, 4500))).added, 4500);
    other = await createContext({ ...t.config, bankPollMs: 0 }, createLogger('silent'));
  });
  after(async () => {
    await other?.close();
    await t?.close();
  });

  test('a context starting on a full bank has its index built before it serves', async () => {
    assert.equal(other.matcher.size, 4500);
    assert.equal(other.matcher.pendingPdq, 0, 'no merge left for the first query');
    assert.ok(matches(other, 1) && matches(other, 4500));
    const last = await t.ctx.db.selectFrom('counters').select('value').where('name', '=', 'bank_change').executeTakeFirstOrThrow();
    assert.equal(other.matcher.changeSeq, last.value, 'the feed position it loaded at');
  });

  test("another process's import, withdrawal and benign mark reach this matcher at the next poll", async () => {
    const imported = await t.ctx.banks.import('feed-bank', lines(5001, 5003));
    assert.equal(imported.added, 3);
    assert.equal(matches(other, 5002), false);
    assert.ok((await other.matcher.poll(other.db)) >= 1);
    assert.ok(matches(other, 5001) && matches(other, 5002) && matches(other, 5003));
    assert.equal(other.matcher.size, 4503);

    const [a, b] = (
      await t.ctx.db
        .selectFrom('bank_entries')
        .select(['id', 'num'])
        .where('hash', 'in', [hex(5001), hex(5002)])
        .orderBy('num')
        .execute()
    ).map((r) => r.id);
    await t.ctx.banks.setStatus(a, 'withdrawn');
    await t.ctx.banks.setStatus(b, 'benign');
    assert.equal(await other.matcher.poll(other.db), 2);
    assert.equal(matches(other, 5001), false);
    assert.equal(matches(other, 5002), false);
    assert.ok(matches(other, 5003));
    assert.equal(other.matcher.size, 4501);
    assert.equal(await other.matcher.poll(other.db), 0, 'nothing new: nothing applied');
  });

  test('applying a change twice is harmless, and an added range skips entries withdrawn since', async () => {
    const before = t.ctx.matcher.size;
    // The importing process reads its own changes from the feed too.
    assert.ok((await t.ctx.matcher.poll(t.ctx.db)) >= 0);
    assert.equal(t.ctx.matcher.size, before);

    await t.ctx.banks.import('feed-bank', lines(6001, 6002));
    const row = await t.ctx.db.selectFrom('bank_entries').select('id').where('hash', '=', hex(6001)).executeTakeFirstOrThrow();
    await t.ctx.banks.setStatus(row.id, 'withdrawn');
    await other.matcher.poll(other.db);
    assert.equal(matches(other, 6001), false);
    assert.ok(matches(other, 6002));
    assert.equal(other.matcher.size, t.ctx.matcher.size);
  });

  test('a bank created and filled elsewhere matches with its own category', async () => {
    await t.ctx.banks.create({ name: 'feed-ncii', category: 'ncii' });
    await t.ctx.banks.import('feed-ncii', [hex(7001)]);
    await other.matcher.poll(other.db);
    const [m] = other.matcher.match({ pdq: { hash: hex(7001), quality: 100 } });
    assert.equal(m?.category, 'ncii');
  });
});
