// An open case that passes its review deadline gets, once, a `sla_breached` event in its history,
// recorded by a recurring job (issue 10: SLA breach events from the durable queue). A case decided in
// time gets none. The deadline is moved into the past in the database: the policy's clocks are hours.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { recordSlaBreaches } from '../../src/cases/sla-sweep.ts';

describe('SLA breaches', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  before(async () => {
    t = await startTestApp({ slaSweepMs: 200 });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
  });

  async function openCase(handle: string): Promise<string> {
    const owner = await api.account(`owner of ${handle}`);
    const channel = await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token });
    assert.equal(channel.status, 201);
    const reporter = await api.account(`reporter of ${handle}`);
    assert.equal((await api.post('/api/v1/reports', { subject: `/c/${handle}`, category: 'fraud' }, { token: reporter.token })).status, 202);
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    return queue.body.cases.find((c: { subject: { id: string } }) => c.subject.id === channel.body.id).id;
  }
  const overdue = (caseId: string) =>
    t.ctx.db
      .updateTable('cases')
      .set({ sla_due_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', caseId)
      .execute();
  const breaches = async (caseId: string) => {
    const r = await api.get(`/api/v1/cases/${caseId}`, { token: moderator });
    assert.equal(r.status, 200, r.text);
    return r.body.events.filter((e: { kind: string }) => e.kind === 'sla_breached');
  };

  test('the recurring job records an overdue open case once, with its deadline and category', async () => {
    const caseId = await openCase('late_review');
    assert.deepEqual(await breaches(caseId), [], 'not due yet');
    await overdue(caseId);
    const start = Date.now();
    while ((await breaches(caseId)).length === 0 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 100));
    const [event, ...more] = await breaches(caseId);
    assert.ok(event, 'the sweep job recorded the breach');
    assert.deepEqual(more, [], 'once');
    assert.equal(event.actor, 'system');
    assert.equal(event.data.category, 'fraud');
    assert.ok(Date.parse(event.data.dueAt) < Date.parse(event.at));
    assert.equal(await recordSlaBreaches(t.ctx.db), 0, 'a later sweep finds nothing new');
    assert.equal((await breaches(caseId)).length, 1);
  });

  test('a decided case is not recorded, even when its deadline has passed', async () => {
    const caseId = await openCase('decided_late');
    assert.equal((await api.post(`/api/v1/cases/${caseId}/claim`, {}, { token: moderator })).status, 200);
    const decided = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'Reviewed the channel against the policy.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    await overdue(caseId);
    assert.equal(await recordSlaBreaches(t.ctx.db), 0);
    assert.deepEqual(await breaches(caseId), []);
  });
});
