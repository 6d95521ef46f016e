// Known images caught on upload: banks, scanning, holds, benign entries, decision banking, victim hashes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { patternImage, pngImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

describe('detection on upload', () => {
  let t: TestApp;
  let api: Api;
  let admin: string;
  let moderator: string;
  let owner: { id: string; token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    admin = await staffToken(t, 'admin');
    moderator = await staffToken(t, 'moderator');
    owner = await api.account('publisher');
    assert.equal((await api.post('/api/v1/channels', { handle: 'upload_target', title: 'Uploads' }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
  });

  const upload = async (bytes: Buffer, token = owner.token) => {
    const r = await api.call('POST', '/api/v1/media', { token, raw: bytes, contentType: 'application/octet-stream' });
    assert.equal(r.status, 201, r.text);
    return r.body.id as string;
  };
  // The automated report is a job run after the publish commits: wait for it before looking at cases.
  const publish = async (mediaId: string, text = 'look') => {
    const r = await api.post('/api/v1/channels/upload_target/posts', { text, media: [mediaId] }, { token: owner.token });
    await t.ctx.jobRunner.drain();
    return r;
  };
  const bank = async (name: string, category: string, lines: string[]) => {
    assert.equal((await api.post('/api/v1/banks', { name, category }, { token: admin })).status, 201);
    const r = await api.post(`/api/v1/banks/${name}/entries`, { lines }, { token: admin });
    assert.equal(r.status, 200, r.text);
    return r.body;
  };
  const caseOfChannel = async () => {
    const list = await api.get('/api/v1/cases?limit=100', { token: moderator });
    return list.body.cases.find((c: any) => c.subject.kind === 'channel' && c.state !== 'decided');
  };

  test('a re-encoded copy of a known terrorist image is kept from publishing and opens a case naming bank, entry and distance', async () => {
    const original = await patternImage(1);
    const known = await pdqHashFile(original);
    assert.ok(known.quality >= 50, `quality ${known.quality}`);
    await bank('terror-known', 'terrorism', [`pdq ${known.hash}`]);

    // The same picture, resized and re-encoded as JPEG: different bytes, near-identical PDQ.
    const copy = await sharp(original).resize(300).jpeg({ quality: 70 }).toBuffer();
    const r = await publish(await upload(copy), 'propaganda');
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'content_blocked');
    const feed = await api.get('/api/v1/channels/upload_target/posts');
    assert.ok(!feed.body.posts.some((p: any) => p.text === 'propaganda'), 'never published');

    const kase = await caseOfChannel();
    assert.ok(kase, 'a case is open');
    assert.equal(kase.category, 'terrorism');
    assert.deepEqual(kase.sources, ['automated']);
    const detail = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
    const signal = detail.body.signals[0];
    assert.equal(signal.type, 'hash_match');
    assert.equal(signal.matches[0].bank, 'terror-known');
    assert.ok(signal.matches[0].entryId.startsWith('ent_'));
    assert.ok(signal.matches[0].distance <= 31);
    assert.ok(
      detail.body.subjectNow.reportedPosts.some((p: any) => p.text === 'propaganda'),
      'moderators see the held post',
    );
    const matches = await api.get('/api/v1/banks/terror-known/matches', { token: moderator });
    assert.equal(matches.body.matches.length, 1);
    // Close this case so later tests start from a clean queue.
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${kase.id}/decide`,
          {
            outcome: 'actioned',
            actions: ['remove_posts'],
            category: 'terrorism',
            statement: 'Known terrorist propaganda image.',
            postIds: [detail.body.subjectNow.reportedPosts[0].id],
          },
          { token: moderator },
        )
      ).status,
      200,
    );
  });

  test('a post held by detection stays hidden under an "actioned" warning, and reversing that decision restores it', async () => {
    const img = await patternImage(12);
    await bank('terror-reversal', 'terrorism', [(await pdqHashFile(img)).hash]);
    const refused = await publish(await upload(img), 'flag of a historical re-enactment');
    assert.equal(refused.status, 422);
    const kase = await caseOfChannel();
    const post = (await api.get(`/api/v1/cases/${kase.id}`, { token: moderator })).body.subjectNow.reportedPosts[0];
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${kase.id}/decide`,
          { outcome: 'actioned', actions: ['warn_owner'], category: 'terrorism', statement: 'Warning: this imagery is close to propaganda.' },
          { token: moderator },
        )
      ).status,
      200,
    );
    assert.equal((await api.get(`/api/v1/channels/upload_target/posts/${post.number}`)).status, 404, 'still held');
    const senior = await staffToken(t, 'senior');
    assert.equal((await api.post(`/api/v1/cases/${kase.id}/reverse`, { reason: 'Historical re-enactment, not propaganda.' }, { token: senior })).status, 200);
    const shown = await api.get(`/api/v1/channels/upload_target/posts/${post.number}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.post.text, 'flag of a historical re-enactment');
  });

  test('an NCII match holds the post for review; a "no violation" decision releases it', async () => {
    const img = await patternImage(2);
    const h = await pdqHashFile(img);
    await bank('ncii-known', 'ncii', [h.hash]);
    const r = await publish(await upload(img), 'holiday');
    assert.equal(r.status, 201);
    assert.equal(r.body.held, true);
    assert.equal((await api.get(`/api/v1/channels/upload_target/posts/${r.body.number}`)).status, 404, 'held posts are not public');
    const kase = await caseOfChannel();
    assert.equal(kase.category, 'ncii');
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${kase.id}/decide`,
          { outcome: 'no_violation', actions: [], statement: 'Not an intimate image: false positive.' },
          { token: moderator },
        )
      ).status,
      200,
    );
    const shown = await api.get(`/api/v1/channels/upload_target/posts/${r.body.number}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.post.text, 'holiday');
  });

  test('a benign entry never matches again; low-quality hashes never trigger', async () => {
    const img = await patternImage(3);
    const h = await pdqHashFile(img);
    const flat = await pngImage(200, 200, '#777777');
    const flatHash = await pdqHashFile(flat);
    assert.ok(flatHash.quality < 50);
    await bank('other-known', 'terrorism', [h.hash, flatHash.hash]);
    const entries = await api.get('/api/v1/banks/other-known/entries', { token: moderator });
    assert.equal(entries.body.entries.length, 2);
    const entry = entries.body.entries.find((e: any) => e.hash === h.hash);
    assert.equal((await api.post(`/api/v1/bank-entries/${entry.id}/status`, { status: 'benign' }, { token: admin })).status, 204);
    assert.equal((await publish(await upload(img), 'benign now')).status, 201);
    assert.equal((await publish(await upload(flat), 'flat grey')).status, 201, 'a flat image (quality < 50) does not trigger');
  });

  test('images in private groups are never hashed or matched', async () => {
    const img = await patternImage(4);
    await bank('terror-private-test', 'terrorism', [(await pdqHashFile(img)).hash]);
    const g = await api.post('/api/v1/groups', { title: 'family' }, { token: owner.token });
    const media = await upload(img);
    assert.equal((await api.post(`/api/v1/groups/${g.body.id}/messages`, { media }, { token: owner.token })).status, 201);
    const hashed = await t.ctx.db.selectFrom('media_hashes').selectAll().where('media_id', '=', media).execute();
    assert.deepEqual(hashed, []);
    const matched = await t.ctx.db.selectFrom('media_matches').selectAll().where('media_id', '=', media).execute();
    assert.deepEqual(matched, []);
  });

  test('media removed by a decision is banked, so a re-upload is caught', async () => {
    const img = await patternImage(5);
    const p = await publish(await upload(img), 'leaked passport scans');
    assert.equal(p.status, 201);
    const reporter = await api.account();
    await api.post('/api/v1/reports', { subject: `/c/upload_target/${p.body.number}`, category: 'personal_details' }, { token: reporter.token });
    const kase = await caseOfChannel();
    const d = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], category: 'personal_data', statement: 'Publishes identity documents.', postIds: [p.body.id] },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const banks = await api.get('/api/v1/banks', { token: moderator });
    const decided = banks.body.banks.find((b: any) => b.name === 'decisions-other');
    assert.ok(decided && decided.active >= 2, 'sha256 and pdq of the removed image');
    const again = await publish(await upload(await sharp(img).jpeg().toBuffer()), 'again');
    assert.equal(again.status, 201);
    assert.equal(again.body.held, true, 'the re-upload is held for review');
  });

  test('bots and sticker sets are scanned too', async () => {
    const img = await patternImage(6);
    await bank('terror-avatars', 'terrorism', [(await pdqHashFile(img)).hash]);
    const bot = await api.post('/api/v1/bots', { handle: 'recruiter_bot', picture: await upload(img) }, { token: owner.token });
    assert.equal(bot.status, 422);
    assert.equal((await api.get('/bot/recruiter_bot')).status, 451, 'the bot exists only for review');
    const set = await api.post(
      '/api/v1/sticker-sets',
      { name: 'flags_set', title: 'Flags', stickers: [await upload(await patternImage(7)), await upload(img)] },
      { token: owner.token },
    );
    assert.equal(set.status, 422);
  });

  test('a bank import with malformed lines says which, and imports nothing', async () => {
    assert.equal((await api.post('/api/v1/banks', { name: 'strict-import', category: 'other' }, { token: admin })).status, 201);
    const r = await api.post('/api/v1/banks/strict-import/entries', { lines: ['a'.repeat(64), 'not-a-hash', 'md5 1234'] }, { token: admin });
    assert.equal(r.status, 400);
    assert.deepEqual(
      r.body.error.details.map((d: any) => d.line),
      [2, 3],
    );
    const entries = await api.get('/api/v1/banks/strict-import/entries', { token: moderator });
    assert.equal(entries.body.entries.length, 0);
  });

  test('two people protecting the same image each keep their own protection', async () => {
    const img = await patternImage(9);
    const h = await pdqHashFile(img);
    const first = await api.post('/api/v1/protect/hashes', { hashes: [{ pdq: h.hash, quality: h.quality }] });
    const second = await api.post('/api/v1/protect/hashes', { hashes: [{ pdq: h.hash, quality: h.quality }] });
    assert.equal(second.status, 201);
    const secondStatus = await api.post('/api/v1/protect/status', { caseNumber: second.body.caseNumber, pin: second.body.pin });
    assert.equal(secondStatus.body.hashes.length, 1, 'the second submission holds its own entry');
    await api.post('/api/v1/protect/withdraw', { caseNumber: first.body.caseNumber, pin: first.body.pin });
    const held = await publish(await upload(img), 'still protected');
    assert.equal(held.body.held, true, 'the first withdrawal does not remove the second person’s protection');
    const after = await api.post('/api/v1/protect/status', { caseNumber: second.body.caseNumber, pin: second.body.pin });
    assert.equal(after.body.hashes[0].matches, 1);
    const kase = await caseOfChannel();
    await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'Reviewed: released for this test.' },
      { token: moderator },
    );
  });

  test('a victim blocks her image with only its hash, sees the match, and withdraws', async () => {
    const img = await patternImage(8);
    const h = await pdqHashFile(img);
    const sub = await api.post('/api/v1/protect/hashes', { hashes: [{ pdq: h.hash, quality: h.quality }] });
    assert.equal(sub.status, 201);
    assert.match(sub.body.caseNumber, /^P-\d{4}-\d{4}-\d{4}$/);
    assert.match(sub.body.pin, /^\d{8}$/);
    const held = await publish(await upload(img), 'her photo');
    assert.equal(held.body.held, true);
    const wrongPin = await api.post('/api/v1/protect/status', { caseNumber: sub.body.caseNumber, pin: '00000000' });
    assert.equal(wrongPin.status, 404);
    const status = await api.post('/api/v1/protect/status', { caseNumber: sub.body.caseNumber, pin: sub.body.pin });
    assert.equal(status.body.hashes[0].matches, 1);
    const withdrawn = await api.post('/api/v1/protect/withdraw', { caseNumber: sub.body.caseNumber, pin: sub.body.pin });
    assert.equal(withdrawn.body.hashes[0].status, 'withdrawn');
    const stored = await t.ctx.db
      .selectFrom('bank_entries')
      .innerJoin('protect_submissions', 'protect_submissions.id', 'bank_entries.submission_id')
      .select(['bank_entries.hash', 'bank_entries.status'])
      .where('protect_submissions.case_number', '=', sub.body.caseNumber)
      .execute();
    assert.equal(stored.length, 1);
    assert.ok(
      stored.every((e) => e.status === 'withdrawn' && e.hash === ''),
      'the hash is deleted, not just disabled',
    );
    const kase = await caseOfChannel();
    await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'Released after the hash was withdrawn.' },
      { token: moderator },
    );
    const after = await publish(await upload(await sharp(img).png({ compressionLevel: 1 }).toBuffer()), 'same photo later');
    assert.equal(after.status, 201);
    assert.equal(after.body.held, undefined, 'a withdrawn hash no longer matches');
  });
});
