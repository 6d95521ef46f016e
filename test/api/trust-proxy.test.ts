// VIGIL_TRUST_PROXY: which address a request comes from behind a reverse proxy (it decides the per-address
// limits), and whether the original request was HTTPS (it marks the console's session cookie Secure).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { staffUser, TEST_PASSWORD } from '../helpers/people.ts';
import { loadConfig } from '../../src/config.ts';
import { assertLimited, channel, report, send } from '../helpers/from-address.ts';

describe('trust proxy: the setting', () => {
  test('it is off by default', () => {
    assert.equal(loadConfig({}).trustProxy, false);
  });

  test('VIGIL_TRUST_PROXY takes a hop count or proxy addresses and ranges, and refuses anything else', () => {
    assert.equal(loadConfig({ VIGIL_TRUST_PROXY: '' }).trustProxy, false);
    assert.equal(loadConfig({ VIGIL_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ VIGIL_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1, fd00::/8,loopback' }).trustProxy, [
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['true', 'TRUE', '*', 'proxy.internal', '10.0.0.0/33', '10.0.0.1,', '1.5', '-1', '300.1.1.1']) {
      assert.throws(() => loadConfig({ VIGIL_TRUST_PROXY: bad }), /VIGIL_TRUST_PROXY/, bad);
    }
    assert.throws(() => loadConfig({ VIGIL_TRUST_PROXY: 'true' }), /any client/, '"true" is refused with the reason');
  });

  test('the server refuses to start with a bad value, naming the variable', () => {
    const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
    const run = spawnSync(process.execPath, [main, 'serve'], {
      env: { ...process.env, VIGIL_TRUST_PROXY: 'true', PORT: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /VIGIL_TRUST_PROXY="true" is refused/);
  });
});

describe('trust proxy: addresses and HTTPS behind a proxy', () => {
  let hops: TestApp;
  let listed: TestApp;
  let direct: TestApp;
  before(async () => {
    [hops, listed, direct] = await Promise.all([
      startTestApp({ trustProxy: 1, anonReportsPerMinute: 1 }),
      startTestApp({ trustProxy: ['10.0.0.1'], anonReportsPerMinute: 1 }),
      startTestApp({ anonReportsPerMinute: 1 }),
    ]);
  });
  after(async () => {
    await Promise.all([hops.close(), listed.close(), direct.close()]);
  });

  const via = (client: string) => ({ 'x-forwarded-for': `203.0.113.99, ${client}` });

  test('with a hop count, X-Forwarded-For decides the address the anonymous limit counts', async () => {
    const subject = await channel(hops, 'proxied_channel', '10.0.0.1');
    assert.equal((await report(hops, subject, '10.0.0.1', undefined, via('198.51.100.1'))).status, 202);
    assert.equal((await report(hops, subject, '10.0.0.1', undefined, via('198.51.100.2'))).status, 202, 'another client behind the same proxy');
    assertLimited(await report(hops, subject, '10.0.0.1', undefined, via('198.51.100.1')), 1);
  });

  test('with a list, only the listed proxies are believed', async () => {
    const subject = await channel(listed, 'listed_channel', '10.0.0.1');
    assert.equal((await report(listed, subject, '10.0.0.1', undefined, via('198.51.100.1'))).status, 202);
    assert.equal((await report(listed, subject, '10.0.0.1', undefined, via('198.51.100.2'))).status, 202);
    assert.equal((await report(listed, subject, '10.0.0.9', undefined, via('198.51.100.3'))).status, 202);
    assertLimited(await report(listed, subject, '10.0.0.9', undefined, via('198.51.100.4')), 1);
  });

  test('without the setting, X-Forwarded-For is ignored', async () => {
    const subject = await channel(direct, 'direct_channel', '10.0.0.1');
    assert.equal((await report(direct, subject, '10.0.0.1', undefined, via('198.51.100.1'))).status, 202);
    assertLimited(await report(direct, subject, '10.0.0.1', undefined, via('198.51.100.2')), 1);
  });

  const sessionCookie = async (t: TestApp, headers: Record<string, string>): Promise<string> => {
    const user = await staffUser(t, 'triage');
    const r = await send(t, 'POST', '/api/v1/session', { ip: '10.0.0.1', headers, body: { email: user.email, password: TEST_PASSWORD } });
    assert.equal(r.status, 200);
    const raw = r.headers['set-cookie'];
    return (Array.isArray(raw) ? raw : [raw]).find((c) => String(c).startsWith('vigil_session=')) as string;
  };

  test('the session cookie is Secure when the original request was HTTPS', async () => {
    assert.match(await sessionCookie(hops, { 'x-forwarded-proto': 'https' }), /; Secure/);
    assert.match(await sessionCookie(listed, { 'x-forwarded-proto': 'https' }), /; Secure/);
    assert.doesNotMatch(await sessionCookie(hops, { 'x-forwarded-proto': 'http' }), /Secure/);
    assert.doesNotMatch(await sessionCookie(hops, {}), /Secure/);
  });

  test('X-Forwarded-Proto from a client that is not a trusted proxy does not mark the cookie', async () => {
    assert.doesNotMatch(await sessionCookie(direct, { 'x-forwarded-proto': 'https' }), /Secure/);
  });
});
