// Every kind of response carries the same protective headers: API JSON, errors and 404s, preview pages,
// media, the web app and the API documentation. Pages keep their own strict policies.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';

const REFERRER = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);

function assertCommonHeaders(h: Record<string, unknown>, where: string) {
  assert.equal(h['x-content-type-options'], 'nosniff', `${where}: nosniff`);
  assert.ok(REFERRER.has(String(h['referrer-policy'])), `${where}: referrer-policy is "${h['referrer-policy']}"`);
  const csp = String(h['content-security-policy'] ?? '');
  assert.ok(h['x-frame-options'] === 'DENY' || /frame-ancestors 'none'/.test(csp), `${where}: framing refused`);
  assert.equal(h['x-frame-options'], 'DENY', `${where}: X-Frame-Options DENY for browsers without frame-ancestors`);
  assert.match(csp, /frame-ancestors 'none'/, `${where}: CSP frame-ancestors 'none'`);
  assert.match(csp, /default-src '(none|self)'/, `${where}: a CSP with a default source`);
  assert.equal(h['strict-transport-security'], undefined, `${where}: no HSTS over plain HTTP`);
}

describe('security headers on every response', () => {
  let t: TestApp;
  let api: Api;
  let mediaId: string;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    const owner = await api.account('Header checker');
    mediaId = (await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(8, 8), contentType: 'image/png' })).body.id;
    assert.equal((await api.post('/api/v1/channels', { handle: 'headers_shown', title: 'Headers', description: 'd' }, { token: owner.token })).status, 201);
    assert.equal((await api.post('/api/v1/channels/headers_shown/posts', { text: 'hello', media: [mediaId] }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
  });

  test('API JSON, errors, 404s, preview pages, media, the web app and /api/docs all carry them', async () => {
    const cases: Array<{ method?: 'GET' | 'POST'; url: string; status: number[]; kind: 'json' | 'page' | 'other'; body?: unknown }> = [
      { url: '/api/v1/channels/headers_shown', status: [200], kind: 'json' },
      { url: '/api/v1/channels/nobody_here', status: [404], kind: 'json' },
      { url: '/api/v1/cases', status: [401], kind: 'json' },
      { method: 'POST', url: '/api/v1/reports', status: [400], kind: 'json', body: { subject: 7 } },
      { url: '/no/such/route', status: [404], kind: 'json' },
      // Answered by the router before any hook runs.
      { url: '/api/v1/channels/%E0%A4%A', status: [400], kind: 'json' },
      { url: `/api/v1/channels/${'a'.repeat(120)}`, status: [400], kind: 'json' },
      { url: '/c/%E0%A4%A', status: [400], kind: 'page' },
      { url: '/healthz', status: [200], kind: 'json' },
      { url: '/api/docs/json', status: [200], kind: 'json' },
      { url: '/c/headers_shown', status: [200], kind: 'page' },
      { url: '/c/headers_shown/1', status: [200], kind: 'page' },
      { url: '/c/nobody_here', status: [404], kind: 'page' },
      { url: '/', status: [200], kind: 'page' },
      { url: '/static/preview.css', status: [200], kind: 'other' },
      { url: '/favicon.ico', status: [200], kind: 'other' },
      { url: `/media/${mediaId}`, status: [200], kind: 'other' },
      { url: '/media/med_missing', status: [404], kind: 'page' },
      { url: '/api/docs', status: [200], kind: 'page' },
      { url: '/api/docs/static/swagger-ui-bundle.js', status: [200], kind: 'other' },
      // 200 with a built web app, 503 without: the headers are the same either way.
      { url: '/console', status: [200, 503], kind: 'other' },
      { url: '/report', status: [200, 503], kind: 'other' },
    ];
    for (const c of cases) {
      const r = await api.call(c.method ?? 'GET', c.url, c.body === undefined ? {} : { body: c.body });
      const where = `${c.method ?? 'GET'} ${c.url}`;
      assert.ok(c.status.includes(r.status), `${where}: status ${r.status}`);
      assertCommonHeaders(r.headers, where);
      const csp = String(r.headers['content-security-policy']);
      if (c.kind === 'json') {
        assert.match(String(r.headers['content-type']), /json/, where);
        assert.match(csp, /^default-src 'none'/, `${where}: JSON loads nothing`);
      }
      if (c.kind === 'page') assert.match(String(r.headers['content-type']), /^text\/html/, where);
    }
  });

  test('the web app and status links keep sending no Referer; preview pages keep their strict policy', async () => {
    const page = await api.get('/c/headers_shown');
    assert.equal(
      page.headers['content-security-policy'],
      "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const status = await api.get('/report/status/rep_x?receipt=secret');
    assert.equal(status.headers['referrer-policy'], 'no-referrer');
    const media = await api.get(`/media/${mediaId}`);
    assert.equal(media.headers['content-security-policy'], "default-src 'none'; sandbox; frame-ancestors 'none'");
  });

  test('HSTS is sent over HTTPS only', { skip: !hasOpenssl() && 'openssl is needed to make a test certificate' }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const server = https.createServer({ key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) }, (req, res) =>
        t.app.routing(req, res),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as { port: number };
        for (const url of ['/healthz', '/c/headers_shown', '/no/such/route']) {
          const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
            https
              .get({ host: '127.0.0.1', port, path: url, rejectUnauthorized: false }, (res) => {
                res.resume();
                resolve(res.headers);
              })
              .on('error', reject);
          });
          assert.match(String(headers['strict-transport-security']), /^max-age=\d{7,}/, `${url} over HTTPS`);
          assert.equal(headers['x-content-type-options'], 'nosniff');
        }
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
