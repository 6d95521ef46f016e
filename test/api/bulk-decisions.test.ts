// Bulk decisions and the owner's history over the API (SQLite, and PostgreSQL with VIGIL_DATABASE_URL).
// A moderator decides several cases at once: each case gets its own decision and case event, each
// reporter their own answer, each owner a notice; cases that cannot be decided fail on their own. The
// owner's history lists past decisions and strikes and the owner's other channels, bots and sticker sets,
// from the reference platform and from a connected platform's registered content.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken, staffTokenFor } from '../helpers/people.ts';
import { pngImage } from '../helpers/images.ts';

describe('bulk decisions and owner history', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let other: string;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    moderator = (await staffTokenFor(t, 'moderator')).token;
    other = (await staffTokenFor(t, 'moderator')).token;
  });
  after(async () => {
    await t.close();
  });

  /** A channel of `owner` reported by two accounts; returns the case id and the reports with receipts. */
  const reportedChannel = async (handle: string, owner: { token: string }) => {
    assert.equal((await api.post('/api/v1/channels', { handle, title: `Title ${handle}` }, { token: owner.token })).status, 201);
    const reports = [];
    for (const name of ['a', 'b']) {
      const reporter = await api.account(`${handle}-${name}`);
      const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'terrorism' }, { token: reporter.token });
      assert.equal(r.status, 202, r.text);
      reports.push({ ...r.body, token: reporter.token });
    }
    const ch = await t.ctx.db.selectFrom('channels').select('id').where('handle', '=', handle).executeTakeFirstOrThrow();
    const kase = await t.ctx.db.selectFrom('cases').select('id').where('subject_id', '=', ch.id).executeTakeFirstOrThrow();
    return { caseId: kase.id, reports };
  };
  const statement = 'Recruits for a proscribed organisation; blocked under the policy.';

  test('three cases decided together: each its own decision, event, reporters answered and owner told; the rest fail one by one', async () => {
    const owners = [await api.account('o1'), await api.account('o2'), await api.account('o3')];
    const good = [];
    for (const [i, o] of owners.entries()) good.push(await reportedChannel(`bulk_${i}`, o));
    const claimed = await reportedChannel('bulk_claimed', await api.account('o4'));
    assert.equal((await api.post(`/api/v1/cases/${claimed.caseId}/claim`, {}, { token: other })).status, 200);
    const decided = await reportedChannel('bulk_decided', await api.account('o5'));
    const single = await api.post(
      `/api/v1/cases/${decided.caseId}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'Nothing here breaks the policy.' },
      { token: moderator },
    );
    assert.equal(single.status, 200, single.text);

    const ids = [...good.map((g) => g.caseId), claimed.caseId, decided.caseId, 'cas_nope'];
    const res = await api.post(
      '/api/v1/cases/bulk-decisions',
      { caseIds: ids, outcome: 'actioned', actions: ['block'], category: 'terrorism', statement },
      { token: moderator },
    );
    assert.equal(res.status, 200, res.text);
    const byId = new Map(res.body.results.map((r: any) => [r.caseId, r]));
    assert.deepEqual(
      res.body.results.map((r: any) => r.caseId),
      ids,
      'one result per case, in order',
    );
    for (const g of good) assert.equal((byId.get(g.caseId) as any).ok, true);
    assert.deepEqual(
      [claimed.caseId, decided.caseId, 'cas_nope'].map((id) => {
        const r: any = byId.get(id);
        return [r.ok, r.status, r.code];
      }),
      [
        [false, 409, 'claimed_by_other'],
        [false, 409, 'case_closed'],
        [false, 400, 'unknown_case'],
      ],
    );
    const decisionIds = new Set(good.map((g) => (byId.get(g.caseId) as any).decisionId));
    assert.equal(decisionIds.size, 3, 'three separate decisions');

    for (const [i, g] of good.entries()) {
      assert.equal((await api.get(`/api/v1/channels/bulk_${i}`)).status, 451);
      const detail = await api.get(`/api/v1/cases/${g.caseId}`, { token: moderator });
      assert.equal(detail.body.state, 'decided');
      assert.equal(detail.body.events.filter((e: any) => e.kind === 'decided').length, 1);
      for (const r of g.reports) {
        const st = await api.get(`/api/v1/reports/${r.id}`, { token: r.token });
        assert.equal(st.status, 200, st.text);
        assert.equal(st.body.answer.outcome, 'actioned');
        assert.equal(st.body.answer.statement, statement);
      }
      const notices = await api.get('/api/v1/notices', { token: owners[i].token });
      assert.equal(notices.body.notices.filter((n: any) => n.outcome === 'actioned').length, 1, 'each owner is told once');
    }
    // The claimed case is untouched; so is the decided one's outcome.
    assert.equal((await api.get(`/api/v1/cases/${claimed.caseId}`, { token: moderator })).body.state, 'in_review');
    assert.equal((await api.get(`/api/v1/cases/${decided.caseId}`, { token: moderator })).body.outcome, 'no_violation');
    const audit = await t.ctx.audit.list({ limit: 10, action: 'case.decided' });
    assert.equal(audit.entries.filter((e: any) => e.data.batch === res.body.batch).length, 3);
  });

  test('limits: at most 50 cases, no post removal, moderators and above only', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => `cas_${i}`);
    const big = await api.post('/api/v1/cases/bulk-decisions', { caseIds: tooMany, outcome: 'no_violation', actions: [], statement }, { token: moderator });
    assert.equal(big.status, 400);
    const dup = await api.post(
      '/api/v1/cases/bulk-decisions',
      { caseIds: ['cas_a', 'cas_a'], outcome: 'no_violation', actions: [], statement },
      { token: moderator },
    );
    assert.equal(dup.status, 400);
    const posts = await api.post(
      '/api/v1/cases/bulk-decisions',
      { caseIds: ['cas_a'], outcome: 'actioned', actions: ['remove_posts'], category: 'terrorism', statement },
      { token: moderator },
    );
    assert.equal(posts.status, 400);
    assert.equal(posts.body.error.code, 'decision_invalid');
    const triage = await api.post(
      '/api/v1/cases/bulk-decisions',
      { caseIds: ['cas_a'], outcome: 'no_violation', actions: [], statement },
      { token: await staffToken(t, 'triage') },
    );
    assert.equal(triage.status, 403);
  });

  test("the owner's history: past decisions and strikes, and the owner's other channels, bots and sticker sets", async () => {
    const owner = await api.account('repeat-owner');
    const past = await reportedChannel('hist_old', owner);
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${past.caseId}/decide`,
          { outcome: 'actioned', actions: ['block'], category: 'terrorism', statement },
          { token: moderator },
        )
      ).status,
      200,
    );
    const cleared = await reportedChannel('hist_fine', owner);
    assert.equal(
      (
        await api.post(
          `/api/v1/cases/${cleared.caseId}/decide`,
          { outcome: 'no_violation', actions: [], statement: 'Nothing here breaks the policy.' },
          { token: moderator },
        )
      ).status,
      200,
    );
    assert.equal((await api.post('/api/v1/bots', { handle: 'hist_bot', description: 'A bot' }, { token: owner.token })).status, 201);
    const up = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(8, 8, '#345678'), contentType: 'application/octet-stream' });
    assert.equal(up.status, 201, up.text);
    const set = await api.post(
      '/api/v1/sticker-sets',
      { name: 'hist_stickers', title: 'Hist <b>stickers</b>', stickers: [up.body.id] },
      { token: owner.token },
    );
    assert.equal(set.status, 201, set.text);
    const now = await reportedChannel('hist_now', owner);
    const stranger = await reportedChannel('hist_stranger', await api.account('stranger'));

    const h = await api.get(`/api/v1/cases/${now.caseId}/owner-history`, { token: await staffToken(t, 'triage') });
    assert.equal(h.status, 200, h.text);
    assert.equal(h.body.ownerKnown, true);
    assert.deepEqual(
      h.body.decisions.map((d: any) => [d.caseId, d.outcome, d.subjectLabel]),
      [
        [cleared.caseId, 'no_violation', 'Title hist_fine'],
        [past.caseId, 'actioned', 'Title hist_old'],
      ],
    );
    assert.equal(h.body.strikes, 1);
    const subjects = h.body.subjects.map((s: any) => `${s.kind}:${s.label}`).sort();
    assert.deepEqual(subjects, ['bot:@hist_bot', 'channel:Title hist_fine', 'channel:Title hist_old', 'sticker_set:Hist <b>stickers</b>']);
    assert.equal(h.body.limit, 20);

    const s = await api.get(`/api/v1/cases/${stranger.caseId}/owner-history`, { token: moderator });
    assert.deepEqual([s.body.decisions, s.body.strikes, s.body.subjects], [[], 0, []]);
    assert.equal((await api.get('/api/v1/cases/cas_nope/owner-history', { token: moderator })).status, 404);
  });

  test("a connected platform's owner: other subjects from its registered content", async () => {
    const forum = await apiKey(t, 'platform', 'forum');
    const register = async (body: unknown) => assert.equal((await api.post('/api/v1/content', body, { token: forum })).status, 201);
    await register({ kind: 'channel', id: 'h1', url: 'https://forum.example/c/h1', title: 'First', reach: 5, ownerId: 'u9' });
    await register({ kind: 'bot', id: 'hb', url: 'https://forum.example/b/hb', title: 'Helper bot', reach: 1, ownerId: 'u9' });
    await register({ kind: 'channel', id: 'h2', url: 'https://forum.example/c/h2', title: 'Someone else', reach: 5, ownerId: 'u10' });
    await t.ctx.jobRunner.drain();
    const r = await api.post(
      '/api/v1/reports',
      { subject: { platform: 'forum', kind: 'channel', id: 'h1' }, category: 'terrorism' },
      { token: (await api.account()).token },
    );
    assert.equal(r.status, 202, r.text);
    const kase = await t.ctx.db.selectFrom('cases').select('id').where('owner_account_id', '=', 'forum:u9').executeTakeFirstOrThrow();
    const h = await api.get(`/api/v1/cases/${kase.id}/owner-history`, { token: moderator });
    assert.deepEqual(
      h.body.subjects.map((s: any) => [s.kind, s.label, s.link]),
      [['bot', 'Helper bot', 'https://forum.example/b/hb']],
    );
  });
});
