// Rule conditions on media: publishing tells the text rules what the post's media showed, so a rule
// with `hasMedia: true` reads only posts that carry media. Runs on SQLite and, with VIGIL_DATABASE_URL,
// on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';
import { staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const RULES = `rules:
  - id: test.shadow-with-media
    description: Payout-proof posts, only with media attached.
    category: fraud
    state: shadow
    languages: [en]
    fields: [post_text]
    keywords:
      en: [payout proof]
    conditions:
      hasMedia: true
    score: 0.5
`;

let t: TestApp;
let api: Api;
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-rules-media-'));
  await writeFile(path.join(dir, 'test.yaml'), RULES);
  t = await startTestApp({ rulesDir: dir });
  api = apiClient(t.app);
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

test('a rule with hasMedia reads only posts that carry media', async () => {
  const moderator = await staffToken(t, 'moderator');
  const owner = await api.account('publisher');
  assert.equal((await api.post('/api/v1/channels', { handle: 'payouts', title: 'Payouts' }, { token: owner.token })).status, 201);
  const hits = async () =>
    (await api.get('/api/v1/rules', { token: moderator })).body.rules.find((r: { id: string }) => r.id === 'test.shadow-with-media').hits.shadow;
  const publish = async (body: object) => {
    const r = await api.post('/api/v1/channels/payouts/posts', body, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    await t.ctx.jobRunner.drain();
  };

  await publish({ text: 'payout proof, today 500$' });
  assert.equal(await hits(), 0, 'a text-only post is not read by a media rule');
  const media = await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(), contentType: 'image/png' });
  assert.equal(media.status, 201);
  await publish({ text: 'payout proof, today 700$', media: [media.body.id] });
  assert.equal(await hits(), 1);
});
