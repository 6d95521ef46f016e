// The node:sqlite adapter prepares each SQL text once (a bounded cache, least recently used first out)
// and counts the statements it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqlite, sqliteStatementsRun, STATEMENT_CACHE_SIZE } from '../../src/db/sqlite-adapter.ts';

test('a statement is prepared once per SQL text, the cache is bounded, and runs are counted', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-adapter-'));
  const db = openSqlite(path.join(dir, 'a.sqlite'));
  try {
    db.prepare('create table t (x integer)').run([]);
    const insert = db.prepare('insert into t (x) values (?)');
    assert.equal(db.prepare('insert into t (x) values (?)'), insert, 'the same SQL gives back the prepared statement');
    const before = sqliteStatementsRun();
    insert.run([1]);
    db.prepare('insert into t (x) values (?)').run([true]);
    assert.deepEqual(db.prepare('select x from t order by x').all([]), [{ x: 1 }, { x: 1 }]);
    assert.equal(sqliteStatementsRun() - before, 3);
    // Iterating twice at once from one SQL text: each stream reads its own rows.
    const select = db.prepare('select x from t');
    const outer = [...select.iterate([])].length;
    const nested = [] as number[];
    for (const _ of select.iterate([])) nested.push([...db.prepare('select x from t').iterate([])].length);
    assert.deepEqual([outer, nested], [2, [2, 2]]);
    // More distinct texts than the cache holds: the least recently used is prepared again, the rest are kept.
    for (let i = 0; i <= STATEMENT_CACHE_SIZE; i++) db.prepare(`select ${i} as n`).all([]);
    assert.notEqual(db.prepare('insert into t (x) values (?)'), insert, 'evicted after as many newer texts as the cache holds');
    assert.equal(db.prepare(`select ${STATEMENT_CACHE_SIZE} as n`), db.prepare(`select ${STATEMENT_CACHE_SIZE} as n`));
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});
