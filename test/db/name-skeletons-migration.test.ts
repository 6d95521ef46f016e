// The name-skeleton migration on a database that already holds look-alike names (SQLite, or PostgreSQL
// when VIGIL_DATABASE_URL is set): it migrates, the oldest name keeps the skeleton, later look-alikes
// keep their names with none, and new look-alikes are refused from then on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.ts';
import { skeletonAtMigration } from '../../src/db/migrations/2026-11-29-02-name-skeletons.ts';
import { nameSkeleton } from '../../src/platform/name-skeleton.ts';
import { claimPublicName } from '../../src/platform/public-names.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

let db: Db;
let close: () => Promise<void>;
before(async () => {
  ({ db, close } = await freshDatabase());
});
after(async () => {
  await close();
});

test('the migration copy of the skeleton agrees with the application', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
  for (const c of alphabet) assert.equal(skeletonAtMigration(`name_${c}`), nameSkeleton(`name_${c}`), c);
  assert.equal(skeletonAtMigration('OfficiaIsupp0rt'), nameSkeleton('officialsupport'));
});

test('a database holding look-alike names migrates; the oldest keeps the skeleton and new look-alikes are refused', async () => {
  await migrateUpTo(db, '2026-11-23-05-bot-messages');
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
