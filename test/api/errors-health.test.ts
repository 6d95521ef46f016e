import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import pg from 'pg';

/** Every error is {"error":{"code","message"[,"details"]}} and nothing else: no stack, no framework fields. */
function assertErrorShape(body: unknown, code: string) {
  assert.ok(body && typeof body === 'object', 'a JSON body');
  assert.deepEqual(Object.keys(body), ['error']);
  const e = (body as { error: Record<string, unknown> }).error;
  assert.equal(e.code, code);
  assert.equal(typeof e.message, 'string');
  assert.ok((e.message as string).length > 0);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'details'].includes(k), `unexpected field ${k}`);
  assert.ok(!JSON.stringify(body).includes('    at '), 'no stack trace');
}

describe('errors, health and documentation', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('unknown routes answer 404 in the one error shape', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/channels/x/y/z'],
      ['DELETE', '/api/v1/channels'],
      ['GET', '/no/such/page'],
    ] as const) {
      const r = await api.call(method, url);
      assert.equal(r.status, 404, `${method} ${url}`);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      assertErrorShape(r.body, 'not_found');
      assert.ok(r.body.error.message.includes(url.split('?')[0]));
    }
  });

  test('malformed JSON is a 400 invalid_json', async () => {
    const owner = await api.account();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      payload: '{"handle": "broken_json", "title": ',
    });
    assert.equal(res.statusCode, 400);
    assertErrorShape(res.json(), 'invalid_json');
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    assert.equal(anon.statusCode, 400);
    assertErrorShape(anon.json(), 'invalid_json');
  });

  test('validation errors name the field and the kind of problem (a stable code), with the bound missed', async () => {
    const missing = await api.post('/api/v1/accounts', {});
    assert.equal(missing.status, 400);
    assertErrorShape(missing.body, 'invalid_request');
    assert.deepEqual(missing.body.error.details, [{ field: 'displayName', kind: 'required', message: 'is required' }]);

    const wrongType = await api.post('/api/v1/accounts', { displayName: '' });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.error.details[0].field, 'displayName');
    assert.equal(wrongType.body.error.details[0].kind, 'too_short');
    assert.equal(wrongType.body.error.details[0].limit, 1);

    const extra = await api.post('/api/v1/accounts', { displayName: 'A', admin: true });
    assert.equal(extra.status, 400);
    assert.deepEqual(extra.body.error.details, [{ field: 'admin', kind: 'unknown_field', message: 'is not a known field' }]);
  });

  test('a body that is not JSON where JSON is expected is refused with 415', async () => {
    const owner = await api.account();
    const r = await api.call('POST', '/api/v1/channels', {
      token: owner.token,
      raw: Buffer.from('handle=x'),
      contentType: 'application/x-www-form-urlencoded',
    });
    assert.equal(r.status, 415);
    assertErrorShape(r.body, 'unsupported_media_type');
  });

  test('a wrong or malformed bearer token is a 401, never a silent anonymous request', async () => {
    const real = await api.account();
    for (const authorization of [
      `Bearer ${real.token}x`,
      'Bearer vga_notarealtoken',
      'Bearer something_else_entirely',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      'Bearer',
    ]) {
      const r = await api.get('/api/v1/channels/anything_here', { headers: { authorization } });
      assert.equal(r.status, 401, authorization);
      assertErrorShape(r.body, 'unauthorized');
    }
    // Even on a public read, a wrong token is an error.
    const ok = await api.post('/api/v1/channels', { handle: 'auth_check', title: 'A' }, { token: real.token });
    assert.equal(ok.status, 201);
    assert.equal((await api.get('/api/v1/channels/auth_check', { headers: { authorization: 'Bearer vga_wrong' } })).status, 401);
    assert.equal((await api.get('/api/v1/channels/auth_check')).status, 200);
    // Writes without any token are a 401 that says how to get one.
    const anon = await api.post('/api/v1/channels', { handle: 'no_token_ch', title: 'A' });
    assert.equal(anon.status, 401);
    assertErrorShape(anon.body, 'unauthorized');
    assert.match(anon.body.error.message, /POST \/api\/v1\/accounts/);
  });

  test('an account token is shown once and works; the token is not the id', async () => {
    const r = await api.post('/api/v1/accounts', { displayName: '  Spacey  ' });
    assert.equal(r.status, 201);
    assert.match(r.body.token, /^vga_/);
    assert.notEqual(r.body.token, r.body.id);
    const ch = await api.post('/api/v1/channels', { handle: 'token_works', title: 'T' }, { token: r.body.token });
    assert.equal(ch.status, 201);
  });

  test('/healthz, /readyz and /metrics answer 200', async () => {
    const health = await api.get('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
    const ready = await api.get('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready' });
    await api.get('/api/v1/channels/metrics_probe');
    const metrics = await api.get('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(String(metrics.headers['content-type']), /^text\/plain/);
    assert.match(metrics.text, /vigil_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/channels\/:handle"/);
    assert.match(metrics.text, /process_cpu_seconds_total/);
    assert.ok(!metrics.text.includes('metrics_probe'), 'labels use route patterns, never raw URLs');
  });

  test('the app survives PostgreSQL closing its idle connections, and serves again', {
    skip: !process.env.VIGIL_DATABASE_URL && 'PostgreSQL only',
  }, async () => {
    // Fill the pool with idle connections.
    await Promise.all(Array.from({ length: 8 }, () => api.get('/readyz')));
    const dbName = new URL(t.config.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.VIGIL_DATABASE_URL });
    await admin.connect();
    let terminated = 0;
    try {
      const r = await admin.query(
        'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [dbName],
      );
      terminated = Number(r.rows[0].n);
    } finally {
      await admin.end();
    }
    assert.ok(terminated > 0, 'idle connections were terminated');
    // Let the terminations arrive; an unhandled pool error would crash this process here.
    await new Promise((r) => setTimeout(r, 300));
    const ready = await api.get('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready' });
    const owner = await api.account('After reconnect');
    assert.equal((await api.post('/api/v1/channels', { handle: 'after_reconnect', title: 'R' }, { token: owner.token })).status, 201);
  });

  test('the OpenAPI document lists the main paths and the error schema', async () => {
    const r = await api.get('/api/docs/json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./);
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/api/v1/accounts',
      '/api/v1/media',
      '/api/v1/media/{id}',
      '/api/v1/channels',
      '/api/v1/channels/{handle}',
      '/api/v1/channels/{handle}/posts',
      '/api/v1/channels/{handle}/posts/{number}',
      '/api/v1/channels/{handle}/subscribe',
      '/api/v1/channels/{handle}/admins',
      '/api/v1/bots',
      '/api/v1/bots/{handle}',
      '/api/v1/sticker-sets',
      '/api/v1/sticker-sets/{name}',
      '/api/v1/groups',
      '/api/v1/groups/{id}/members',
      '/api/v1/groups/{id}/messages',
      '/api/v1/chats',
      '/api/v1/chats/{id}/messages',
    ])
      assert.ok(paths.includes(p), `OpenAPI lists ${p}`);
    assert.ok(!paths.includes('/healthz') && !paths.includes('/c/{handle}'), 'infrastructure and pages are hidden');
    assert.ok(r.body.components.securitySchemes.bearerAuth);
    const channel451 = r.body.paths['/api/v1/channels/{handle}'].get.responses['451'];
    assert.ok(channel451, 'the 451 answer is documented');
    const ui = await api.get('/api/docs');
    assert.ok([200, 302].includes(ui.status), 'the docs UI is served');
  });
});
