// Test data through the public API (accounts, channels, posts with images, reports) and staff users
// through the people service, as the API tests do.
import assert from 'node:assert/strict';
import { sceneImage, type Scene } from '../../src/demo/art.ts';
import type { Api } from '../../test/helpers/api.ts';
import type { TestApp } from '../../test/helpers/test-app.ts';
import { apiKey } from '../../test/helpers/people.ts';

export async function upload(api: Api, token: string, scene: Scene, seed: number): Promise<string> {
  const r = await api.call('POST', '/api/v1/media', { token, raw: await sceneImage(scene, seed, 'jpeg', 640, 400), contentType: 'image/jpeg' });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

export async function channel(api: Api, token: string, handle: string, title: string, description: string, posts: Array<{ text?: string; media?: string[] }>) {
  const c = await api.post('/api/v1/channels', { handle, title, description }, { token });
  assert.equal(c.status, 201, c.text);
  for (const p of posts) {
    const r = await api.post(`/api/v1/channels/${handle}/posts`, p, { token });
    assert.equal(r.status, 201, r.text);
  }
  return c.body as { id: string; handle: string };
}

export async function report(api: Api, body: Record<string, unknown>, token?: string) {
  const r = await api.post('/api/v1/reports', { bonaFide: true, ...body }, token ? { token } : {});
  assert.equal(r.status, 202, r.text);
  return r.body as { id: string; receipt: string };
}

export const PAYLOAD = '<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>';
export const ARABIC_TITLE = 'أخبار المدينة اليومية';
export const ARABIC_POST = 'هذا منشور باللغة العربية يجب أن يظهر من اليمين إلى اليسار.';

export interface World {
  main: { handle: string; title: string };
  xss: { handle: string };
  rtl: { handle: string };
}

/**
 * A small platform with five open cases: a high-priority scam channel with images (and a second channel of
 * the same owner), a copyright case, an XSS-titled channel and an overdue Arabic one.
 */
export async function seedWorld(t: TestApp, api: Api): Promise<World> {
  const owner = await api.account('Night market owner');
  const img1 = await upload(api, owner.token, 'night', 3);
  const img2 = await upload(api, owner.token, 'city', 5);
  const main = { handle: 'night_market', title: 'Night Market Deals' };
  await channel(api, owner.token, main.handle, main.title, 'Cheap phones, accounts and more. DM to buy.', [
    { text: 'Welcome to the market! New stock every evening.', media: [img1] },
    { text: 'Selling verified bank accounts with full documents. Payment in crypto only, no questions asked.', media: [img2] },
    { text: 'Giveaway: send 0.1 BTC and get 1 BTC back within the hour!' },
  ]);
  const flagger = await apiKey(t, 'trusted_flagger', 'Consumer Fraud Watch');
  await report(
    api,
    { subject: `/c/${main.handle}/2`, category: 'fraud', explanation: 'The channel sells stolen bank accounts and runs a crypto doubling scam.' },
    flagger,
  );
  await report(api, {
    subject: `/c/${main.handle}/3`,
    category: 'fraud',
    explanation: 'Crypto giveaway scam, people lose money.',
    contact: { name: 'Ana', email: 'ana@example.org' },
  });

  // The same owner's second channel: a related case on the main one.
  await channel(api, owner.token, 'night_market_vip', 'Night Market VIP', 'Members only.', [
    { text: 'Join now! Join now! Join now! Limited places, best deals, DM us!' },
  ]);
  await report(api, { subject: '/c/night_market_vip', category: 'spam', explanation: 'Posts the same advert every few minutes in many places.' });

  const movies = await api.account('Movie fan');
  await channel(api, movies.token, 'movie_night', 'Movie Night Streams', 'Full films every Friday.', [
    { text: 'Tonight: the new blockbuster, full movie in HD, still in cinemas!' },
  ]);
  const reader = await api.account('Reader');
  await report(
    api,
    { subject: '/c/movie_night/1', category: 'copyright', explanation: 'A film that is still in cinemas, shared without permission.' },
    reader.token,
  );

  const other = await api.account('Curious owner');
  const xss = { handle: 'script_channel' };
  await channel(api, other.token, xss.handle, PAYLOAD, PAYLOAD, [{ text: `${PAYLOAD} and <b>bold</b> &amp; friends` }]);
  await report(api, { subject: `/c/${xss.handle}`, category: 'spam', explanation: `Spam with markup: ${PAYLOAD}` });

  const third = await api.account('محرر الأخبار');
  const rtl = { handle: 'city_news_ar' };
  await channel(api, third.token, rtl.handle, ARABIC_TITLE, 'قناة إخبارية محلية', [{ text: ARABIC_POST }]);
  await report(api, { subject: `/c/${rtl.handle}/1`, category: 'other', explanation: 'يبدو أن هذا المنشور مضلل. (This post seems misleading.)' });
  // Nobody has looked at it in time: its review deadline passed two hours ago.
  const rtlChannel = await t.ctx.db.selectFrom('channels').select('id').where('handle', '=', rtl.handle).executeTakeFirstOrThrow();
  await t.ctx.db
    .updateTable('cases')
    .set({ sla_due_at: new Date(Date.now() - 2 * 3600_000).toISOString() })
    .where('subject_id', '=', rtlChannel.id)
    .execute();
  return { main, xss, rtl };
}
