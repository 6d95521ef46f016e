// A report about a subject decided moments ago (no violation, within the cool-down) is answered with that
// decision and joins the decided case. Its cost must not grow with the reports the case already answered:
// the soak bench (issue 10) found every such report reading all of them, so a hot channel's intake slowed
// from a few milliseconds to tens within a minute of its decision, and on SQLite held the writer meanwhile.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import type { ReportsTable } from '../../src/db/schema-moderation.ts';

const ANSWERED = 20_000;

describe('reports answered with a standing decision', () => {
  let t: TestApp;
  let api: Api;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
  });
  after(() => t?.close());

  test(`cost the same after the decided case answered ${ANSWERED.toLocaleString('en')} reports`, { timeout: 120_000 }, async () => {
    const moderator = await staffToken(t, 'moderator');
    const owner = await api.account('owner');
    const channel = await api.post('/api/v1/channels', { handle: 'much_reported', title: 'Much reported' }, { token: owner.token });
    assert.equal(channel.status, 201);
    const reporter = await api.account('reporter');
    const report = async () => {
      const r = await api.post('/api/v1/reports', { subject: '/c/much_reported', category: 'fraud' }, { token: reporter.token });
      assert.equal(r.status, 202, r.text);
      return r.body as { id: string; status: string };
    };
    const first = await report();
    const caseId = (await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', first.id).executeTakeFirstOrThrow()).case_id as string;
    assert.equal((await api.post(`/api/v1/cases/${caseId}/claim`, {}, { token: moderator })).status, 200);
    const decided = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'Reviewed the channel: no violation.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);

    const timed = async () => {
      const ms: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        assert.equal((await report()).status, 'decided', 'answered with the standing decision');
        ms.push(performance.now() - start);
      }
      return ms.sort((a, b) => a - b)[7] as number;
    };
    const fresh = await timed();
    // The decided case answers many more, written in batches as intake would have stored them.
    const seed = (await t.ctx.db.selectFrom('reports').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow()) as ReportsTable;
    const answer = (
      await t.ctx.db.selectFrom('reports').select('answer').where('case_id', '=', caseId).where('answer', 'is not', null).executeTakeFirstOrThrow()
    ).answer;
    // 500 rows a statement: SQLite binds at most 32,766 variables, and a report row has over 32 columns.
    for (let i = 0; i < ANSWERED; i += 500) {
      const rows = Array.from({ length: 500 }, (_, j) => ({
        ...seed,
        id: `rep_answered_${i + j}`,
        receipt_hash: `${i + j}`.padStart(64, '0'),
        idempotency_key: null,
        status: 'decided' as const,
        answer,
        answered_at: seed.created_at,
      }));
      await t.ctx.db.insertInto('reports').values(rows).execute();
    }
    const grown = await timed();
    console.log(
      `a report answered with a standing decision: median ${fresh.toFixed(1)} ms at first, ${grown.toFixed(1)} ms once the case held ${ANSWERED} more`,
    );
    assert.ok(grown < fresh * 3 + 20, `median ${grown.toFixed(1)} ms after ${ANSWERED} answered reports, ${fresh.toFixed(1)} ms before`);
  });
});
