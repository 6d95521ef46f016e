// /metrics is for the operator's scraper: with VIGIL_METRICS_TOKEN it needs that bearer token; without
// one it answers only this machine, and not requests a local proxy forwards from elsewhere.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { loadConfig } from '../../src/config.ts';

type Probe = { remoteAddress?: string; headers?: Record<string, string> };
const get = (t: TestApp, opts: Probe = {}) =>
  t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: opts.remoteAddress ?? '127.0.0.1', headers: opts.headers ?? {} });

describe('/metrics without VIGIL_METRICS_TOKEN', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.close();
  });

  test('answers a scraper on this machine', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const r = await get(t, { remoteAddress });
      assert.equal(r.statusCode, 200, remoteAddress);
      assert.match(r.body, /process_cpu_seconds_total/);
    }
  });

  test('refuses other addresses, and requests a local proxy forwarded', async () => {
    const cases: Probe[] = [
      { remoteAddress: '203.0.113.5' },
      { remoteAddress: '10.0.0.2' },
      { headers: { 'x-forwarded-for': '203.0.113.5' } },
      { headers: { forwarded: 'for=203.0.113.5' } },
      { headers: { 'x-real-ip': '203.0.113.5' } },
    ];
    for (const c of cases) {
      const r = await get(t, c);
      assert.equal(r.statusCode, 403, JSON.stringify(c));
      assert.equal(r.json().error.code, 'metrics_forbidden');
      assert.doesNotMatch(r.body, /process_cpu/);
    }
  });
});

describe('/metrics with VIGIL_METRICS_TOKEN', () => {
  let t: TestApp;
  const token = 'scrape-9f2c1e7a4b6d8e0f';
  before(async () => {
    t = await startTestApp({ metricsToken: token });
  });
  after(async () => {
    await t.close();
  });

  test('needs the bearer token, from anywhere, loopback included', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${token}x` }, { authorization: `Basic ${token}` }] as Array<
      Record<string, string>
    >) {
      for (const remoteAddress of ['127.0.0.1', '203.0.113.5']) {
        const r = await get(t, { remoteAddress, headers });
        assert.equal(r.statusCode, 401, `${JSON.stringify(headers)} from ${remoteAddress}`);
        assert.match(String(r.headers['www-authenticate']), /^Bearer/);
        assert.doesNotMatch(r.body, /process_cpu/);
      }
    }
    const ok = await get(t, { remoteAddress: '203.0.113.5', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.1' } });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /vigil_http_request_duration_seconds/);
  });

  test('is read from the environment', () => {
    assert.equal(loadConfig({ VIGIL_METRICS_TOKEN: 'abc' }).metricsToken, 'abc');
    assert.equal(loadConfig({ VIGIL_METRICS_TOKEN: '' }).metricsToken, undefined);
  });
});
