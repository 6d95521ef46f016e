import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePdqHex } from './pdq-bits.ts';
import { PostingsProbe } from './postings-probe.ts';
import { buildPostings } from './slot-postings.ts';
import { LinearOracle, neighbour, randomHex, seededRandom } from './pdq-test-hashes.ts';

// Indexes of 2^24+ entries keep only part of each tag; a small index built with as many entry bits
// exercises that truncated-tag path without allocating gigabytes.
test('the probe stays exact when postings keep fewer tag bits (entryBits 16…27)', () => {
  const next = seededRandom(20);
  const queries = Array.from({ length: 8 }, () => randomHex(next));
  const hexes: string[] = [];
  for (let i = 0; i < 3000; i++) hexes.push(i % 4 === 0 ? neighbour(next, queries[i % 8], i % 70) : randomHex(next));
  const words = new Uint32Array(hexes.length * 8);
  const slotIds = new Int32Array(hexes.length);
  const oracle = new LinearOracle();
  hexes.forEach((hex, s) => {
    parsePdqHex(hex, words, s * 8);
    slotIds[s] = s + 1;
    oracle.set(s + 1, hex);
  });
  const probe = new PostingsProbe();
  const q = new Uint32Array(8);
  for (const entryBits of [16, 20, 24, 25, 27]) {
    const postings = buildPostings(null, words, hexes.length, entryBits);
    for (const query of queries) {
      parsePdqHex(query, q, 0);
      for (const d of [31, 63]) {
        const ids: number[] = [];
        const distances: number[] = [];
        probe.run(postings, words, slotIds, q, d, ids, distances);
        const found = ids.map((id, i) => ({ id, distance: distances[i] })).sort((a, b) => a.distance - b.distance || a.id - b.id);
        assert.deepEqual(found, oracle.query(query, d), `entryBits ${entryBits}, d=${d}`);
      }
    }
  }
});
