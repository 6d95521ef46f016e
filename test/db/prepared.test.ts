// A prepared query runs the same SQL with the same parameters as the query built anew each time, on the
// database under test (SQLite, or PostgreSQL with VIGIL_DATABASE_URL), and finds the same rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { prepared } from '../../src/db/prepared.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

test('a prepared query compiles once and runs like the query it was written as', async () => {
  const { db, close } = await freshDatabase();
  try {
    await migrateToLatest(db);
    let builds = 0;
    const byOwner = prepared((d, p: { owner: string; since: string }) => {
      builds++;
      return d
        .selectFrom('channels')
        .select(['handle', 'subscriber_count'])
        .where('owner_id', '=', p.owner)
        .where((eb) => eb.or([eb('created_at', '>=', p.since), eb('handle', '=', p.owner)])) // one value used twice
        .where('subscriber_count', '>=', 0) // a constant stays in place
        .orderBy('handle');
    });
    const direct = (owner: string, since: string) =>
      db
        .selectFrom('channels')
        .select(['handle', 'subscriber_count'])
        .where('owner_id', '=', owner)
        .where((eb) => eb.or([eb('created_at', '>=', since), eb('handle', '=', owner)]))
        .where('subscriber_count', '>=', 0)
        .orderBy('handle')
        .compile();
    for (const [owner, since] of [
      ['acc_1', '2026-01-01'],
      ['acc_2', '2020-01-01'],
    ] as const) {
      const mine = byOwner.compile(db, { owner, since });
      const theirs = direct(owner, since);
      assert.equal(mine.sql, theirs.sql);
      assert.deepEqual(mine.parameters, theirs.parameters);
    }
    assert.equal(builds, 1, 'built and compiled once for this database');

    await sql`insert into accounts (id, display_name, token_hash, created_at) values ('acc_1', 'A', 'h1', '2026-01-01T00:00:00Z')`.execute(db);
    await sql`insert into channels (id, handle, handle_lower, title, description, owner_id, subscriber_count, created_at)
      values ('ch_1', 'News', 'news', 'News', '', 'acc_1', 5, '2026-02-01T00:00:00Z')`.execute(db);
    const rows = (await byOwner.execute(db, { owner: 'acc_1', since: '2026-01-15' })).rows;
    assert.deepEqual(rows, [{ handle: 'News', subscriber_count: 5 }]);
    assert.deepEqual((await byOwner.execute(db, { owner: 'acc_1', since: '2026-03-01' })).rows, []);
    // Inside a transaction too, with the same compiled text.
    const inTrx = await db.transaction().execute(async (trx) => (await byOwner.execute(trx, { owner: 'acc_1', since: '2026-01-01' })).rows);
    assert.equal(inTrx.length, 1);
    assert.equal(builds, 1);
  } finally {
    await close();
  }
});
