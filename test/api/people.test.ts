// Staff sign-in, CSRF, personal tokens, admin management of users and API keys, and their audit trail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, consoleSession, staffToken, staffTokenFor, staffUser, TEST_PASSWORD } from '../helpers/people.ts';

const setCookieOf = (headers: Record<string, unknown>): string => {
  const raw = headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [raw]).filter((c): c is string => typeof c === 'string').find((c) => c.startsWith('vigil_session=')) ?? '';
};

describe('people: console sessions and CSRF', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('logging in sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token; logging out clears it', async () => {
    const user = await staffUser(t, 'senior', 'Senior.One@staff.test');
    const login = await api.post('/api/v1/session', { email: 'SENIOR.one@staff.test ', password: TEST_PASSWORD });
    assert.equal(login.status, 200);
    assert.deepEqual(login.body.user, { id: user.id, email: 'senior.one@staff.test', role: 'senior' });
    assert.ok(login.body.csrfToken.length >= 40);
    const hours = (Date.parse(login.body.expiresAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 11.9 && hours <= 12, `expires in ${hours} h`);

    const setCookie = setCookieOf(login.headers);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.match(setCookie, /Path=\//);
    assert.doesNotMatch(setCookie, /Secure/, 'plain http: the cookie would never come back if it were Secure');
    const cookie = setCookie.split(';')[0];
    assert.ok(!JSON.stringify(login.body).includes(cookie.split('=')[1]), 'the secret is only in the cookie');

    const current = await api.get('/api/v1/session', { headers: { cookie } });
    assert.equal(current.status, 200);
    assert.equal(current.body.csrfToken, login.body.csrfToken);
    assert.equal(current.body.user.role, 'senior');
    assert.equal((await api.get('/api/v1/me', { headers: { cookie } })).body.via, 'session');

    assert.equal((await api.call('DELETE', '/api/v1/session', { headers: { cookie } })).status, 403, 'logout needs the CSRF token too');
    const out = await api.call('DELETE', '/api/v1/session', { headers: { cookie, 'x-csrf-token': login.body.csrfToken } });
    assert.equal(out.status, 204);
    assert.match(setCookieOf(out.headers), /vigil_session=;.*Expires=Thu, 01 Jan 1970/);
    assert.equal((await api.get('/api/v1/session', { headers: { cookie } })).status, 401, 'the session ended on the server');
  });

  test('a wrong password and an unknown email get the same 401', async () => {
    const user = await staffUser(t, 'moderator');
    const wrong = await api.post('/api/v1/session', { email: user.email, password: 'not the password' });
    const unknown = await api.post('/api/v1/session', { email: 'nobody@staff.test', password: TEST_PASSWORD });
    for (const r of [wrong, unknown]) {
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'invalid_credentials');
      assert.equal(setCookieOf(r.headers), '');
    }
    assert.equal(wrong.body.error.message, unknown.body.error.message);
    const failed = (await t.ctx.audit.list({ limit: 100 })).entries.filter((e) => e.action === 'session.login_failed');
    assert.deepEqual(
      failed.slice(0, 2).map((e) => (e.data as { reason: string }).reason),
      ['unknown_email', 'wrong_password'],
    );
  });

  test('cookie-authenticated writes need the X-CSRF-Token of their session; bearer writes do not', async () => {
    const s = await consoleSession(t, 'triage');
    const noHeader = await api.post('/api/v1/me/tokens', { label: 'x' }, { headers: { cookie: s.cookie } });
    assert.equal(noHeader.status, 403);
    assert.equal(noHeader.body.error.code, 'csrf_failed');
    const other = await consoleSession(t, 'triage');
    const wrongToken = await api.post('/api/v1/me/tokens', { label: 'x' }, { headers: { cookie: s.cookie, 'x-csrf-token': other.csrfToken } });
    assert.equal(wrongToken.status, 403, "another session's token does not count");
    assert.equal((await api.get('/api/v1/me/tokens', { headers: { cookie: s.cookie } })).status, 200, 'reads need no CSRF token');

    const ok = await api.post('/api/v1/me/tokens', { label: 'script' }, { headers: s.headers });
    assert.equal(ok.status, 201);
    const bearer = await api.post('/api/v1/me/tokens', { label: 'from a script' }, { token: ok.body.token });
    assert.equal(bearer.status, 201, 'bearer tokens are not sent by browsers on their own, so need no CSRF token');
    const both = await api.post('/api/v1/me/tokens', { label: 'both' }, { token: ok.body.token, headers: { cookie: s.cookie } });
    assert.equal(both.status, 201, 'with an Authorization header the cookie is ignored');
  });

  test('an expired session is anonymous: 401 on staff routes, and no CSRF check to fail', async () => {
    const s = await consoleSession(t, 'admin');
    assert.equal((await api.get('/api/v1/admin/users', { headers: s.headers })).status, 200);
    await t.ctx.db
      .updateTable('staff_sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', s.user.id)
      .execute();
    assert.equal((await api.get('/api/v1/session', { headers: { cookie: s.cookie } })).status, 401);
    assert.equal((await api.get('/api/v1/admin/users', { headers: s.headers })).status, 401);
    const write = await api.post('/api/v1/me/tokens', { label: 'x' }, { headers: { cookie: s.cookie } });
    assert.equal(write.status, 401);
    assert.equal(write.body.error.code, 'unauthorized');
    assert.equal((await api.get('/healthz', { headers: { cookie: s.cookie } })).status, 200, 'public routes still answer');
  });

  test('login attempts are limited to 10 a minute per address and email', async () => {
    const user = await staffUser(t, 'triage');
    for (let i = 0; i < 10; i++) assert.equal((await api.post('/api/v1/session', { email: user.email, password: `guess ${i}` })).status, 401);
    const limited = await api.post('/api/v1/session', { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limited');
    const other = await staffUser(t, 'triage');
    assert.equal((await api.post('/api/v1/session', { email: other.email, password: TEST_PASSWORD })).status, 200, 'other accounts are not locked out');
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '192.0.2.7',
    });
    assert.equal(elsewhere.statusCode, 200, 'nor is the same account from another address');
  });

  test('one address spraying many emails is limited too (VIGIL_LOGIN_ATTEMPTS_PER_ADDRESS, 30 a minute by default)', async () => {
    assert.equal(t.config.loginAttemptsPerAddress, 30);
    const strict = await startTestApp({ loginAttemptsPerAddress: 4 });
    try {
      const attempt = (i: number) =>
        strict.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: `spray${i}@staff.test`, password: 'x' }, remoteAddress: '198.51.100.9' });
      const first = await Promise.all(Array.from({ length: 4 }, (_, i) => attempt(i)));
      assert.deepEqual(
        first.map((r) => r.statusCode),
        [401, 401, 401, 401],
      );
      const over = await attempt(4);
      assert.equal(over.statusCode, 429);
      assert.equal(over.json().error.code, 'rate_limited');
    } finally {
      await strict.close();
    }
  });

  test("changing one's password needs the current one and ends other sessions", async () => {
    const s = await consoleSession(t, 'moderator');
    const second = await api.post('/api/v1/session', { email: s.user.email, password: TEST_PASSWORD });
    const secondCookie = setCookieOf(second.headers).split(';')[0];
    const wrong = await api.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'a brand new passphrase' }, { headers: s.headers });
    assert.equal(wrong.status, 403);
    const short = await api.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, { headers: s.headers });
    assert.equal(short.body.error.code, 'weak_password');
    assert.equal(
      (await api.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }, { headers: s.headers })).status,
      204,
    );
    assert.equal((await api.get('/api/v1/session', { headers: { cookie: s.cookie } })).status, 200, 'this session stays');
    assert.equal((await api.get('/api/v1/session', { headers: { cookie: secondCookie } })).status, 401, 'the other session ended');
    assert.equal((await api.post('/api/v1/session', { email: s.user.email, password: 'a brand new passphrase' })).status, 200);
  });
});

