// Pages that are not the web app, in a real browser: the API documentation and the public previews.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { WEB_DIST } from '../src/http/routes/web-app.routes.ts';
import { startE2E, type E2E } from './helpers/harness.ts';

describe('server pages in the browser', () => {
  let e: E2E;

  before(async () => { e = await startE2E(); });
  after(async () => { await e?.close(); });

  test('/api/docs shows the routes, with a viewport tag and no CSP refusal', async () => {
    const page = await e.newPage();
    const before = e.problems.length;
    const res = await page.goto(`${e.base}/api/docs`);
    assert.equal(res?.status(), 200);
    // Swagger UI is 1.6 MB of script to parse: allow it longer than the suite's usual step on a busy machine.
    await page.getByText('/api/v1/reports', { exact: true }).first().waitFor({ timeout: 60_000 });
    assert.ok(await page.locator('.opblock').count() > 20, 'the operations are listed');
    assert.equal(await page.locator('meta[name="viewport"]').getAttribute('content'), 'width=device-width, initial-scale=1');
    assert.deepEqual(e.problems.slice(before), []);
    await page.close();
  });

  test('the web app is served precompressed (brotli, gzip), varying on Accept-Encoding; hashed assets are cached for a year', async () => {
    const index = readFileSync(`${WEB_DIST}/index.html`, 'utf8');
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), 'index.html names its script and stylesheet');
    const get = (url: string, encoding?: string) => e.t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
    for (const url of [...assets, '/console', '/report/status/rep_x']) {
      const plain = url.startsWith('/assets/') ? readFileSync(`${WEB_DIST}${url}`) : Buffer.from(index);
      for (const [accept, encoding, decode] of [['br, gzip', 'br', brotliDecompressSync], ['gzip, deflate', 'gzip', gunzipSync], ['', undefined, (b: Buffer) => b]] as const) {
        const r = await get(url, accept || undefined);
        const where = `${url} with Accept-Encoding "${accept}"`;
        assert.equal(r.statusCode, 200, where);
        assert.equal(r.headers['content-encoding'], encoding, where);
        assert.match(String(r.headers.vary), /accept-encoding/i, where);
        assert.ok(decode(r.rawPayload).equals(plain), `${where}: the same bytes once decoded`);
        if (url.startsWith('/assets/')) {
          assert.match(String(r.headers['cache-control']), /max-age=31536000/, where);
          assert.match(String(r.headers['cache-control']), /immutable/, where);
          assert.match(String(r.headers['content-type']), url.endsWith('.js') ? /javascript/ : /text\/css/, where);
        } else {
          assert.equal(r.headers['cache-control'], 'no-cache', where);
          assert.match(String(r.headers['content-type']), /^text\/html/, where);
          assert.match(String(r.headers['content-security-policy']), /script-src 'self'/, where);
        }
      }
    }
  });
});
