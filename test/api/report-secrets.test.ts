// Secrets at rest (issue 8): keyed anonymous reporter keys.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';

const anonymousReport = (explanation = 'Sells hacked accounts to anyone who pays.') => ({
  subject: '/c/secret_shop', category: 'fraud', explanation, bonaFide: true,
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
  after(async () => { await t.close(); });

  const report = (body: unknown, key?: string, token?: string) =>
    api.post('/api/v1/reports', body, { token, headers: key ? { 'idempotency-key': key } : {} });
  const reportRow = (id: string) => t.ctx.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('an anonymous reporter key is keyed by the server secret, not a bare hash of the address', async () => {
    const r = await report(anonymousReport());
    assert.equal(r.status, 202);
    const row = await reportRow(r.body.id);
    const unkeyed = createHash('sha256').update('vigil-anon:127.0.0.1').digest('hex').slice(0, 20);
    assert.match(row.reporter_key, /^anon:[0-9a-f]{20}$/);
    assert.notEqual(row.reporter_key, `anon:${unkeyed}`, 'anyone could recompute this key from an address');
  });
});