describe('people: personal tokens', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test("a token is shown once, acts with its user's current role, and stops working when revoked", async () => {
    const s = await consoleSession(t, 'moderator');
    const minted = await api.post('/api/v1/me/tokens', { label: 'nightly export' }, { headers: s.headers });
    assert.equal(minted.status, 201);
    assert.match(minted.body.token, /^vgs_[\w-]{32}$/);
    assert.equal(minted.body.role, 'moderator');
    const token = minted.body.token as string;

    const me = await api.get('/api/v1/me', { token });
    assert.deepEqual(me.body, { kind: 'staff', userId: s.user.id, email: s.user.email, role: 'moderator', via: 'token' });

    const list = await api.get('/api/v1/me/tokens', { token });
    assert.deepEqual(
      list.body.tokens.map((x: { id: string; label: string; revokedAt: null }) => [x.id, x.label, x.revokedAt]),
      [[minted.body.id, 'nightly export', null]],
    );
    assert.ok(!list.text.includes(token) && !list.text.includes('hash'), 'never the secret or its hash');

    const admin = await staffToken(t, 'admin');
    assert.equal((await api.call('PATCH', `/api/v1/admin/users/${s.user.id}`, { token: admin, body: { role: 'senior' } })).status, 200);
    assert.equal((await api.get('/api/v1/me', { token })).body.role, 'senior', "the role is the user's, read on every request");

    const stranger = await staffToken(t, 'admin');
    assert.equal(
      (await api.call('DELETE', `/api/v1/me/tokens/${minted.body.id}`, { token: stranger })).status,
      404,
      "someone else's token is not yours to revoke",
    );
    assert.equal((await api.call('DELETE', `/api/v1/me/tokens/${minted.body.id}`, { headers: s.headers })).status, 204);
    assert.equal((await api.call('DELETE', `/api/v1/me/tokens/${minted.body.id}`, { headers: s.headers })).status, 204, 'revoking twice is harmless');
    const revoked = await api.get('/api/v1/me', { token });
    assert.equal(revoked.status, 401);
    assert.equal(revoked.body.error.code, 'unauthorized');
    assert.ok((await api.get('/api/v1/me/tokens', { headers: s.headers })).body.tokens[0].revokedAt);
  });

  test('unknown staff tokens and anonymous callers get 401', async () => {
    assert.equal((await api.get('/api/v1/me', { token: 'vgs_not-a-real-token-at-all-0000000000' })).status, 401);
    assert.equal((await api.post('/api/v1/me/tokens', { label: 'x' })).status, 401);
    assert.equal((await api.get('/api/v1/me')).status, 401);
  });
});

