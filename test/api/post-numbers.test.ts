// A post number beyond the 32-bit column (a link such as /c/news/999999999999) names no post: 404 on
// every route, never a 500. PostgreSQL refused to compare such a number with the column (found by the
// route fuzzing test); SQLite happened to answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';

describe('post numbers beyond the column', () => {
  let t: TestApp;
  let api: Api;
  let owner: { token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    owner = await api.account('Owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'bignumbers', title: 'Big numbers' }, { token: owner.token })).status, 201);
    assert.equal((await api.post('/api/v1/channels/bignumbers/posts', { text: 'the only post' }, { token: owner.token })).status, 201);
  });
  after(() => t.close());

  for (const number of ['2147483648', '999999999999']) {
    test(`a report about /c/bignumbers/${number} is a 404 post not found`, async () => {
      const reporter = await api.account('Reporter');
      const r = await api.post('/api/v1/reports', { subject: `/c/bignumbers/${number}`, category: 'spam' }, { token: reporter.token });
      assert.equal(r.status, 404, r.text);
      assert.equal(r.body.error.code, 'not_found');
    });
    test(`the API and the public page of post ${number} answer 404`, async () => {
      assert.equal((await api.get(`/api/v1/channels/bignumbers/posts/${number}`)).status, 404);
      assert.equal((await api.get(`/c/bignumbers/${number}`)).status, 404);
    });
  }

  test('the largest possible number still reaches the lookup, and post 1 is found', async () => {
    assert.equal((await api.get('/api/v1/channels/bignumbers/posts/2147483647')).status, 404);
    assert.equal((await api.get('/api/v1/channels/bignumbers/posts/1')).status, 200);
  });
});
