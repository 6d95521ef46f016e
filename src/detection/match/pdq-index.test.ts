import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PdqIndex } from './pdq-index.ts';
import { LinearOracle, bitsPerSlot, flipBits, neighbour, randomHex, seededRandom } from './pdq-test-hashes.ts';

// Per-slot distances of the pigeonhole's tightest case for d = 16r + 15: slot `at` unchanged, its
// successor at the tag limit 2r + 1, every other slot one bit beyond the radius r. Only slot `at`
// may report such a match.
function tightCase(d: number, at: number): number[] {
  const r = Math.floor(d / 16);
  const perSlot = Array.from({ length: 16 }, () => r + 1);
  perSlot[at] = 0;
  perSlot[(at + 1) % 16] = 2 * r + 1;
  assert.equal(
    perSlot.reduce((a, b) => a + b),
    d,
  );
  return perSlot;
}

function expectSameAsOracle(index: PdqIndex, oracle: LinearOracle, queries: string[], distances: number[]): void {
  for (const q of queries) {
    for (const d of distances) assert.deepEqual(index.query(q, d), oracle.query(q, d), `query ${q} at d=${d}`);
  }
}

test('recall is exact against a linear scan at d = 0…63, with neighbours planted at every distance', () => {
  const next = seededRandom(10);
  const index = new PdqIndex();
  const oracle = new LinearOracle();
  let id = 1;
  const add = (hex: string) => {
    index.add(id, hex);
    oracle.set(id++, hex);
  };
  for (let i = 0; i < 6000; i++) add(randomHex(next));
  const queries = Array.from({ length: 16 }, () => randomHex(next));
  for (const [qi, q] of queries.entries()) {
    for (let distance = 0; distance <= 72; distance++) add(neighbour(next, q, distance));
    for (const d of [15, 31, 47, 63]) {
      // The tight case at exactly d must be found; one more bit anywhere must not.
      const bits = bitsPerSlot(next, tightCase(d, qi));
      add(flipBits(q, bits));
      const spare = [...Array(256).keys()].find((b) => !bits.includes(b))!;
      add(flipBits(q, [...bits, spare]));
    }
  }
  expectSameAsOracle(index, oracle, queries, [0, 1, 15, 16, 30, 31, 32, 47, 48, 63]);

  const at31 = index.query(queries[0]);
  assert.deepEqual(
    at31
      .map((m) => m.distance)
      .filter((d, i, all) => all.indexOf(d) === i)
      .slice(0, 32),
    [...Array(32).keys()],
  );
  assert.ok(at31.every((m) => m.distance <= 31));
});

test('the default and configured maxDistance bound queries; distances outside 0…63 are rejected', () => {
  const next = seededRandom(11);
  const q = randomHex(next);
  const index = new PdqIndex({ maxDistance: 10 });
  index.add(1, neighbour(next, q, 10));
  index.add(2, neighbour(next, q, 11));
  assert.deepEqual(index.query(q), [{ id: 1, distance: 10 }]);
  assert.deepEqual(new PdqIndex().maxDistance, 31);
  assert.equal(index.query(q, 11).length, 2);
  for (const d of [-1, 64, 1.5, Number.NaN]) {
    assert.throws(() => index.query(q, d), RangeError);
    assert.throws(() => new PdqIndex({ maxDistance: d }), RangeError);
  }
});

test('results are sorted by distance, then id', () => {
  const next = seededRandom(12);
  const q = randomHex(next);
  const index = new PdqIndex();
  const near = neighbour(next, q, 3);
  for (const id of [50, 7, 30]) index.add(id, near);
  index.add(9, q);
  index.add(8, neighbour(next, q, 20));
  assert.deepEqual(index.query(q), [
    { id: 9, distance: 0 },
    { id: 7, distance: 3 },
    { id: 30, distance: 3 },
    { id: 50, distance: 3 },
    { id: 8, distance: 20 },
  ]);
});

