// Defects found in a security and integrity review, each proved through the HTTP API before its fix.
// The concurrency tests matter on PostgreSQL (SQLite runs one transaction at a time); run both ways.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { patternImage, pngImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

describe('review findings', () => {
  let t: TestApp;
  let api: Api;
  let triage: string;
  let moderator: string;
  let senior: string;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    triage = await staffToken(t, 'triage');
    moderator = await staffToken(t, 'moderator');
    senior = await staffToken(t, 'senior');
  });
  after(async () => {
    await t.close();
  });

  let channels = 0;
  /** A channel with one post and one in-app report about it; returns its open case. */
  async function reportedChannel(): Promise<{ handle: string; caseId: string; owner: { id: string; token: string } }> {
    const handle = `review_case_${++channels}`;
    const owner = await api.account('owner');
    assert.equal((await api.post('/api/v1/channels', { handle, title: 'Case' }, { token: owner.token })).status, 201);
    assert.equal((await api.post(`/api/v1/channels/${handle}/posts`, { text: 'spam spam' }, { token: owner.token })).status, 201);
    const reporter = await api.account('reporter');
    assert.equal((await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'spam' }, { token: reporter.token })).status, 202);
    const c = await t.ctx.db
      .selectFrom('cases')
      .innerJoin('channels', 'channels.id', 'cases.subject_id')
      .select('cases.id')
      .where('channels.handle', '=', handle)
      .where('cases.open_key', 'is not', null)
      .executeTakeFirstOrThrow();
    return { handle, caseId: c.id, owner };
  }

  test('staff cannot fetch media sent in a private group or chat, neither its bytes nor its metadata', async () => {
    const alice = await api.account('Alice');
    const bob = await api.account('Bob');
    const g = await api.post('/api/v1/groups', { title: 'family' }, { token: alice.token });
    const m = await api.call('POST', '/api/v1/media', { token: alice.token, raw: await pngImage(40, 30, '#123456'), contentType: 'image/png' });
    assert.equal(m.status, 201);
    assert.equal((await api.post(`/api/v1/groups/${g.body.id}/messages`, { media: m.body.id }, { token: alice.token })).status, 201);
    const chat = await api.post('/api/v1/chats', { accountId: bob.id }, { token: alice.token });
    const c = await api.call('POST', '/api/v1/media', { token: alice.token, raw: await pngImage(40, 30, '#654321'), contentType: 'image/png' });
    assert.equal((await api.post(`/api/v1/chats/${chat.body.id}/messages`, { media: c.body.id }, { token: alice.token })).status, 201);

    for (const id of [m.body.id, c.body.id]) {
      for (const token of [triage, moderator, senior]) {
        assert.equal((await api.get(`/media/${id}`, { token })).status, 404, 'private media bytes are for members only');
        assert.equal((await api.get(`/api/v1/media/${id}`, { token })).status, 404, 'and so is what is known about them');
      }
      assert.equal((await api.get(`/api/v1/media/${id}`)).status, 404);
      assert.equal((await api.get(`/media/${id}`, { token: alice.token })).status, 200, 'the sender still sees it');
      assert.equal((await api.get(`/api/v1/media/${id}`, { token: alice.token })).status, 200);
    }
    assert.equal((await api.get(`/media/${c.body.id}`, { token: bob.token })).status, 200, 'the other participant sees it');
    assert.equal((await api.get(`/api/v1/media/${c.body.id}`, { token: bob.token })).status, 200);
  });

  test('a bearer token named after an Object.prototype member is refused, not taken for a principal', async () => {
    for (const token of ['constructor_abc', 'toString_abc', 'valueOf_abc', '__proto___abc', 'hasOwnProperty_abc']) {
      const me = await api.get('/api/v1/me', { token });
      assert.equal(me.status, 401, `${token}: ${me.text}`);
      const r = await api.post(
        '/api/v1/reports',
        { subject: '/c/nobody_here', category: 'spam', explanation: 'a report long enough', bonaFide: true },
        { token },
      );
      assert.equal(r.status, 401, `${token} must not slip past the anonymous rate limit: ${r.text}`);
    }
  });

  test('a category named after an Object.prototype member is a 400, not a 500', async () => {
    const { handle } = await reportedChannel();
    const reporter = await api.account();
    for (const category of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, category }, { token: reporter.token });
      assert.equal(r.status, 400, `${category}: ${r.text}`);
      assert.equal(r.body.error.code, 'invalid_report');
    }
  });

  test('an authority may ask for a restriction only in its own jurisdiction', async () => {
    const { handle } = await reportedChannel();
    const authority = await apiKey(t, 'authority', 'Gaming Board', 'TR');
    const foreign = await api.post(
      '/api/v1/reports',
      { subject: `/c/${handle}`, category: 'illegal_goods', explanation: 'Unlicensed gambling', jurisdiction: 'DE', legalBasis: 'Gaming Act s.4' },
      { token: authority },
    );
    assert.equal(foreign.status, 400, foreign.text);
    assert.equal(foreign.body.error.details[0].field, 'jurisdiction');
    const own = await api.post(
      '/api/v1/reports',
      { subject: `/c/${handle}`, category: 'illegal_goods', explanation: 'Unlicensed gambling', jurisdiction: 'TR', legalBasis: 'Gaming Act s.4' },
      { token: authority },
    );
    assert.equal(own.status, 202, own.text);
  });

  test('two moderators deciding one case at once: one decision, the other is told the case is closed', async () => {
    const other = await staffToken(t, 'moderator');
    for (let round = 0; round < 3; round++) {
      const { caseId, owner } = await reportedChannel();
      const decide = (token: string, outcome: string) =>
        api.post(
          `/api/v1/cases/${caseId}/decide`,
          outcome === 'actioned'
            ? { outcome, actions: ['warn_owner'], category: 'spam', statement: 'Repeated unsolicited advertising.' }
            : { outcome, actions: [], statement: 'Ordinary posts, nothing against the policy.' },
          { token },
        );
      const results = await Promise.all([decide(moderator, 'actioned'), decide(other, 'no_violation')]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join('\n'));
      const decisions = await t.ctx.db.selectFrom('decisions').select('id').where('case_id', '=', caseId).execute();
      assert.equal(decisions.length, 1, 'one decision on record');
      const events = (await api.get(`/api/v1/cases/${caseId}`, { token: moderator })).body.events.filter((e: any) => e.kind === 'decided');
      assert.equal(events.length, 1);
      const notices = await api.get('/api/v1/notices', { token: owner.token });
      assert.ok(notices.body.notices.length <= 1, 'the owner is not told twice');

      const reversals = await Promise.all(
        [1, 2].map(() => api.post(`/api/v1/cases/${caseId}/reverse`, { reason: 'Decided in error, reopening review.' }, { token: senior })),
      );
      assert.deepEqual(reversals.map((r) => r.status).sort(), [200, 409], reversals.map((r) => r.text).join('\n'));
    }
  });

  test('two moderators claiming one case at once: one claim, the other gets 409', async () => {
    const other = await staffToken(t, 'moderator');
    for (let round = 0; round < 3; round++) {
      const { caseId } = await reportedChannel();
      const results = await Promise.all([moderator, other].map((token) => api.post(`/api/v1/cases/${caseId}/claim`, undefined, { token })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join('\n'));
      const claims = (await api.get(`/api/v1/cases/${caseId}`, { token: moderator })).body.events.filter((e: any) => e.kind === 'claimed');
      assert.equal(claims.length, 1);
    }
  });

  test('a report arriving while its case is being decided is still answered (or waits in an open case)', async () => {
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let round = 0; round < 6; round++) {
      const { handle, caseId } = await reportedChannel();
      const reporters = await Promise.all(Array.from({ length: 16 }, () => api.account('late reporter')));
      // Reports sent a few milliseconds apart, so that some arrive while the decision is being written.
      const [decided, ...reports] = await Promise.all([
        api.post(
          `/api/v1/cases/${caseId}/decide`,
          { outcome: 'no_violation', actions: [], statement: 'Ordinary posts, nothing against the policy.' },
          { token: moderator },
        ),
        ...reporters.map((r, i) => pause(i * 8).then(() => api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'spam' }, { token: r.token }))),
      ]);
      assert.equal(decided.status, 200, decided.text);
      for (const r of reports) assert.equal(r.status, 202, r.text);
      const rows = await t.ctx.db
        .selectFrom('reports')
        .innerJoin('cases', 'cases.id', 'reports.case_id')
        .select(['reports.id', 'reports.status', 'reports.answer', 'cases.state', 'cases.report_count'])
        .where(
          'reports.id',
          'in',
          reports.map((r) => r.body.id),
        )
        .execute();
      assert.equal(rows.length, reports.length);
      for (const r of rows) {
        const waiting = ['open', 'in_review', 'escalated'].includes(r.state);
        assert.ok(waiting || (r.status === 'decided' && r.answer !== null), `report ${r.id} is ${r.status} in a ${r.state} case: never answered`);
      }
      const open = await t.ctx.db
        .selectFrom('cases')
        .select(['id', 'report_count'])
        .where('open_key', 'is not', null)
        .where('subject_id', '=', (await t.ctx.db.selectFrom('channels').select('id').where('handle', '=', handle).executeTakeFirstOrThrow()).id)
        .execute();
      for (const c of open) {
        const n = await t.ctx.db.selectFrom('reports').select('id').where('case_id', '=', c.id).execute();
        assert.equal(c.report_count, n.length, 'the open case counts every report it holds');
      }
    }
  });

  test('a decision that finds a violation but hides nothing does not publish what detection refused', async () => {
    const admin = await staffToken(t, 'admin');
    const img = await patternImage(41);
    assert.equal((await api.post('/api/v1/banks', { name: 'review-terror', category: 'terrorism' }, { token: admin })).status, 201);
    assert.equal((await api.post('/api/v1/banks/review-terror/entries', { lines: [(await pdqHashFile(img)).hash] }, { token: admin })).status, 200);
    const owner = await api.account('publisher');
    assert.equal((await api.post('/api/v1/channels', { handle: 'review_refused', title: 'Refused' }, { token: owner.token })).status, 201);
    const media = await api.call('POST', '/api/v1/media', { token: owner.token, raw: img, contentType: 'image/png' });
    const refused = await api.post('/api/v1/channels/review_refused/posts', { text: 'propaganda', media: [media.body.id] }, { token: owner.token });
    assert.equal(refused.status, 422, "the publisher is told it can't be published");
    await t.ctx.jobRunner.drain(); // the automated report is a job run after the commit
    const c = await t.ctx.db
      .selectFrom('cases')
      .innerJoin('channels', 'channels.id', 'cases.subject_id')
      .select('cases.id')
      .where('channels.handle', '=', 'review_refused')
      .where('cases.open_key', 'is not', null)
      .executeTakeFirstOrThrow();
    const d = await api.post(
      `/api/v1/cases/${c.id}/decide`,
      { outcome: 'actioned', actions: ['warn_owner'], category: 'terrorism', statement: 'First strike: the owner is warned.' },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    assert.equal((await api.get('/api/v1/channels/review_refused/posts/1')).status, 404, 'the refused post stays unpublished');
    assert.ok(!(await api.get('/api/v1/channels/review_refused/posts')).body.posts.some((p: any) => p.text === 'propaganda'));
    assert.equal((await api.get(`/media/${media.body.id}`)).status, 404);
  });
});
