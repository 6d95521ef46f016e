// Daily decision figures (issue 10: statistics from the durable queue): the recurring job rolls decisions
// and reversals up per UTC day, the figures equal the decisions taken, a recomputation changes nothing,
// and staff read them through the API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { recomputeDay, utcDay } from '../../src/transparency/daily-statistics.ts';

describe('daily statistics', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let senior: string;
  before(async () => {
    t = await startTestApp({ statisticsMs: 200 });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    senior = await staffToken(t, 'senior');
  });
  after(async () => {
    await t.close();
  });

  async function decide(handle: string, decision: Record<string, unknown>): Promise<string> {
    const owner = await api.account(`owner of ${handle}`);
    const channel = await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token });
    assert.equal(channel.status, 201);
    const reporter = await api.account(`reporter of ${handle}`);
    assert.equal((await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'fraud' }, { token: reporter.token })).status, 202);
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const caseId = queue.body.cases.find((c: { subject: { id: string } }) => c.subject.id === channel.body.id).id;
    const decided = await api.post(`/api/v1/cases/${caseId}/decide`, { statement: 'Reviewed against the policy.', ...decision }, { token: moderator });
    assert.equal(decided.status, 200, decided.text);
    return caseId;
  }
  const today = utcDay(Date.now());
  const read = async () => {
    const r = await api.get(`/api/v1/statistics/daily?from=${today}&to=${today}`, { token: moderator });
    assert.equal(r.status, 200, r.text);
    return r.body.days as Array<{ platform: string; subjectKind: string; category: string; outcome: string; decisions: number; reversals: number }>;
  };
  const row = (days: Awaited<ReturnType<typeof read>>, outcome: string, category: string) =>
    days.find((d) => d.outcome === outcome && d.category === category && d.subjectKind === 'channel' && d.platform === 'reference');

  test("the job counts the day's decisions and reversals by outcome and category", async () => {
    await decide('stats_block_1', { outcome: 'actioned', actions: ['block'], category: 'fraud' });
    const reversed = await decide('stats_block_2', { outcome: 'actioned', actions: ['block'], category: 'fraud' });
    await decide('stats_fine', { outcome: 'no_violation', actions: [] });
    assert.equal((await api.post(`/api/v1/cases/${reversed}/reverse`, { reason: 'The channel was a parody account.' }, { token: senior })).status, 200);

    const start = Date.now();
    let days = await read();
    while ((row(days, 'actioned', 'fraud')?.reversals ?? 0) < 1 && Date.now() - start < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      days = await read();
    }
    assert.deepEqual(
      { decisions: row(days, 'actioned', 'fraud')?.decisions, reversals: row(days, 'actioned', 'fraud')?.reversals },
      { decisions: 2, reversals: 1 },
      'rolled up by the recurring job',
    );
    assert.equal(row(days, 'no_violation', '')?.decisions, 1);

    await recomputeDay(t.ctx.db, today);
    await recomputeDay(t.ctx.db, today);
    const again = await read();
    assert.deepEqual(
      again.map(({ decisions, reversals, outcome, category }) => ({ decisions, reversals, outcome, category })),
      days.map(({ decisions, reversals, outcome, category }) => ({ decisions, reversals, outcome, category })),
      'recomputing a day writes the same figures',
    );
  });

  test('periods are checked, and only staff read them', async () => {
    assert.equal((await api.get(`/api/v1/statistics/daily?from=${today}&to=2000-01-01`, { token: moderator })).body.error.code, 'invalid_period');
    assert.equal((await api.get('/api/v1/statistics/daily?from=2020-01-01&to=2026-01-01', { token: moderator })).status, 400);
    assert.equal((await api.get('/api/v1/statistics/daily?from=yesterday&to=today', { token: moderator })).status, 400);
    assert.equal((await api.get(`/api/v1/statistics/daily?from=${today}&to=${today}`)).status, 401);
  });
});
