// Uploads through the decode pool: a full queue answers 503 busy with Retry-After, refusals keep their
// codes, and a public post uses the hash of the upload's own decode instead of decoding the file again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { patternImage, pngImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

describe('uploads through the decode pool', () => {
  let t: TestApp;
  let api: Api;
  let token: string;
  before(async () => {
    t = await startTestApp({ decodeWorkers: 1, decodeQueue: 0 });
    api = apiClient(t.app);
    token = (await api.account('Uploader')).token;
    assert.equal((await api.post('/api/v1/channels', { handle: 'pool_target', title: 'Pool' }, { token })).status, 201);
  });
  after(async () => {
    await t.close();
  });
  const upload = (raw: Buffer) => api.call('POST', '/api/v1/media', { token, raw, contentType: 'application/octet-stream' });

  test('with the worker busy and no queue, an upload answers 503 busy with Retry-After, and succeeds once it is free', async () => {
    const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    const busy = t.ctx.decodePool.pdq(big);
    const img = await pngImage(80, 60);
    const r = await upload(img);
    assert.equal(r.status, 503, r.text);
    assert.equal(r.body.error.code, 'busy');
    assert.match(String(r.headers['retry-after']), /^[1-9]\d*$/);
    await busy;
    assert.equal((await upload(img)).status, 201);
  });

  test('a truncated image still answers 422 image_corrupt', async () => {
    const full = await pngImage(200, 200, '#22aa44');
    const r = await upload(full.subarray(0, Math.floor(full.length / 2)));
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, 'image_corrupt');
  });

  test('a public post is scanned with the hash of the upload’s decode: the file is not decoded again', async () => {
    const img = await patternImage(11);
    const pool = t.ctx.decodePool;
    const original = pool.pdq.bind(pool);
    let decodes = 0;
    pool.pdq = (...args) => {
      decodes++;
      return original(...args);
    };
    try {
      const media = await upload(img);
      assert.equal(media.status, 201, media.text);
      const post = await api.post('/api/v1/channels/pool_target/posts', { text: 'look', media: [media.body.id] }, { token });
      assert.equal(post.status, 201, post.text);
      assert.equal(decodes, 0);
      const [kept] = await t.ctx.db.selectFrom('media_hashes').selectAll().where('media_id', '=', media.body.id).execute();
      const expected = await pdqHashFile(img);
      assert.equal(kept.pdq, expected.hash);
      assert.equal(kept.pdq_quality, expected.quality);
    } finally {
      pool.pdq = original;
    }
  });
});
