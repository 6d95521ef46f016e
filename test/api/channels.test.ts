import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';

describe('channels', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

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

  test('a handle that only looks like an existing public name is refused; a distinct one is not', async () => {
    const official = await api.account('Official');
    assert.equal((await api.post('/api/v1/channels', { handle: 'officialsupport', title: 'Support' }, { token: official.token })).status, 201);
    assert.equal((await api.post('/api/v1/channels', { handle: 'modern_times', title: 'Times' }, { token: official.token })).status, 201);

    const impostor = await api.account('Impostor');
    for (const handle of ['officiaIsupport', 'OFFICIAISUPPORT', 'officialsupp0rt', 'officia1support', 'rnodern_times', 'MODERN_TlMES']) {
      const r = await api.post('/api/v1/channels', { handle, title: 'Support' }, { token: impostor.token });
      assert.equal(r.status, 409, handle);
      assert.equal(r.body.error.code, 'handle_confusable', handle);
      assert.equal(r.body.error.details[0].field, 'handle');
      assert.match(r.body.error.message, /too similar to an existing public name/);
      assert.ok(!r.body.error.message.includes('officialsupport') && !r.body.error.message.includes('modern_times'), 'the other name is not named');
      assert.equal((await api.get(`/api/v1/channels/${handle}`)).status, handle.toLowerCase() === 'officialsupport' ? 200 : 404);
    }
    const distinct = await api.post('/api/v1/channels', { handle: 'officialsupport2', title: 'Fan club' }, { token: impostor.token });
    assert.equal(distinct.status, 201, distinct.text);
  });

  test('of look-alike handles created at the same moment, exactly one is created', async () => {
    const owners = await Promise.all([api.account('A'), api.account('B'), api.account('C')]);
    for (let round = 0; round < 4; round++) {
      const handles = [`race${round}_channel`, `race${round}_channe1`, `RACE${round}_CHANNEI`];
      const results = await Promise.all(handles.map((handle, i) => api.post('/api/v1/channels', { handle, title: 'Race' }, { token: owners[i]!.token })));
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409], results.map((r) => r.text).join(' | '));
      for (const r of results.filter((x) => x.status === 409)) assert.ok(['handle_confusable', 'handle_taken'].includes(r.body.error.code), r.text);
    }
  });
});

