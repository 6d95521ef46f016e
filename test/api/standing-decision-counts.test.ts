// Reports answered with a standing decision are listed in the decided case and counted in its figures,
// without reopening it or moving its priority and deadline (issue 8).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';

describe('counts of a decided case that keeps taking reports', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  before(async () => {
    t = await startTestApp({ anonReportsPerMinute: 1000 });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
  });

  async function decidedChannel(handle: string, decision: { outcome: string; actions: string[]; category?: string }) {
    const owner = await api.account(`owner of ${handle}`);
    const channel = await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token });
    assert.equal(channel.status, 201);
    const first = await api.account('first reporter');
    const opened = await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'fraud' }, { token: first.token });
    assert.equal(opened.status, 202, opened.text);
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const caseId = queue.body.cases.find((c: { subject: { id: string } }) => c.subject.id === channel.body.id).id as string;
    assert.equal((await api.post(`/api/v1/cases/${caseId}/claim`, {}, { token: moderator })).status, 200);
    const decided = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { ...decision, statement: 'Reviewed the channel against the policy.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    return { caseId, first };
  }

  const read = async (caseId: string) => {
    const r = await api.get(`/api/v1/cases/${caseId}`, { token: moderator });
    assert.equal(r.status, 200, r.text);
    return r.body;
  };

  test('a blocked channel: every later report is listed and counted, reporters once each, the decision untouched', async () => {
    const { caseId, first } = await decidedChannel('blocked_counts', { outcome: 'actioned', actions: ['block'], category: 'fraud' });
    const before = await read(caseId);
    assert.equal(before.reportCount, 1);

    const second = await api.account('second reporter');
    const flagger = await apiKey(t, 'trusted_flagger', 'Counting Helpline');
    const sends: Array<[string | undefined, Record<string, unknown>]> = [
      [second.token, { category: 'spam' }],
      [second.token, { category: 'spam' }], // the same reporter twice
      [first.token, { category: 'fraud', lifeAtRisk: true }],
      [flagger, { category: 'violence', explanation: 'Threats against a journalist in the pinned post.' }],
      [undefined, { category: 'fraud', explanation: 'Fake investment scheme taking deposits.', bonaFide: true }],
      [undefined, { category: 'fraud', explanation: 'Same scheme, again, from the same address.', bonaFide: true }],
    ];
    for (const [token, body] of sends) {
      const r = await api.post('/api/v1/reports', { subject: '/c/blocked_counts', ...body }, token ? { token } : {});
      assert.equal(r.status, 202, r.text);
      assert.equal(r.body.status, 'decided', 'answered with the standing decision');
    }

    // Reports arriving at once are each counted (on PostgreSQL they race for the case row).
    const crowd = await Promise.all(Array.from({ length: 6 }, (_, i) => api.account(`crowd ${i}`)));
    const racing = await Promise.all(crowd.map((c) => api.post('/api/v1/reports', { subject: '/c/blocked_counts', category: 'fraud' }, { token: c.token })));
    for (const r of racing) assert.equal(r.body.status, 'decided', r.text);

    const after = await read(caseId);
    assert.equal(after.reports.length, 13);
    assert.equal(after.reportCount, after.reports.length, 'the count is the reports listed');
    assert.equal(after.reporterCount, 10, 'first, second, the flagger, one anonymous address and six more accounts');
    assert.deepEqual(after.sources, ['anonymous', 'in_app', 'trusted_flagger']);
    assert.deepEqual(after.sources, [...new Set(after.reports.map((r: { source: string }) => r.source))].sort());
    assert.deepEqual(after.categories, ['fraud', 'spam', 'violence']);

    // Still the decided case it was: same state, outcome, category, priority and deadline.
    for (const k of ['state', 'outcome', 'category', 'priority', 'slaDueAt', 'lifeAtRisk', 'decidedAt'] as const) assert.deepEqual(after[k], before[k], k);
    assert.equal(after.state, 'decided');
    assert.equal(after.decision.id, before.decision.id);
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    assert.ok(!queue.body.cases.some((c: { id: string }) => c.id === caseId), 'not back in the open queue');
  });

  test('a decision without action within the cool-down counts the reports it answers too', async () => {
    const { caseId } = await decidedChannel('fine_counts', { outcome: 'no_violation', actions: [] });
    const others = await Promise.all([api.account('x'), api.account('y')]);
    for (const o of [...others, others[0]!]) {
      const r = await api.post('/api/v1/reports', { subject: '/c/fine_counts', category: 'spam' }, { token: o.token });
      assert.equal(r.body.status, 'decided', r.text);
    }
    const c = await read(caseId);
    assert.equal(c.state, 'decided');
    assert.equal(c.reports.length, 4);
    assert.equal(c.reportCount, 4);
    assert.equal(c.reporterCount, 3);
    assert.deepEqual(c.categories, ['fraud', 'spam']);
    assert.deepEqual(c.sources, ['in_app']);
  });
});
