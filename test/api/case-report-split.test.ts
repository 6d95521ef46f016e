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
    assert.deepEqual(detail.body.reportSplit, {
      byCategory: [
        { category: 'fraud', reports: 13, reporters: 13, weight: 15.4 },
        { category: 'extortion', reports: 1, reporters: 1, weight: 1.2 },
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

  test('OpenAPI documents the split on the case view', async () => {
    const doc = (await api.get('/api/docs/json')).body;
    const schema = doc.paths['/api/v1/cases/{id}'].get.responses['200'].content['application/json'].schema;
    assert.ok(schema.properties.reportSplit.properties.suggestedCategory);
  });
});