test('adds, removals and replacements stay exact before and after delta merges and compaction', () => {
  const next = seededRandom(13);
  const index = new PdqIndex();
  const oracle = new LinearOracle();
  const queries = Array.from({ length: 12 }, () => randomHex(next));
  const near = () => neighbour(next, queries[next() % queries.length], next() % 40);
  const put = (id: number, hex: string) => {
    index.add(id, hex);
    oracle.set(id, hex);
  };
  const remove = (id: number) => assert.equal(index.remove(id), oracle.delete(id));
  const check = () => {
    assert.equal(index.size, oracle.hashes.size);
    expectSameAsOracle(index, oracle, queries, [31, 47]);
  };

  check(); // empty
  for (let id = 1; id <= 5000; id++) put(id, id % 10 === 0 ? near() : randomHex(next));
  check(); // the first query merges 5,000 pending entries into postings
  for (let id = 5001; id <= 5100; id++) put(id, near());
  check(); // 100 in the delta, scanned linearly
  index.build();
  check(); // merged in place: the postings arrays had headroom for 100 more
  for (let id = 10; id <= 5100; id += 97) remove(id); // from postings and delta alike
  remove(999999);
  check();
  for (let id = 20; id <= 5100; id += 53) put(id, near()); // replace: old slot vacated
  check();
  for (let id = 5101; id <= 7300; id++) put(id, randomHex(next));
  check(); // > 2,048 pending: the query merges them
  const beforeCompaction = index.memoryBytes();
  for (let id = 1; id <= 7300; id++) if (id % 10 !== 0) remove(id); // > 2,048 vacancies: compact
  check();
  assert.ok(index.memoryBytes() < beforeCompaction, 'compaction gave memory back');
  for (let id = 1; id <= 300; id++) put(id, near()); // re-add withdrawn ids
  check();
  assert.ok(index.has(300) && !index.has(301) && index.has(7300));
  for (const id of [...oracle.hashes.keys()]) remove(id);
  check();
  assert.equal(index.size, 0);
});

test('an index past 65,536 entries (tags spill into the extension bytes) stays exact', () => {
  const next = seededRandom(14);
  const index = new PdqIndex();
  const oracle = new LinearOracle();
  const queries = Array.from({ length: 6 }, () => randomHex(next));
  const n = 70_000;
  const ids: number[] = [];
  const hexes: string[] = [];
  for (let i = 0; i < n; i++) {
    const hex = i % 50 === 0 ? neighbour(next, queries[i % 6], i % 64) : randomHex(next);
    ids.push(3 * i + 1); // sparse ids
    hexes.push(hex);
    oracle.set(3 * i + 1, hex);
  }
  index.addMany(ids, hexes);
  assert.equal(index.size, n);
  expectSameAsOracle(index, oracle, queries, [31, 63]);
});

test('malformed hashes and ids throw and leave the index unchanged', () => {
  const next = seededRandom(15);
  const hex = randomHex(next);
  const index = new PdqIndex();
  index.add(1, hex);
  assert.throws(() => index.add(1, hex.slice(2)), /malformed PDQ hash: expected 64 hex characters/);
  assert.throws(() => index.add(2, `z${hex.slice(1)}`), /malformed PDQ hash/);
  assert.throws(() => index.query('abc'), /malformed PDQ hash/);
  for (const id of [0, -1, 1.5, 2 ** 31, Number.NaN]) {
    assert.throws(() => index.add(id, hex), RangeError);
    assert.throws(() => index.remove(id), RangeError);
  }
  assert.throws(() => index.addMany([1, 2], [hex]), /2 ids but 1 hashes/);
  assert.equal(index.size, 1);
  assert.deepEqual(index.query(hex), [{ id: 1, distance: 0 }]);
});

test('memoryBytes stays near 123 bytes an entry once built, with or without reserve()', () => {
  const next = seededRandom(16);
  const n = 100_000;
  const hexes = Array.from({ length: n }, () => randomHex(next));
  const reserved = new PdqIndex();
  const grown = new PdqIndex(); // grows by 1.5× and is trimmed by build()
  const empty = reserved.memoryBytes();
  reserved.reserve(n);
  hexes.forEach((hex, i) => {
    reserved.add(i + 1, hex);
    grown.add(i + 1, hex);
  });
  reserved.build();
  grown.build();
  // 32 hash + 16 × (4 posting + 1 tag byte) + 4 id + ~7 id table, plus 4 MB of bucket offsets.
  for (const index of [reserved, grown]) {
    const perEntry = (index.memoryBytes() - empty) / n;
    assert.ok(perEntry > 110 && perEntry < 175, `${perEntry} bytes an entry`);
  }
  assert.ok(grown.memoryBytes() < reserved.memoryBytes() * 1.05);
});
