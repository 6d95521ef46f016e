// The audit log against a real database (SQLite, or PostgreSQL with VIGIL_DATABASE_URL): the chain
// verifies, and each kind of tampering is found at the right seq.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { entryHash, GENESIS_HASH, type AuditLog } from './audit-log.ts';

async function appendMany(audit: AuditLog, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await audit.append({ actor: 'test', action: 'thing.done', target: `t${i}`, data: { i, nested: { b: 2, a: 1 } } });
}

describe('audit log', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  test('entries chain from the genesis hash, list newest first, and verify', async () => {
    await appendMany(t.ctx.audit, 5);
    const first = await t.ctx.audit.list({ limit: 2 });
    assert.deepEqual(
      first.entries.map((e) => e.seq),
      [5, 4],
    );
    assert.deepEqual(first.entries[0].data, { i: 5, nested: { a: 1, b: 2 } });
    const second = await t.ctx.audit.list({ limit: 10, cursor: first.nextCursor! });
    assert.deepEqual(
      second.entries.map((e) => e.seq),
      [3, 2, 1],
    );
    assert.equal(second.nextCursor, null);
    assert.equal(second.entries[2].prevHash, GENESIS_HASH);
    assert.equal(second.entries[1].prevHash, second.entries[2].hash);
    assert.deepEqual(await t.ctx.audit.verify(), { ok: true, entries: 5 });
  });

  test('an empty log verifies', async () => {
    assert.deepEqual(await t.ctx.audit.verify(), { ok: true, entries: 0 });
  });

  test("a changed entry's data is found at its seq", async () => {
    await appendMany(t.ctx.audit, 6);
    await t.ctx.db.updateTable('audit_log').set({ data: '{"i":99}' }).where('seq', '=', 4).execute();
    const v = await t.ctx.audit.verify();
    assert.equal(v.ok, false);
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason, v.entries], [4, 'hash_mismatch', 3]);
  });

  test('an entry rewritten with a recomputed hash breaks the link to the next one', async () => {
    await appendMany(t.ctx.audit, 6);
    const row = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    const forged = { ...row, actor: 'someone-else' };
    await t.ctx.db
      .updateTable('audit_log')
      .set({ actor: forged.actor, hash: entryHash(row.prev_hash, forged) })
      .where('seq', '=', 3)
      .execute();
    const v = await t.ctx.audit.verify();
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason], [4, 'broken_link']);
  });

  test('a deleted entry is found as missing at its seq', async () => {
    await appendMany(t.ctx.audit, 6);
    await t.ctx.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const v = await t.ctx.audit.verify();
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason], [2, 'missing']);
  });

  test('deleting the first entries is found too', async () => {
    await appendMany(t.ctx.audit, 3);
    await t.ctx.db.deleteFrom('audit_log').where('seq', '<=', 2).execute();
    const v = await t.ctx.audit.verify();
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason], [1, 'missing']);
  });

  test('a forged entry inserted mid-chain is found at its seq', async () => {
    await appendMany(t.ctx.audit, 5);
    // Make room at seq 3 the way an intruder would: shift the later entries up by one.
    for (const seq of [5, 4, 3])
      await t.ctx.db
        .updateTable('audit_log')
        .set({ seq: seq + 1 })
        .where('seq', '=', seq)
        .execute();
    const before = await t.ctx.db.selectFrom('audit_log').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('audit_log')
      .values({
        seq: 3,
        at: new Date().toISOString(),
        actor: 'intruder',
        action: 'staff_user.created',
        target: 'usr_x',
        data: '{}',
        prev_hash: before.hash,
        hash: 'f'.repeat(64),
      })
      .execute();
    const v = await t.ctx.audit.verify();
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason], [3, 'hash_mismatch']);
  });

  test('a forged entry appended at the end, and one slipped in before the first, are found', async () => {
    await appendMany(t.ctx.audit, 3);
    const base = { at: new Date().toISOString(), actor: 'intruder', action: 'x', target: null, data: '{}' };
    const tail = { ...base, seq: 4, prev_hash: 'a'.repeat(64) };
    await t.ctx.db
      .insertInto('audit_log')
      .values({ ...tail, hash: entryHash(tail.prev_hash, tail) })
      .execute();
    let v = await t.ctx.audit.verify();
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason], [4, 'broken_link']);

    await t.ctx.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    const head = { ...base, seq: 0, prev_hash: GENESIS_HASH };
    await t.ctx.db
      .insertInto('audit_log')
      .values({ ...head, hash: entryHash(GENESIS_HASH, head) })
      .execute();
    v = await t.ctx.audit.verify();
    assert.deepEqual(v.ok ? undefined : [v.seq, v.reason], [0, 'inserted']);
  });

  test('concurrent appends each get their own seq and the chain stays intact', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => t.ctx.audit.append({ actor: 'test', action: 'race', data: { i } })));
    assert.deepEqual(await t.ctx.audit.verify(), { ok: true, entries: 30 });
  });

  test("appends inside callers' transactions commit and roll back with them, also when they race", async () => {
    await t.ctx.audit.append({ actor: 'test', action: 'before' });
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await t.ctx.audit.append({ actor: 'test', action: 'rolled.back' }, trx);
        throw new Error('abort');
      }),
      /abort/,
    );
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.ctx.db.transaction().execute(async (trx) => {
          await t.ctx.audit.append({ actor: 'test', action: 'in.trx', data: { i } }, trx);
          await new Promise((r) => setTimeout(r, 5));
          await t.ctx.audit.append({ actor: 'test', action: 'in.trx.second', data: { i } }, trx);
        }),
      ),
    );
    assert.deepEqual(await t.ctx.audit.verify(), { ok: true, entries: 25 });
    const all = await t.ctx.audit.list({ limit: 100 });
    assert.equal(
      all.entries.some((e) => e.action === 'rolled.back'),
      false,
    );
  });
});
