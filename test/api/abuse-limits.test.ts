// Abuse limits: account creation per address, and reports per account, per API key or staff user, and per
// anonymous address; refused requests answer 429 rate_limited with Retry-After.
// Every app here sets low limits explicitly; the other suites start with generous ones (test-app.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { loadConfig } from '../../src/config.ts';
import { account, assertLimited, channel, report, send, signUp } from '../helpers/from-address.ts';

describe('abuse limits: accounts and reports', () => {
  let t: TestApp;
  let subject: string;
  before(async () => {
    t = await startTestApp({ signupLimit: 3, accountReportLimit: 3, keyReportLimit: 5, anonReportsPerMinute: 2, loginAttemptsPerAddress: 2 });
    subject = await channel(t, 'benign_channel', '192.0.2.1');
  });
  after(async () => {
    await t.close();
  });

  test('account creation is limited per address, for an hour', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await signUp(t, '203.0.113.1')).status, 201);
    const refused = await signUp(t, '203.0.113.1');
    assertLimited(refused, 60 * 59);
    assert.match(refused.body.error.message, /^Too many accounts were created from this address; try again in 1 hour\.$/);
    assert.equal((await signUp(t, '203.0.113.2')).status, 201, 'another address is not affected');
  });

  test('IPv6 addresses count by their /64, the block one subscriber holds', async () => {
    for (let i = 1; i <= 3; i++) assert.equal((await signUp(t, `2001:db8:1:2::${i}`)).status, 201);
    assertLimited(await signUp(t, '2001:db8:1:2:ffff::9'), 1);
    assert.equal((await signUp(t, '2001:db8:1:3::1')).status, 201, 'the next /64 is another subscriber');
  });

  test('reports sent with an account token are limited per account, wherever they come from', async () => {
    const one = await account(t, '198.51.100.1');
    for (let i = 0; i < 3; i++) assert.equal((await report(t, subject, `198.51.100.${10 + i}`, one)).status, 202);
    const refused = await report(t, subject, '198.51.100.20', one);
    assertLimited(refused, 60 * 59);
    assert.match(refused.body.error.message, /^Too many reports from this account; try again in/);

    const other = await account(t, '198.51.100.1');
    assert.equal((await report(t, subject, '198.51.100.10', other)).status, 202, 'another account from the same address is counted apart');
  });

  test('API keys get their own, higher limit per key', async () => {
    const flagger = await apiKey(t, 'trusted_flagger', 'Flagger org');
    for (let i = 0; i < 5; i++) assert.equal((await report(t, subject, '192.0.2.50', flagger)).status, 202);
    assertLimited(await report(t, subject, '192.0.2.51', flagger), 1);
    const platform = await apiKey(t, 'platform', 'partner-platform');
    assert.equal((await report(t, subject, '192.0.2.50', platform)).status, 202, 'another key is counted apart');
  });

  test('staff tokens report under the key limit, per user', async () => {
    const staff = await staffToken(t, 'moderator');
    for (let i = 0; i < 5; i++) assert.equal((await report(t, subject, '192.0.2.60', staff)).status, 202);
    assertLimited(await report(t, subject, '192.0.2.60', staff), 1);
  });

  test('anonymous reports stay limited per address, apart from the accounts sending from it', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await report(t, subject, '198.51.100.70')).status, 202);
    assertLimited(await report(t, subject, '198.51.100.70'), 1);
    assert.equal((await report(t, subject, '198.51.100.71')).status, 202);
    const member = await account(t, '198.51.100.72');
    assert.equal((await report(t, subject, '198.51.100.70', member)).status, 202, 'an account is not refused for its address');
  });

  test('console logins per address count IPv6 by /64 and are refused with Retry-After', async () => {
    const login = (ip: string, i: number) => send(t, 'POST', '/api/v1/session', { ip, body: { email: `spray${i}@staff.test`, password: 'x' } });
    assert.equal((await login('2001:db8:5:6::1', 1)).status, 401);
    assert.equal((await login('2001:db8:5:6::2', 2)).status, 401);
    assertLimited(await login('2001:db8:5:6::3', 3), 1);
  });
});

describe('abuse limits: settings', () => {
  test('every limit has a default and a VIGIL_…_LIMIT variable', () => {
    const d = loadConfig({});
    assert.deepEqual([d.signupLimit, d.accountReportLimit, d.keyReportLimit, d.anonReportsPerMinute, d.loginAttemptsPerAddress], [20, 30, 120, 10, 30]);
    const c = loadConfig({
      VIGIL_SIGNUP_LIMIT: '1',
      VIGIL_ACCOUNT_REPORT_LIMIT: '2',
      VIGIL_KEY_REPORT_LIMIT: '3',
      VIGIL_ANON_REPORT_LIMIT: '4',
      VIGIL_LOGIN_LIMIT: '5',
    });
    assert.deepEqual([c.signupLimit, c.accountReportLimit, c.keyReportLimit, c.anonReportsPerMinute, c.loginAttemptsPerAddress], [1, 2, 3, 4, 5]);
  });

  test('the older names still work, and the new names win', () => {
    const old = loadConfig({ VIGIL_ANON_REPORTS_PER_MINUTE: '7', VIGIL_LOGIN_ATTEMPTS_PER_ADDRESS: '8' });
    assert.deepEqual([old.anonReportsPerMinute, old.loginAttemptsPerAddress], [7, 8]);
    const both = loadConfig({ VIGIL_ANON_REPORTS_PER_MINUTE: '7', VIGIL_ANON_REPORT_LIMIT: '9' });
    assert.equal(both.anonReportsPerMinute, 9);
  });

  test('a bad limit fails at start, naming its variable', () => {
    assert.throws(() => loadConfig({ VIGIL_KEY_REPORT_LIMIT: 'lots' }), /VIGIL_KEY_REPORT_LIMIT/);
    assert.throws(() => loadConfig({ VIGIL_SIGNUP_LIMIT: '-1' }), /VIGIL_SIGNUP_LIMIT/);
  });
});
