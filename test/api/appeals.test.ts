// Appeals (DSA Art. 20) through the HTTP API: an owner appeals a block and a senior who did not take it
// reverses it (subject restored, banked media withdrawn, owner and reporters told); the original decider
// is refused; a reporter appeals a no-violation decision with the receipt and it is upheld; the window,
// duplicates and wrong credentials give clear errors. Runs on SQLite, and on PostgreSQL with VIGIL_DATABASE_URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffTokenFor } from '../helpers/people.ts';
import { patternImage } from '../helpers/images.ts';

describe('appeals', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let senior: string;
  let otherSenior: string;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    moderator = (await staffTokenFor(t, 'moderator')).token;
    senior = (await staffTokenFor(t, 'senior')).token;
    otherSenior = (await staffTokenFor(t, 'senior')).token;
  });
  after(async () => {
    await t.close();
  });

  const upload = async (bytes: Buffer, token: string) => {
    const r = await api.call('POST', '/api/v1/media', { token, raw: bytes, contentType: 'application/octet-stream' });
    assert.equal(r.status, 201, r.text);
    return r.body.id as string;
  };
  const channelWithImage = async (handle: string, owner: { token: string }, img: Buffer) => {
    assert.equal((await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token })).status, 201);
    const p = await api.post(`/api/v1/channels/${handle}/posts`, { text: 'a picture', media: [await upload(img, owner.token)] }, { token: owner.token });
    assert.equal(p.status, 201, p.text);
    await t.ctx.jobRunner.drain();
    return p.body;
  };
  const caseOf = async (handle: string) => {
    const ch = await t.ctx.db.selectFrom('channels').select('id').where('handle', '=', handle).executeTakeFirstOrThrow();
    return t.ctx.db.selectFrom('cases').selectAll().where('subject_id', '=', ch.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  };
  const decide = async (caseId: string, token: string, body: unknown) => {
    const r = await api.post(`/api/v1/cases/${caseId}/decide`, body, { token });
    assert.equal(r.status, 200, r.text);
    return r.body;
  };

  test('an owner appeals a block; a senior who did not take it reverses it: channel back, media unbanked, owner and reporters told', async () => {
    const owner = await api.account('owner');
    const img = await patternImage(71);
    const post = await channelWithImage('appeal_block', owner, img);
    const reporters = [await api.account('r1'), await api.account('r2')];
    const reports = [];
    for (const r of reporters) {
      const rep = await api.post('/api/v1/reports', { subject: `/c/appeal_block/${post.number}`, category: 'terrorism' }, { token: r.token });
      assert.equal(rep.status, 202, rep.text);
      reports.push(rep.body);
    }
    const kase = await caseOf('appeal_block');
    // The deciding senior: the one later refused on the appeal.
    await decide(kase.id, senior, { outcome: 'actioned', actions: ['block'], category: 'terrorism', statement: 'Recruits for a terrorist organisation.' });
    assert.equal((await api.get('/api/v1/channels/appeal_block')).status, 451);

    // The banked media catches a re-upload elsewhere.
    const other = await api.account('copier');
    assert.equal((await api.post('/api/v1/channels', { handle: 'appeal_copier', title: 'c' }, { token: other.token })).status, 201);
    const copy = await api.post('/api/v1/channels/appeal_copier/posts', { text: 'copy', media: [await upload(img, other.token)] }, { token: other.token });
    assert.equal(copy.status, 422, copy.text);
    assert.equal(copy.body.error.code, 'content_blocked');

    const notices = await api.get('/api/v1/notices', { token: owner.token });
    const notice = notices.body.notices.find((n: any) => n.outcome === 'actioned');
    assert.ok(notice);

    // Only the owner's account may appeal the notice.
    const reason = 'The picture is a news photograph, not propaganda.';
    assert.equal((await api.post('/api/v1/appeals', { noticeId: notice.id, reason })).status, 401);
    const stranger = await api.post('/api/v1/appeals', { noticeId: notice.id, reason }, { token: other.token });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.body.error.code, 'not_your_notice');
    assert.equal((await api.post('/api/v1/appeals', { noticeId: 'ntc_missing', reason }, { token: owner.token })).status, 404);
    const short = await api.post('/api/v1/appeals', { noticeId: notice.id, reason: 'no' }, { token: owner.token });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.code, 'appeal_invalid');

    const filed = await api.post('/api/v1/appeals', { noticeId: notice.id, reason, evidence: 'Published by a newspaper on 3 May.' }, { token: owner.token });
    assert.equal(filed.status, 201, filed.text);
    assert.match(filed.body.receipt, /^rcpt_/);
    const again = await api.post('/api/v1/appeals', { noticeId: notice.id, reason }, { token: owner.token });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_appealed');

    // Its status page opens with the receipt or the owner's token, to no one else.
    const status = await api.get(`/api/v1/appeals/${filed.body.id}?receipt=${filed.body.receipt}`);
    assert.equal(status.status, 200, status.text);
    assert.equal(status.body.state, 'open');
    assert.equal(status.body.decision.outcome, 'actioned');
    assert.equal((await api.get(`/api/v1/appeals/${filed.body.id}`, { token: owner.token })).body.state, 'open');
    assert.equal((await api.get(`/api/v1/appeals/${filed.body.id}?receipt=rcpt_wrong`)).status, 404);
    assert.equal((await api.get(`/api/v1/appeals/${filed.body.id}`, { token: other.token })).status, 404);

    // The queue: open, not overdue; the appeal page has the case and decision side by side.
    const queue = await api.get('/api/v1/appeals?state=open', { token: otherSenior });
    assert.ok(queue.body.appeals.some((a: any) => a.id === filed.body.id && a.overdue === false));
    assert.equal((await api.get('/api/v1/appeals?state=open', { token: moderator })).status, 403);
    const review = await api.get(`/api/v1/appeals/${filed.body.id}/review`, { token: otherSenior });
    assert.equal(review.status, 200, review.text);
    assert.equal(review.body.case.id, kase.id);
    assert.equal(review.body.decision.statement, 'Recruits for a terrorist organisation.');
    assert.equal(review.body.evidence, 'Published by a newspaper on 3 May.');
    assert.equal(review.body.mayDecide, true);
    assert.equal((await api.get(`/api/v1/appeals/${filed.body.id}/review`, { token: senior })).body.mayDecide, false);
    assert.ok(review.body.case.events.some((e: any) => e.kind === 'appeal_filed' && e.actor === 'appellant:owner'));

    // The senior who took the decision may not decide the appeal.
    const own = await api.post(
      `/api/v1/appeals/${filed.body.id}/decision`,
      { outcome: 'reversed', statement: 'I was wrong about this one.' },
      { token: senior },
    );
    assert.equal(own.status, 403);
    assert.equal(own.body.error.code, 'own_decision');
    assert.match(own.body.error.message, /another senior/);
    assert.equal(
      (await api.post(`/api/v1/appeals/${filed.body.id}/decision`, { outcome: 'upheld', statement: 'Moderators cannot.' }, { token: moderator })).status,
      403,
    );

    const countsBefore = (await api.get('/api/v1/appeals/counts', { token: otherSenior })).body;
    const reversed = await api.post(
      `/api/v1/appeals/${filed.body.id}/decision`,
      { outcome: 'reversed', statement: 'A news photograph reported on by the press; not propaganda.' },
      { token: otherSenior },
    );
    assert.equal(reversed.status, 200, reversed.text);
    assert.equal(reversed.body.state, 'reversed');
    assert.match(reversed.body.outcome.statement, /news photograph/);
    assert.equal(
      (await api.post(`/api/v1/appeals/${filed.body.id}/decision`, { outcome: 'upheld', statement: 'Changed my mind again.' }, { token: otherSenior })).body
        .error.code,
      'appeal_decided',
    );

    // The channel is visible again, and the same image publishes elsewhere.
    assert.equal((await api.get('/api/v1/channels/appeal_block')).status, 200);
    const reupload = await api.post(
      '/api/v1/channels/appeal_copier/posts',
      { text: 'copy again', media: [await upload(img, other.token)] },
      { token: other.token },
    );
    assert.equal(reupload.status, 201, reupload.text);
    const withdrawn = await t.ctx.db.selectFrom('bank_entries').select(['status', 'hash']).where('decision_id', '=', review.body.decision.id).execute();
    assert.ok(withdrawn.length > 0 && withdrawn.every((e) => e.status === 'withdrawn' && e.hash === ''));

    // The owner has a new notice, every reporter a new answer.
    const after = await api.get('/api/v1/notices', { token: owner.token });
    assert.ok(after.body.notices.some((n: any) => n.outcome === 'reversed' && /On appeal, the decision was reversed: A news photograph/.test(n.statement)));
    for (const [i, r] of reports.entries()) {
      const st = await api.get(`/api/v1/reports/${r.id}`, { token: reporters[i]?.token });
      assert.equal(st.status, 200);
      assert.equal(st.body.answer.appealOutcome, 'reversed');
      assert.deepEqual(st.body.answer.actions, []);
      assert.match(st.body.answer.statement, /On appeal, the decision to act was reversed/);
    }
    // Events and counts.
    const events = (await api.get(`/api/v1/cases/${kase.id}`, { token: otherSenior })).body.events.map((e: any) => e.kind);
    assert.deepEqual(events.slice(-3), ['appeal_filed', 'reversed', 'appeal_decided']);
    const countsAfter = (await api.get('/api/v1/appeals/counts', { token: otherSenior })).body;
    assert.equal(countsAfter.reversed, countsBefore.reversed + 1);
    assert.equal(countsAfter.open, countsBefore.open - 1);
    // A reversed decision is not appealed again.
    const late = await api.post('/api/v1/appeals', { noticeId: notice.id, reason: 'Once more, just in case.' }, { token: owner.token });
    assert.equal(late.status, 409);
  });

  test('a reporter appeals a no-violation decision with the receipt; it is upheld', async () => {
    const owner = await api.account('fine owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'appeal_fine', title: 'Fine' }, { token: owner.token })).status, 201);
    const rep = await api.post('/api/v1/reports', {
      subject: '/c/appeal_fine',
      category: 'violence',
      explanation: 'It calls for attacks on believers.',
      bonaFide: true,
    });
    assert.equal(rep.status, 202, rep.text);
    const kase = await caseOf('appeal_fine');
    const reason = 'The channel insults a religious group every day.';
    const early = await api.post('/api/v1/appeals', { reportId: rep.body.id, receipt: rep.body.receipt, reason });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'not_decided');
    await decide(kase.id, moderator, { outcome: 'no_violation', actions: [], statement: 'Criticism of a religion, not an attack on people.' });

    assert.equal((await api.post('/api/v1/appeals', { reportId: rep.body.id, receipt: 'rcpt_wrong', reason })).status, 404);
    assert.equal((await api.post('/api/v1/appeals', { reportId: rep.body.id, reason })).status, 404);
    const filed = await api.post('/api/v1/appeals', { reportId: rep.body.id, receipt: rep.body.receipt, reason });
    assert.equal(filed.status, 201, filed.text);
    const dup = await api.post('/api/v1/appeals', { reportId: rep.body.id, receipt: rep.body.receipt, reason });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'already_appealed');
    // The owner may not appeal a decision that took no action (there is no notice), nor name both.
    const both = await api.post('/api/v1/appeals', { reportId: rep.body.id, noticeId: 'ntc_x', receipt: rep.body.receipt, reason });
    assert.equal(both.status, 400);

    const upheld = await api.post(
      `/api/v1/appeals/${filed.body.id}/decision`,
      { outcome: 'upheld', statement: 'The posts criticise beliefs, which the policy protects.' },
      { token: senior },
    );
    assert.equal(upheld.status, 200, upheld.text);
    const status = await api.get(`/api/v1/appeals/${filed.body.id}`, { headers: { 'x-receipt': filed.body.receipt } });
    assert.equal(status.body.state, 'upheld');
    assert.match(status.body.outcome.statement, /criticise beliefs/);
    assert.equal(status.body.appellant, 'reporter');
    const reportStatus = await api.get(`/api/v1/reports/${rep.body.id}?receipt=${rep.body.receipt}`);
    assert.ok(reportStatus.body.timeline.some((e: any) => e.event === 'appeal_decided'));
    assert.equal(reportStatus.body.answer.outcome, 'no_violation', 'the standing answer is unchanged');
    const upheldList = await api.get('/api/v1/appeals?state=upheld', { token: senior });
    assert.ok(upheldList.body.appeals.some((a: any) => a.id === filed.body.id));
  });

  test('a reporter appeal reversed sends the case back to review', async () => {
    const owner = await api.account('back owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'appeal_back', title: 'Back' }, { token: owner.token })).status, 201);
    const rep = await api.post('/api/v1/reports', {
      subject: '/c/appeal_back',
      category: 'spam',
      explanation: 'The same advert all day long.',
      bonaFide: true,
    });
    assert.equal(rep.status, 202, rep.text);
    const kase = await caseOf('appeal_back');
    await decide(kase.id, moderator, { outcome: 'no_violation', actions: [], statement: 'Ordinary advertising of own products.' });
    const filed = await api.post('/api/v1/appeals', {
      reportId: rep.body.id,
      receipt: rep.body.receipt,
      reason: 'It posts the same ad a hundred times a day.',
    });
    assert.equal(filed.status, 201, filed.text);
    const r = await api.post(
      `/api/v1/appeals/${filed.body.id}/decision`,
      { outcome: 'reversed', statement: 'Repetitive posting is spam under the policy.' },
      { token: senior },
    );
    assert.equal(r.status, 200, r.text);
    const c = (await api.get(`/api/v1/cases/${kase.id}`, { token: moderator })).body;
    assert.equal(c.state, 'escalated');
    assert.equal(c.decision, null);
    const st = await api.get(`/api/v1/reports/${rep.body.id}?receipt=${rep.body.receipt}`);
    assert.equal(st.body.status, 'in_review');
    assert.equal(st.body.answer, null);
    // It can be decided again.
    await decide(kase.id, moderator, { outcome: 'actioned', actions: ['warn_owner'], category: 'spam', statement: 'Repetitive advertising.' });
  });

  test('after six months the window is closed: 410', async () => {
    const owner = await api.account('old owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'appeal_old', title: 'Old' }, { token: owner.token })).status, 201);
    assert.equal(
      (await api.post('/api/v1/reports', { subject: '/c/appeal_old', category: 'spam' }, { token: (await api.account('old reporter')).token })).status,
      202,
    );
    const kase = await caseOf('appeal_old');
    const d = await decide(kase.id, moderator, { outcome: 'actioned', actions: ['block'], category: 'spam', statement: 'Nothing but spam links.' });
    const sevenMonthsAgo = new Date(Date.now() - 7 * 31 * 86_400_000).toISOString();
    await t.ctx.db.updateTable('decisions').set({ created_at: sevenMonthsAgo }).where('id', '=', d.decisionId).execute();
    const notice = (await api.get('/api/v1/notices', { token: owner.token })).body.notices[0];
    const r = await api.post('/api/v1/appeals', { noticeId: notice.id, reason: 'I only found the notice now.' }, { token: owner.token });
    assert.equal(r.status, 410, r.text);
    assert.equal(r.body.error.code, 'appeal_window_closed');
    assert.match(r.body.error.message, /6 months/);
  });
});
