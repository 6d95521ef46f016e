import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPdqHex, hammingDistance, hammingDistanceWords, isPdqHex, parsePdqHex } from './hex.ts';

// A hash from the reference test data (bridge-1-original.jpg).
const BRIDGE = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

test('parse then format returns the same hex', () => {
  assert.equal(formatPdqHex(parsePdqHex(BRIDGE)), BRIDGE);
  assert.equal(formatPdqHex(parsePdqHex(BRIDGE.toUpperCase())), BRIDGE);
  assert.equal(formatPdqHex(new Uint16Array(16)), '0'.repeat(64));
});

test('the first four hex digits are word 15 and the last four word 0, as the reference prints them', () => {
  const words = parsePdqHex(BRIDGE);
  assert.equal(words[15], 0xf8f8);
  assert.equal(words[14], 0xf0ce);
  assert.equal(words[0], 0x9b22);
  const one = new Uint16Array(16);
  one[0] = 1; // bit 0: DCT coefficient (0, 0)
  assert.equal(formatPdqHex(one), `${'0'.repeat(63)}1`);
});

test('hamming distance counts differing bits', () => {
  assert.equal(hammingDistance(BRIDGE, BRIDGE), 0);
  assert.equal(hammingDistance('0'.repeat(64), 'f'.repeat(64)), 256);
  assert.equal(hammingDistance('0'.repeat(64), `8${'0'.repeat(62)}1`), 2);
  const flipped = BRIDGE.slice(0, 10) + (parseInt(BRIDGE[10], 16) ^ 0b1011).toString(16) + BRIDGE.slice(11);
  assert.equal(hammingDistance(BRIDGE, flipped), 3);
  assert.equal(hammingDistance(BRIDGE, BRIDGE.toUpperCase()), 0);
  assert.equal(hammingDistanceWords(parsePdqHex(BRIDGE), parsePdqHex(flipped)), 3);
});

test('malformed hashes are rejected with a clear error', () => {
  for (const bad of ['', BRIDGE.slice(1), `${BRIDGE}0`, `${BRIDGE.slice(0, 63)}g`, ` ${BRIDGE.slice(1)}`, `0x${BRIDGE.slice(2)}`]) {
    assert.equal(isPdqHex(bad), false, bad);
    assert.throws(() => parsePdqHex(bad), /malformed PDQ hash .*64 hexadecimal digits/);
    assert.throws(() => hammingDistance(bad, BRIDGE), /malformed PDQ hash/);
  }
  assert.equal(isPdqHex(42), false);
  assert.equal(isPdqHex(BRIDGE), true);
  assert.throws(() => formatPdqHex(new Uint16Array(8)), /16 words/);
});