describe('channels: publishing, paging and subscribers', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(async () => {
    await t.close();
  });

  test('posts page newest first with an opaque cursor, and the pages join up without gaps or repeats', async () => {
    const owner = await api.account('Owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'paging_news', title: 'Paging' }, { token: owner.token })).status, 201);
    for (let i = 1; i <= 7; i++) {
      const p = await api.post('/api/v1/channels/paging_news/posts', { text: `post ${i}` }, { token: owner.token });
      assert.equal(p.status, 201);
      assert.equal(p.body.number, i);
      assert.equal(p.body.link, `/c/paging_news/${i}`);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/channels/paging_news/posts?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await api.get(url);
      assert.equal(r.status, 200);
      assert.ok(r.body.posts.length <= 3);
      seen.push(...r.body.posts.map((p: { number: number }) => p.number));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [7, 6, 5, 4, 3, 2, 1]);

    const one = await api.get('/api/v1/channels/paging_news/posts/4');
    assert.equal(one.status, 200);
    assert.equal(one.body.post.text, 'post 4');
    assert.equal(one.body.channel.handle, 'paging_news');
    assert.equal((await api.get('/api/v1/channels/paging_news/posts/99')).status, 404);

    const bad = await api.get('/api/v1/channels/paging_news/posts?cursor=not-a-cursor');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_cursor');
    const tooMany = await api.get('/api/v1/channels/paging_news/posts?limit=1000');
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 'invalid_request');
  });

  test('subscribing counts each account once', async () => {
    const owner = await api.account('Owner');
    await api.post('/api/v1/channels', { handle: 'sub_counts', title: 'Subs' }, { token: owner.token });
    const a = await api.account('A');
    const b = await api.account('B');
    const first = await api.post('/api/v1/channels/sub_counts/subscribe', undefined, { token: a.token });
    assert.equal(first.status, 200);
    assert.equal(first.body.subscribers, 1);
    assert.equal((await api.post('/api/v1/channels/sub_counts/subscribe', undefined, { token: a.token })).body.subscribers, 1, 'subscribing twice counts once');
    assert.equal((await api.post('/api/v1/channels/sub_counts/subscribe', undefined, { token: b.token })).body.subscribers, 2);
    assert.equal((await api.get('/api/v1/channels/sub_counts')).body.subscribers, 2);

    const anon = await api.post('/api/v1/channels/sub_counts/subscribe');
    assert.equal(anon.status, 401);
    assert.equal((await api.post('/api/v1/channels/no_such_channel/subscribe', undefined, { token: a.token })).status, 404);
  });

  test('admins publish as the channel; others are refused with 403', async () => {
    const owner = await api.account('Owner');
    const admin = await api.account('Admin');
    const stranger = await api.account('Stranger');
    await api.post('/api/v1/channels', { handle: 'team_channel', title: 'Team' }, { token: owner.token });

    const refused = await api.post('/api/v1/channels/team_channel/posts', { text: 'hello' }, { token: admin.token });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');

    const notOwner = await api.post('/api/v1/channels/team_channel/admins', { accountId: stranger.id }, { token: admin.token });
    assert.equal(notOwner.status, 403, 'only the owner adds admins');

    const ghost = await api.post('/api/v1/channels/team_channel/admins', { accountId: 'acc_doesnotexist' }, { token: owner.token });
    assert.equal(ghost.status, 400, 'an unknown account is a clear error, not a 500');
    assert.equal(ghost.body.error.code, 'unknown_account');

    const added = await api.post('/api/v1/channels/team_channel/admins', { accountId: admin.id }, { token: owner.token });
    assert.equal(added.status, 204);
    const post = await api.post('/api/v1/channels/team_channel/posts', { text: 'from the admin' }, { token: admin.token });
    assert.equal(post.status, 201);
    assert.equal(post.body.channel, 'team_channel');
    const read = await api.get('/api/v1/channels/team_channel/posts/1');
    assert.ok(!read.text.includes(admin.id) && !read.text.includes(owner.id), 'no author is shown');

    const strangerPost = await api.post('/api/v1/channels/team_channel/posts', { text: 'not mine' }, { token: stranger.token });
    assert.equal(strangerPost.status, 403);
    const anon = await api.post('/api/v1/channels/team_channel/posts', { text: 'anon' });
    assert.equal(anon.status, 401);
  });

  test('an empty post is refused with 400, and media must be the publisher’s own', async () => {
    const owner = await api.account('Owner');
    const other = await api.account('Other');
    await api.post('/api/v1/channels', { handle: 'empty_posts', title: 'Empty' }, { token: owner.token });
    for (const body of [{}, { text: '' }, { text: '   \n ' }, { text: '', media: [] }]) {
      const r = await api.post('/api/v1/channels/empty_posts/posts', body, { token: owner.token });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, 'empty_post');
    }
    const unknown = await api.post('/api/v1/channels/empty_posts/posts', { media: ['med_nope'] }, { token: owner.token });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'unknown_media');

    const theirs = await api.call('POST', '/api/v1/media', { token: other.token, raw: await pngImage(), contentType: 'image/png' });
    const stolen = await api.post('/api/v1/channels/empty_posts/posts', { media: [theirs.body.id] }, { token: owner.token });
    assert.equal(stolen.status, 403);

    const extra = await api.post('/api/v1/channels/empty_posts/posts', { text: 'x', author: 'me' }, { token: owner.token });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.code, 'invalid_request');
    assert.equal(extra.body.error.details[0].field, 'author');
  });

  test('a blank title is refused and an unknown channel is 404', async () => {
    const owner = await api.account('Owner');
    const r = await api.post('/api/v1/channels', { handle: 'blank_title', title: '   ' }, { token: owner.token });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'invalid_title');
    const missing = await api.get('/api/v1/channels/never_created');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not_found');
  });

  test('a blocked channel answers 451 with its notice on the API, and nobody can publish or subscribe', async () => {
    const owner = await api.account('Owner');
    const created = await api.post('/api/v1/channels', { handle: 'blocked_here', title: 'Blocked' }, { token: owner.token });
    await api.post('/api/v1/channels/blocked_here/posts', { text: 'before' }, { token: owner.token });
    const text = 'This channel is unavailable: it violated the platform’s terms.';
    t.ctx.visibility.setSource({
      activeRestrictions: async (subjects) =>
        subjects
          .filter((s) => s.kind === 'channel' && s.id === created.body.id)
          .map((subject) => ({ subject, code: 'blocked' as const, category: 'fraud', text, country: null })),
    });
    try {
      for (const url of ['/api/v1/channels/blocked_here', '/api/v1/channels/blocked_here/posts', '/api/v1/channels/blocked_here/posts/1']) {
        const r = await api.get(url);
        assert.equal(r.status, 451, url);
        assert.equal(r.body.error.code, 'subject_blocked');
        assert.equal(r.body.error.message, text);
        assert.deepEqual(r.body.error.details.notice, { code: 'blocked', category: 'fraud', text });
      }
      assert.equal((await api.post('/api/v1/channels/blocked_here/posts', { text: 'after' }, { token: owner.token })).status, 451);
      const sub = await api.post('/api/v1/channels/blocked_here/subscribe', undefined, { token: (await api.account()).token });
      assert.equal(sub.status, 451);
    } finally {
      t.ctx.visibility.setSource({ activeRestrictions: async () => [] });
    }
    assert.equal((await api.get('/api/v1/channels/blocked_here')).status, 200, 'lifting the restriction shows it again');
  });
});
