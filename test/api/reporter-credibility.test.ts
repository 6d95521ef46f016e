// Reporters' credibility and misuse (issue 12, DSA Art. 23), through the public API: a crowd of new
// accounts neither sets a one-hour clock nor outranks a trusted flagger; coordination is shown; the
// credibility-weighted majority decides a case's category; a senior warns, sets aside and restores a
// reporter (each audited); and the incremental figures agree with a recount.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, GENEROUS_LIMITS, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { recountCase } from '../../src/cases/case-aggregate.ts';

const HOUR = 3_600_000;
const TEXT = 'This channel recruits for a terrorist group, remove it now!';

describe("reporters' credibility and misuse", () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let senior: string;
  let owner: { id: string; token: string };
  before(async () => {
    t = await startTestApp(GENEROUS_LIMITS);
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    senior = await staffToken(t, 'senior');
    owner = await api.account('owner');
  });
  after(async () => {
    await t.close();
  });

  const channel = async (handle: string) => {
    const r = await api.post('/api/v1/channels', { handle, title: handle }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    return r.body.id as string;
  };
  const report = async (handle: string, body: Record<string, unknown>, token?: string) => {
    const r = await api.post('/api/v1/reports', { subject: `/c/${handle}`, ...body }, token ? { token } : {});
    assert.equal(r.status, 202, r.text);
    // The acknowledgement does not name the case; staff find it through the report.
    const row = await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', r.body.id).executeTakeFirstOrThrow();
    return { ...r.body, caseId: row.case_id } as {
      id: string;
      status: string;
      caseId: string;
      reporterNotice?: { kind: string; statement: string; until: string | null };
    };
  };
  const summary = async (caseId: string) => {
    const r = await api.get(`/api/v1/cases/${caseId}`, { token: moderator });
    assert.equal(r.status, 200, r.text);
    return r.body;
  };
  /** An account made a month ago: established, though without a record. */
  const oldAccount = async (name: string) => {
    const a = await api.account(name);
    await t.ctx.db
      .updateTable('accounts')
      .set({ created_at: new Date(Date.now() - 30 * 24 * HOUR).toISOString() })
      .where('id', '=', a.id)
      .execute();
    return a;
  };

  test("60 new accounts claiming terrorism neither set a one-hour clock nor outrank a trusted flagger's terrorism report; the coordination shows", async () => {
    await channel('benign_news');
    await channel('real_terror');
    const crowd = await Promise.all(Array.from({ length: 60 }, (_, i) => api.account(`crowd ${i}`)));
    const acks = await Promise.all(crowd.map((a) => report('benign_news', { category: 'terrorism', explanation: TEXT }, a.token)));
    const flagger = await apiKey(t, 'trusted_flagger', 'Counter-Terror Unit');
    const flagged = await report('real_terror', { category: 'terrorism', explanation: 'Beheading videos and recruitment.' }, flagger);

    const benign = await summary(acks[0].caseId);
    const terror = await summary(flagged.caseId);
    assert.equal(benign.category, 'terrorism', 'the only claim, but unconfirmed');
    const benignClock = Date.parse(benign.slaDueAt) - Date.parse(benign.createdAt);
    assert.equal(benignClock, 4 * HOUR, 'the triage clock, not the one-hour deadline');
    assert.equal(benign.lane, 'triage');
    assert.equal(Date.parse(terror.slaDueAt) - Date.parse(terror.createdAt), HOUR, "a trusted flagger's terrorism report sets the one-hour clock");
    assert.equal(terror.lane, 'normal');
    assert.ok(terror.priority > benign.priority * 5, `the flagger's case ranks far above the crowd's (${terror.priority} vs ${benign.priority})`);

    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const ids = queue.body.cases.map((c: { id: string }) => c.id);
    assert.ok(ids.indexOf(terror.id) < ids.indexOf(benign.id), 'the queue puts the flagger first');
    const triage = await api.get('/api/v1/cases?lane=triage&limit=100', { token: moderator });
    const triageIds = triage.body.cases.map((c: { id: string }) => c.id);
    assert.ok(triageIds.includes(benign.id) && !triageIds.includes(terror.id), 'the triage lane holds the unconfirmed claim only');

    assert.deepEqual(benign.coordination, { freshReporters: 60, sameTextReports: 60 });
    const view = await api.get(`/api/v1/cases/${benign.id}/credibility`, { token: moderator });
    assert.equal(view.status, 200, view.text);
    assert.equal(view.body.coordination.freshReporters, 60);
    assert.equal(view.body.coordination.reporters, 60);
    assert.equal(view.body.coordination.sameTextReports, 60);
    assert.equal(view.body.confirmed, false);
    assert.deepEqual(view.body.categoryWeights, [{ category: 'terrorism', established: 0, unproven: 7.2, effective: 0.5, confirmed: false }]);
    assert.equal(view.body.priority.score, benign.priority, 'the factors multiply to the stored priority');
    assert.equal(view.body.reporters.length, 50, 'the 50 most credible reporters are listed');
    assert.equal(view.body.reporters[0].key, null, 'a moderator does not see who reported');
    assert.equal(view.body.reporters[0].ageDays, 0);
    const seen = await api.get(`/api/v1/cases/${benign.id}/credibility`, { token: senior });
    assert.match(seen.body.reporters[0].key, /^acc:/, 'a senior does');

    for (const id of [benign.id, terror.id]) assert.deepEqual(await recountCase(t.ctx.db, id), [], 'the recount agrees');
  });

  test('the credibility-weighted majority decides the category; a lone severe claim from a new account waits in triage without raising priority', async () => {
    await channel('mixed_shop');
    const buyers = await Promise.all([0, 1, 2].map((i) => oldAccount(`buyer ${i}`)));
    for (const b of buyers) await report('mixed_shop', { category: 'fraud' }, b.token);
    const before = await summary((await report('mixed_shop', { category: 'fraud' }, buyers[0]?.token)).caseId);
    const fresh = await api.account('new accuser');
    const ack = await report('mixed_shop', { category: 'terrorism', explanation: TEXT }, fresh.token);
    const after = await summary(ack.caseId);
    assert.equal(after.category, 'fraud', 'three established reporters outweigh one new account');
    assert.equal(after.lane, 'triage', 'the unconfirmed terrorism claim reaches a person soon');
    assert.equal(Date.parse(after.slaDueAt) - Date.parse(after.createdAt), 4 * HOUR);
    assert.ok(
      after.priority <= before.priority * 1.1,
      `the same category and best credibility: only the crowd factor moves (${before.priority} → ${after.priority})`,
    );
    assert.deepEqual(await recountCase(t.ctx.db, ack.caseId), []);
  });

  test("a set-aside reporter's report is stored, answered and counted but weighs nothing; a senior reverses it, each step audited", async () => {
    await channel('quiet_cafe');
    const regular = await oldAccount('regular');
    const first = await report('quiet_cafe', { category: 'spam' }, regular.token);
    const troll = await oldAccount('troll');
    await t.ctx.db
      .insertInto('reporter_records')
      .values({ reporter_key: `acc:${troll.id}`, agreed: 0, disagreed: 9 })
      .execute();
    const key = `acc:${troll.id}`;

    const mod = await api.post('/api/v1/reporters/warn', { key, reason: 'nine unfounded reports' }, { token: moderator });
    assert.equal(mod.status, 403, 'a moderator may not');
    const early = await api.post('/api/v1/reporters/set-aside', { key, reason: 'unfounded' }, { token: senior });
    assert.equal(early.status, 409, 'warned first');
    assert.equal(early.body.error.code, 'not_warned');
    const standing = await api.get(`/api/v1/reporters/standing?key=${encodeURIComponent(key)}`, { token: senior });
    assert.equal(standing.body.misuseSuspected, true);

    const warned = await api.post('/api/v1/reporters/warn', { key, reason: 'nine unfounded reports' }, { token: senior });
    assert.equal(warned.status, 200, warned.text);
    assert.equal(warned.body.standing, 'warned');
    const warnedAck = await report('quiet_cafe', { category: 'other' }, troll.token);
    assert.equal(warnedAck.reporterNotice?.kind, 'warning');

    const setAside = await api.post('/api/v1/reporters/set-aside', { key, reason: 'kept on after the warning', days: 10 }, { token: senior });
    assert.equal(setAside.status, 200, setAside.text);
    assert.equal(setAside.body.standing, 'set_aside');
    const beforeCase = await summary(first.caseId);
    const ack = await report('quiet_cafe', { category: 'terrorism', explanation: TEXT }, troll.token);
    assert.equal(ack.reporterNotice?.kind, 'set_aside');
    assert.match(ack.reporterNotice?.statement ?? '', /set aside/);
    assert.ok(ack.reporterNotice?.until && Date.parse(ack.reporterNotice.until) > Date.now() + 9 * 24 * HOUR);
    const stored = await t.ctx.db.selectFrom('reports').select(['id', 'credibility', 'case_id']).where('id', '=', ack.id).executeTakeFirst();
    assert.equal(stored?.credibility, 0, 'stored, weighing nothing');
    const afterCase = await summary(first.caseId);
    assert.equal(afterCase.reportCount, beforeCase.reportCount + 1, 'counted');
    assert.equal(afterCase.priority, beforeCase.priority, 'does not raise priority');
    assert.equal(afterCase.category, 'spam');
    assert.equal(afterCase.lane, 'normal', 'a set-aside terrorism claim does not reach the triage lane');

    const restored = await api.post('/api/v1/reporters/restore', { key, reason: 'appeal accepted' }, { token: senior });
    assert.equal(restored.status, 200, restored.text);
    assert.equal(restored.body.standing, 'good');
    const again = await report('quiet_cafe', { category: 'spam' }, troll.token);
    assert.equal(again.reporterNotice, undefined);
    const weighed = await t.ctx.db.selectFrom('reports').select('credibility').where('id', '=', again.id).executeTakeFirstOrThrow();
    assert.ok(Number(weighed.credibility) > 0, 'weighs again after the reversal');

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'target', 'actor']).where('target', '=', `reporter:${key}`).orderBy('seq').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['reporter.warned', 'reporter.set_aside', 'reporter.restored'],
    );
    assert.ok(audit.every((a) => a.actor.startsWith('staff:')));
    assert.deepEqual(await recountCase(t.ctx.db, first.caseId), []);
  });
});
