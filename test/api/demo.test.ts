// `vigil demo` seeds a platform through the services; this checks the result through the HTTP API,
// on a fresh SQLite data dir or (with VIGIL_DATABASE_URL) a fresh PostgreSQL database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/types.ts';
import { runDemo } from '../../src/demo/demo.ts';
import { CHANNELS, BOTS, STICKER_SET, GROUP } from '../../src/demo/content.ts';
import { freshPostgres } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';

function capture() {
  const logs: string[] = [];
  const errors: string[] = [];
  return {
    out: {
      log: (m: string) => {
        logs.push(m);
      },
      error: (m: string) => {
        errors.push(m);
      },
    },
    logs,
    errors,
  };
}

describe('vigil demo', () => {
  let config: Config;
  let ctx: AppContext;
  let app: App;
  let api: Api;
  let printed = '';
  let seconds = 0;
  let dropPg: (() => Promise<void>) | undefined;

  before(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-demo-'));
    const baseUrl = process.env.VIGIL_DATABASE_URL ?? '';
    const pgdb = baseUrl ? await freshPostgres(baseUrl) : undefined;
    dropPg = pgdb?.drop;
    config = loadConfig({}, { dataDir, databaseUrl: pgdb?.url ?? '', logLevel: 'silent', publicUrl: 'http://demo.test:8080' });
    const c = capture();
    const started = performance.now();
    await runDemo(config, c.out);
    seconds = (performance.now() - started) / 1000;
    assert.deepEqual(c.errors, []);
    assert.equal(process.exitCode ?? 0, 0);
    printed = c.logs.join('\n');
    ctx = await createContext(config, pino({ level: 'silent' }));
    app = await buildApp(ctx);
    await app.ready();
    api = apiClient(app);
  });
  after(async () => {
    await app?.close();
    await ctx?.close();
    await dropPg?.();
    await rm(config.dataDir, { recursive: true, force: true });
  });

  test('finishes in a few seconds and prints links and a working token', async () => {
    assert.ok(seconds < 15, `took ${seconds.toFixed(1)} s`);
    for (const c of CHANNELS) assert.ok(printed.includes(`http://demo.test:8080/c/${c.handle}`), c.handle);
    assert.ok(printed.includes('http://demo.test:8080/bot/weather_helper_bot'));
    assert.ok(printed.includes(`http://demo.test:8080/stickers/${STICKER_SET.name}`));
    assert.ok(printed.includes('http://demo.test:8080/api/docs'));
    const token = /VIGIL_TOKEN=(vga_\S+)/.exec(printed)?.[1];
    assert.ok(token, 'a token is printed');
    const groupId = /\/api\/v1\/groups\/(grp_[a-z0-9]+)\/messages/.exec(printed)?.[1];
    assert.ok(groupId, 'the group id is printed');

    // The printed token reads the private group; the messages are there, newest first.
    const messages = await api.get(`/api/v1/groups/${groupId}/messages`, { token });
    assert.equal(messages.status, 200);
    assert.equal(messages.body.messages.length, GROUP.messages.length);
    assert.equal(messages.body.messages[0].text, GROUP.messages.at(-1)?.text);
    assert.ok(
      messages.body.messages.some((m: { mediaId: string | null }) => m.mediaId),
      'one message carries a picture',
    );
    const outsider = await api.account('Outsider');
    assert.equal((await api.get(`/api/v1/groups/${groupId}/messages`, { token: outsider.token })).status, 404, 'still private');

    // And it can publish to the channel it owns.
    const post = await api.post('/api/v1/channels/open_source_weekly/posts', { text: 'Hello from the demo test' }, { token });
    assert.equal(post.status, 201);
  });

  test('every channel exists with its posts, images and subscribers', async () => {
    assert.ok(CHANNELS.length >= 12);
    let images = 0;
    for (const c of CHANNELS) {
      const r = await api.get(`/api/v1/channels/${c.handle}/posts?limit=100`);
      assert.equal(r.status, 200, c.handle);
      assert.equal(r.body.channel.title, c.title);
      assert.ok(r.body.posts.length >= c.posts.length && r.body.posts.length >= 3, `${c.handle} has several posts`);
      assert.ok(r.body.channel.subscribers >= 3, `${c.handle} has subscribers`);
      const last = r.body.posts.find((p: { number: number }) => p.number === c.posts.length);
      assert.equal(last.text, c.posts.at(-1)?.text);
      for (const p of r.body.posts) {
        for (const m of p.media ?? []) {
          images++;
          assert.ok(['image/png', 'image/jpeg'].includes(m.mime));
          const bytes = await app.inject({ method: 'GET', url: `/media/${m.id}` });
          assert.equal(bytes.statusCode, 200);
          assert.equal(bytes.headers['content-type'], m.mime);
        }
      }
    }
    assert.ok(images >= 15, `${images} post images`);
    const languages = new Set(CHANNELS.map((c) => c.lang));
    for (const l of ['ar', 'ckb', 'en', 'fr', 'ru', 'fa', 'tr']) assert.ok(languages.has(l), l);
  });

  test('right-to-left channels (Arabic, Central Kurdish, Persian) render with their script', async () => {
    const sorani = CHANNELS.find((c) => c.lang === 'ckb');
    assert.ok(sorani);
    const page = await api.get(`/c/${sorani.handle}`);
    assert.equal(page.status, 200);
    assert.match(sorani.title, /[\u0600-\u06FF]/, 'an Arabic-script title');
    assert.ok(page.text.includes(sorani.title));
    assert.ok(page.text.includes(sorani.posts[1].text));
    assert.match(page.text, /<h1 dir="auto">/);
    assert.match(page.text, /ێ|ە|ڕ|ۆ/, 'letters particular to Sorani');
    for (const c of CHANNELS.filter((x) => ['ar', 'fa'].includes(x.lang))) {
      assert.match(c.title, /[\u0600-\u06FF]/, c.handle);
      assert.equal((await api.get(`/c/${c.handle}/1`)).status, 200);
    }
  });

  test('the channels for trying moderation are there: a scam-style one and a peaceful political one', async () => {
    const scam = await api.get('/api/v1/channels/fast_cash_guaranteed/posts');
    assert.equal(scam.status, 200);
    assert.ok(scam.body.posts.some((p: { text: string }) => /hacked/i.test(p.text)));
    assert.ok(
      scam.body.posts.every((p: { media: unknown[] }) => p.media.length === 0),
      'text only',
    );
    const politics = await api.get('/api/v1/channels/veloria_budget_watch/posts');
    assert.equal(politics.status, 200);
    assert.ok(politics.body.posts.some((p: { text: string }) => /peaceful/i.test(p.text)));
  });

  test('bots (one with a picture) and the sticker set exist', async () => {
    for (const b of BOTS) {
      const r = await api.get(`/api/v1/bots/${b.handle}`);
      assert.equal(r.status, 200, b.handle);
      assert.equal(r.body.description, b.description);
      assert.equal(r.body.pictureMediaId !== null, b.picture);
      if (b.picture) {
        const pic = await app.inject({ method: 'GET', url: `/media/${r.body.pictureMediaId}` });
        assert.equal(pic.statusCode, 200);
        assert.equal(pic.headers['content-type'], 'image/png');
      }
      assert.equal((await api.get(`/bot/${b.handle}`)).status, 200);
    }
    const set = await api.get(`/api/v1/sticker-sets/${STICKER_SET.name}`);
    assert.equal(set.status, 200);
    assert.ok(set.body.stickers.length >= 4 && set.body.stickers.length <= 6);
    assert.equal(new Set(set.body.stickers.map((s: { sha256: string }) => s.sha256)).size, set.body.stickers.length, 'all different pictures');
    assert.equal((await api.get(`/stickers/${STICKER_SET.name}`)).status, 200);
  });

  test('a second run refuses politely with exit code 1 and changes nothing', async () => {
    const before = await ctx.channels.count();
    const c = capture();
    try {
      await runDemo(config, c.out);
      assert.equal(process.exitCode, 1);
    } finally {
      process.exitCode = 0;
    }
    assert.deepEqual(c.logs, []);
    assert.equal(c.errors.length, 1);
    assert.match(c.errors[0], /already has \d+ channels/);
    assert.match(c.errors[0], /fresh data dir/);
    assert.ok(!c.errors[0].includes('postgres://'), 'no connection string (it may hold a password)');
    assert.equal(await ctx.channels.count(), before);
  });
});
