// The moderation core's scenarios, end to end through the HTTP API (issue: every report answered).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { pngImage } from '../helpers/images.ts';

describe('moderation scenarios', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let senior: string;
  before(async () => {
    t = await startTestApp({ anonReportsPerMinute: 1000 });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    senior = await staffToken(t, 'senior');
  });
  after(async () => {
    await t.close();
  });

  async function channel(handle: string, title: string, posts: string[] = ['first post']) {
    const owner = await api.account(`owner of ${handle}`);
    assert.equal((await api.post('/api/v1/channels', { handle, title }, { token: owner.token })).status, 201);
    const ids: string[] = [];
    for (const text of posts) ids.push((await api.post(`/api/v1/channels/${handle}/posts`, { text }, { token: owner.token })).body.id);
    return { owner, postIds: ids };
  }

  test('1. forty accounts and a trusted flagger report an extortion channel: one case, flagger priority, blocked, everyone answered', async () => {
    const { owner, postIds } = await channel('hacked_accounts_shop', 'Accounts for sale', ['Fresh hacked accounts, cheap', 'Pay or her photos go public']);
    const reporters = await Promise.all(Array.from({ length: 40 }, (_, i) => api.account(`reporter ${i}`)));
    for (const r of reporters) assert.equal(r.token.length > 10, true);
    for (let i = 0; i < 10; i++) {
      const subs = await Promise.all(
        reporters
          .slice(i * 4, i * 4 + 4)
          .map((r) =>
            api.post(
              '/api/v1/reports',
              { subject: '/c/hacked_accounts_shop', category: i % 2 ? 'fraud' : 'extortion', explanation: 'sells hacked accounts and threatens a woman' },
              { token: r.token },
            ),
          ),
      );
      for (const s of subs) assert.equal(s.status, 202);
    }
    const receipts = [] as Array<{ id: string; receipt: string }>;
    const flaggerKey = await apiKey(t, 'trusted_flagger', 'SafeNet Helpline');
    const flagged = await api.post(
      '/api/v1/reports',
      {
        subject: 'https://vigil.example/c/hacked_accounts_shop/2',
        category: 'extortion',
        lifeAtRisk: true,
        explanation: 'Sextortion: threatens to publish a woman’s intimate photos unless she pays.',
      },
      { token: flaggerKey },
    );
    assert.equal(flagged.status, 202);
    receipts.push(flagged.body);

    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const mine = queue.body.cases.filter((c: any) => c.subject.kind === 'channel' && c.reportCount === 41);
    assert.equal(mine.length, 1, 'one case for the channel');
    const kase = mine[0];
    assert.equal(kase.reporterCount, 41);
    assert.ok(kase.sources.includes('trusted_flagger') && kase.sources.includes('in_app'));
    assert.equal(kase.category, 'extortion');
    assert.equal(kase.lifeAtRisk, true);
    assert.equal(queue.body.cases[0].id, kase.id, 'trusted flagger and threat to life put it on top');

    const detail = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
    assert.equal(detail.status, 200);
    assert.equal(detail.body.subjectNow.title, 'Accounts for sale');
    assert.ok(detail.body.subjectNow.reportedPosts.some((p: any) => p.id === postIds[1]));
    assert.equal(detail.body.reports.length, 41);
    assert.equal(detail.body.reports[0].reporter, undefined, 'moderators do not see who reported');
    const seniorView = await api.get(`/api/v1/cases/${kase.id}`, { token: senior });
    assert.ok(
      seniorView.body.reports.some((r: any) => r.reporter?.label?.includes('SafeNet Helpline')),
      'seniors do',
    );

    assert.equal((await api.post(`/api/v1/cases/${kase.id}/claim`, {}, { token: moderator })).status, 200);
    const decided = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      {
        outcome: 'actioned',
        actions: ['block'],
        category: 'extortion',
        statement: 'The channel sells hacked accounts and threatens to publish a woman’s intimate images unless she pays.',
      },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);

    // Every reporter's status shows the outcome.
    const flaggerStatus = await api.get(`/api/v1/reports/${flagged.body.id}`, { headers: { 'x-receipt': flagged.body.receipt } });
    assert.equal(flaggerStatus.body.status, 'decided');
    assert.equal(flaggerStatus.body.answer.outcome, 'actioned');
    assert.deepEqual(flaggerStatus.body.answer.actions, ['block']);
    assert.match(flaggerStatus.body.answer.appeal, /appeal/i);
    for (const r of reporters.slice(0, 5)) {
      const mineList = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
      const ofReporter = mineList.body.reports.find((x: any) => x.source === 'in_app');
      const st = await api.get(`/api/v1/reports/${ofReporter.id}`, { token: r.token });
      // Only the reporter's own reports are readable with their token.
      assert.ok(st.status === 200 || st.status === 404);
    }
    const ownReport = await api.post('/api/v1/reports', { subject: '/c/hacked_accounts_shop', category: 'fraud' }, { token: reporters[0].token });
    assert.equal(ownReport.body.status, 'decided', 'a report about an actioned subject gets the standing decision at once');
    const ownStatus = await api.get(`/api/v1/reports/${ownReport.body.id}`, { token: reporters[0].token });
    assert.equal(ownStatus.body.answer.outcome, 'actioned');

    // The link shows the notice, on the API and the preview page.
    const apiView = await api.get('/api/v1/channels/hacked_accounts_shop');
    assert.equal(apiView.status, 451);
    assert.equal(apiView.body.error.message, "This channel can't be displayed because it was used to threaten and extort people.");
    const page = await api.get('/c/hacked_accounts_shop');
    assert.equal(page.status, 451);
    assert.match(page.text, /This channel can&#39;t be displayed because it was used to threaten and extort people\./);
    assert.equal((await api.get('/c/hacked_accounts_shop/1')).status, 451, 'its posts are unreachable');

    // The owner reads the statement of reasons, which never names a reporter.
    const notices = await api.get('/api/v1/notices', { token: owner.token });
    assert.equal(notices.status, 200);
    assert.equal(notices.body.notices.length, 1);
    assert.equal(notices.body.notices[0].outcome, 'actioned');
    assert.match(notices.body.notices[0].statement, /hacked accounts/);
    const text = JSON.stringify(notices.body);
    assert.ok(!text.includes('SafeNet') && !reporters.some((r) => text.includes(r.id)), 'no reporter identity reaches the owner');
  });

  test('2. an anonymous web-form report of a terrorist channel from a new address ranks above older spam cases and goes to the triage lane (4-hour clock)', async () => {
    for (const h of ['spam_deals_one', 'spam_deals_two']) {
      await channel(h, 'Deals');
      const r = await api.account();
      assert.equal((await api.post('/api/v1/reports', { subject: `/c/${h}`, category: 'spam' }, { token: r.token })).status, 202);
    }
    await channel('caliphate_news', 'Propaganda');
    const before = Date.now();
    const anon = await api.post(
      '/api/v1/reports',
      {
        subject: 'caliphate_news',
        category: 'terrorism',
        explanation: 'Recruitment videos for a terrorist group',
        bonaFide: true,
      },
      { headers: { 'x-forwarded-for': '203.0.113.9' } },
    );
    assert.equal(anon.status, 400, 'a bare handle is not a link');
    const ok = await api.post('/api/v1/reports', {
      subject: '/c/caliphate_news',
      category: 'terrorism',
      explanation: 'Recruitment videos for a terrorist group',
      bonaFide: true,
    });
    assert.equal(ok.status, 202);
    const queue = await api.get('/api/v1/cases?state=open&limit=100', { token: moderator });
    const ids = queue.body.cases.map((c: any) => c.id);
    const terror = queue.body.cases.find((c: any) => c.category === 'terrorism');
    const spam = queue.body.cases.filter((c: any) => c.category === 'spam');
    assert.equal(spam.length, 2);
    for (const s of spam) assert.ok(ids.indexOf(terror.id) < ids.indexOf(s.id), 'terrorism first');
    const due = new Date(terror.slaDueAt).getTime();
    assert.ok(
      due - before <= 4 * 3_600_000 + 1000 && due - before > 4 * 3_600_000 - 10_000,
      'a lone claim from a new address: the triage clock, not the 1-hour deadline',
    );
    assert.equal(terror.lane, 'triage');
    assert.deepEqual(terror.sources, ['anonymous']);
    const byAge = await api.get('/api/v1/cases?state=open&sort=age&limit=100', { token: moderator });
    assert.ok(
      byAge.body.cases.findIndex((c: any) => c.id === terror.id) > byAge.body.cases.findIndex((c: any) => c.id === spam[0].id),
      'by age, older spam comes first',
    );
  });

  test('3. a report about a private group is declined at once with the policy’s reason, and nothing of the group is read', async () => {
    const member = await api.account();
    const group = await api.post('/api/v1/groups', { title: 'Family' }, { token: member.token });
    await api.post(`/api/v1/groups/${group.body.id}/messages`, { text: 'a private message' }, { token: member.token });
    const reporter = await api.account();
    const r = await api.post(
      '/api/v1/reports',
      { subject: { kind: 'group', id: group.body.id }, category: 'violence', explanation: 'threats' },
      { token: reporter.token },
    );
    assert.equal(r.status, 202);
    assert.equal(r.body.status, 'declined_out_of_scope');
    const st = await api.get(`/api/v1/reports/${r.body.id}?receipt=${encodeURIComponent(r.body.receipt)}`);
    assert.equal(st.body.answer.outcome, 'out_of_scope');
    assert.match(st.body.answer.statement, /Private groups and one-to-one chats are private/);
    assert.ok(!JSON.stringify(st.body).includes('a private message'));
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    assert.ok(!queue.body.cases.some((c: any) => c.subject.id === group.body.id), 'no case is opened');
  });

  test('a report naming an account is declined with its own reason, not the private-conversation one', async () => {
    const someone = await api.account();
    const reporter = await api.account();
    const r = await api.post('/api/v1/reports', { subject: { kind: 'account', id: someone.id }, category: 'spam' }, { token: reporter.token });
    assert.equal(r.body.status, 'declined_out_of_scope');
    const st = await api.get(`/api/v1/reports/${r.body.id}`, { token: reporter.token });
    assert.match(st.body.answer.statement, /not accounts as such/);
    assert.ok(!st.body.answer.statement.includes('Private groups'));
  });

  test('4. an authority demands removal of a channel criticising its government: protected expression, no action, counted', async () => {
    await channel('free_voices', 'Free voices', ['The ministry wasted the budget; we demand accountability.']);
    const authority = await apiKey(t, 'authority', 'Ministry of Information', 'IQ');
    const missing = await api.post('/api/v1/reports', { subject: '/c/free_voices', category: 'other', explanation: 'insults the state' }, { token: authority });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].field, 'legalBasis');
    const r = await api.post(
      '/api/v1/reports',
      {
        subject: '/c/free_voices',
        category: 'other',
        explanation: 'Insults the government',
        jurisdiction: 'IQ',
        legalBasis: 'Media Law art. 12 (insulting state institutions)',
        orderReference: 'ORD-77',
      },
      { token: authority },
    );
    assert.equal(r.status, 202);
    const kase = (await api.get('/api/v1/cases?source=authority', { token: moderator })).body.cases.find(
      (c: any) => c.reportCount === 1 && c.sources.includes('authority'),
    );
    assert.ok(kase);
    const withAction = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'protected_expression', actions: ['restrict_in_jurisdiction'], statement: 'Peaceful criticism of the government.' },
      { token: senior },
    );
    assert.equal(withAction.status, 400, 'protected expression carries no action');
    const decided = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'protected_expression', actions: [], statement: 'Peaceful criticism of the government is protected expression.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    assert.equal((await api.get('/api/v1/channels/free_voices')).status, 200, 'the channel stays up everywhere');
    assert.equal((await api.get('/api/v1/channels/free_voices', { headers: { 'x-vigil-country': 'IQ' } })).status, 200);
    const st = await api.get(`/api/v1/reports/${r.body.id}`, { token: authority });
    assert.equal(st.body.answer.outcome, 'protected_expression');
    const counted = await api.get('/api/v1/transparency/protected-expression');
    assert.deepEqual(
      counted.body.refusals.find((x: any) => x.country === 'IQ'),
      { country: 'IQ', requests: 1, cases: 1 },
    );
  });

  test('decision rules: triage cannot decide; restrict_in_jurisdiction needs an authority report and a senior; reversal restores', async () => {
    const triage = await staffToken(t, 'triage');
    await channel('gambling_local', 'Casino');
    const authority = await apiKey(t, 'authority', 'Gaming Board', 'TR');
    const r = await api.post(
      '/api/v1/reports',
      { subject: '/c/gambling_local', category: 'illegal_goods', explanation: 'Unlicensed gambling', legalBasis: 'Gaming Act s.4' },
      { token: authority },
    );
    assert.equal(r.status, 202);
    const kase = (await api.get('/api/v1/cases?category=illegal_goods', { token: triage })).body.cases[0];
    assert.equal(
      (await api.post(`/api/v1/cases/${kase.id}/decide`, { outcome: 'no_violation', actions: [], statement: 'Nothing here at all.' }, { token: triage }))
        .status,
      403,
    );
    const byModerator = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['restrict_in_jurisdiction'], category: 'illegal_goods', statement: 'Unlicensed gambling in TR.' },
      { token: moderator },
    );
    assert.equal(byModerator.status, 403);
    assert.equal((await api.post(`/api/v1/cases/${kase.id}/escalate`, { text: 'authority order, needs a senior' }, { token: triage })).status, 200);
    const bySenior = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['restrict_in_jurisdiction'], category: 'illegal_goods', statement: 'Unlicensed gambling, restricted in TR only.' },
      { token: senior },
    );
    assert.equal(bySenior.status, 200, bySenior.text);
    assert.equal((await api.get('/api/v1/channels/gambling_local')).status, 200);
    const inTR = await api.get('/api/v1/channels/gambling_local', { headers: { 'x-vigil-country': 'TR' } });
    assert.equal(inTR.status, 451);
    assert.match(inTR.body.error.message, /in your country \(TR\)/);
    const events = (await api.get(`/api/v1/cases/${kase.id}`, { token: moderator })).body.events.map((e: any) => e.kind);
    assert.deepEqual(events, ['opened', 'report_added', 'escalated', 'decided']);
    assert.equal((await api.post(`/api/v1/cases/${kase.id}/reverse`, { reason: 'Licence shown on appeal.' }, { token: moderator })).status, 403);
    assert.equal((await api.post(`/api/v1/cases/${kase.id}/reverse`, { reason: 'Licence shown on appeal.' }, { token: senior })).status, 200);
    assert.equal((await api.get('/api/v1/channels/gambling_local', { headers: { 'x-vigil-country': 'TR' } })).status, 200);
  });

  test('a blocked bot can no longer post, and its page and messages show the notice', async () => {
    const owner = await api.account('bot owner');
    assert.equal((await api.post('/api/v1/bots', { handle: 'loan_shark_bot', description: 'Instant loans' }, { token: owner.token })).status, 201);
    assert.equal(
      (await api.post('/api/v1/bots/loan_shark_bot/messages', { text: 'Pay 50% interest or we call your family' }, { token: owner.token })).status,
      201,
    );
    const stranger = await api.account();
    assert.equal((await api.post('/api/v1/bots/loan_shark_bot/messages', { text: 'hi' }, { token: stranger.token })).status, 403);
    assert.match((await api.get('/bot/loan_shark_bot')).text, /Pay 50% interest/);
    const reporter = await api.account();
    await api.post('/api/v1/reports', { subject: '/bot/loan_shark_bot', category: 'extortion', explanation: 'threatens borrowers' }, { token: reporter.token });
    const kase = (await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases.find((c: any) => c.subject.kind === 'bot' && c.state === 'open');
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${kase.id}/decide`,
          { outcome: 'actioned', actions: ['block'], category: 'extortion', statement: 'The bot threatens borrowers and their families.' },
          { token: moderator },
        )
      ).status,
      200,
    );
    const refused = await api.post('/api/v1/bots/loan_shark_bot/messages', { text: 'still here' }, { token: owner.token });
    assert.equal(refused.status, 451);
    assert.equal(refused.body.error.message, "This bot can't be displayed because it was used to threaten and extort people.");
    assert.equal((await api.get('/api/v1/bots/loan_shark_bot/messages')).status, 451);
    const page = await api.get('/bot/loan_shark_bot');
    assert.equal(page.status, 451);
    assert.ok(!page.text.includes('Pay 50% interest'));
  });

  test('removing posts leaves a notice in their place and banks their images', async () => {
    const owner = await api.account();
    await api.post('/api/v1/channels', { handle: 'leaks_channel', title: 'Leaks' }, { token: owner.token });
    const img = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(300, 200, '#884422'), contentType: 'image/png' });
    const post = await api.post('/api/v1/channels/leaks_channel/posts', { text: 'ID cards of citizens', media: [img.body.id] }, { token: owner.token });
    const reporter = await api.account();
    await api.post('/api/v1/reports', { subject: '/c/leaks_channel/1', category: 'personal_details' }, { token: reporter.token });
    const kase = (await api.get('/api/v1/cases?category=personal_data', { token: moderator })).body.cases[0];
    const noPosts = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], category: 'personal_data', statement: 'Publishes identity documents.' },
      { token: moderator },
    );
    assert.equal(noPosts.status, 400);
    const d = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], category: 'personal_data', statement: 'Publishes identity documents.', postIds: [post.body.id] },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const list = await api.get('/api/v1/channels/leaks_channel/posts');
    assert.equal(list.status, 200);
    assert.equal(list.body.posts[0].withheld.text, "This post was removed because it was used to publish people's personal data.");
    assert.equal((await api.get(`/media/${img.body.id}`)).status, 404, 'its media is unreachable');
    assert.equal((await api.get(`/media/${img.body.id}`, { token: moderator })).status, 200, 'but reviewers still see it');
    assert.equal((await api.get(`/media/${img.body.id}`, { token: reporter.token })).status, 404);
  });
});
