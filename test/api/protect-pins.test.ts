// /protect PINs (issue 8): 8 digits fall to brute force under a fast hash, so they are hashed with scrypt;
// PIN hashes stored before keep working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';

describe('/protect PINs', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('/protect PINs are stored as scrypt hashes and still open the submission', async () => {
    const sub = await api.post('/api/v1/protect/hashes', { hashes: [{ pdq: 'f'.repeat(64) }] });
    assert.equal(sub.status, 201);
    const row = await t.ctx.db.selectFrom('protect_submissions').selectAll().where('case_number', '=', sub.body.caseNumber).executeTakeFirstOrThrow();
    assert.match(row.pin_hash, /^scrypt\$/);
    assert.equal((await api.post('/api/v1/protect/status', { caseNumber: sub.body.caseNumber, pin: sub.body.pin })).status, 200);
    const wrongPin = sub.body.pin === '00000000' ? '00000001' : '00000000';
    assert.equal((await api.post('/api/v1/protect/status', { caseNumber: sub.body.caseNumber, pin: wrongPin })).status, 404);
  });

  test('a PIN stored before scrypt (SHA-256 of case number and PIN) still works and is upgraded on use', async () => {
    const sub = await api.post('/api/v1/protect/hashes', { hashes: [{ pdq: 'e'.repeat(64) }] });
    const caseNumber: string = sub.body.caseNumber;
    const legacy = createHash('sha256').update(`${caseNumber}:12345678`).digest('hex');
    await t.ctx.db.updateTable('protect_submissions').set({ pin_hash: legacy }).where('case_number', '=', caseNumber).execute();
    assert.equal((await api.post('/api/v1/protect/status', { caseNumber, pin: '87654321' })).status, 404);
    const ok = await api.post('/api/v1/protect/status', { caseNumber, pin: '12345678' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.caseNumber, caseNumber);
    const row = await t.ctx.db.selectFrom('protect_submissions').selectAll().where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
    assert.match(row.pin_hash, /^scrypt\$/, 'rehashed with scrypt once the PIN was seen');
    assert.equal((await api.post('/api/v1/protect/withdraw', { caseNumber, pin: '12345678' })).status, 200);
  });
});
