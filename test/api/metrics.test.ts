// /metrics is for the operator's scraper: with VIGIL_METRICS_TOKEN it needs that bearer token; without
// one it answers only this machine, and not requests a local proxy forwards from elsewhere. It reports SLA
// breaches, the matcher's size and the upload scan time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { loadConfig } from '../../src/config.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';
import { apiClient } from '../helpers/api.ts';
import { patternImage } from '../helpers/images.ts';
import { staffToken } from '../helpers/people.ts';

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

describe('/metrics moderation and detection figures', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.close();
  });

  const sample = (body: string, name: string) => {
    const m = new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(body);
    return m ? Number(m[1]) : undefined;
  };

  test('SLA breaches by category, matcher entries and bytes, and the scan histogram', async () => {
    const api = apiClient(t.app);
    const before = (await get(t)).body;
    assert.equal(sample(before, 'vigil_matcher_entries'), 0);
    assert.doesNotMatch(before, /^vigil_cases_sla_breached\{/m, 'no case is late yet');
    assert.match(before, /# TYPE vigil_upload_scan_seconds histogram/);

    // A terrorism bank holding one image's hash; a channel post of that image is blocked and opens a case.
    const admin = await staffToken(t, 'admin');
    assert.equal((await api.post('/api/v1/banks', { name: 'metrics-bank', category: 'terrorism' }, { token: admin })).status, 201);
    const image = await patternImage(43, 640, 480, 'png');
    const { hash } = await pdqHashFile(image);
    assert.equal((await api.post('/api/v1/banks/metrics-bank/entries', { lines: [hash] }, { token: admin })).status, 200);
    const publisher = await api.account('Poster');
    assert.equal((await api.post('/api/v1/channels', { handle: 'metrics_chan', title: 'Metrics' }, { token: publisher.token })).status, 201);
    const media = await api.call('POST', '/api/v1/media', { token: publisher.token, raw: image, contentType: 'image/png' });
    assert.equal(media.status, 201, media.text);
    const post = await api.post('/api/v1/channels/metrics_chan/posts', { text: 'x', media: [media.body.id] }, { token: publisher.token });
    assert.equal(post.status, 422, post.text);
    await t.ctx.jobRunner.drain();
    // The case's deadline passes (set back in the database rather than waiting for it).
    const opened = await t.ctx.db.updateTable('cases').set({ sla_due_at: '2000-01-01T00:00:00.000Z' }).where('open_key', 'is not', null).executeTakeFirst();
    assert.equal(Number(opened.numUpdatedRows), 1);

    const body = (await get(t)).body;
    assert.equal(sample(body, 'vigil_cases_sla_breached{category="terrorism"}'), 1);
    assert.ok((sample(body, 'vigil_matcher_entries') ?? 0) >= 1);
    assert.ok((sample(body, 'vigil_matcher_bytes') ?? 0) > 0);
    assert.equal(sample(body, 'vigil_upload_scan_seconds_count{surface="channel_post"}'), 1);
    const seconds = sample(body, 'vigil_upload_scan_seconds_sum{surface="channel_post"}') ?? -1;
    assert.ok(seconds > 0 && seconds < 30, `scan took ${seconds} s`);
  });
});
