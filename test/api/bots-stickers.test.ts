import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { jpegImage, pngImage } from '../helpers/images.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('bots and sticker sets', () => {
  let t: TestApp;
  let api: Api;
  let owner: { id: string; token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    owner = await api.account('Maker');
  });
  after(async () => {
    await t.close();
  });

  const upload = async (bytes: Buffer, token = owner.token) => {
    const r = await api.call('POST', '/api/v1/media', { token, raw: bytes });
    assert.equal(r.status, 201, r.text);
    return r.body as { id: string; mime: string };
  };

  test('a bot is created with a picture and read back by handle, case-insensitively', async () => {
    const pic = await upload(await pngImage(32, 32, '#aa22cc'));
    const r = await api.post('/api/v1/bots', { handle: 'WeatherBot', description: 'Forecasts on request', picture: pic.id }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.handle, 'WeatherBot');
    assert.equal(r.body.link, '/bot/WeatherBot');
    assert.equal(r.body.pictureMediaId, pic.id);
    assert.ok(!JSON.stringify(r.body).includes(owner.id), 'the owner is not shown');

    const read = await api.get('/api/v1/bots/weatherbot');
    assert.equal(read.status, 200);
    assert.equal(read.body.id, r.body.id);
    assert.equal(read.body.description, 'Forecasts on request');

    const plain = await api.post('/api/v1/bots', { handle: 'plain_bot' }, { token: owner.token });
    assert.equal(plain.status, 201);
    assert.equal(plain.body.pictureMediaId, null);
    assert.equal(plain.body.description, '');

    assert.equal((await api.get('/api/v1/bots/no_such_bot')).status, 404);
  });

  test('a bot picture must be an image the creator uploaded', async () => {
    const pdf = await upload(PDF);
    assert.equal(pdf.mime, 'application/pdf');
    const notImage = await api.post('/api/v1/bots', { handle: 'pdf_pic_bot', picture: pdf.id }, { token: owner.token });
    assert.equal(notImage.status, 400);
    assert.equal(notImage.body.error.code, 'not_an_image');

    const other = await api.account('Other');
    const theirs = await upload(await pngImage(), other.token);
    const stolen = await api.post('/api/v1/bots', { handle: 'stolen_pic_bot', picture: theirs.id }, { token: owner.token });
    assert.equal(stolen.status, 403);

    const anon = await api.post('/api/v1/bots', { handle: 'anon_bot' });
    assert.equal(anon.status, 401);
  });

  test('invalid bot handles and sticker set names are refused', async () => {
    const sticker = await upload(await pngImage(8, 8, '#123456'));
    for (const handle of ['bot', '9lives_bot', 'has space', 'dash-bot', 'ünïcode_bot', 'x'.repeat(33)]) {
      const b = await api.post('/api/v1/bots', { handle }, { token: owner.token });
      assert.equal(b.status, 400, handle);
      assert.equal(b.body.error.code, 'invalid_handle');
      const s = await api.post('/api/v1/sticker-sets', { name: handle, title: 'T', stickers: [sticker.id] }, { token: owner.token });
      assert.equal(s.status, 400, handle);
      assert.equal(s.body.error.code, 'invalid_handle');
      assert.equal(s.body.error.details[0].field, 'name');
    }
  });

  test('channels, bots and sticker sets share one case-insensitive namespace', async () => {
    const sticker = await upload(await pngImage(8, 8, '#654321'));
    assert.equal((await api.post('/api/v1/channels', { handle: 'shared_name', title: 'Channel' }, { token: owner.token })).status, 201);

    const bot = await api.post('/api/v1/bots', { handle: 'Shared_Name' }, { token: owner.token });
    assert.equal(bot.status, 409);
    assert.equal(bot.body.error.code, 'handle_taken');
    const set = await api.post('/api/v1/sticker-sets', { name: 'SHARED_NAME', title: 'Stickers', stickers: [sticker.id] }, { token: owner.token });
    assert.equal(set.status, 409);
    assert.equal(set.body.error.code, 'name_taken');

    assert.equal((await api.post('/api/v1/bots', { handle: 'bot_first' }, { token: owner.token })).status, 201);
    const ch = await api.post('/api/v1/channels', { handle: 'BOT_FIRST', title: 'Channel' }, { token: owner.token });
    assert.equal(ch.status, 409);
    assert.equal(ch.body.error.code, 'handle_taken');

    assert.equal((await api.post('/api/v1/sticker-sets', { name: 'set_first', title: 'S', stickers: [sticker.id] }, { token: owner.token })).status, 201);
    assert.equal((await api.post('/api/v1/channels', { handle: 'Set_First', title: 'C' }, { token: owner.token })).status, 409);
    assert.equal((await api.post('/api/v1/bots', { handle: 'set_FIRST' }, { token: owner.token })).status, 409);

    // A refused name leaves nothing behind: the bot that lost the race does not exist.
    assert.equal((await api.get('/api/v1/bots/shared_name')).status, 404);
  });

  test('bots and sticker sets may not take a name that looks like an existing public name', async () => {
    const sticker = await upload(await pngImage(8, 8, '#345678'));
    assert.equal((await api.post('/api/v1/channels', { handle: 'wallet_help', title: 'Wallet help' }, { token: owner.token })).status, 201);
    assert.equal((await api.post('/api/v1/bots', { handle: 'payments_bot' }, { token: owner.token })).status, 201);

    for (const handle of ['waIlet_help', 'WALLET_HELP'.replace('LL', 'l1'), 'payrnents_bot', 'PAYMENTS_B0T']) {
      const b = await api.post('/api/v1/bots', { handle }, { token: owner.token });
      assert.equal(b.status, 409, handle);
      assert.equal(b.body.error.code, 'handle_confusable', handle);
      const s = await api.post('/api/v1/sticker-sets', { name: handle, title: 'T', stickers: [sticker.id] }, { token: owner.token });
      assert.equal(s.status, 409, handle);
      assert.equal(s.body.error.code, 'name_confusable', handle);
      assert.equal(s.body.error.details[0].field, 'name');
    }
    assert.equal((await api.get('/api/v1/bots/waIlet_help')).status, 404, 'nothing is left behind');

    // A sticker set's name is protected as well, and distinct names still work.
    assert.equal((await api.post('/api/v1/sticker-sets', { name: 'cool_cats', title: 'Cats', stickers: [sticker.id] }, { token: owner.token })).status, 201);
    const ch = await api.post('/api/v1/channels', { handle: 'COOL_CATS'.replace('O', '0'), title: 'Cats' }, { token: owner.token });
    assert.equal(ch.status, 409);
    assert.equal(ch.body.error.code, 'handle_confusable');
    assert.equal((await api.post('/api/v1/bots', { handle: 'wallet_help_bot' }, { token: owner.token })).status, 201);
    assert.equal(
      (await api.post('/api/v1/sticker-sets', { name: 'cool_cats_2', title: 'More cats', stickers: [sticker.id] }, { token: owner.token })).status,
      201,
    );
  });

  test('a sticker set keeps its stickers in order and refuses non-images, strangers’ media and empty sets', async () => {
    const a = await upload(await pngImage(16, 16, '#ff0000'));
    const b = await upload(await jpegImage(16, 16, '#00ff00'));
    const c = await upload(await pngImage(16, 16, '#0000ff'));
    const r = await api.post('/api/v1/sticker-sets', { name: 'Cats_Pack', title: 'Cats', stickers: [c.id, a.id, b.id] }, { token: owner.token });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.link, '/stickers/Cats_Pack');
    assert.deepEqual(
      r.body.stickers.map((s: { id: string }) => s.id),
      [c.id, a.id, b.id],
    );

    const read = await api.get('/api/v1/sticker-sets/cats_pack');
    assert.equal(read.status, 200);
    assert.equal(read.body.title, 'Cats');
    assert.deepEqual(
      read.body.stickers.map((s: { id: string; mime: string }) => [s.id, s.mime]),
      [
        [c.id, 'image/png'],
        [a.id, 'image/png'],
        [b.id, 'image/jpeg'],
      ],
    );

    const pdf = await upload(PDF);
    const notImage = await api.post('/api/v1/sticker-sets', { name: 'pdf_stickers', title: 'P', stickers: [a.id, pdf.id] }, { token: owner.token });
    assert.equal(notImage.status, 400);
    assert.equal(notImage.body.error.code, 'not_an_image');

    const empty = await api.post('/api/v1/sticker-sets', { name: 'empty_set', title: 'E', stickers: [] }, { token: owner.token });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'invalid_request');

    const other = await api.account('Other');
    const theirs = await upload(await pngImage(), other.token);
    assert.equal((await api.post('/api/v1/sticker-sets', { name: 'stolen_set', title: 'S', stickers: [theirs.id] }, { token: owner.token })).status, 403);
    const unknown = await api.post('/api/v1/sticker-sets', { name: 'ghost_set', title: 'G', stickers: ['med_ghost'] }, { token: owner.token });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'unknown_media');

    assert.equal((await api.get('/api/v1/sticker-sets/never_made')).status, 404);
  });

  test('a blocked bot and a blocked sticker set answer 451 with their notices', async () => {
    const bot = await api.post('/api/v1/bots', { handle: 'spam_bot_x' }, { token: owner.token });
    const s = await upload(await pngImage(8, 8, '#999999'));
    const set = await api.post('/api/v1/sticker-sets', { name: 'bad_stickers', title: 'B', stickers: [s.id] }, { token: owner.token });
    t.ctx.visibility.setSource({
      activeRestrictions: async (subjects) =>
        subjects
          .filter((x) => (x.kind === 'bot' && x.id === bot.body.id) || (x.kind === 'sticker_set' && x.id === set.body.id))
          .map((subject) => ({ subject, code: 'blocked' as const, category: 'spam', text: `Blocked ${subject.kind} for spam.`, country: null })),
    });
    try {
      const b = await api.get('/api/v1/bots/spam_bot_x');
      assert.equal(b.status, 451);
      assert.equal(b.body.error.message, 'Blocked bot for spam.');
      const st = await api.get('/api/v1/sticker-sets/bad_stickers');
      assert.equal(st.status, 451);
      assert.equal(st.body.error.details.notice.text, 'Blocked sticker_set for spam.');
      assert.equal((await api.get('/api/v1/bots/plain_bot')).status, 200, 'other bots are unaffected');
    } finally {
      t.ctx.visibility.setSource({ activeRestrictions: async () => [] });
    }
  });
});
