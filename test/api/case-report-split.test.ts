// The case view says how the reports split and which category the weighted majority points to (issue 8).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';

describe('case report split', () => {
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

  const file = async (subject: string, category: string, token?: string) => {
    const r = await api.post(
      '/api/v1/reports',
      { subject, category, explanation: 'Takes deposits and never delivers.', bonaFide: true },
      token ? { token } : {},
    );
    assert.equal(r.status, 202, r.text);
  };

  test('13 fraud reports and 1 extortion report: the case ranks as fraud, its credibility-weighted majority, and the split suggests fraud', async () => {
    const owner = await api.account('shop owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'deposit_shop', title: 'Deposit shop' }, { token: owner.token })).status, 201);
    for (let i = 0; i < 12; i++) await file('/c/deposit_shop', 'fraud', (await api.account(`buyer ${i}`)).token);
    await file('/c/deposit_shop', 'fraud');
    await file('/c/deposit_shop', 'extortion', (await api.account('threatened buyer')).token);

    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const kase = queue.body.cases.find((c: { subjectLabel: string | null }) => c.subjectLabel?.includes('Deposit shop'));
    assert.ok(kase, 'the channel has a case');
    assert.equal(kase.category, 'fraud', 'the case follows the credibility-weighted majority, not the most severe claim');

    const detail = await api.get(`/api/v1/cases/${kase.id}`, { token: moderator });
    assert.equal(detail.status, 200);
    // The weights are the case's own: these accounts are new, so each weighs a tenth of an in-app report
    // (0.12) and together at most 0.5 — the figures the queue ranks the case by.
    assert.deepEqual(detail.body.reportSplit, {
      byCategory: [
        { category: 'fraud', reports: 13, reporters: 13, weight: 0.5 },
        { category: 'extortion', reports: 1, reporters: 1, weight: 0.12 },
      ],
      bySource: [
        { source: 'in_app', reports: 13 },
        { source: 'anonymous', reports: 1 },
      ],
      suggestedCategory: 'fraud',
      tie: false,
    });
    assert.equal(detail.body.subjectNow.title, 'Deposit shop', 'the rest of the case view passes through the response schema');
    assert.equal(detail.body.reports.length, 14);
    assert.equal(detail.body.reportSplit.suggestedCategory, detail.body.category, "the suggestion is the case's own category");
  });

  test('equal weights suggest the more severe category', async () => {
    const owner = await api.account('tie owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'tie_channel', title: 'Tie channel' }, { token: owner.token })).status, 201);
    await file('/c/tie_channel', 'spam', (await api.account('a')).token);
    await file('/c/tie_channel', 'violence', (await api.account('b')).token);
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const kase = queue.body.cases.find((c: { subjectLabel: string | null }) => c.subjectLabel?.includes('Tie channel'));
    const split = (await api.get(`/api/v1/cases/${kase.id}`, { token: moderator })).body.reportSplit;
    assert.equal(split.suggestedCategory, 'violence');
    assert.equal(split.tie, true);
  });

  test('a case of 210 reports: the view carries the latest 100 reports and 200 events, in order, and counts them all', async () => {
    const owner = await api.account('viral owner');
    assert.equal((await api.post('/api/v1/channels', { handle: 'viral_channel', title: 'Viral channel' }, { token: owner.token })).status, 201);
    const people = await Promise.all(Array.from({ length: 3 }, (_, i) => api.account(`viral reporter ${i}`)));
    const filed: string[] = [];
    for (let i = 0; i < 210; i++) {
      const r = await api.post('/api/v1/reports', { subject: '/c/viral_channel', category: i % 3 ? 'fraud' : 'spam' }, { token: people[i % 3]?.token });
      assert.equal(r.status, 202, r.text);
      filed.push(r.body.id);
    }
    const queue = await api.get('/api/v1/cases?limit=100', { token: moderator });
    const kase = queue.body.cases.find((c: { subjectLabel: string | null }) => c.subjectLabel?.includes('Viral channel'));
    const detail = (await api.get(`/api/v1/cases/${kase.id}`, { token: moderator })).body;
    assert.equal(detail.reportCount, 210);
    assert.deepEqual(
      detail.reports.map((r: { id: string }) => r.id),
      filed.slice(-100),
      'the latest 100, oldest first',
    );
    assert.equal(detail.eventCount, 211, 'opened, then one event a report');
    assert.equal(detail.events.length, 200);
    assert.deepEqual(
      detail.events.map((e: { seq: number }) => e.seq),
      Array.from({ length: 200 }, (_, i) => i + 12),
    );
    assert.deepEqual(
      detail.reportSplit.byCategory.map((c: { category: string; reports: number; reporters: number }) => [c.category, c.reports, c.reporters]),
      [
        ['fraud', 140, 2],
        ['spam', 70, 1],
      ],
      'the split counts every report',
    );
    // A reporter's status page reads only the public events of the case.
    const status = await api.get(`/api/v1/reports/${filed[0]}`, { token: people[0]?.token });
    assert.equal(status.status, 200, status.text);
    assert.deepEqual(
      status.body.timeline.map((e: { event: string }) => e.event),
      ['received'],
    );
  });

  test('OpenAPI documents the split on the case view', async () => {
    const doc = (await api.get('/api/docs/json')).body;
    const schema = doc.paths['/api/v1/cases/{id}'].get.responses['200'].content['application/json'].schema;
    assert.ok(schema.properties.reportSplit.properties.suggestedCategory);
  });
});
