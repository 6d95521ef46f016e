// Group commit (src/db/group-commit.ts), on the database under test (SQLite, or PostgreSQL with
// VIGIL_DATABASE_URL): concurrent units are each atomic and committed before they resolve; a failing unit
// fails alone; on SQLite they share transactions, on PostgreSQL each has its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { isPostgres } from '../../src/db/dialect-sql.ts';
import { groupCommitStats, writeTransaction } from '../../src/db/group-commit.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

async function withTable(run: (db: Db) => Promise<void>): Promise<void> {
  const { db, close } = await freshDatabase();
  try {
    await sql`create table items (id text primary key, n integer not null)`.execute(db);
    await run(db);
  } finally {
    await close();
  }
}

const insert = (trx: Db, id: string, n = 0) => sql`insert into items (id, n) values (${id}, ${n})`.execute(trx);
const ids = async (db: Db) => (await sql<{ id: string }>`select id from items order by id`.execute(db)).rows.map((r) => r.id);

test('concurrent units all commit, each before it resolves, and on SQLite share transactions', async () => {
  await withTable(async (db) => {
    const before = groupCommitStats(db);
    const done = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writeTransaction(db, async (trx) => {
          await insert(trx, `u${String(i).padStart(2, '0')}`, i);
          return i;
        }).then(async (i) => {
          // Resolved means committed: another connection's view is not needed, the row is there for any reader.
          const row = await sql<{ n: number }>`select n from items where id = ${`u${String(i).padStart(2, '0')}`}`.execute(db);
          return Number(row.rows[0]?.n);
        }),
      ),
    );
    assert.deepEqual(
      done,
      Array.from({ length: 40 }, (_, i) => i),
    );
    assert.equal((await ids(db)).length, 40);
    const after = groupCommitStats(db);
    if (isPostgres(db)) {
      assert.equal(after.units - before.units, 0, 'PostgreSQL runs each unit in its own transaction');
    } else {
      assert.equal(after.units - before.units, 40);
      assert.ok(after.batches - before.batches < 40, `40 units in ${after.batches - before.batches} transactions`);
      assert.ok(after.batches - before.batches >= 2, 'at most 32 units a transaction');
    }
  });
});

test('a unit that fails rolls back alone: the units before and after it in the batch commit', async () => {
  await withTable(async (db) => {
    const results = await Promise.allSettled([
      writeTransaction(db, (trx) => insert(trx, 'a')),
      writeTransaction(db, async (trx) => {
        await insert(trx, 'b-half-written');
        await insert(trx, 'a'); // primary key violation: the whole unit is undone
      }),
      writeTransaction(db, (trx) => insert(trx, 'c')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(await ids(db), ['a', 'c']);
  });
});

test('a unit reads what the units before it in the same batch wrote', async (t) => {
  await withTable(async (db) => {
    if (isPostgres(db)) {
      t.diagnostic('SQLite only: PostgreSQL units run concurrently, under their own locks');
      return;
    }
    const bump = () =>
      writeTransaction(db, async (trx) => {
        const r = await sql<{ n: number }>`select n from items where id = 'counter'`.execute(trx);
        const n = Number(r.rows[0]?.n ?? 0) + 1;
        if (n === 1) await insert(trx, 'counter', 1);
        else await sql`update items set n = ${n} where id = 'counter'`.execute(trx);
        return n;
      });
    const seen = await Promise.all(Array.from({ length: 20 }, bump));
    // The units run one after another, so each sees the count the one before it left.
    assert.deepEqual(
      seen,
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const final = await sql<{ n: number }>`select n from items where id = 'counter'`.execute(db);
    assert.equal(Number(final.rows[0]?.n), 20);
  });
});

test('when the batch itself cannot go on, every unit of it fails and nothing of it is written', async (t) => {
  await withTable(async (db) => {
    if (isPostgres(db)) {
      t.diagnostic('SQLite only: PostgreSQL units have their own transactions');
      return;
    }
    const results = await Promise.allSettled([
      writeTransaction(db, (trx) => insert(trx, 'first')),
      writeTransaction(db, async (trx) => {
        await insert(trx, 'second');
        // Releasing its own savepoint and then failing leaves nothing to roll back to: the batch aborts.
        await sql`release unit`.execute(trx);
        throw new Error('boom');
      }),
      writeTransaction(db, (trx) => insert(trx, 'third')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected', 'rejected'],
    );
    assert.deepEqual(await ids(db), []);
    // The connection is usable again afterwards.
    await writeTransaction(db, (trx) => insert(trx, 'after'));
    assert.deepEqual(await ids(db), ['after']);
  });
});
