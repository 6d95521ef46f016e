// Open cases whose figures predate reporters' credibility are recounted by a durable job that migration
// 2026-12-07-12 enqueues (SQLite, or PostgreSQL with VIGIL_DATABASE_URL): after it ran, their figures and
// per-category weights are those intake keeps for new reports; decided cases and healthy databases are left
// alone; the job works a page at a time and enqueues the next page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { up as enqueueRecount } from '../../src/db/migrations/2026-12-07-12-recount-cases.ts';
import { CASES_RECOUNT_JOB, recountPage } from '../../src/cases/recount-job.ts';

const FIGURES = [
  'category',
  'priority',
  'sla_due_at',
  'category_weights',
  'weighed_reporters',
  'triage_due_at',
  'fresh_reporters',
  'same_text_reports',
] as const;

describe('the recount of open cases after an upgrade', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  before(async () => {
    t = await startTestApp({}, { runJobs: false });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
  });

  const figures = () =>
    t.ctx.db
      .selectFrom('cases')
      .select(['id', 'decided_at', ...FIGURES])
      .orderBy('id')
      .execute();
  const weights = () => t.ctx.db.selectFrom('case_reporter_categories').selectAll().orderBy('case_id').orderBy('reporter_key').orderBy('category').execute();
  const recountJobs = () => t.ctx.db.selectFrom('jobs').select(['payload', 'state']).where('kind', '=', CASES_RECOUNT_JOB).orderBy('created_at').execute();

  test('a healthy database gets no job', async () => {
    const owner = await api.account('owner');
    const created = await api.post('/api/v1/channels', { handle: 'recount_healthy', title: 'Healthy' }, { token: owner.token });
    assert.equal(created.status, 201);
    const r = await api.post('/api/v1/reports', { subject: '/c/recount_healthy', category: 'fraud' }, { token: (await api.account('a')).token });
    assert.equal(r.status, 202);
    await enqueueRecount(t.ctx.db);
    assert.deepEqual(await recountJobs(), []);
  });

  test('open cases with figures from before credibility are recounted by the job; a decided case keeps its own', async () => {
    const owner = await api.account('owner 2');
    const people = await Promise.all(Array.from({ length: 4 }, (_, i) => api.account(`reporter ${i}`)));
    const channelIds = new Map<string, string>();
    for (const handle of ['recount_a', 'recount_b', 'recount_decided']) {
      const created = await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token });
      assert.equal(created.status, 201);
      channelIds.set(handle, created.body.id);
      for (const [i, p] of people.entries()) {
        const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: i % 2 ? 'spam' : 'fraud' }, { token: p.token });
        assert.equal(r.status, 202, r.text);
      }
    }
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const decidedId = queue.body.cases.find((c: { subject: { id: string } }) => c.subject.id === channelIds.get('recount_decided')).id as string;
    assert.equal((await api.post(`/api/v1/cases/${decidedId}/claim`, {}, { token: moderator })).status, 200);
    const decided = await api.post(
      `/api/v1/cases/${decidedId}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'Nothing against the policy.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    const kept = { figures: await figures(), weights: await weights() };

    // What the credibility migration left on the open cases of an installation that had them.
    await t.ctx.db
      .updateTable('cases')
      .set({ category_weights: '{}', weighed_reporters: 0, fresh_reporters: 0, same_text_reports: 0, triage_due_at: null, priority: 1 })
      .execute();
    await t.ctx.db.deleteFrom('case_reporter_categories').execute();

    await enqueueRecount(t.ctx.db);
    assert.deepEqual(
      (await recountJobs()).map((j) => [JSON.parse(j.payload), j.state]),
      [[{ after: '' }, 'queued']],
    );
    await t.ctx.jobRunner.drain();
    assert.deepEqual(
      (await recountJobs()).map((j) => j.state),
      ['done'],
    );

    const now = await figures();
    for (const c of kept.figures) {
      const after = now.find((x) => x.id === c.id);
      if (c.decided_at === null) assert.deepEqual(after, c, `open case ${c.id} has its figures back`);
      else assert.equal(after?.priority, 1, 'a decided case is not re-ranked: its figures stay those it was decided with');
    }
    const openIds = new Set(kept.figures.filter((c) => c.decided_at === null).map((c) => c.id));
    assert.deepEqual(
      await weights(),
      kept.weights.filter((w) => openIds.has(w.case_id)),
      'per-category weights rebuilt for open cases',
    );
  });

  test('a page of the job enqueues the next page after its last case', async () => {
    const open = await t.ctx.db.selectFrom('cases').select('id').orderBy('id').execute(); // decided ones too
    assert.ok(open.length >= 3);
    const done = await recountPage(t.ctx.db, t.ctx.jobs, { after: '' }, 2);
    assert.equal(done.recounted, 2);
    assert.equal(done.corrected, 0, 'figures already right are left as they are');
    const next = (await recountJobs()).filter((j) => j.state === 'queued').map((j) => JSON.parse(j.payload));
    assert.deepEqual(next, [{ after: open[1]?.id }]);
    const last = await recountPage(t.ctx.db, t.ctx.jobs, { after: open[1]?.id as string }, 100);
    assert.equal(last.recounted, open.length - 2);
    assert.equal((await recountJobs()).filter((j) => j.state === 'queued').length, 1, 'a short page is the last');
  });
});
