// Intake keeps case figures incrementally (issue 9); `vigil cases recount` recomputes them from the reports.
// After a mix of reports — several sources, repeated reporters, life at risk, equally severe categories,
// reporters whose track record changes between their reports, answers with a standing decision and bursts
// that race for the case row on PostgreSQL — both give exactly the same figures and reporter rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { recountCase } from '../../src/cases/case-aggregate.ts';

const MAIN = path.resolve(import.meta.dirname, '../../src/main.ts');
const FIGURES = [
  'report_count',
  'reporter_count',
  'sources',
  'categories',
  'category',
  'life_at_risk',
  'best_credibility',
  'priority',
  'sla_due_at',
  'reach',
  'category_weights',
  'weighed_reporters',
  'triage_due_at',
  'fresh_reporters',
  'same_text_reports',
  'report_split',
  'reported_post_ids',
] as const;

describe('incremental case figures agree with a recount from the reports', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  before(async () => {
    t = await startTestApp({ anonReportsPerMinute: 10_000 });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
  });

  const snapshot = async () => {
    const cases = await t.ctx.db
      .selectFrom('cases')
      .select(['id', ...FIGURES])
      .orderBy('id')
      .execute();
    const reporters = await t.ctx.db.selectFrom('case_reporters').selectAll().orderBy('case_id').orderBy('reporter_key').execute();
    const weights = await t.ctx.db.selectFrom('case_reporter_categories').selectAll().orderBy('case_id').orderBy('reporter_key').orderBy('category').execute();
    const texts = await t.ctx.db.selectFrom('case_texts').selectAll().orderBy('case_id').orderBy('text_hash').execute();
    return { cases, reporters, weights, texts };
  };
  const report = async (handle: string, body: Record<string, unknown>, token?: string) => {
    const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, ...body }, token ? { token } : {});
    assert.equal(r.status, 202, r.text);
    return r.body as { status: string; caseId: string };
  };
  const channels = new Map<string, string>();
  const caseOf = async (handle: string) => {
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    return queue.body.cases.find((c: { subject: { id: string } }) => c.subject.id === channels.get(handle))?.id as string;
  };

  test('a mix of reports, then recount changes nothing; a damaged case is repaired by the command', async () => {
    const owner = await api.account('owner');
    for (const handle of ['hot_figures', 'decided_figures', 'quiet_figures']) {
      const created = await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token });
      assert.equal(created.status, 201);
      channels.set(handle, created.body.id);
    }
    // Posted before the owner's other channel is blocked (a post after it would be flagged as a likely mirror).
    const pinned = await api.post('/api/v1/channels/hot_figures/posts', { text: 'Pinned announcement for our readers' }, { token: owner.token });
    assert.equal(pinned.status, 201, pinned.text);
    const people = await Promise.all(Array.from({ length: 24 }, (_, i) => api.account(`reporter ${i}`)));
    const flagger = await apiKey(t, 'trusted_flagger', 'Figures Helpline');
    const anon = { explanation: 'Fake investment scheme taking deposits.', bonaFide: true };

    // A case decided with a block: later reports are answered with it and only counted. Its reporters'
    // track records change with the decision, so their later reports elsewhere weigh differently.
    await report('decided_figures', { category: 'fraud' }, people[0]?.token);
    await report('decided_figures', { category: 'fraud' }, people[1]?.token);
    const decidedId = await caseOf('decided_figures');
    assert.equal((await api.post(`/api/v1/cases/${decidedId}/claim`, {}, { token: moderator })).status, 200);
    const decided = await api.post(
      `/api/v1/cases/${decidedId}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'fraud', statement: 'Reviewed the channel against the policy.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);

    // The hot channel: in turn, then in bursts that race (on PostgreSQL) for the case row.
    await report('hot_figures', { category: 'spam' }, people[2]?.token);
    await report('hot_figures', { category: 'spam' }, people[2]?.token); // the same reporter again
    await report('hot_figures', { category: 'violence', explanation: 'Threats in the pinned post.', postIds: [pinned.body.id] }, flagger);
    await report('hot_figures', { category: 'fraud', ...anon });
    await report('hot_figures', { category: 'fraud', ...anon, lifeAtRisk: true });
    await report('hot_figures', { category: 'fraud' }, people[0]?.token); // credibility after an agreed decision
    const burst = (from: number, to: number, body: Record<string, unknown>) =>
      Promise.all(people.slice(from, to).map((p) => report('hot_figures', body, p.token)));
    await burst(3, 14, { category: 'extortion' }); // as severe as violence: the leading category must not depend on order
    await Promise.all([
      burst(0, 24, { category: 'fraud' }),
      burst(10, 20, { category: 'spam', lifeAtRisk: true }),
      Promise.all(people.slice(0, 12).map((p) => report('decided_figures', { category: 'spam' }, p.token))),
      report('decided_figures', { category: 'violence', explanation: 'Threats again.' }, flagger),
      report('quiet_figures', { category: 'copyright' }, people[5]?.token),
    ]);
    const standing = await report('decided_figures', { category: 'fraud' }, people[20]?.token);
    assert.equal(standing.status, 'decided', 'answered with the standing decision');

    const incremental = await snapshot();
    const hotId = await caseOf('hot_figures');
    const hot = incremental.cases.find((c) => c.id === hotId);
    assert.ok(hot);
    assert.equal(hot.report_count, 6 + 11 + 24 + 10);
    assert.deepEqual(JSON.parse(hot.reported_post_ids ?? ''), [pinned.body.id], 'the post the flagger named');
    assert.deepEqual(JSON.parse(hot.report_split ?? '').violence, { trusted_flagger: [1, 1] });
    assert.equal(hot.reporter_count, 24 + 2, 'the accounts, the flagger and the one anonymous address');
    assert.equal(hot.life_at_risk, 1);
    assert.equal(hot.category, 'violence', "the trusted flagger's claim outweighs eleven new accounts' extortion and the crowd's fraud");
    assert.equal(hot.fresh_reporters, 24 + 1, 'the new accounts and the new address');
    assert.equal(hot.same_text_reports, 2, 'the two anonymous reports share their text');
    const dec = incremental.cases.find((c) => c.id === decidedId);
    assert.equal(dec?.report_count, 2 + 12 + 1 + 1);
    assert.equal(dec?.reporter_count, 12 + 1 + 1);

    for (const c of incremental.cases) assert.deepEqual(await recountCase(t.ctx.db, c.id), [], `case ${c.id} needed no correction`);
    assert.deepEqual(await snapshot(), incremental, 'the recount computes exactly the incremental figures and reporter rows');

    // Damage one case's figures and reporter rows; the command repairs them from the reports.
    await t.ctx.db
      .updateTable('cases')
      .set({ report_count: 1, priority: 0, sources: '[]', category: 'other', category_weights: '{}', same_text_reports: 0 })
      .where('id', '=', hot.id)
      .execute();
    await t.ctx.db.deleteFrom('case_texts').where('case_id', '=', hot.id).execute();
    await t.ctx.db.deleteFrom('case_reporters').where('case_id', '=', hot.id).where('reporter_key', 'like', 'acc:%').execute();
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [MAIN, 'cases', 'recount', '--case', hot.id],
        {
          env: { ...process.env, VIGIL_DATA_DIR: t.config.dataDir, VIGIL_DATABASE_URL: t.config.databaseUrl, VIGIL_ADMIN_EMAIL: '', LOG_LEVEL: 'warn' },
          timeout: 60_000,
        },
        (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr }),
      );
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(`${hot.id}: recounted report_count, sources, category, priority, category_weights, same_text_reports, case_reporters, case_texts`),
    );
    assert.match(run.stdout, /1 case\(s\) recounted, 1 corrected/);
    assert.deepEqual(await snapshot(), incremental);
  });
});
