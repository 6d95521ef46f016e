import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';
import { newId } from '../../src/shared/ids.ts';
import { nowIso } from '../../src/shared/time.ts';
import { encodeCursor } from '../../src/shared/paging.ts';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { PageCache } from '../../src/platform/preview/page-cache.ts';
import { AppError } from '../../src/shared/errors.ts';
import type { SubjectKind } from '../../src/subjects/kinds.ts';
import type { NoticeCode } from '../../src/enforcement/visibility.ts';

describe('public pages: a constant number of reads, through the read connection, and enforcement seen at once', () => {
  let t: TestApp;
  let api: Api;
  let owner: { id: string; token: string };
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    owner = await api.account('Reader of pages');
  });
  after(async () => {
    await t.close();
  });

  async function channel(handle: string, posts: number) {
    assert.equal((await api.post('/api/v1/channels', { handle, title: `Channel ${handle}` }, { token: owner.token })).status, 201);
    const ids: string[] = [];
    for (let i = 0; i < posts; i++) {
      const media = (await api.call('POST', '/api/v1/media', { token: owner.token, raw: await pngImage(4 + i, 4, '#336699') })).body.id as string;
      const p = await api.post(`/api/v1/channels/${handle}/posts`, { text: `post ${i}`, media: [media] }, { token: owner.token });
      assert.equal(p.status, 201);
      ids.push(p.body.id);
    }
    return { id: (await t.ctx.channels.findRaw(handle)).id, posts: ids };
  }

  async function queriesOf(url: string, headers: Record<string, string> = {}) {
    const before = t.ctx.reads.counter.queries;
    const r = await t.app.inject({ url, headers });
    return { status: r.statusCode, body: r.body, queries: t.ctx.reads.counter.queries - before };
  }

  async function enforce(kind: SubjectKind, id: string, code: NoticeCode, country: string | null = null) {
    const row = {
      id: newId('enf'),
      decision_id: null,
      case_id: null,
      subject_kind: kind,
      subject_id: id,
      code,
      category: 'fraud',
      country,
      notice_text: `${code} by a test`,
      active: 1 as const,
      created_at: nowIso(),
      reversed_at: null,
    };
    await t.ctx.db.insertInto('enforcement_actions').values(row).execute();
    return row.id;
  }

  test('a page costs the same number of queries with 5 posts, 20 posts and a 1,000-report case', async () => {
    await channel('five_posts', 5);
    const twenty = await channel('twenty_posts', 20);
    const five = await queriesOf('/c/five_posts');
    const full = await queriesOf('/c/twenty_posts');
    assert.equal(five.status, 200);
    assert.equal(full.status, 200);
    assert.equal((full.body.match(/<img src="\/media\//g) ?? []).length, 20, 'every post shows its image');
    assert.equal(five.queries, full.queries);
    assert.ok(full.queries <= 3, `three reads per page (channel, posts with media, visibility), not ${full.queries}`);

    // A hot case about the channel: one report through the API, the rest copied in bulk.
    const reporter = await api.account('Reporter');
    assert.equal((await api.post('/api/v1/reports', { subject: '/c/twenty_posts', category: 'fraud' }, { token: reporter.token })).status, 202);
    const first = await t.ctx.db.selectFrom('reports').selectAll().where('subject_id', '=', twenty.id).executeTakeFirstOrThrow();
    const copies = Array.from({ length: 999 }, (_, i) => ({ ...first, id: `${first.id}_${i}`, idempotency_key: null, reporter_key: `copy_${i}` }));
    for (let i = 0; i < copies.length; i += 200)
      await t.ctx.db
        .insertInto('reports')
        .values(copies.slice(i, i + 200))
        .execute();
    const hot = await queriesOf('/c/twenty_posts');
    assert.equal(hot.status, 200);
    assert.equal(hot.queries, full.queries, 'reports about a channel do not add reads to its page');

    const post = await queriesOf('/c/twenty_posts/7');
    assert.equal(post.status, 200);
    assert.ok(post.queries <= 3, `a post page reads ${post.queries} times`);
    assert.equal((await queriesOf(`/c/twenty_posts?before=${encodeCursor(10)}`)).queries, full.queries, 'an older page as well');
  });

  test('a block, a removal and a restriction in one country show at once on the pages', async () => {
    const c = await channel('enforced_pages', 3);
    assert.equal((await queriesOf('/c/enforced_pages')).status, 200);

    await enforce('post', c.posts[1], 'removed');
    const removed = await queriesOf('/c/enforced_pages');
    assert.equal(removed.status, 200);
    assert.ok(removed.body.includes('removed by a test'), 'the removed post keeps its place with its notice');
    assert.ok(!removed.body.includes('post 1<'), 'and its text is gone');
    assert.equal((removed.body.match(/<img src="\/media\//g) ?? []).length, 2, 'and so is its image');
    assert.equal((await queriesOf(`/c/enforced_pages/2`)).body.includes('removed by a test'), true, 'on its own page too');

    await enforce('post', c.posts[2], 'held');
    const held = await queriesOf('/c/enforced_pages');
    assert.ok(!held.body.includes('post 2'), 'a held post leaves no trace');
    assert.equal((await queriesOf('/c/enforced_pages/3')).status, 404);

    await enforce('channel', c.id, 'restricted', 'DE');
    const inGermany = await queriesOf('/c/enforced_pages', { 'x-vigil-country': 'DE' });
    assert.equal(inGermany.status, 451);
    assert.ok(inGermany.body.includes('restricted by a test'));
    assert.ok(inGermany.queries <= 3, `a 451 page reads ${inGermany.queries} times`);
    assert.equal((await queriesOf('/c/enforced_pages/1', { 'x-vigil-country': 'de' })).status, 451);
    assert.equal((await queriesOf('/c/enforced_pages', { 'x-vigil-country': 'FR' })).status, 200);
    assert.equal((await queriesOf('/c/enforced_pages')).status, 200);

    await enforce('channel', c.id, 'blocked');
    for (const url of ['/c/enforced_pages', '/c/enforced_pages/1', '/c/enforced_pages?before=3', '/c/enforced_pages?before=not-a-cursor']) {
      assert.equal((await queriesOf(url)).status, 451, url);
    }
  });

  test('pages answer while a write transaction is open, from the last committed state', async () => {
    await channel('read_while_writing', 1);
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('channels').set({ title: 'Uncommitted title' }).where('handle', '=', 'read_while_writing').execute();
      // On SQLite the write connection is held by this transaction until it ends: a read queued behind it
      // would never answer here. The read connection answers with what was committed.
      const page = await queriesOf('/c/read_while_writing');
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('Channel read_while_writing'));
      assert.ok(!page.body.includes('Uncommitted title'));
    });
    assert.ok((await queriesOf('/c/read_while_writing')).body.includes('Uncommitted title'), 'committed, it shows at once');
  });

  test('a page is read once per commit: repeated, it costs no query; after any commit, of any connection, it is read anew', async () => {
    const c = await channel('cached_pages', 2);
    const first = await queriesOf('/c/cached_pages');
    assert.equal(first.status, 200);
    const again = await queriesOf('/c/cached_pages');
    assert.equal(again.body, first.body);
    const sqlite = t.ctx.dialect === 'sqlite';
    assert.equal(again.queries, sqlite ? 0 : first.queries, sqlite ? 'served from the cache' : 'PostgreSQL: nothing is cached');
    assert.equal((await queriesOf('/c/cached_pages', { 'x-vigil-country': 'DE' })).queries, first.queries, 'each country has its own entry');

    // A block written by another process (its own connection to the file) shows from the next request.
    if (sqlite) {
      const other = new DatabaseSync(path.join(t.config.dataDir, 'vigil.sqlite'));
      other
        .prepare(
          `insert into enforcement_actions (id, decision_id, case_id, subject_kind, subject_id, code, category, country, notice_text, active, created_at, reversed_at)
           values (?, null, null, 'channel', ?, 'blocked', 'fraud', null, 'Blocked by another process.', 1, ?, null)`,
        )
        .run(newId('enf'), c.id, nowIso());
      other.close();
    } else {
      await enforce('channel', c.id, 'blocked');
    }
    const blocked = await queriesOf('/c/cached_pages');
    assert.equal(blocked.status, 451);
    assert.equal((await queriesOf('/c/cached_pages/1')).status, 451);
    const again451 = await queriesOf('/c/cached_pages');
    assert.equal(again451.status, 451, 'a 451 is never served from an earlier 200');
    assert.equal(again451.queries, sqlite ? 0 : blocked.queries, 'the 451 itself is kept until the next commit');
    assert.equal(again451.body, blocked.body);
  });

  test('the cache stores nothing read across a commit, and nothing without a database version', async () => {
    let version = 1;
    const cache = new PageCache(() => version);
    let renders = 0;
    const render = async () => {
      renders++;
      return `page ${renders}`;
    };
    assert.equal(await cache.get('k', render), 'page 1');
    assert.equal(await cache.get('k', render), 'page 1');
    version++;
    assert.equal(await cache.get('k', render), 'page 2', 'a commit makes the entry stale');
    version++;
    const racing = async () => {
      version++; // a commit lands while the page is being read
      return render();
    };
    assert.equal(await cache.get('k', racing), 'page 3');
    assert.equal(await cache.get('k', render), 'page 4', 'what was read across the commit was not kept');
    const refusal = new AppError(451, 'subject_blocked', 'Blocked.');
    let refusals = 0;
    const refuse = async (): Promise<string> => {
      refusals++;
      throw refusal;
    };
    await assert.rejects(cache.get('gone', refuse), refusal);
    await assert.rejects(cache.get('gone', refuse), refusal);
    assert.equal(refusals, 1, 'a refusal is kept like a page');
    await assert.rejects(
      cache.get('broken', async () => {
        throw new Error('database went away');
      }),
      /went away/,
    );
    assert.equal(await cache.get('broken', render), 'page 5', 'any other error is not kept');
    const none = new PageCache(() => undefined);
    assert.equal(await none.get('k', render), 'page 6');
    assert.equal(await none.get('k', render), 'page 7');

    const small = new PageCache(() => 7, 3);
    for (const k of ['a', 'b', 'c', 'd']) await small.get(k, render);
    assert.equal(await small.get('a', render), 'page 12', 'bounded: the oldest entry went first');
    assert.equal(await small.get('d', render), 'page 11');
  });
});
