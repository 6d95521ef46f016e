import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { jpegImage, pngImage } from '../helpers/images.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '</title><script>alert(document.cookie)</script>',
];

/** The escaped form a correct page shows: written out here, independent of the code under test. */
const escaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

function assertEscaped(page: string, payload: string, where: string) {
  assert.ok(!page.includes(payload), `${where}: the raw payload ${payload} must never appear`);
  assert.ok(page.includes(escaped(payload)), `${where}: the escaped payload ${escaped(payload)} must appear`);
}

function assertStrictCsp(headers: Record<string, unknown>, where: string) {
  const csp = String(headers['content-security-policy'] ?? '');
  assert.match(csp, /default-src 'none'/, `${where}: CSP present and strict`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|script-src [^;]*\*/, `${where}: no script allowances`);
  assert.match(String(headers['content-type']), /^text\/html; charset=utf-8/);
}

describe('public preview pages', () => {
  let t: TestApp;
  let api: Api;
  let owner: { id: string; token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    owner = await api.account('Page maker');
  });
  after(async () => {
    await t.close();
  });

  test('script and markup in channel titles, descriptions and posts are rendered escaped on channel and post pages', async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      const handle = `xss_channel_${i}`;
      const ch = await api.post('/api/v1/channels', { handle, title: `Title ${payload}`, description: `About ${payload}` }, { token: owner.token });
      assert.equal(ch.status, 201);
      const post = await api.post(`/api/v1/channels/${handle}/posts`, { text: `Post ${payload}` }, { token: owner.token });
      assert.equal(post.status, 201);
      assert.equal(post.body.text, `Post ${payload}`, 'the API keeps the text as written (JSON is not HTML)');

      for (const url of [`/c/${handle}`, `/c/${handle}/1`]) {
        const r = await api.get(url);
        assert.equal(r.status, 200, url);
        assertStrictCsp(r.headers, url);
        assertEscaped(r.text, payload, url);
        assert.ok(r.text.includes(`Title ${escaped(payload)}`), `${url}: title`);
        assert.ok(r.text.includes(`Post ${escaped(payload)}`), `${url}: post text`);
        assert.ok(!/<script/i.test(r.text), `${url}: no script element at all`);
      }
      const channelPage = (await api.get(`/c/${handle}`)).text;
      assert.ok(channelPage.includes(`About ${escaped(payload)}`), 'description, in the page and its meta tag');
      assert.ok(!channelPage.includes(owner.id), 'the author is never shown');
    }
  });

  test('script and markup in bot descriptions and sticker set titles are rendered escaped', async () => {
    const sticker = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(12, 12, '#ffcc00') });
    for (const [i, payload] of PAYLOADS.entries()) {
      const bot = await api.post('/api/v1/bots', { handle: `xss_bot_${i}`, description: `Bot ${payload}` }, { token: owner.token });
      assert.equal(bot.status, 201);
      const botPage = await api.get(`/bot/xss_bot_${i}`);
      assert.equal(botPage.status, 200);
      assertStrictCsp(botPage.headers, 'bot page');
      assertEscaped(botPage.text, payload, 'bot page');
      assert.ok(botPage.text.includes(`@xss_bot_${i}`));

      const set = await api.post(
        '/api/v1/sticker-sets',
        { name: `xss_set_${i}`, title: `Set ${payload}`, stickers: [sticker.body.id] },
        { token: owner.token },
      );
      assert.equal(set.status, 201);
      const setPage = await api.get(`/stickers/xss_set_${i}`);
      assert.equal(setPage.status, 200);
      assertStrictCsp(setPage.headers, 'sticker page');
      assertEscaped(setPage.text, payload, 'sticker page');
      assert.ok(setPage.text.includes(`src="/media/${sticker.body.id}"`));
    }
  });

  test('pages link images to /media/<id>, and media is served with its real type and nosniff', async () => {
    const png = await pngImage(40, 30, '#0088ff');
    const m = await api.call('POST', '/api/v1/media', { token: owner.token, raw: png, contentType: 'image/jpeg' });
    assert.equal(m.body.mime, 'image/png');
    const jpg = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await jpegImage(20, 20), contentType: 'image/png' });
    await api.post('/api/v1/channels', { handle: 'photo_channel', title: 'Photos' }, { token: owner.token });
    const post = await api.post('/api/v1/channels/photo_channel/posts', { text: 'Look', media: [m.body.id, jpg.body.id] }, { token: owner.token });
    assert.equal(post.status, 201);

    const page = await api.get('/c/photo_channel/1');
    assert.ok(page.text.includes(`<img src="/media/${m.body.id}"`));
    assert.ok(page.text.includes('width="40" height="30"'));

    const served = await t.app.inject({ method: 'GET', url: `/media/${m.body.id}` });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png', 'the sniffed type, not the claimed image/jpeg');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.match(String(served.headers['content-security-policy']), /default-src 'none'/);
    assert.ok(served.rawPayload.equals(png), 'the bytes as uploaded');

    const servedJpeg = await t.app.inject({ method: 'GET', url: `/media/${jpg.body.id}` });
    assert.equal(servedJpeg.headers['content-type'], 'image/jpeg');
    assert.equal(servedJpeg.headers['x-content-type-options'], 'nosniff');
  });

  test('a non-image file is served as an attachment with its real type', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const m = await api.call('POST', '/api/v1/media', { token: owner.token, raw: pdf, contentType: 'text/html' });
    assert.equal(m.body.mime, 'application/pdf');
    await api.post('/api/v1/channels', { handle: 'docs_channel', title: 'Docs' }, { token: owner.token });
    await api.post('/api/v1/channels/docs_channel/posts', { text: 'Report', media: [m.body.id] }, { token: owner.token });
    const page = await api.get('/c/docs_channel');
    assert.ok(page.text.includes(`href="/media/${m.body.id}"`));
    const served = await api.get(`/media/${m.body.id}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers['content-type'], 'application/pdf');
    assert.equal(served.headers['content-disposition'], 'attachment');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
  });

  test('media uploaded but not published is not public (404), though its uploader may fetch it', async () => {
    const m = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(5, 5, '#010203') });
    assert.equal((await api.get(`/media/${m.body.id}`)).status, 404);
    assert.equal((await api.get(`/media/${m.body.id}`, { token: owner.token })).status, 200);
  });

  test('the channel page pages with an "Older posts" link', async () => {
    await api.post('/api/v1/channels', { handle: 'long_channel', title: 'Long' }, { token: owner.token });
    for (let i = 1; i <= 23; i++) await api.post('/api/v1/channels/long_channel/posts', { text: `entry number ${i}.` }, { token: owner.token });
    const first = await api.get('/c/long_channel');
    assert.ok(first.text.includes('entry number 23.'));
    assert.ok(!first.text.includes('entry number 3.'));
    const m = /href="(\/c\/long_channel\?before=[^"]+)"/.exec(first.text);
    assert.ok(m, 'an Older posts link');
    const older = await api.get(m[1].replaceAll('&amp;', '&'));
    assert.equal(older.status, 200);
    assert.ok(older.text.includes('entry number 3.') && older.text.includes('entry number 1.'));
    assert.ok(!older.text.includes('entry number 4.'));
  });

  test('missing pages are HTML 404s with the strict CSP, and a post number must be a number', async () => {
    for (const url of ['/c/no_such_channel', '/c/no_such_channel/1', '/bot/no_such_bot', '/stickers/no_such_set', '/c/photo_channel/999']) {
      const r = await api.get(url);
      assert.equal(r.status, 404, url);
      assertStrictCsp(r.headers, url);
      assert.match(r.text, /Not found/);
    }
    const bad = await api.get('/c/photo_channel/abc');
    assert.equal(bad.status, 400);
    assertStrictCsp(bad.headers, 'bad post number');
  });

  test('the home page and stylesheet are served', async () => {
    const home = await api.get('/');
    assert.equal(home.status, 200);
    assertStrictCsp(home.headers, 'home');
    const css = await api.get('/static/preview.css');
    assert.equal(css.status, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });

  test('one icon for every page: /favicon.svg, /favicon.ico for browsers that ask anyway, linked from pages, the web app and /api/docs', async () => {
    const svg = readFileSync(new URL('../../web/public/favicon.svg', import.meta.url));
    for (const url of ['/favicon.svg', '/favicon.ico']) {
      const r = await t.app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers['content-type'], 'image/svg+xml', url);
      assert.ok(r.rawPayload.equals(svg), `${url}: the icon`);
      assert.match(String(r.headers['content-security-policy']), /^default-src 'none'/, `${url}: nothing runs inside the SVG`);
      assert.match(String(r.headers['cache-control']), /^public, max-age=\d+/, url);
    }
    for (const url of ['/', '/c/nobody_by_that_name']) {
      assert.match((await api.get(url)).text, /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml">/, url);
    }
    assert.match(
      readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8'),
      /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml">/,
      'the web app',
    );
    const docs = await api.get('/api/docs');
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(docs.text)?.[1];
    assert.ok(href, '/api/docs links an SVG icon');
    const docsIcon = await t.app.inject({ method: 'GET', url: new URL(href, 'http://x/api/docs').pathname });
    assert.equal(docsIcon.statusCode, 200);
    assert.ok(docsIcon.rawPayload.equals(svg), '/api/docs: the same icon');
  });
});
