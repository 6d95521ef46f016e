// Text rules on published public content: a live rule opens a case with a signal event, a shadow rule
// records its hit and opens none, private group messages are never evaluated, and a reload with an
// invalid file keeps the rules in force. Runs on SQLite and, with VIGIL_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const RULES = `rules:
  - id: test.live-cvv
    description: Sale of card data, live for this test.
    category: fraud
    state: live
    languages: [en]
    fields: [post_text, channel_title]
    keywords:
      en: [fresh cvv]
    score: 0.8
  - id: test.shadow-cash
    description: Fast cash offers, in shadow.
    category: fraud
    state: shadow
    languages: [en]
    fields: [post_text]
    keywords:
      en: [fast cash]
    score: 0.5
  - id: test.draft
    description: Does nothing.
    category: spam
    state: draft
    languages: [en]
    fields: [post_text]
    patterns: ['fresh']
    score: 0.1
`;

describe('text rules', () => {
  let t: TestApp;
  let api: Api;
  let dir: string;
  let admin: string;
  let moderator: string;
  let owner: { id: string; token: string };
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-rules-'));
    await writeFile(path.join(dir, 'test.yaml'), RULES);
    t = await startTestApp({ rulesDir: dir });
    api = apiClient(t.app);
    admin = await staffToken(t, 'admin');
    moderator = await staffToken(t, 'moderator');
    owner = await api.account('publisher');
    assert.equal((await api.post('/api/v1/channels', { handle: 'bazaar', title: 'Bazaar' }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const publish = async (text: string) => {
    const r = await api.post('/api/v1/channels/bazaar/posts', { text }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
    return r.body;
  };
  const openCases = async () => (await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases.filter((c: any) => c.state !== 'decided');
  const rules = async () => (await api.get('/api/v1/rules', { token: moderator })).body;

  test('a shadow rule records its hit and opens no case; the post is published', async () => {
    const post = await publish('FAST  C A S H, dm me');
    assert.equal(post.held, undefined, 'signals never block publishing');
    assert.deepEqual(await openCases(), []);
    const list = await rules();
    const shadow = list.rules.find((r: any) => r.id === 'test.shadow-cash');
    assert.deepEqual(shadow.hits, { live: 0, shadow: 1 });
    assert.equal(shadow.sample[0].excerpt, 'fast cash, dm me');
    assert.equal(shadow.sample[0].subjectId, post.id);
    assert.equal(list.rules.find((r: any) => r.id === 'test.draft').hits.shadow, 0, 'draft rules do nothing');
  });

  test('a live rule opens a case with a signal event naming rule, category, score and excerpt', async () => {
    const post = await publish('Fresh CVV in stock <script>alert(1)</script>');
    const cases = await openCases();
    assert.equal(cases.length, 1);
    assert.equal(cases[0].category, 'fraud');
    assert.deepEqual(cases[0].sources, ['automated']);
    const detail = await api.get(`/api/v1/cases/${cases[0].id}`, { token: moderator });
    const signal = detail.body.signals.find((s: any) => s.type === 'text_rule');
    assert.equal(signal.rule, 'test.live-cvv');
    assert.equal(signal.category, 'fraud');
    assert.equal(signal.score, 0.8);
    assert.equal(signal.postId, post.id);
    assert.match(signal.excerpt, /^fresh cvv in stock/);
    assert.equal((await rules()).rules.find((r: any) => r.id === 'test.live-cvv').hits.live, 1);

    // A second post joins the same case with its own signal.
    await publish('more fresh cvv');
    const again = await openCases();
    assert.equal(again.length, 1);
    const events = (await api.get(`/api/v1/cases/${cases[0].id}`, { token: moderator })).body.signals.filter((s: any) => s.type === 'text_rule');
    assert.equal(events.length, 2);
  });

  test('private group messages are never evaluated', async () => {
    const before = (await rules()).rules.map((r: any) => r.hits);
    const g = await api.post('/api/v1/groups', { title: 'Friends' }, { token: owner.token });
    assert.equal((await api.post(`/api/v1/groups/${g.body.id}/messages`, { text: 'fresh cvv and fast cash' }, { token: owner.token })).status, 201);
    await t.ctx.jobRunner.drain();
    assert.deepEqual(
      (await rules()).rules.map((r: any) => r.hits),
      before,
    );
    const jobs = await t.ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'signals.text').execute();
    assert.ok(!jobs.some((j) => j.payload.includes(g.body.id)), 'no job names the group');
  });

  test('a connected platform’s registered post is evaluated too', async () => {
    const forum = await apiKey(t, 'platform', 'forum');
    const reg = (body: unknown) => api.post('/api/v1/content', body, { token: forum });
    assert.equal((await reg({ kind: 'channel', id: 'c1', url: 'https://forum.example/c/1', title: 'Deals' })).status, 201);
    const p = await reg({ kind: 'post', id: 'p1', url: 'https://forum.example/c/1/p1', channelId: 'c1', text: 'fresh cvv here' });
    assert.equal(p.status, 201);
    assert.equal(p.body.verdict, 'allow');
    await t.ctx.jobRunner.drain();
    const cases = (await openCases()).filter((c: any) => c.platform === 'forum');
    assert.equal(cases.length, 1);
  });

  test('reload: an invalid file is refused with its error, and the rules in force stay', async () => {
    assert.equal((await api.post('/api/v1/rules/reload', {}, { token: moderator })).status, 403);
    await writeFile(path.join(dir, 'broken.yaml'), 'rules:\n  - id: bad\n    state: loud\n');
    const r = await api.post('/api/v1/rules/reload', {}, { token: admin });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'invalid_rules');
    assert.match(r.body.error.message, /^broken\.yaml: /);
    const list = await rules();
    assert.match(list.error, /broken\.yaml/);
    assert.equal(list.rules.length, 3, 'the previous rules stay in force');
    await publish('fast cash again');
    assert.equal((await rules()).rules.find((r: any) => r.id === 'test.shadow-cash').hits.shadow, 2);

    await writeFile(path.join(dir, 'broken.yaml'), 'rules: []\n');
    const ok = await api.post('/api/v1/rules/reload', {}, { token: admin });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.rules, 3);
    assert.equal((await rules()).error, null);
    const audit = await api.get('/api/v1/admin/audit', { token: admin });
    const actions = audit.body.entries.map((e: any) => e.action);
    assert.ok(actions.includes('rules.reload_failed') && actions.includes('rules.reloaded'), actions.join());
  });
});
