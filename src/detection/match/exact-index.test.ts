import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ExactIndex } from './exact-index.ts';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('looks up ids by digest, case-insensitively, for MD5 and SHA-256', () => {
  const index = new ExactIndex('md5');
  index.add(1, md5('a'));
  index.add(2, md5('b'));
  assert.deepEqual(index.lookup(md5('a')), [1]);
  assert.deepEqual(index.lookup(md5('a').toUpperCase()), [1]);
  assert.deepEqual(index.lookup(md5('c')), []);
  const sha = new ExactIndex('sha256');
  sha.add(5, sha256('a'));
  assert.deepEqual(sha.lookup(sha256('a')), [5]);
  assert.equal(sha.size, 1);
  const either = new ExactIndex();
  either.add(1, md5('a'));
  either.add(2, sha256('a'));
  assert.deepEqual(either.lookup(md5('a')), [1]);
  assert.deepEqual(either.lookup(sha256('a')), [2]);
  assert.throws(() => either.lookup('ab'), /malformed md5 or sha256 digest: expected 32 or 64 hex/);
});

test('shared digests list every id; removal and replacement keep the lists right', () => {
  const index = new ExactIndex('sha256');
  const x = sha256('x');
  const y = sha256('y');
  for (const id of [30, 10, 20]) index.add(id, x);
  assert.deepEqual(index.lookup(x), [10, 20, 30]);
  assert.equal(index.remove(20), true);
  assert.equal(index.remove(20), false);
  assert.deepEqual(index.lookup(x), [10, 30]);
  index.add(10, y); // replace: 10 moves from x to y
  assert.deepEqual(index.lookup(x), [30]);
  assert.deepEqual(index.lookup(y), [10]);
  index.add(30, y);
  assert.deepEqual(index.lookup(x), []);
  assert.deepEqual(index.lookup(y), [10, 30]);
  assert.ok(index.has(30) && !index.has(20));
  assert.equal(index.size, 2);
  // The returned list is a copy.
  index.lookup(y).push(99);
  assert.deepEqual(index.lookup(y), [10, 30]);
});

test('malformed digests, ids and algorithms throw', () => {
  const index = new ExactIndex('md5');
  for (const bad of [sha256('a'), md5('a').slice(1), 'g'.repeat(32), ' '.repeat(32), '']) {
    assert.throws(() => index.add(1, bad), /malformed md5 digest/);
    assert.throws(() => index.lookup(bad), /malformed md5 digest/);
  }
  for (const id of [0, -1, 1.5]) assert.throws(() => index.add(id, md5('a')), RangeError);
  assert.throws(() => new ExactIndex('sha1' as 'md5'), /unknown digest algorithm/);
  assert.equal(index.size, 0);
});
