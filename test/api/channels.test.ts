import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';

describe('channels', () => {
  let t: TestApp;
  let api: Api;
  before(async () => { t = await startTestApp(); api = apiClient(t.app); });
  after(async () => { await t.close(); });

  test('an owner creates a channel, publishes a post with an image, and anyone reads it', async () => {
    const owner = await api.account('Owner');
    const created = await api.post('/api/v1/channels', { handle: 'Daily_News', title: 'Daily news', description: 'Headlines' }, { token: owner.token });
    assert.equal(created.status, 201);
    assert.equal(created.body.link, '/c/Daily_News');

    const media = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(), contentType: 'image/png' });
    assert.equal(media.status, 201);
    assert.equal(media.body.mime, 'image/png');

    const post = await api.post('/api/v1/channels/daily_news/posts', { text: 'First', media: [media.body.id] }, { token: owner.token });
    assert.equal(post.status, 201);
    assert.equal(post.body.number, 1);
    assert.equal('authorId' in post.body, false);

    const list = await api.get('/api/v1/channels/DAILY_NEWS/posts');
    assert.equal(list.status, 200);
    assert.equal(list.body.posts.length, 1);
    assert.equal(list.body.posts[0].text, 'First');
    assert.ok(!JSON.stringify(list.body).includes(owner.id), 'the author is never shown');
  });

  test('invalid and duplicate handles are refused with clear errors', async () => {
    const owner = await api.account();
    for (const handle of ['abc', '1abcdef', 'has-dash', 'a'.repeat(33), '_abcdef']) {
      const r = await api.post('/api/v1/channels', { handle, title: 'x' }, { token: owner.token });
      assert.equal(r.status, 400, handle);
      assert.equal(r.body.error.code, 'invalid_handle');
    }
    assert.equal((await api.post('/api/v1/channels', { handle: 'unique_one', title: 'x' }, { token: owner.token })).status, 201);
    const dup = await api.post('/api/v1/channels', { handle: 'UNIQUE_ONE', title: 'y' }, { token: owner.token });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'handle_taken');
  });
});
