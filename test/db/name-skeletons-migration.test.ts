// The name-skeleton migration on a database that already holds look-alike names (SQLite, or PostgreSQL
// when VIGIL_DATABASE_URL is set): it migrates, the oldest name keeps the skeleton, later look-alikes
// keep their names with none, and new look-alikes are refused from then on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Migrator, type Migration } from 'kysely/migration';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import * as platform from '../../src/db/migrations/2026-11-23-01-platform.ts';
import * as people from '../../src/db/migrations/2026-11-23-02-people.ts';
import * as moderation from '../../src/db/migrations/2026-11-23-03-moderation.ts';
import * as banks from '../../src/db/migrations/2026-11-23-04-banks.ts';
import * as botMessages from '../../src/db/migrations/2026-11-23-05-bot-messages.ts';
import { skeletonAtMigration } from '../../src/db/migrations/2026-11-29-02-name-skeletons.ts';
import { nameSkeleton } from '../../src/platform/name-skeleton.ts';
import { claimPublicName } from '../../src/platform/public-names.ts';
import { freshPostgres } from '../helpers/test-app.ts';

const before29: Record<string, Migration> = {
  '2026-11-23-01-platform': platform,
  '2026-11-23-02-people': people,
  '2026-11-23-03-moderation': moderation,
  '2026-11-23-04-banks': banks,
  '2026-11-23-05-bot-messages': botMessages,
};

let db: Db;
let cleanup: () => Promise<void>;
before(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-migration-'));
  const pgdb = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
  db = openDatabase({ dataDir, databaseUrl: pgdb?.url ?? '' }).db;
  cleanup = async () => {
    await db.destroy();
    await pgdb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
});
after(async () => {
  await cleanup();
});

test('the migration copy of the skeleton agrees with the application', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
  for (const c of alphabet) assert.equal(skeletonAtMigration(`name_${c}`), nameSkeleton(`name_${c}`), c);
  assert.equal(skeletonAtMigration('OfficiaIsupp0rt'), nameSkeleton('officialsupport'));
});

test('a database holding look-alike names migrates; the oldest keeps the skeleton and new look-alikes are refused', async () => {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => before29 } }).migrateToLatest();
  assert.ifError(error);
  await db.insertInto('accounts').values({ id: 'acc_1', display_name: 'Owner', token_hash: 'h1', created_at: '2026-01-01T00:00:00.000Z' }).execute();
  const channel = (id: string, handle: string, at: string) => ({
    id,
    handle,
    handle_lower: handle.toLowerCase(),
    title: handle,
    description: '',
    owner_id: 'acc_1',
    subscriber_count: 0,
    last_post_seq: 0,
    created_at: at,
  });
  // The impostor's row is inserted first, but its channel is younger: age decides, not row order.
  await db
    .insertInto('channels')
    .values([
      channel('ch_impostor', 'officiaIsupport', '2026-03-01T00:00:00.000Z'),
      channel('ch_official', 'officialsupport', '2026-01-01T00:00:00.000Z'),
      channel('ch_other', 'daily_news', '2026-02-01T00:00:00.000Z'),
    ])
    .execute();
  await db
    .insertInto('bots')
    .values({
      id: 'bot_1',
      handle: 'offic1alsupport',
      handle_lower: 'offic1alsupport',
      description: '',
      picture_media_id: null,
      owner_id: 'acc_1',
      created_at: '2026-04-01T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('public_names')
    .values([
      { name_lower: 'officiaisupport', kind: 'channel', subject_id: 'ch_impostor' },
      { name_lower: 'officialsupport', kind: 'channel', subject_id: 'ch_official' },
      { name_lower: 'daily_news', kind: 'channel', subject_id: 'ch_other' },
      { name_lower: 'offic1alsupport', kind: 'bot', subject_id: 'bot_1' },
    ])
    .execute();

  await migrateToLatest(db);

  const rows = await db.selectFrom('public_names').select(['name_lower', 'skeleton']).orderBy('name_lower').execute();
  assert.deepEqual(
    rows.map((r) => ({ ...r })),
    [
      { name_lower: 'daily_news', skeleton: nameSkeleton('daily_news') },
      { name_lower: 'offic1alsupport', skeleton: null },
      { name_lower: 'officiaisupport', skeleton: null },
      { name_lower: 'officialsupport', skeleton: nameSkeleton('officialsupport') },
    ],
  );

  const claim = (name: string, id: string) => db.transaction().execute((trx) => claimPublicName(trx, name, 'channel', id, 'handle'));
  await assert.rejects(claim('officia1support', 'ch_new1'), (err: { code?: string }) => err.code === 'handle_confusable');
  await assert.rejects(claim('OFFICIAISUPPORT', 'ch_new2'), (err: { code?: string }) => err.code === 'handle_taken', 'an old look-alike keeps its exact name');
  await assert.rejects(claim('dai1y_news', 'ch_new3'), (err: { code?: string }) => err.code === 'handle_confusable');
  await claim('weekly_news', 'ch_new4');
  assert.equal(
    (await db.selectFrom('public_names').select('skeleton').where('name_lower', '=', 'weekly_news').executeTakeFirstOrThrow()).skeleton,
    nameSkeleton('weekly_news'),
  );
});
