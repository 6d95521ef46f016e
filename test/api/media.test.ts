import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { bombPng, jpegImage, pngImage } from '../helpers/images.ts';

/** A multipart/form-data body with one file part, built by hand so the test controls every byte. */
function multipartBody(bytes: Buffer, opts: { filename?: string; partType?: string; field?: string } = {}) {
  const boundary = `----vigiltest${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'upload.bin'}"\r\n` +
      `Content-Type: ${opts.partType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('media uploads', () => {
  let t: TestApp;
  let api: Api;
  let token: string;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    token = (await api.account('Uploader')).token;
  });
  after(async () => {
    await t.close();
  });

  const upload = (raw: Buffer, contentType = 'application/octet-stream', opts: { anonymous?: boolean } = {}) =>
    api.call('POST', '/api/v1/media', { token: opts.anonymous ? undefined : token, raw, contentType });

  test('a PNG and a JPEG are stored with their sniffed type and dimensions', async () => {
    const png = await upload(await pngImage(64, 48), 'image/png');
    assert.equal(png.status, 201);
    assert.equal(png.body.mime, 'image/png');
    assert.equal(png.body.width, 64);
    assert.equal(png.body.height, 48);
    assert.match(png.body.sha256, /^[0-9a-f]{64}$/);
    assert.match(png.body.id, /^med_/);

    const jpeg = await upload(await jpegImage(30, 20), 'image/jpeg');
    assert.equal(jpeg.status, 201);
    assert.equal(jpeg.body.mime, 'image/jpeg');
    assert.deepEqual([jpeg.body.width, jpeg.body.height], [30, 20]);

    const meta = await api.get(`/api/v1/media/${png.body.id}`, { token });
    assert.equal(meta.status, 200);
    assert.deepEqual(meta.body, png.body);
    assert.equal((await api.get(`/api/v1/media/${png.body.id}`)).status, 404, "an unpublished upload is its uploader's alone");
  });

  test('the claimed Content-Type is ignored: a PNG sent as image/jpeg is stored as image/png', async () => {
    const bytes = await pngImage(10, 10, '#ff0000');
    const r = await upload(bytes, 'image/jpeg');
    assert.equal(r.status, 201);
    assert.equal(r.body.mime, 'image/png');
    assert.equal(r.body.size, bytes.length);
  });

  test('multipart/form-data with one file part is accepted and sniffed the same way', async () => {
    const bytes = await jpegImage(40, 40);
    const { payload, contentType } = multipartBody(bytes, { filename: 'photo.png', partType: 'image/png' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload,
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.mime, 'image/jpeg', 'the file name and part type claim PNG; the bytes say JPEG');
    assert.equal(body.size, bytes.length);
  });

  test('a multipart body without a file part is a clear 400', async () => {
    const boundary = '----vigilnofile';
    const payload = `--${boundary}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'missing_file');
  });

  test('uploading needs an account', async () => {
    const r = await upload(await pngImage(), 'image/png', { anonymous: true });
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'unauthorized');
  });

  test('an empty upload is refused', async () => {
    const r = await upload(Buffer.alloc(0));
    assert.equal(r.status, 400);
    assert.ok(['empty_upload', 'missing_body'].includes(r.body.error.code), r.body.error.code);
  });

  test('non-image and unknown bytes are refused with 415', async () => {
    for (const [bytes, type] of [
      [Buffer.from('just some plain text, not an image at all'), 'image/png'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'image/svg+xml'],
      [Buffer.from('<!doctype html><script>alert(1)</script>'), 'text/html'],
      [Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0xfe, 0xff]), 'application/octet-stream'],
    ] as const) {
      const r = await upload(bytes, type);
      assert.equal(r.status, 415, `${type}: ${r.text}`);
      assert.equal(r.body.error.code, 'unsupported_media_type');
      assert.equal(typeof r.body.error.message, 'string');
    }
  });

  test('a truncated PNG is refused with 422 image_corrupt', async () => {
    const full = await pngImage(200, 200, '#22aa44');
    // Keep the signature and header, cut the pixel data short.
    const r = await upload(full.subarray(0, Math.floor(full.length / 2)), 'image/png');
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, 'image_corrupt');
    assert.match(r.body.error.message, /truncated|corrupt/i);
  });

  test('a truncated JPEG is refused with 422 image_corrupt', async () => {
    const { default: sharp } = await import('sharp');
    // A noisy picture so the JPEG has plenty of entropy-coded data to cut.
    const noise = Buffer.alloc(256 * 256 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    const full = await sharp(noise, { raw: { width: 256, height: 256, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    const r = await upload(full.subarray(0, Math.floor(full.length / 2)), 'image/jpeg');
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, 'image_corrupt');
  });

  test('a 20000×20000 PNG (decompression bomb) is refused with 422 image_too_large, quickly', async () => {
    const bomb = await bombPng(20000, 20000);
    assert.ok(bomb.length < 1000, 'the bomb itself is tiny');
    const started = performance.now();
    const r = await upload(bomb, 'image/png');
    const ms = performance.now() - started;
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, 'image_too_large');
    assert.equal(r.body.error.details.width, 20000);
    assert.equal(r.body.error.details.height, 20000);
    assert.ok(ms < 2000, `refused in ${ms.toFixed(0)} ms, without decoding 400 million pixels`);
  });

  test('unknown media id answers 404 in the error shape', async () => {
    const r = await api.get('/api/v1/media/med_doesnotexist');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
  });
});

describe('media upload size limit', () => {
  let t: TestApp;
  let api: Api;
  let token: string;
  before(async () => {
    t = await startTestApp({ maxUploadBytes: 1000 });
    api = apiClient(t.app);
    token = (await api.account('Uploader')).token;
  });
  after(async () => {
    await t.close();
  });

  test('a raw body over the limit is refused with 413 payload_too_large', async () => {
    const small = await pngImage(4, 4);
    assert.ok(small.length < 1000);
    assert.equal((await api.call('POST', '/api/v1/media', { token, raw: small, contentType: 'image/png' })).status, 201);

    for (const size of [1001, 5000, 200_000]) {
      const big = Buffer.concat([small, Buffer.alloc(size - small.length)]);
      const r = await api.call('POST', '/api/v1/media', { token, raw: big, contentType: 'image/png' });
      assert.equal(r.status, 413, `${size} bytes: ${r.text}`);
      assert.equal(r.body.error.code, 'payload_too_large');
    }
  });

  test('a multipart file over the limit is refused with 413 payload_too_large', async () => {
    const { payload, contentType } = multipartBody(Buffer.alloc(5000, 1), { filename: 'big.png', partType: 'image/png' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload,
    });
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().error.code, 'payload_too_large');
  });
});
