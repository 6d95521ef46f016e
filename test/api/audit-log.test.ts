// The admins' audit log over the API: exact filters by actor, action and target, a time range, keyset
// pages that agree with a filter applied by hand, and the chain verified chunk by chunk until a tampered
// entry is found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import type { AuditEntry } from '../../src/audit/audit-log.ts';

describe('audit log: filters, pages and chunked verification', () => {
  let t: TestApp;
  let api: Api;
  let admin: string;
  let all: AuditEntry[];
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    admin = await staffToken(t, 'admin');
    for (let i = 1; i <= 40; i++) {
      await t.ctx.audit.append({
        actor: i % 3 === 0 ? 'cli:alice' : 'staff:usr_bob',
        action: i % 2 ? 'case.decided' : 'case.reversed',
        target: `case:c${i % 5}`,
        data: { i },
      });
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 15)); // distinct times for the time range
    }
    all = (await t.ctx.audit.list({ limit: 1000 })).entries;
  });
  after(async () => {
    await t.close();
  });

  async function pages(query: string, limit = 4): Promise<number[]> {
    const seqs: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { entries: AuditEntry[]; nextCursor: string | null } } = await api.get(
        `/api/v1/admin/audit?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.entries.length <= limit);
      seqs.push(...res.body.entries.map((e) => e.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    return seqs;
  }
  const expect = (keep: (e: AuditEntry) => boolean) => all.filter(keep).map((e) => e.seq);

  test('each filter, alone and together, pages through exactly the matching entries, newest first', async () => {
    assert.deepEqual(
      await pages('actor=cli%3Aalice'),
      expect((e) => e.actor === 'cli:alice'),
    );
    assert.deepEqual(
      await pages('action=case.reversed'),
      expect((e) => e.action === 'case.reversed'),
    );
    assert.deepEqual(
      await pages('target=case%3Ac2'),
      expect((e) => e.target === 'case:c2'),
    );
    assert.deepEqual(
      await pages('actor=staff%3Ausr_bob&action=case.decided&target=case%3Ac1', 2),
      expect((e) => e.actor === 'staff:usr_bob' && e.action === 'case.decided' && e.target === 'case:c1'),
    );
    assert.deepEqual(await pages('actor=nobody'), []);
  });

  test('a time range [from, to) keeps the entries inside it', async () => {
    const times = [...new Set(all.map((e) => e.at))].sort();
    const from = times[Math.floor(times.length / 4)];
    const to = times[Math.floor((3 * times.length) / 4)];
    const inside = expect((e) => e.at >= from && e.at < to);
    assert.ok(inside.length > 0 && inside.length < all.length);
    assert.deepEqual(await pages(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, 5), inside);
    assert.deepEqual(
      await pages(`from=${encodeURIComponent(from)}&action=case.decided`),
      expect((e) => e.at >= from && e.action === 'case.decided'),
    );
    assert.deepEqual(await pages('from=2999-01-01'), []);
    assert.deepEqual(await pages('to=2000-01-01'), []);
    const bad = await api.get('/api/v1/admin/audit?from=yesterday', { token: admin });
    assert.equal(bad.status, 400);
    const invalid = await api.get('/api/v1/admin/audit?from=2026-13-45', { token: admin });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, 'invalid_time');
  });

  test('the chain verifies chunk by chunk, and a tampered entry is found in its chunk', async () => {
    const head = all[0].seq;
    let after = 0;
    let chunks = 0;
    for (;;) {
      const res = await api.get(`/api/v1/admin/audit/verify?after=${after}&limit=7`, { token: admin });
      assert.equal(res.status, 200);
      assert.equal(res.body.ok, true);
      assert.equal(res.body.head, head);
      assert.ok(res.body.entries <= 7);
      chunks++;
      after = res.body.through;
      if (res.body.done) break;
    }
    assert.equal(after, head);
    assert.equal(chunks, Math.ceil((head + 1) / 7));

    await t.ctx.db.updateTable('audit_log').set({ data: '{"i":999}' }).where('seq', '=', 17).execute();
    const ok = await api.get('/api/v1/admin/audit/verify?after=0&limit=10', { token: admin });
    assert.deepEqual(ok.body, { ok: true, entries: 10, head, through: 10, done: false });
    const broken = await api.get('/api/v1/admin/audit/verify?after=10&limit=10', { token: admin });
    assert.equal(broken.body.ok, false);
    assert.equal(broken.body.seq, 17);
    assert.equal(broken.body.reason, 'hash_mismatch');
    assert.equal(broken.body.entries, 6);
    assert.equal((await t.ctx.audit.verify()).ok, false, 'the whole walk (the CLI) finds it too');

    const tooBig = await api.get('/api/v1/admin/audit/verify?limit=100000', { token: admin });
    assert.equal(tooBig.status, 400);
    const moderator = await api.get('/api/v1/admin/audit/verify', { token: await staffToken(t, 'moderator') });
    assert.equal(moderator.status, 403);
  });
});
