// Languages detected at write time: a channel's from its title and description (or its first post that
// tells), a report explanation's, a connected platform's content; the case takes its subject's language,
// else its first report's, and the queue filters by it. Runs on SQLite and, with VIGIL_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

describe('detected languages', () => {
  let t: TestApp;
  let api: Api;
  let moderator: string;
  let owner: { id: string; token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    owner = await api.account('owner');
  });
  after(() => t.close());

  const channel = async (handle: string, title: string, description: string) => {
    const r = await api.post('/api/v1/channels', { handle, title, description }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
  };
  const report = async (subject: string, explanation: string) => {
    const r = await api.post('/api/v1/reports', { subject, category: 'fraud', explanation, bonaFide: true });
    assert.equal(r.status, 202, r.text);
    return r.body;
  };
  const queue = async (query = '') => (await api.get(`/api/v1/cases?limit=100${query}`, { token: moderator })).body.cases;

  test("a Sorani channel's case is Central Kurdish, not Persian, and the queue filters by it", async () => {
    await channel('hawal_erbil', 'هەواڵی هەولێر', 'هەواڵ و ڕاپۆرتی ڕۆژانە لە هەولێرەوە بۆ هەموو خەڵکی کوردستان');
    await channel('akhbar_tehran', 'اخبار تهران', 'آخرین اخبار روز از تهران و سراسر ایران برای همه');
    await report('/c/hawal_erbil', 'This channel asks for money in advance and never delivers anything.');
    await report('/c/akhbar_tehran', 'This channel asks for money in advance and never delivers anything.');
    const all = await queue();
    const byHandle = (label: string) => all.find((c: any) => c.subjectLabel?.includes(label));
    assert.equal(byHandle('هەواڵی هەولێر')?.language ?? byHandle('hawal_erbil')?.language, 'ckb');
    const kurdish = await queue('&language=ckb');
    assert.equal(kurdish.length, 1);
    assert.equal(kurdish[0].language, 'ckb');
    const persian = await queue('&language=fa');
    assert.equal(persian.length, 1);
    assert.notEqual(persian[0].id, kurdish[0].id);
    assert.equal((await queue('&language=ar')).length, 0);
  });

  test("a report explanation's language is shown with it; a subject with too little text takes its first report's", async () => {
    await channel('xchan1', 'X', '');
    await report('/c/xchan1', 'هذه القناة تطلب المال مقدماً ولا ترسل أي شيء، احذروا منها');
    const [c] = await queue('&language=ar');
    assert.ok(c, 'the case took the Arabic report’s language');
    const detail = await api.get(`/api/v1/cases/${c.id}`, { token: moderator });
    assert.equal(detail.body.reports[0].explanationLanguage, 'ar');
  });

  test('a channel with a short title takes the language of its first post that tells', async () => {
    await channel('ychan1', 'Y', '');
    const post = await api.post(
      '/api/v1/channels/ychan1/posts',
      { text: 'Привет всем, сегодня мы расскажем о новых скидках в магазине' },
      { token: owner.token },
    );
    assert.equal(post.status, 201, post.text);
    await report('/c/ychan1', 'asks for money in advance');
    const [c] = await queue('&language=ru');
    assert.ok(c, 'the channel took its post’s language');
  });

  test("a connected platform's content is stored with its language, and unknown is a filter too", async () => {
    const forum = await apiKey(t, 'platform', 'forum');
    const r = await api.post(
      '/api/v1/content',
      {
        kind: 'channel',
        id: 'c9',
        url: 'https://forum.example/c/9',
        title: 'Bonnes affaires',
        text: 'Des comptes et des cartes à vendre, paiement rapide et discret',
      },
      { token: forum },
    );
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
    await report('https://forum.example/c/9', 'asks for money in advance');
    const [c] = await queue('&language=fr');
    assert.equal(c?.platform, 'forum');
    await channel('zchan1', 'Z', '');
    await api.post('/api/v1/reports', { subject: '/c/zchan1', category: 'fraud', explanation: 'scam scam!', bonaFide: true });
    const unknown = await queue('&language=unknown');
    assert.ok(unknown.some((x: any) => x.language === null));
    assert.ok(unknown.every((x: any) => x.language === null));
    const bad = await api.get('/api/v1/cases?language=Arabic!', { token: moderator });
    assert.equal(bad.status, 400);
  });
});
