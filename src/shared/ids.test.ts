import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId, newTimeOrderedId } from './ids.ts';

test('random identifiers: prefix, 16 characters of [0-9a-z], no repeats', () => {
  const ids = Array.from({ length: 5000 }, () => newId('ch'));
  for (const id of ids) assert.match(id, /^ch_[0-9a-z]{16}$/);
  assert.equal(new Set(ids).size, ids.length);
});

test('time-ordered identifiers sort by the millisecond they were made in, and do not repeat within one', async () => {
  const first = Array.from({ length: 2000 }, () => newTimeOrderedId('rep'));
  await new Promise((r) => setTimeout(r, 3));
  const later = newTimeOrderedId('rep');
  for (const id of first) {
    assert.match(id, /^rep_[0-9a-z]{17}$/);
    assert.ok(id < later, `${id} sorts before ${later}`);
  }
  assert.equal(new Set(first).size, first.length);
  const at = Number.parseInt(later.slice(4, 13), 36);
  assert.ok(Math.abs(at - Date.now()) < 1000);
});