describe('people: admin users, keys and audit', () => {
  let t: TestApp;
  let api: Api;
  let admin: string;
  let adminId: string;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    const a = await staffTokenFor(t, 'admin');
    admin = a.token;
    adminId = a.user.id;
  });
  after(async () => {
    await t.close();
  });

  test('an admin creates a user with a one-time password that logs in', async () => {
    const created = await api.post('/api/v1/admin/users', { email: ' New.Moderator@Example.org', role: 'moderator' }, { token: admin });
    assert.equal(created.status, 201);
    assert.equal(created.body.user.email, 'new.moderator@example.org');
    assert.equal(created.body.user.role, 'moderator');
    assert.equal(created.body.user.disabledAt, null);
    assert.equal(created.body.password.length, 24);
    const login = await api.post('/api/v1/session', { email: 'new.moderator@example.org', password: created.body.password });
    assert.equal(login.status, 200);

    const dup = await api.post('/api/v1/admin/users', { email: 'NEW.moderator@example.org', role: 'triage' }, { token: admin });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'email_taken');
    const badEmail = await api.post('/api/v1/admin/users', { email: 'not-an-email', role: 'triage' }, { token: admin });
    assert.equal(badEmail.body.error.code, 'invalid_email');
    assert.equal((await api.post('/api/v1/admin/users', { email: 'x@example.org', role: 'owner' }, { token: admin })).status, 400);

    const list = await api.get('/api/v1/admin/users', { token: admin });
    assert.ok(list.body.users.some((u: { email: string }) => u.email === 'new.moderator@example.org'));
    assert.ok(!list.text.includes('scrypt'), 'never the password hash');
  });

  test('an admin cannot demote or disable themself', async () => {
    const demote = await api.call('PATCH', `/api/v1/admin/users/${adminId}`, { token: admin, body: { role: 'senior' } });
    assert.equal(demote.status, 409);
    assert.equal(demote.body.error.code, 'cannot_change_self');
    assert.equal((await api.call('PATCH', `/api/v1/admin/users/${adminId}`, { token: admin, body: { disabled: true } })).status, 409);
    assert.equal((await api.call('PATCH', `/api/v1/admin/users/${adminId}`, { token: admin, body: { role: 'admin' } })).status, 200, 'a no-op is fine');
    assert.equal((await api.call('PATCH', '/api/v1/admin/users/usr_nobody', { token: admin, body: { role: 'triage' } })).status, 404);
  });

  test('disabling a user ends their sessions and tokens at once; re-enabling lets them log in again', async () => {
    const s = await consoleSession(t, 'senior');
    const token = (await api.post('/api/v1/me/tokens', { label: 'x' }, { headers: s.headers })).body.token;
    const off = await api.call('PATCH', `/api/v1/admin/users/${s.user.id}`, { token: admin, body: { disabled: true } });
    assert.equal(off.status, 200);
    assert.ok(off.body.user.disabledAt);
    assert.equal((await api.get('/api/v1/me', { token })).status, 401);
    assert.equal((await api.get('/api/v1/session', { headers: { cookie: s.cookie } })).status, 401);
    const login = await api.post('/api/v1/session', { email: s.user.email, password: TEST_PASSWORD });
    assert.equal(login.status, 401);
    assert.equal(login.body.error.code, 'invalid_credentials');

    assert.equal((await api.call('PATCH', `/api/v1/admin/users/${s.user.id}`, { token: admin, body: { disabled: false } })).body.user.disabledAt, null);
    assert.equal((await api.post('/api/v1/session', { email: s.user.email, password: TEST_PASSWORD })).status, 200);
    assert.equal((await api.get('/api/v1/me', { token })).status, 401, 'tokens revoked on disabling stay revoked');
  });

  test('admin routes are for admins only', async () => {
    const routes: Array<[method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown]> = [
      ['GET', '/api/v1/admin/users'],
      ['POST', '/api/v1/admin/users', { email: 'z@example.org', role: 'triage' }],
      ['PATCH', `/api/v1/admin/users/${adminId}`, { role: 'triage' }],
      ['GET', '/api/v1/admin/keys'],
      ['POST', '/api/v1/admin/keys', { kind: 'platform', org: 'X' }],
      ['POST', '/api/v1/admin/keys/key_x/revoke'],
      ['GET', '/api/v1/admin/audit'],
      ['GET', '/api/v1/admin/audit/verify'],
    ];
    const key = await apiKey(t, 'platform');
    for (const role of ['triage', 'moderator', 'senior'] as const) {
      const token = await staffToken(t, role);
      for (const [method, url, body] of routes) {
        const r = await api.call(method, url, { token, body });
        assert.equal(r.status, 403, `${role} ${method} ${url}`);
        assert.equal(r.body.error.code, 'forbidden');
      }
    }
    for (const [method, url, body] of routes) {
      assert.equal((await api.call(method, url, { body })).status, 401, `anonymous ${method} ${url}`);
      assert.equal((await api.call(method, url, { token: key, body })).status, 401, `API key ${method} ${url}`);
    }
  });

  test('API keys are shown once, authenticate as their organisation, and stop working when revoked', async () => {
    const created = await api.post('/api/v1/admin/keys', { kind: 'authority', org: 'Bundesnetzagentur', country: 'DE' }, { token: admin });
    assert.equal(created.status, 201);
    assert.match(created.body.key, /^vgk_[\w-]{32}$/);
    assert.deepEqual(
      { ...created.body, key: undefined, id: undefined, createdAt: undefined },
      { kind: 'authority', org: 'Bundesnetzagentur', country: 'DE', revokedAt: null, key: undefined, id: undefined, createdAt: undefined },
    );
    const key = created.body.key as string;

    const me = await api.get('/api/v1/me', { token: key });
    assert.deepEqual(me.body, { kind: 'api_key', keyId: created.body.id, keyKind: 'authority', org: 'Bundesnetzagentur', country: 'DE' });
    const flagger = await api.post('/api/v1/admin/keys', { kind: 'trusted_flagger', org: 'Hotline e.V.' }, { token: admin });
    assert.equal(flagger.body.country, null);

    const list = await api.get('/api/v1/admin/keys', { token: admin });
    assert.deepEqual(
      list.body.keys.slice(0, 2).map((k: { id: string }) => k.id),
      [flagger.body.id, created.body.id],
      'newest first',
    );
    assert.ok(!list.text.includes(key) && !list.text.includes('hash'));

    const revoked = await api.post(`/api/v1/admin/keys/${created.body.id}/revoke`, undefined, { token: admin });
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    assert.equal((await api.get('/api/v1/me', { token: key })).status, 401);
    assert.equal((await api.post(`/api/v1/admin/keys/${created.body.id}/revoke`, undefined, { token: admin })).body.revokedAt, revoked.body.revokedAt);
    assert.equal((await api.post('/api/v1/admin/keys/key_nothing/revoke', undefined, { token: admin })).status, 404);
  });

  test('authority keys need a country, and countries are ISO 3166-1 alpha-2 in upper case', async () => {
    const cases: Array<[body: Record<string, unknown>, code: string]> = [
      [{ kind: 'authority', org: 'Police' }, 'country_required'],
      [{ kind: 'authority', org: 'Police', country: null }, 'country_required'],
      [{ kind: 'authority', org: 'Police', country: 'de' }, 'invalid_country'],
      [{ kind: 'authority', org: 'Police', country: 'XX' }, 'invalid_country'],
      [{ kind: 'trusted_flagger', org: 'F', country: 'D' }, 'invalid_country'],
      [{ kind: 'trusted_flagger', org: '   ' }, 'invalid_org'],
      [{ kind: 'root', org: 'F' }, 'invalid_request'],
    ];
    for (const [body, code] of cases) {
      const r = await api.post('/api/v1/admin/keys', body, { token: admin });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, code, JSON.stringify(body));
    }
    assert.equal((await api.post('/api/v1/admin/keys', { kind: 'platform', org: 'partner', country: 'IE' }, { token: admin })).status, 201);
  });

  test('every privileged action is in the audit log, which pages and verifies', async () => {
    const target = await staffUser(t, 'triage');
    await api.call('PATCH', `/api/v1/admin/users/${target.id}`, { token: admin, body: { role: 'moderator' } });
    await api.call('PATCH', `/api/v1/admin/users/${target.id}`, { token: admin, body: { disabled: true } });
    const key = await api.post('/api/v1/admin/keys', { kind: 'platform', org: 'audited' }, { token: admin });
    await api.post(`/api/v1/admin/keys/${key.body.id}/revoke`, undefined, { token: admin });
    const minted = await api.post('/api/v1/me/tokens', { label: 'short-lived' }, { token: admin });
    assert.equal((await api.call('DELETE', `/api/v1/me/tokens/${minted.body.id}`, { token: admin })).status, 204);

    const entries: Array<{ seq: number; actor: string; action: string; target: string | null }> = [];
    let cursor: string | null = null;
    do {
      const r: { status: number; body: { entries: typeof entries; nextCursor: string | null } } = await api.get(
        `/api/v1/admin/audit?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin },
      );
      assert.equal(r.status, 200);
      entries.push(...r.body.entries);
      cursor = r.body.nextCursor;
    } while (cursor);
    const seqs = entries.map((e) => e.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
      'newest first',
    );
    assert.equal(seqs[seqs.length - 1], 1);

    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'staff_user.created',
      'staff_user.role_changed',
      'staff_user.disabled',
      'staff_user.enabled',
      'session.login',
      'session.login_failed',
      'staff_token.minted',
      'staff_token.revoked',
      'api_key.created',
      'api_key.revoked',
    ]) {
      assert.ok(actions.has(a), a);
    }
    const roleChange = entries.find((e) => e.action === 'staff_user.role_changed' && e.target === target.id);
    assert.equal(roleChange?.actor, `staff:${adminId}`);

    const verify = await api.get('/api/v1/admin/audit/verify', { token: admin });
    assert.deepEqual(verify.body, { ok: true, entries: entries.length, head: entries.length, through: entries.length, done: true });
    await t.ctx.db.updateTable('audit_log').set({ actor: 'someone else' }).where('seq', '=', roleChange!.seq).execute();
    const broken = await api.get('/api/v1/admin/audit/verify', { token: admin });
    assert.equal(broken.body.ok, false);
    assert.equal(broken.body.seq, roleChange!.seq);
    assert.equal(broken.body.reason, 'hash_mismatch');
  });
});

describe('people: the first admin from the environment', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ adminEmail: 'Root@Example.org', adminPassword: 'first admin passphrase' });
  });
  after(async () => {
    await t.close();
  });

  test('VIGIL_ADMIN_EMAIL/PASSWORD create an admin on an empty staff table, once', async () => {
    const api = apiClient(t.app);
    const login = await api.post('/api/v1/session', { email: 'root@example.org', password: 'first admin passphrase' });
    assert.equal(login.status, 200);
    assert.equal(login.body.user.role, 'admin');
    assert.equal(await t.ctx.people.users.bootstrapAdmin('other@example.org', 'another long passphrase'), undefined, 'only while there are no staff users');
    assert.deepEqual(
      (await t.ctx.people.users.list()).map((u) => u.email),
      ['root@example.org'],
    );
    const created = (await t.ctx.audit.list({ limit: 10 })).entries.find((e) => e.action === 'staff_user.created');
    assert.equal(created?.actor, 'system:env');
  });

  test('a short first-admin password is refused', async () => {
    const empty = await startTestApp();
    try {
      await assert.rejects(empty.ctx.people.users.bootstrapAdmin('root@example.org', 'short'), /at least 12 characters/);
      assert.deepEqual(await empty.ctx.people.users.list(), []);
    } finally {
      await empty.close();
    }
  });
});
