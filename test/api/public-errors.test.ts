// The errors the public pages meet, through the HTTP API: each answer's code is one the pages say in every
// language (web/src/shared/error-text.ts, PUBLIC_ERROR_CODES), and each field problem carries a machine
// kind (and the bound it missed) besides its English message. Runs on SQLite, and on PostgreSQL with
// VIGIL_DATABASE_URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api, type ApiResponse } from '../helpers/api.ts';
import { PUBLIC_ERROR_CODES } from '../../web/src/shared/error-text.ts';
import { FIELD_PROBLEM_KINDS } from '../../src/shared/errors.ts';

const codes: readonly string[] = PUBLIC_ERROR_CODES;
const kinds: readonly string[] = FIELD_PROBLEM_KINDS;

/** The answer is an error the public pages can say, with the field problem expected (when one is). */
function expectError(r: ApiResponse, status: number, code: string, problem?: { field: string; kind: string; limit?: number }) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body.error.code, code, r.text);
  assert.ok(codes.includes(code), `${code} is not in PUBLIC_ERROR_CODES`);
  assert.equal(typeof r.body.error.message, 'string');
  const details: unknown = r.body.error.details;
  for (const d of Array.isArray(details) ? details : []) {
    assert.ok(kinds.includes(d.kind), `field problem without a known kind: ${JSON.stringify(d)}`);
    assert.equal(typeof d.message, 'string', 'the English message stays for API clients');
  }
  if (problem) {
    assert.ok(Array.isArray(details), r.text);
    const got = details.find((d: { field: string }) => d.field === problem.field);
    assert.ok(got, `no problem with ${problem.field}: ${r.text}`);
    assert.equal(got.kind, problem.kind, r.text);
    if (problem.limit !== undefined) assert.equal(got.limit, problem.limit, r.text);
  }
}

describe('errors on the public routes', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    const owner = await api.account('owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'kind_words', title: 'Kind words' }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
  });

  const anonymous = { subject: '/c/kind_words', category: 'spam', explanation: 'Repeated advertising posts.', bonaFide: true };
  const report = (body: unknown) => api.post('/api/v1/reports', body);

  test('the report form: each problem names its field and a kind the page can say', async () => {
    expectError(await report({}), 400, 'invalid_request', { field: 'subject', kind: 'required' });
    expectError(await report({ ...anonymous, subject: 'https://example.org/not/a/channel' }), 400, 'invalid_subject', {
      field: 'subject',
      kind: 'not_a_link',
    });
    expectError(await report({ ...anonymous, subject: '   ' }), 400, 'invalid_subject', { field: 'subject', kind: 'required' });
    expectError(await report({ ...anonymous, subject: '/c/nobody_here' }), 404, 'not_found', { field: 'subject', kind: 'not_found' });
    expectError(await report({ ...anonymous, subject: { platform: 'Not a name!', kind: 'channel', id: '1' } }), 400, 'invalid_subject', {
      field: 'subject',
      kind: 'unknown_platform',
    });
    expectError(await report({ ...anonymous, subject: { platform: 'no-such-forum', kind: 'channel', id: '1' } }), 404, 'not_found', {
      field: 'subject',
      kind: 'not_found',
    });
    expectError(await report({ ...anonymous, explanation: 'x'.repeat(5001) }), 400, 'invalid_request', { field: 'explanation', kind: 'too_long', limit: 5000 });
    expectError(await report({ ...anonymous, explanation: 'short' }), 400, 'invalid_report', { field: 'explanation', kind: 'too_short', limit: 10 });
    expectError(await report({ ...anonymous, bonaFide: false }), 400, 'invalid_report', { field: 'bonaFide', kind: 'must_confirm' });
    expectError(await report({ ...anonymous, category: 'nonsense' }), 400, 'invalid_report', { field: 'category', kind: 'not_a_category' });
    expectError(await report({ ...anonymous, contact: { email: 'not an address' } }), 400, 'invalid_request', { field: 'contact.email', kind: 'bad_format' });
    expectError(await report({ ...anonymous, language: 'xx' }), 400, 'invalid_request', { field: 'language', kind: 'not_allowed' });
    expectError(await report({ ...anonymous, admin: true }), 400, 'invalid_request', { field: 'admin', kind: 'unknown_field' });
    expectError(await report({ ...anonymous, explanation: 'Repeated \u0000 advertising.' }), 400, 'invalid_text', { field: 'explanation', kind: 'not_text' });
    expectError(await report({ ...anonymous, bonaFide: 'yes' }), 400, 'invalid_request', { field: 'bonaFide', kind: 'wrong_type' });
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': 'application/json' }, payload: '{"subject":' });
    expectError({ status: broken.statusCode, body: broken.json(), headers: {}, text: broken.body }, 400, 'invalid_json');

    const first = await report(anonymous);
    assert.equal(first.status, 202, first.text);
    const key = { 'idempotency-key': 'same-key-1' };
    assert.equal((await api.post('/api/v1/reports', anonymous, { headers: key })).status, 202);
    expectError(await api.post('/api/v1/reports', { ...anonymous, explanation: 'Another explanation.' }, { headers: key }), 422, 'idempotency_key_reused');

    expectError(await api.get(`/api/v1/reports/${first.body.id}?receipt=wrong`), 404, 'not_found');
  });

  test('appeals, /protect and /transparency', async () => {
    expectError(await api.post('/api/v1/appeals', { reportId: 'rep_x', receipt: 'r', reason: 'short' }), 400, 'appeal_invalid', {
      field: 'reason',
      kind: 'too_short',
      limit: 10,
    });
    expectError(await api.post('/api/v1/appeals', { reason: 'The decision is wrong because it is news.' }), 400, 'appeal_invalid', {
      field: 'noticeId',
      kind: 'either_or',
    });
    expectError(await api.post('/api/v1/appeals', { reportId: 'rep_x', receipt: 'r', reason: 'The decision is wrong because it is news.' }), 404, 'not_found');
    expectError(await api.post('/api/v1/appeals', { noticeId: 'ntc_x', reason: 'The decision is wrong because it is news.' }), 401, 'unauthorized');

    expectError(await api.post('/api/v1/protect/hashes', { hashes: [] }), 400, 'invalid_request', { field: 'hashes', kind: 'too_few', limit: 1 });
    expectError(await api.post('/api/v1/protect/status', { caseNumber: 'P-0000-0000-0000', pin: '00000000' }), 404, 'not_found');

    expectError(await api.get('/api/v1/transparency?from=2025-03-01&to=2025-02-01'), 400, 'invalid_period', { field: 'from', kind: 'out_of_order' });
    expectError(await api.get('/api/v1/transparency?from=yesterday&to=2025-03-01'), 400, 'invalid_request', { field: 'from', kind: 'bad_format' });
  });

  test('too many reports from one address: rate_limited', async () => {
    const strict = await startTestApp({ anonReportsPerMinute: 1 });
    try {
      const a = apiClient(strict.app);
      await a.post('/api/v1/reports', anonymous);
      expectError(await a.post('/api/v1/reports', anonymous), 429, 'rate_limited');
    } finally {
      await strict.close();
    }
  });
});
