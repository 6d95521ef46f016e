// Migration 2026-11-29-01-secrets on a database that holds receipts in clear (issue 8): they are erased,
// and the receipts their reporters were given keep opening their reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Migrator, type Migration } from 'kysely/migration';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import * as platform from '../../src/db/migrations/2026-11-23-01-platform.ts';
import * as people from '../../src/db/migrations/2026-11-23-02-people.ts';
import * as moderation from '../../src/db/migrations/2026-11-23-03-moderation.ts';
import * as banks from '../../src/db/migrations/2026-11-23-04-banks.ts';
import * as botMessages from '../../src/db/migrations/2026-11-23-05-bot-messages.ts';
import { freshPostgres } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';

const BEFORE: Record<string, Migration> = {
  '2026-11-23-01-platform': platform,
  '2026-11-23-02-people': people,
  '2026-11-23-03-moderation': moderation,
  '2026-11-23-04-banks': banks,
  '2026-11-23-05-bot-messages': botMessages,
};

test('clear receipts are erased by the migration and still open their reports', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-migrate-'));
  const pgdb = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
  const config = loadConfig({}, { dataDir, databaseUrl: pgdb?.url ?? '', logLevel: 'silent' });
  const receipt = 'rcpt_issuedBeforeTheChange_0123456789';
  try {
    const { db } = openDatabase(config);
    const old = db as unknown as Kysely<any>;
    try {
      const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => BEFORE } }).migrateToLatest();
      assert.ifError(error);
      await old.insertInto('reports').values({
        id: 'rep_old', case_id: null, subject_kind: 'group', subject_id: 'grp_x', subject_link: null,
        source: 'in_app', reporter_key: 'acc:acc_x', reporter_account_id: 'acc_x', reporter_label: 'account acc_x',
        contact_name: null, contact_email: null, category: 'spam', claimed: 'spam', explanation: null, evidence: null,
        post_ids: '[]', life_at_risk: 0, bona_fide: 0, jurisdiction: null, legal_basis: null, order_reference: null,
        status: 'declined_out_of_scope', receipt_hash: createHash('sha256').update(receipt).digest('hex'),
        idempotency_key: 'acc:acc_x|key-1', replay_receipt: receipt, answer: null,
        created_at: '2026-11-20T10:00:00.000Z', answered_at: '2026-11-20T10:00:00.000Z',
      }).execute();
    } finally { await db.destroy(); }

    const ctx = await createContext(config, pino({ level: 'silent' }));
    const app = await buildApp(ctx);
    try {
      const row = await (ctx.db as unknown as Kysely<any>).selectFrom('reports').selectAll().where('id', '=', 'rep_old').executeTakeFirstOrThrow();
      assert.ok(!Object.values(row).includes(receipt), 'no receipt left in clear');
      assert.ok(!('replay_receipt' in row), 'the column is gone');
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
