import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api, type ApiResponse } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';
import type { Restriction, SubjectRef } from '../../src/enforcement/visibility.ts';

describe('visibility: restricted subjects answer 451 with a notice, removed posts keep their place', () => {
  let t: TestApp;
  let api: Api;
  let owner: { id: string; token: string };
  let restrictions: Restriction[] = [];
  const asked: SubjectRef[][] = [];

  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    owner = await api.account('Owner');
    // The restriction source the moderation core will provide: here a list the tests control.
    t.ctx.visibility.setSource({
      activeRestrictions: async (subjects) => {
        asked.push(subjects);
        return restrictions.filter((r) => subjects.some((s) => s.kind === r.subject.kind && s.id === r.subject.id));
      },
    });
  });
  afterEach(() => {
    restrictions = [];
    asked.length = 0;
  });
  after(async () => {
    await t.close();
  });

  async function channelWithPosts(handle: string, texts: string[], withImage = false) {
    const ch = await api.post('/api/v1/channels', { handle, title: `Channel ${handle}`, description: 'desc' }, { token: owner.token });
    assert.equal(ch.status, 201);
    const posts: Array<{ id: string; number: number; media: Array<{ id: string }> }> = [];
    for (const [i, text] of texts.entries()) {
      const media = withImage
        ? [
            (await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(6, 6, `#${(0x203040 + i * 0x101010).toString(16)}`) })).body
              .id as string,
          ]
        : undefined;
      const p: ApiResponse = await api.post(`/api/v1/channels/${handle}/posts`, { text, media }, { token: owner.token });
      assert.equal(p.status, 201);
      posts.push(p.body);
    }
    return { channel: ch.body, posts };
  }

  test('a blocked channel renders 451 on the API and on its pages, with the notice text', async () => {
    const { channel, posts } = await channelWithPosts('blocked_channel', ['one', 'two'], true);
    const text = 'This channel can’t be displayed because it violated the terms of service (fraud).';
    restrictions = [{ subject: { kind: 'channel', id: channel.id }, code: 'blocked', category: 'fraud', text, country: null }];

    const apiAnswer = await api.get('/api/v1/channels/blocked_channel/posts');
    assert.equal(apiAnswer.status, 451);
    assert.deepEqual(apiAnswer.body, {
      error: { code: 'subject_blocked', message: text, details: { notice: { code: 'blocked', category: 'fraud', text }, kind: 'channel' } },
    });

    for (const url of ['/c/blocked_channel', '/c/blocked_channel/1']) {
      const page = await api.get(url);
      assert.equal(page.status, 451, url);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
      assert.ok(page.text.includes('This channel can’t be displayed because it violated the terms of service (fraud).'), url);
      assert.ok(!page.text.includes('>one<') && !page.text.includes('>two<'), `${url}: no post content`);
      assert.ok(!page.text.includes('Channel blocked_channel'), `${url}: not even the title`);
    }

    // The post's image is not public either.
    const image = posts[0].media[0].id;
    assert.equal((await api.get(`/media/${image}`)).status, 404);
    restrictions = [];
    assert.equal((await api.get(`/media/${image}`)).status, 200, 'and it is back when the restriction is lifted');
    assert.equal((await api.get('/c/blocked_channel')).status, 200);
  });

  test('the notice text is escaped on the 451 page', async () => {
    const { channel } = await channelWithPosts('notice_markup', ['x']);
    restrictions = [
      { subject: { kind: 'channel', id: channel.id }, code: 'blocked', category: null, text: 'Blocked <script>alert(1)</script>', country: null },
    ];
    const page = await api.get('/c/notice_markup');
    assert.equal(page.status, 451);
    assert.ok(!page.text.includes('<script>alert(1)</script>'));
    assert.ok(page.text.includes('Blocked &lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  test('a removed post shows its notice in its place, on the API (withheld) and on the pages', async () => {
    const { posts } = await channelWithPosts('mixed_channel', ['kept first', 'removed middle', 'kept last'], true);
    const removed = posts[1];
    const text = 'This post was removed for violating the rules on scams.';
    restrictions = [{ subject: { kind: 'post', id: removed.id }, code: 'removed', category: 'scam', text, country: null }];

    const list = await api.get('/api/v1/channels/mixed_channel/posts');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.posts.map((p: { number: number }) => p.number),
      [3, 2, 1],
      'the removed post keeps its place',
    );
    const middle = list.body.posts[1];
    assert.deepEqual(middle.withheld, { code: 'removed', category: 'scam', text });
    assert.equal(middle.text, undefined, 'no text');
    assert.equal(middle.media, undefined, 'no media');
    assert.ok(!list.text.includes('removed middle'));
    assert.equal(list.body.posts[0].text, 'kept last');
    assert.equal(list.body.posts[2].text, 'kept first');

    const one = await api.get('/api/v1/channels/mixed_channel/posts/2');
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.post.withheld, { code: 'removed', category: 'scam', text });

    const page = await api.get('/c/mixed_channel');
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(text), 'the notice in place');
    assert.ok(page.text.includes('kept first') && page.text.includes('kept last'));
    assert.ok(!page.text.includes('removed middle'));
    assert.ok(page.text.indexOf('kept last') < page.text.indexOf(text) && page.text.indexOf(text) < page.text.indexOf('kept first'), 'in order');
    assert.ok(!page.text.includes(`/media/${removed.media[0].id}`), 'no link to the removed image');

    const postPage = await api.get('/c/mixed_channel/2');
    assert.equal(postPage.status, 200);
    assert.ok(postPage.text.includes(text));
    assert.ok(!postPage.text.includes('removed middle'));

    assert.equal((await api.get(`/media/${removed.media[0].id}`)).status, 404, 'the removed post’s image is not served');
    assert.equal((await api.get(`/media/${posts[0].media[0].id}`)).status, 200, 'other posts’ images are');
    assert.ok(
      asked.flat().some((s) => s.kind === 'post' && s.id === removed.id),
      'the source was asked about the post',
    );
  });

  test('a country-limited restriction applies only when X-Vigil-Country equals its country', async () => {
    const { channel, posts } = await channelWithPosts('geo_channel', ['local news']);
    const text = 'Withheld in Germany in response to a legal demand.';
    restrictions = [{ subject: { kind: 'channel', id: channel.id }, code: 'restricted', category: 'legal', text, country: 'DE' }];
    const get = (country?: string) => api.get('/api/v1/channels/geo_channel/posts', { headers: country ? { 'x-vigil-country': country } : {} });

    assert.equal((await get()).status, 200, 'no country: shown');
    assert.equal((await get('FR')).status, 200, 'another country: shown');
    assert.equal((await get('XYZ')).status, 200, 'a malformed country is ignored');
    for (const c of ['DE', 'de']) {
      const r = await get(c);
      assert.equal(r.status, 451, c);
      assert.equal(r.body.error.code, 'subject_restricted');
      assert.equal(r.body.error.details.notice.text, text);
    }
    const page = await api.get('/c/geo_channel', { headers: { 'x-vigil-country': 'DE' } });
    assert.equal(page.status, 451);
    assert.ok(page.text.includes(text));
    assert.equal((await api.get('/c/geo_channel', { headers: { 'x-vigil-country': 'NL' } })).status, 200);

    // A post withheld in one country only.
    restrictions = [{ subject: { kind: 'post', id: posts[0].id }, code: 'restricted', category: 'legal', text, country: 'TR' }];
    const inTr = await api.get('/api/v1/channels/geo_channel/posts/1', { headers: { 'x-vigil-country': 'TR' } });
    assert.equal(inTr.body.post.withheld.code, 'restricted');
    const elsewhere = await api.get('/api/v1/channels/geo_channel/posts/1', { headers: { 'x-vigil-country': 'GB' } });
    assert.equal(elsewhere.body.post.text, 'local news');
  });

  test('blocked bots and sticker sets render 451 pages with the notice; their pictures are not served', async () => {
    const pic = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(8, 8, '#abcdef') });
    const bot = await api.post('/api/v1/bots', { handle: 'hidden_bot', picture: pic.body.id }, { token: owner.token });
    const sticker = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(8, 8, '#fedcba') });
    const set = await api.post('/api/v1/sticker-sets', { name: 'hidden_set', title: 'Hidden', stickers: [sticker.body.id] }, { token: owner.token });
    assert.equal((await api.get(`/media/${pic.body.id}`)).status, 200);
    assert.equal((await api.get(`/media/${sticker.body.id}`)).status, 200);

    restrictions = [
      { subject: { kind: 'bot', id: bot.body.id }, code: 'blocked', category: 'spam', text: 'This bot was blocked for spam.', country: null },
      {
        subject: { kind: 'sticker_set', id: set.body.id },
        code: 'blocked',
        category: 'ip',
        text: 'These stickers were removed after a copyright complaint.',
        country: null,
      },
    ];
    const botPage = await api.get('/bot/hidden_bot');
    assert.equal(botPage.status, 451);
    assert.ok(botPage.text.includes('This bot was blocked for spam.'));
    const setPage = await api.get('/stickers/hidden_set');
    assert.equal(setPage.status, 451);
    assert.ok(setPage.text.includes('These stickers were removed after a copyright complaint.'));
    assert.equal((await api.get('/api/v1/bots/hidden_bot')).status, 451);
    assert.equal((await api.get(`/media/${pic.body.id}`)).status, 404);
    assert.equal((await api.get(`/media/${sticker.body.id}`)).status, 404);
    assert.equal((await api.get(`/media/${pic.body.id}`, { token: owner.token })).status, 200, 'the uploader still has their own file');
  });
});
