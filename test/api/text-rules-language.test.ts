// Text rules read published content in its detected language (issue 13): the `signals.text` job passes
// the language stored with the post, channel, bot, sticker set or connected content, so a rule's
// `languages` hold and a known language reads only its own keyword list, while a text too short or
// unclear to tell reads every list as before. Runs on SQLite and, with VIGIL_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const ALL_FIELDS = '[post_text, channel_title, channel_description, bot_name, sticker_set_name]';
const RULES = `rules:
  - id: test.ar-accounts
    description: Hacked accounts for sale, an Arabic list only.
    category: fraud
    state: live
    languages: [ar]
    fields: ${ALL_FIELDS}
    keywords:
      ar: [حسابات مخترقة]
    score: 0.7
  - id: test.fa-usdt
    description: Persian posts naming USDT; the word is the same in Arabic posts, which the language keeps out.
    category: fraud
    state: live
    languages: [fa]
    fields: ${ALL_FIELDS}
    keywords:
      fa: [usdt]
    score: 0.5
  - id: test.cards
    description: Card data, a list per language.
    category: fraud
    state: live
    languages: [en, fr]
    fields: [post_text]
    keywords:
      en: [fresh cvv]
      fr: [cvv frais]
    score: 0.6
`;

// Detected as Arabic (Arabic spelling, no Persian letters) and as Persian; both name USDT.
const ARABIC = 'نبيع حسابات مخترقة وبطاقات جاهزة، الدفع بعملة USDT فقط، تواصل معنا على تيليجرام للطلب';
const PERSIAN = 'فروش اکانت‌های هک شده و کارت‌های آماده، پرداخت فقط با USDT، برای سفارش در تلگرام پیام بدهید';

describe('text rules read the detected language of published content', () => {
  let t: TestApp;
  let api: Api;
  let dir: string;
  let moderator: string;
  let owner: { id: string; token: string };
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-rules-lang-'));
    await writeFile(path.join(dir, 'test.yaml'), RULES);
    t = await startTestApp({ rulesDir: dir });
    api = apiClient(t.app);
    moderator = await staffToken(t, 'moderator');
    owner = await api.account('publisher');
    assert.equal((await api.post('/api/v1/channels', { handle: 'souk_market', title: 'Souk' }, { token: owner.token })).status, 201);
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const liveHits = async (): Promise<Record<string, number>> => {
    const list = (await api.get('/api/v1/rules', { token: moderator })).body;
    return Object.fromEntries(list.rules.map((r: any) => [r.id, r.hits.live]));
  };
  /** The rules whose live hit counts grew while `act` ran (jobs drained). */
  const firedBy = async (act: () => Promise<unknown>): Promise<string[]> => {
    const before = await liveHits();
    await act();
    await t.ctx.jobRunner.drain();
    const after = await liveHits();
    return Object.keys(after)
      .filter((id) => after[id] > (before[id] ?? 0))
      .sort();
  };
  const publish = async (text: string) => {
    const r = await api.post('/api/v1/channels/souk_market/posts', { text }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    return r.body;
  };
  const postLanguage = async (id: string) => (await t.ctx.db.selectFrom('posts').select('language').where('id', '=', id).executeTakeFirstOrThrow()).language;

  test('an Arabic post matching an Arabic-only rule raises its signal; a Persian-only rule stays quiet on it', async () => {
    let id = '';
    assert.deepEqual(
      await firedBy(async () => {
        id = (await publish(ARABIC)).id;
      }),
      ['test.ar-accounts'],
    );
    assert.equal(await postLanguage(id), 'ar');
    const cases = (await api.get('/api/v1/cases?limit=100', { token: moderator })).body.cases;
    const detail = await api.get(`/api/v1/cases/${cases[0].id}`, { token: moderator });
    const signal = detail.body.signals.find((s: any) => s.type === 'text_rule' && s.postId === id);
    assert.equal(signal.rule, 'test.ar-accounts');
  });

  test('a rule with languages [fa] fires on a Persian post', async () => {
    let id = '';
    assert.deepEqual(
      await firedBy(async () => {
        id = (await publish(PERSIAN)).id;
      }),
      ['test.fa-usdt'],
    );
    assert.equal(await postLanguage(id), 'fa');
  });

  test('a known language reads its own list; a short text of undetermined language reads every list and every rule', async () => {
    // English reads only the English list: the French words do not count.
    assert.deepEqual(await firedBy(() => publish('We sell cvv frais and many other things to all of our customers every single day of the week')), []);
    // Too short to tell: the French list applies, and so does the Persian-only rule.
    let id = '';
    assert.deepEqual(
      await firedBy(async () => {
        id = (await publish('cvv frais ici')).id;
      }),
      ['test.cards'],
    );
    assert.equal(await postLanguage(id), null);
    assert.deepEqual(await firedBy(() => publish('USDT 500$ 🔥')), ['test.fa-usdt']);
  });

  test('channel titles and descriptions, bot and sticker-set names are read in their detected languages', async () => {
    assert.deepEqual(await firedBy(() => api.post('/api/v1/channels', { handle: 'bazaar_ar', title: 'سوق', description: ARABIC }, { token: owner.token })), [
      'test.ar-accounts',
    ]);
    assert.deepEqual(await firedBy(() => api.post('/api/v1/channels', { handle: 'bazaar_fa', title: 'بازار', description: PERSIAN }, { token: owner.token })), [
      'test.fa-usdt',
    ]);
    assert.deepEqual(await firedBy(() => api.post('/api/v1/bots', { handle: 'shop_ar_bot', description: ARABIC }, { token: owner.token })), [
      'test.ar-accounts',
    ]);
    assert.deepEqual(await firedBy(() => api.post('/api/v1/bots', { handle: 'shop_fa_bot', description: PERSIAN }, { token: owner.token })), ['test.fa-usdt']);
    const sticker = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(8, 8, '#123456') });
    assert.equal(sticker.status, 201, sticker.text);
    assert.deepEqual(
      await firedBy(() =>
        api.post(
          '/api/v1/sticker-sets',
          { name: 'stickers_fa', title: 'استیکرهای پرداخت با USDT برای کانال‌های ایرانی', stickers: [sticker.body.id] },
          { token: owner.token },
        ),
      ),
      ['test.fa-usdt'],
    );
  });

  test('a connected platform’s content is read in its detected language', async () => {
    const forum = await apiKey(t, 'platform', 'forum');
    const reg = (body: unknown) => api.post('/api/v1/content', body, { token: forum });
    assert.equal((await reg({ kind: 'channel', id: 'c1', url: 'https://forum.example/c/1', title: 'Deals' })).status, 201);
    assert.deepEqual(await firedBy(() => reg({ kind: 'post', id: 'p1', url: 'https://forum.example/c/1/p1', channelId: 'c1', text: ARABIC })), [
      'test.ar-accounts',
    ]);
    assert.deepEqual(await firedBy(() => reg({ kind: 'post', id: 'p2', url: 'https://forum.example/c/1/p2', channelId: 'c1', text: PERSIAN })), [
      'test.fa-usdt',
    ]);
  });
});
