// Migration 2026-11-29-01-secrets on a database that holds receipts in clear (issue 8): they are erased,
// and the receipts their reporters were given keep opening their reports; anonymous reporters' address
// hashes are replaced by pseudonyms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateUpTo } from '../../src/db/migrate.ts';
import { createContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import { freshPostgres } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';

test('the migration erases clear receipts (which still open their reports) and unkeyed anonymous reporter keys', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-migrate-'));
  const pgdb = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
  const config = loadConfig({}, { dataDir, databaseUrl: pgdb?.url ?? '', logLevel: 'silent' });
  const receipt = 'rcpt_issuedBeforeTheChange_0123456789';
  const oldAnonKey = `anon:${createHash('sha256').update('vigil-anon:127.0.0.1').digest('hex').slice(0, 20)}`;
  try {
    const { db } = openDatabase(config);
    const old = db as unknown as Kysely<any>;
    try {
      await migrateUpTo(db, '2026-11-23-05-bot-messages');
      await old
        .insertInto('reports')
        .values({
          id: 'rep_old',
          case_id: null,
          subject_kind: 'group',
          subject_id: 'grp_x',
          subject_link: null,
          source: 'in_app',
          reporter_key: 'acc:acc_x',
          reporter_account_id: 'acc_x',
          reporter_label: 'account acc_x',
          contact_name: null,
          contact_email: null,
          category: 'spam',
          claimed: 'spam',
          explanation: null,
          evidence: null,
          post_ids: '[]',
          life_at_risk: 0,
          bona_fide: 0,
          jurisdiction: null,
          legal_basis: null,
          order_reference: null,
          status: 'declined_out_of_scope',
          receipt_hash: createHash('sha256').update(receipt).digest('hex'),
          idempotency_key: 'acc:acc_x|key-1',
          replay_receipt: receipt,
          answer: null,
          created_at: '2026-11-20T10:00:00.000Z',
          answered_at: '2026-11-20T10:00:00.000Z',
        })
        .execute();
      // Two reports and a track record of one anonymous reporter, under the old unkeyed address hash.
      for (const [id, key] of [
        ['rep_anon1', 'k1'],
        ['rep_anon2', null],
      ]) {
        await old
          .insertInto('reports')
          .values({
            id,
            case_id: null,
            subject_kind: 'group',
            subject_id: 'grp_x',
            subject_link: null,
            source: 'anonymous',
            reporter_key: oldAnonKey,
            reporter_account_id: null,
            reporter_label: 'anonymous',
            contact_name: null,
            contact_email: null,
            category: 'spam',
            claimed: 'spam',
            explanation: 'x'.repeat(12),
            evidence: null,
            post_ids: '[]',
            life_at_risk: 0,
            bona_fide: 1,
            jurisdiction: null,
            legal_basis: null,
            order_reference: null,
            status: 'declined_out_of_scope',
            receipt_hash: 'h'.repeat(64),
            idempotency_key: key ? `${oldAnonKey}|${key}` : null,
            replay_receipt: key ? `rcpt_${id}` : null,
            answer: null,
            created_at: '2026-11-20T10:00:00.000Z',
            answered_at: null,
          })
          .execute();
      }
      await old.insertInto('reporter_records').values({ reporter_key: oldAnonKey, agreed: 2, disagreed: 1 }).execute();
    } finally {
      await db.destroy();
    }

    const ctx = await createContext(config, pino({ level: 'silent' }));
    const app = await buildApp(ctx);
    try {
      const row = await (ctx.db as unknown as Kysely<any>).selectFrom('reports').selectAll().where('id', '=', 'rep_old').executeTakeFirstOrThrow();
      assert.ok(!Object.values(row).includes(receipt), 'no receipt left in clear');
      assert.ok(!('replay_receipt' in row), 'the column is gone');
      const anon = await (ctx.db as unknown as Kysely<any>)
        .selectFrom('reports')
        .select(['reporter_key', 'idempotency_key'])
        .where('id', 'in', ['rep_anon1', 'rep_anon2'])
        .execute();
      const record = await ctx.db.selectFrom('reporter_records').selectAll().where('reporter_key', 'like', 'anon:%').execute();
      assert.equal(new Set(anon.map((r) => r.reporter_key)).size, 1, 'one reporter still');
      assert.match(anon[0].reporter_key, /^anon:[0-9a-f]{20}$/);
      assert.notEqual(anon[0].reporter_key, oldAnonKey, 'the address hash is gone');
      assert.deepEqual(
        anon.map((r) => r.idempotency_key),
        [null, null],
      );
      assert.deepEqual(
        record.map((r) => ({ reporter_key: r.reporter_key, agreed: r.agreed, disagreed: r.disagreed })),
        [{ reporter_key: anon[0].reporter_key, agreed: 2, disagreed: 1 }],
      );
      const api = apiClient(app);
      assert.equal((await api.get('/api/v1/reports/rep_old', { headers: { 'x-receipt': receipt } })).status, 200);
      assert.equal((await api.get('/api/v1/reports/rep_old', { headers: { 'x-receipt': `${receipt}x` } })).status, 404);
    } finally {
      await app.close();
      await ctx.close();
    }
  } finally {
    await pgdb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
