// Secrets at rest (issue 8): no receipt stored in clear, keyed anonymous reporter keys, and the
// Idempotency-Key contract (same key + same body replays; a different body is refused).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';

const anonymousReport = (explanation = 'Sells hacked accounts to anyone who pays.') => ({
  subject: '/c/secret_shop',
  category: 'fraud',
  explanation,
  bonaFide: true,
});

describe('secrets at rest', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp({ anonReportsPerMinute: 1000 });
    api = apiClient(t.app);
    const owner = await api.account('Shop owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'secret_shop', title: 'Accounts' }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
  });

  const report = (body: unknown, key?: string, token?: string) => api.post('/api/v1/reports', body, { token, headers: key ? { 'idempotency-key': key } : {} });
  const reportRow = (id: string) => t.ctx.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('an anonymous reporter key is keyed by the server secret, not a bare hash of the address', async () => {
    const r = await report(anonymousReport());
    assert.equal(r.status, 202);
    const row = await reportRow(r.body.id);
    const unkeyed = createHash('sha256').update('vigil-anon:127.0.0.1').digest('hex').slice(0, 20);
    assert.match(row.reporter_key, /^anon:[0-9a-f]{20}$/);
    assert.notEqual(row.reporter_key, `anon:${unkeyed}`, 'anyone could recompute this key from an address');
  });

  test('no receipt is stored in clear, and a replay with the same key and body gives back the same receipt', async () => {
    const first = await report(anonymousReport(), 'form-1');
    assert.equal(first.status, 202);
    assert.match(first.body.receipt, /^rcpt_[A-Za-z0-9_-]{32}$/);
    const row = await reportRow(first.body.id);
    for (const [column, value] of Object.entries(row)) {
      assert.ok(!String(value ?? '').includes(first.body.receipt), `column ${column} holds the receipt in clear`);
    }
    const again = await report(anonymousReport(), 'form-1');
    assert.equal(again.status, 202);
    assert.deepEqual(again.body, first.body, 'same id, status, receipt and status link');
    const status = await api.get(`/api/v1/reports/${first.body.id}`, { headers: { 'x-receipt': again.body.receipt } });
    assert.equal(status.status, 200);
    // One character changed (never to itself: a receipt ending in "x" made this test pass 1 time in 64).
    const last = first.body.receipt.at(-1) === 'x' ? 'y' : 'x';
    const wrong = await api.get(`/api/v1/reports/${first.body.id}`, { headers: { 'x-receipt': `${first.body.receipt.slice(0, -1)}${last}` } });
    assert.equal(wrong.status, 404);
  });

  test('receipts without an Idempotency-Key work too and differ per report', async () => {
    const a = await report(anonymousReport());
    const b = await report(anonymousReport());
    assert.notEqual(a.body.receipt, b.body.receipt);
    assert.equal((await api.get(`/api/v1/reports/${a.body.id}?receipt=${encodeURIComponent(a.body.receipt)}`)).status, 200);
    assert.equal((await api.get(`/api/v1/reports/${a.body.id}`, { headers: { 'x-receipt': b.body.receipt } })).status, 404);
  });

  test('an Idempotency-Key reused with a different body is refused with 422 idempotency_key_reused', async () => {
    const first = await report(anonymousReport(), 'form-2');
    assert.equal(first.status, 202);
    const other = await report(anonymousReport('A different complaint about the same channel.'), 'form-2');
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency_key_reused');
    assert.match(other.body.error.message, /Idempotency-Key/);
    // The order of members is not part of the body's meaning.
    const reordered = { bonaFide: true, explanation: anonymousReport().explanation, category: 'fraud', subject: '/c/secret_shop' };
    const replay = await report(reordered, 'form-2');
    assert.equal(replay.status, 202);
    assert.equal(replay.body.id, first.body.id);
  });

  test('the key belongs to its reporter: another reporter may use the same key for their own report', async () => {
    const alice = await api.account('Alice');
    const bob = await api.account('Bob');
    const a = await report({ subject: '/c/secret_shop', category: 'spam' }, 'shared-key', alice.token);
    const b = await report({ subject: '/c/secret_shop', category: 'fraud' }, 'shared-key', bob.token);
    assert.equal(a.status, 202);
    assert.equal(b.status, 202);
    assert.notEqual(a.body.id, b.body.id);
  });

  test('racing requests with one key: one report; same bodies replay it, different bodies get 422', async () => {
    const carol = await api.account('Carol');
    const bodyA = { subject: '/c/secret_shop', category: 'spam' };
    const bodyB = { subject: '/c/secret_shop', category: 'fraud' };
    const answers = await Promise.all([bodyA, bodyB, bodyA, bodyB, bodyA, bodyB].map((b) => report(b, 'race-1', carol.token).then((r) => ({ r, b }))));
    const accepted = answers.filter((x) => x.r.status === 202);
    const refused = answers.filter((x) => x.r.status === 422);
    assert.equal(accepted.length + refused.length, answers.length, JSON.stringify(answers.map((x) => x.r.status)));
    assert.equal(new Set(accepted.map((x) => x.r.body.id)).size, 1, 'one report');
    assert.equal(new Set(accepted.map((x) => x.r.body.receipt)).size, 1, 'one receipt');
    assert.equal(new Set(accepted.map((x) => x.b)).size, 1, 'only the winning body is acknowledged');
    assert.equal(accepted.length, 3);
    for (const x of refused) assert.equal(x.r.body.error.code, 'idempotency_key_reused');
    const rows = await t.ctx.db.selectFrom('reports').select('id').where('idempotency_key', 'like', '%|race-1').execute();
    assert.equal(rows.length, 1);
  });

  test('racing first reports about a new subject, some under one key: every request is answered, one report per key', async () => {
    const owner = await api.account('Race owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'fresh_race', title: 'New' }, { token: owner.token })).status, 201);
    const dave = await api.account('Dave');
    const others = await Promise.all(Array.from({ length: 4 }, (_, i) => api.account(`Other ${i}`)));
    const body = { subject: '/c/fresh_race', category: 'spam' };
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => report(body, 'race-2', dave.token)),
      ...others.map((o) => report(body, 'race-2', o.token)),
    ]);
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(8).fill(202),
    );
    assert.equal(new Set(answers.slice(0, 4).map((a) => a.body.id)).size, 1);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 5);
  });
});
