// Re-uploads and ban evasion: a blocked channel's mirror by the same owner is flagged at its first post,
// a near-duplicate of a removed post in an unrelated channel raises a signal naming the original case,
// unrelated text raises nothing, and one decision acts on the linked mirrors. SQLite, and PostgreSQL
// with VIGIL_DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const SALE =
  'Fresh CVV and fullz for sale, valid cards from Europe and the US, balance checked, fast delivery through escrow, contact the admin for prices and bulk discounts today';
const LOANS =
  'Instant loans without documents, we transfer the money to your card within one hour, small fee paid in advance, write to our manager on the backup channel';
const RECIPE =
  'Our grandmother recipe for dolma: rice, minced lamb, onions, tomato paste and vine leaves, cooked slowly for two hours on a low fire with lemon';

describe('near-duplicates and mirrors', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let operator: { id: string; token: string };
  let stranger: { id: string; token: string };
  let reporter: { id: string; token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    operator = await api.account('operator');
    stranger = await api.account('stranger');
    reporter = await api.account('reporter');
  });
  after(() => t.close());

  const channel = async (who: { token: string }, handle: string, description = '') => {
    const r = await api.post('/api/v1/channels', { handle, title: handle, description }, { token: who.token });
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
  };
  const post = async (who: { token: string }, handle: string, text: string) => {
    const r = await api.post(`/api/v1/channels/${handle}/posts`, { text }, { token: who.token });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.held, undefined, 'signals never hold on their own');
    await t.ctx.jobRunner.drain();
    return r.body;
  };
  const caseOf = async (handle: string) => {
    const id = (await t.ctx.channels.findRaw(handle)).id;
    const list = [
      ...(await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases,
      ...(await api.get('/api/v1/cases?limit=100&state=decided', { token: moderator })).body.cases,
    ];
    const open = list.find((c: any) => c.subject.kind === 'channel' && c.subject.id === id);
    return open ? (await api.get(`/api/v1/cases/${open.id}`, { token: moderator })).body : undefined;
  };
  const decide = (caseId: string, body: Record<string, unknown>) =>
    api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', category: 'fraud', statement: 'Sells stolen card data to the public.', ...body },
      { token: moderator },
    );

  let original: string;
  let removedCase: string;

  test('a channel blocked for fraud, and a post removed elsewhere, are indexed by their decisions', async () => {
    await channel(operator, 'cardshop', 'Cards and loans, backup at https://t.me/cardshop_reserve, prices from the admin');
    await post(operator, 'cardshop', SALE);
    await post(operator, 'cardshop', LOANS);
    assert.equal((await api.post('/api/v1/reports', { subject: '/c/cardshop', category: 'fraud' }, { token: reporter.token })).status, 202);
    const c = await caseOf('cardshop');
    assert.ok(c);
    original = c.id;
    const d = await decide(original, { actions: ['block'] });
    assert.equal(d.status, 200, d.text);

    await channel(stranger, 'marketnews');
    const p = await post(stranger, 'marketnews', `${RECIPE} and fresh herbs from the garden`);
    assert.equal((await api.post('/api/v1/reports', { subject: '/c/marketnews', category: 'spam' }, { token: reporter.token })).status, 202);
    const m = await caseOf('marketnews');
    removedCase = m.id;
    const r = await api.post(
      `/api/v1/cases/${m.id}/decide`,
      { outcome: 'actioned', category: 'spam', actions: ['remove_posts'], postIds: [p.id], statement: 'Copied spam recipe advert.' },
      { token: moderator },
    );
    assert.equal(r.status, 200, r.text);
  });

  test("the operator's new channel is flagged as a mirror at its first post, naming the blocked case and the evidence", async () => {
    await channel(operator, 'cardshop2');
    await post(operator, 'cardshop2', SALE.replace('today', 'now'));
    const c = await caseOf('cardshop2');
    assert.ok(c, 'a case opened without any report by a person');
    const mirror = c.signals.findLast((s: any) => s.type === 'mirror');
    assert.deepEqual(c.signals[0].evidence, ['owner'], 'flagged at creation by its owner already');
    assert.equal(mirror.originalCaseId, original);
    assert.ok(mirror.evidence.includes('owner') && mirror.evidence.includes('text'), JSON.stringify(c.signals));
    assert.equal(c.reports[0].source, 'automated');
    assert.equal(c.category, 'fraud');
    const linked = c.linkedSubjects.find((l: any) => l.caseId === original);
    assert.equal(linked.role, 'original');
    assert.deepEqual(linked.evidence, ['owner', 'text']);
    assert.equal(linked.subjectLabel, 'cardshop', 'named by its title');
    const pub = await api.get('/api/v1/channels/cardshop2');
    assert.equal(pub.status, 200, 'a signal never blocks on its own');
  });

  test('a near-duplicate in an unrelated channel names the original case; unrelated text raises nothing', async () => {
    await channel(stranger, 'dealsdaily');
    await post(stranger, 'dealsdaily', LOANS.replace('one hour', 'an hour'));
    const c = await caseOf('dealsdaily');
    assert.ok(c);
    const s = c.signals.find((x: any) => x.originalCaseId === original);
    assert.deepEqual(s.evidence, ['text']);
    assert.ok(s.distance <= 6);

    await channel(stranger, 'kitchen');
    await post(stranger, 'kitchen', `${RECIPE} and fresh herbs from the garden!`);
    const k = await caseOf('kitchen');
    const dup = k.signals.find((x: any) => x.type === 'near_duplicate');
    assert.equal(dup.originalCaseId, removedCase);
    assert.equal(k.category, 'spam');

    await channel(stranger, 'weather');
    await post(stranger, 'weather', 'Weather in Baghdad will be sunny tomorrow with temperatures reaching forty degrees, stay indoors at noon and drink water');
    assert.equal(await caseOf('weather'), undefined);
  });

  test('one decision on a mirror blocks the linked mirror too, each with its own decision and event', async () => {
    await channel(operator, 'cardshop3', 'Cards and loans, backup at https://t.me/cardshop_reserve');
    const c3 = await caseOf('cardshop3');
    assert.ok(c3, 'flagged at creation: same owner, same link');
    assert.deepEqual(c3.signals.find((s: any) => s.type === 'mirror').evidence, ['owner', 'links']);
    const c2 = await caseOf('cardshop2');
    const mirrors = c2.linkedSubjects.filter((l: any) => l.role === 'mirror').map((l: any) => l.caseId);
    assert.ok(mirrors.includes(c3.id));
    const unrelated = await caseOf('dealsdaily');
    assert.ok(mirrors.includes(unrelated.id), 'the unrelated copy is listed too');

    const refused = await decide(c2.id, { actions: ['block'], linkedCaseIds: [removedCase] });
    assert.equal(refused.status, 400);
    const d = await decide(c2.id, { actions: ['block'], linkedCaseIds: [c3.id] });
    assert.equal(d.status, 200, d.text);
    assert.equal(d.body.linked.length, 1);
    assert.notEqual(d.body.linked[0].decisionId, d.body.decisionId);
    assert.equal((await api.get('/api/v1/channels/cardshop2')).status, 451);
    assert.equal((await api.get('/api/v1/channels/cardshop3')).status, 451);
    const after3 = await api.get(`/api/v1/cases/${c3.id}`, { token: moderator });
    assert.equal(after3.body.state, 'decided');
    assert.equal(after3.body.decision.statement, 'Sells stolen card data to the public.');
    assert.ok(after3.body.events.some((e: any) => e.kind === 'decided'));
    assert.equal((await caseOf('dealsdaily')).state, 'open', 'a linked case not chosen stays open');
  });
});
