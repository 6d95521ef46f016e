// Connected platforms: a platform key registers the public content it hosts and learns detection's
// verdict; reports name that content by URL or by {platform, kind, id}; cases, the console's case view
// and decision banking treat it like the reference platform's content.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { patternImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

const b64 = (b: Buffer) => b.toString('base64');

describe('connected platforms register content', () => {
  let t: TestApp;
  let api: Api;
  let forum: string;
  let other: string;
  let admin: string;
  let moderator: string;
  before(async () => {
    // Loopback allowed so a test's own server can stand in for a platform's media host.
    t = await startTestApp({ maxUploadBytes: 256 * 1024, mediaFetchAllowPrivate: true, mediaFetchTimeoutMs: 2000 });
    api = apiClient(t.app);
    forum = await apiKey(t, 'platform', 'forum');
    other = await apiKey(t, 'platform', 'otherforum');
    admin = await staffToken(t, 'admin');
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
  });

  const register = async (body: unknown, token = forum) => {
    const r = await api.post('/api/v1/content', body, { token });
    await t.ctx.jobRunner.drain();
    return r;
  };
  const bank = async (name: string, category: string, lines: string[]) => {
    assert.equal((await api.post('/api/v1/banks', { name, category }, { token: admin })).status, 201);
    assert.equal((await api.post(`/api/v1/banks/${name}/entries`, { lines }, { token: admin })).status, 200);
  };
  const casesOf = async (platform: string) =>
    (await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases.filter((c: any) => c.platform === platform && c.state !== 'decided');
  const decideNoViolation = async (caseId: string) =>
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${caseId}/decide`,
          { outcome: 'no_violation', actions: [], statement: 'Reviewed for this test: fine.' },
          { token: moderator },
        )
      ).status,
      200,
    );

  test('a channel and a post with an image are registered once, updated in place, and read back', async () => {
    const channel = await register({
      kind: 'channel',
      id: 'c1',
      url: 'https://forum.example/c/general',
      title: 'General',
      text: 'All topics',
      reach: 1200,
      ownerId: 'u7',
    });
    assert.equal(channel.status, 201, channel.text);
    assert.equal(channel.body.verdict, 'allow');
    assert.deepEqual(channel.body.signals, []);
    const img = await patternImage(31);
    const body = {
      kind: 'post',
      id: 'p1',
      channelId: 'c1',
      url: 'https://forum.example/c/general/p1',
      text: 'hello',
      media: [{ contentBase64: b64(img), url: 'https://cdn.forum.example/1.png' }],
    };
    const post = await register(body);
    assert.equal(post.status, 201, post.text);
    assert.equal(post.body.verdict, 'allow');
    assert.equal(post.body.channelId, 'c1');
    assert.equal(post.body.media[0].mime, 'image/png');
    assert.equal(post.body.media[0].scanned, true);
    assert.match(post.body.media[0].sha256, /^[0-9a-f]{64}$/);

    const again = await register(body);
    assert.equal(again.status, 200, 'the same call again updates, it does not create');
    assert.equal(again.body.vigilId, post.body.vigilId);
    assert.equal(again.body.media[0].id, post.body.media[0].id, 'unchanged media keeps its id');
    const renamed = await register({ kind: 'channel', id: 'c1', url: 'https://forum.example/c/general', title: 'General chat', reach: 1300, ownerId: 'u7' });
    assert.equal(renamed.status, 200);
    const got = await api.get('/api/v1/content/channel/c1', { token: forum });
    assert.equal(got.status, 200);
    assert.equal(got.body.title, 'General chat');
    assert.equal(got.body.reach, 1300);
    const rows = await t.ctx.db.selectFrom('connected_content').select('id').where('platform', '=', 'forum').where('external_id', '=', 'c1').execute();
    assert.equal(rows.length, 1, 'one item');
    const stored = await t.ctx.db.selectFrom('connected_media').selectAll().where('content_id', '=', post.body.vigilId).execute();
    assert.equal(stored.length, 1);
    assert.ok(stored[0].pdq && stored[0].md5, 'hashes are stored; the bytes are not');
  });

  test('only platform keys register, and a platform never sees or touches another platform’s items', async () => {
    const account = await api.account();
    const flagger = await apiKey(t, 'trusted_flagger', 'flaggers');
    const item = { kind: 'channel', id: 'c1', url: 'https://forum.example/c/general' };
    assert.equal((await api.post('/api/v1/content', item)).status, 401);
    assert.equal((await api.post('/api/v1/content', item, { token: account.token })).status, 403);
    assert.equal((await api.post('/api/v1/content', item, { token: flagger })).status, 403);
    assert.equal((await api.post('/api/v1/content', item, { token: moderator })).status, 403);
    assert.equal((await api.get('/api/v1/content/channel/c1', { token: other })).status, 404);
    assert.equal((await api.call('DELETE', '/api/v1/content/channel/c1', { token: other })).status, 404);
    assert.equal((await api.get('/api/v1/content/channel/c1', { token: forum })).status, 200, 'still there');
    const post = await register({ kind: 'post', id: 'px', channelId: 'c1', url: 'https://other.example/px' }, other);
    assert.equal(post.status, 400);
    assert.equal(post.body.error.code, 'unknown_channel', "another platform's channel cannot hold its posts");
  });

  test('private kinds and bad input get clear errors; oversized text and media are refused', async () => {
    const group = await register({ kind: 'group', id: 'g1', url: 'https://forum.example/g/1' });
    assert.equal(group.status, 400);
    assert.equal(group.body.error.code, 'private_kind');
    assert.equal((await register({ kind: 'channel', id: 'c9', url: 'javascript:alert(1)' })).body.error.code, 'invalid_url');
    assert.equal((await register({ kind: 'post', id: 'p9', url: 'https://forum.example/p9' })).body.error.code, 'channel_required');
    const long = await register({ kind: 'channel', id: 'c9', url: 'https://forum.example/c9', text: 'x'.repeat(10_001) });
    assert.equal(long.status, 400);
    assert.ok(long.body.error.details.some((d: any) => d.field === 'text'));
    const big = await register({ kind: 'channel', id: 'c9', url: 'https://forum.example/c9', media: [{ contentBase64: b64(Buffer.alloc(300 * 1024, 1)) }] });
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'media_too_large');
    const many = await register({
      kind: 'channel',
      id: 'c9',
      url: 'https://forum.example/c9',
      media: Array.from({ length: 11 }, () => ({ url: 'https://cdn.example/x.png' })),
    });
    assert.equal(many.status, 400);
    const notB64 = await register({ kind: 'channel', id: 'c9', url: 'https://forum.example/c9', media: [{ contentBase64: 'not base64!' }] });
    assert.equal(notB64.body.error.code, 'invalid_base64');
    const huge = await api.call('POST', '/api/v1/content', {
      token: forum,
      raw: Buffer.from(JSON.stringify({ kind: 'channel', id: 'c9', url: 'https://forum.example/c9', text: 'y'.repeat(2 * 1024 * 1024) })),
      contentType: 'application/json',
    });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error.code, 'payload_too_large');
    assert.equal((await api.get('/api/v1/content/channel/c9', { token: forum })).status, 404, 'nothing stored by refused calls');
    const urlOnly = await register({
      kind: 'channel',
      id: 'c9',
      url: 'https://forum.example/c9',
      media: [{ url: 'https://cdn.forum.example/a.png', mime: 'image/png' }],
    });
    assert.equal(urlOnly.status, 201);
    assert.equal(urlOnly.body.media[0].scanned, false, 'a URL that cannot be fetched is kept as a link, unscanned');
    assert.equal(urlOnly.body.signals[0].type, 'media_unavailable');
    assert.equal(urlOnly.body.signals[0].media, 0);
  });

  test('media given only by URL is fetched and scanned: a known terrorist image at a URL is refused', async () => {
    const img = await patternImage(47);
    await bank('terror-by-url', 'terrorism', [`pdq ${(await pdqHashFile(img)).hash}`]);
    const host = createServer((req, res) => {
      if (req.url === '/known.png') res.writeHead(200, { 'content-type': 'image/png' }).end(img);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      // On the other platform, so the forum's cases, which the next tests read, stay as they were.
      await register({ kind: 'channel', id: 'c-url', url: 'https://other.example/c/by-url', title: 'By URL' }, other);
      const r = await register(
        {
          kind: 'post',
          id: 'p-url',
          channelId: 'c-url',
          url: 'https://other.example/c/by-url/1',
          text: 'look',
          media: [{ url: `${base}/known.png` }, { url: `${base}/missing.png` }],
        },
        other,
      );
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.verdict, 'refuse');
      assert.deepEqual(r.body.signals, [
        { type: 'hash_match', media: 0, category: 'terrorism', match: 'pdq' },
        { type: 'media_unavailable', media: 1, reason: 'the platform answered 404' },
      ]);
      assert.equal(r.body.media[0].scanned, true);
      assert.equal(r.body.media[0].mime, 'image/png', 'the type is sniffed from the fetched bytes');
      assert.equal(r.body.media[1].scanned, false);
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  });

  test('a known terrorist image is refused and the automated job opens a case on the platform', async () => {
    const img = await patternImage(32);
    await bank('terror-connected', 'terrorism', [`pdq ${(await pdqHashFile(img)).hash}`]);
    await register({ kind: 'channel', id: 'c2', url: 'https://forum.example/c/news', title: 'News' });
    const r = await register({
      kind: 'post',
      id: 'p2',
      channelId: 'c2',
      url: 'https://forum.example/c/news/p2',
      text: 'propaganda',
      media: [{ contentBase64: b64(img) }],
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.verdict, 'refuse');
    assert.deepEqual(r.body.signals, [{ type: 'hash_match', media: 0, category: 'terrorism', match: 'pdq' }]);
    assert.ok(!JSON.stringify(r.body).includes('terror-connected'), 'no bank names for publishers');
    assert.deepEqual(r.body.actions, ['held']);
    const [kase] = await casesOf('forum');
    assert.ok(kase, 'the automated report opened a case');
    assert.equal(kase.category, 'terrorism');
    assert.deepEqual(kase.sources, ['automated']);
    assert.equal(kase.subjectLabel, 'News');
    const detail = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
    assert.equal(detail.body.platform, 'forum');
    assert.equal(detail.body.signals[0].matches[0].bank, 'terror-connected', 'moderators see the bank');
    assert.equal(detail.body.subjectNow.reportedPosts[0].text, 'propaganda');
    // Removing the post banks its hashes: the same image registered again elsewhere is refused.
    const d = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], category: 'terrorism', statement: 'Known terrorist propaganda.', postIds: [r.body.vigilId] },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    assert.deepEqual((await api.get('/api/v1/content/post/p2', { token: forum })).body.actions, ['held', 'removed']);
  });

  test('an NCII match holds the post; a decision removing a post banks its image, so it is caught again', async () => {
    const img = await patternImage(33);
    await bank('ncii-connected', 'ncii', [(await pdqHashFile(img)).hash]);
    const held = await register({
      kind: 'post',
      id: 'p3',
      channelId: 'c1',
      url: 'https://forum.example/c/general/p3',
      text: 'holiday',
      media: [{ contentBase64: b64(img) }],
    });
    assert.equal(held.body.verdict, 'hold');
    assert.equal(held.body.signals[0].category, 'ncii');
    const [kase] = await casesOf('forum');
    assert.equal(kase.category, 'ncii');
    await decideNoViolation(kase.id);
    const released = await api.get('/api/v1/content/post/p3', { token: forum });
    assert.deepEqual(released.body.actions, [], 'the hold was released');
    const same = await register({
      kind: 'post',
      id: 'p3',
      channelId: 'c1',
      url: 'https://forum.example/c/general/p3',
      text: 'holiday!',
      media: [{ contentBase64: b64(img) }],
    });
    assert.equal(same.body.verdict, 'allow', 'reviewed media is not scanned again when the item is updated');

    // A user's report, a removal, and the banked hashes of the removed image.
    const img2 = await patternImage(34);
    const p4 = await register({
      kind: 'post',
      id: 'p4',
      channelId: 'c1',
      url: 'https://forum.example/c/general/p4',
      text: 'doxxing',
      media: [{ contentBase64: b64(img2) }],
    });
    assert.equal(p4.body.verdict, 'allow');
    const reporter = await api.account();
    const rep = await api.post('/api/v1/reports', { subject: 'https://FORUM.example/c/general/p4/', category: 'personal_details' }, { token: reporter.token });
    assert.equal(rep.status, 202, rep.text);
    const [c] = await casesOf('forum');
    const d = await api.post(
      `/api/v1/cases/${c.id}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], category: 'personal_data', statement: 'Publishes identity documents.', postIds: [p4.body.vigilId] },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const again = await register({ kind: 'post', id: 'p5', channelId: 'c1', url: 'https://forum.example/c/general/p5', media: [{ contentBase64: b64(img2) }] });
    assert.equal(again.body.verdict, 'hold', 'the removed image was banked from its stored hashes');
    assert.ok(again.body.signals.some((s: any) => s.match === 'sha256'));
    await decideNoViolation((await casesOf('forum'))[0].id);
  });

  test('reports by URL and by {platform, kind, id} gather on one case of the channel; the case view shows the registered snapshot', async () => {
    await register({ kind: 'channel', id: 'c5', url: 'https://forum.example/c/market', title: 'Market', text: 'Buy and sell', reach: 50, ownerId: 'seller' });
    const img = await patternImage(35);
    await register({
      kind: 'post',
      id: 'p6',
      channelId: 'c5',
      url: 'https://forum.example/c/market/p6',
      text: 'selling pills',
      media: [{ contentBase64: b64(img), url: 'https://cdn.forum.example/6.png' }],
    });
    const reporter = await api.account();
    const byUrl = await api.post('/api/v1/reports', { subject: 'https://forum.example/c/market/p6', category: 'illegal_goods' }, { token: reporter.token });
    assert.equal(byUrl.status, 202, byUrl.text);
    const byId = await api.post(
      '/api/v1/reports',
      { subject: { platform: 'forum', kind: 'post', id: 'p6' }, category: 'illegal_goods' },
      { token: (await api.account()).token },
    );
    assert.equal(byId.status, 202, byId.text);
    const cases = await casesOf('forum');
    assert.equal(cases.length, 1, 'one case');
    const kase = cases[0];
    assert.equal(kase.platform, 'forum');
    assert.equal(kase.subject.kind, 'channel');
    assert.equal(kase.reportCount, 2);
    assert.equal(kase.reach, 50);
    const detail = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
    const s = detail.body.subjectNow;
    assert.equal(s.kind, 'channel');
    assert.equal(s.title, 'Market');
    assert.equal(s.description, 'Buy and sell');
    assert.equal(s.subscribers, 50);
    assert.equal(s.link, 'https://forum.example/c/market');
    assert.equal(s.reportedPosts.length, 1);
    assert.equal(s.reportedPosts[0].text, 'selling pills');
    assert.equal(s.reportedPosts[0].link, 'https://forum.example/c/market/p6');
    assert.equal(s.reportedPosts[0].media[0].url, 'https://cdn.forum.example/6.png');
    assert.equal(s.reportedPosts[0].media[0].mime, 'image/png');
    const owner = await t.ctx.db.selectFrom('cases').select(['owner_account_id', 'platform']).where('id', '=', kase.id).executeTakeFirstOrThrow();
    assert.deepEqual({ ...owner }, { owner_account_id: 'forum:seller', platform: 'forum' });

    // Deleted by the platform: no new reports, the open case still shows it, marked deleted.
    assert.equal((await api.call('DELETE', '/api/v1/content/post/p6', { token: forum })).status, 204);
    assert.equal((await api.get('/api/v1/content/post/p6', { token: forum })).status, 404);
    const late = await api.post(
      '/api/v1/reports',
      { subject: { platform: 'forum', kind: 'post', id: 'p6' }, category: 'illegal_goods' },
      { token: reporter.token },
    );
    assert.equal(late.status, 404);
    const after = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
    assert.ok(after.body.subjectNow.reportedPosts[0].deletedAt, 'the snapshot says the post was deleted');
    assert.equal(after.body.reportCount, 2);
    await decideNoViolation(kase.id);
  });

  test('a private group of a platform is declined as out of scope; unknown platforms and items are 404, unknown URLs the unknown-link 400', async () => {
    const reporter = await api.account();
    const r = await api.post('/api/v1/reports', { subject: { platform: 'forum', kind: 'group', id: 'g1' }, category: 'spam' }, { token: reporter.token });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.body.status, 'declined_out_of_scope');
    const nobody = await api.post(
      '/api/v1/reports',
      { subject: { platform: 'nowhere', kind: 'group', id: 'g1' }, category: 'spam' },
      { token: reporter.token },
    );
    assert.equal(nobody.status, 404);
    assert.match(nobody.body.error.message, /nowhere/);
    const unknownUrl = await api.post('/api/v1/reports', { subject: 'https://forum.example/never/registered', category: 'spam' }, { token: reporter.token });
    assert.equal(unknownUrl.status, 400, 'the same answer as any link that names nothing: shown next to the link field');
    assert.equal(unknownUrl.body.error.code, 'invalid_subject');
    assert.match(unknownUrl.body.error.message, /not a channel, post, bot or sticker set link/);
    const unknownItem = await api.post(
      '/api/v1/reports',
      { subject: { platform: 'forum', kind: 'channel', id: 'nope' }, category: 'spam' },
      { token: reporter.token },
    );
    assert.equal(unknownItem.status, 404);
  });
});
