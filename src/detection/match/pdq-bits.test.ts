import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPdqHex, parsePdqHex, popcount32, slotValue } from './pdq-bits.ts';
import { randomHex, seededRandom } from './pdq-test-hashes.ts';

const parse = (hex: string) => {
  const words = new Uint32Array(8);
  parsePdqHex(hex, words, 0);
  return words;
};

test('hex round-trips and uppercase parses the same', () => {
  const next = seededRandom(1);
  for (let i = 0; i < 200; i++) {
    const hex = randomHex(next);
    assert.equal(formatPdqHex(parse(hex), 0), hex);
    assert.deepEqual(parse(hex.toUpperCase()), parse(hex));
  }
});

test('slot i is the reference 16-bit word w[i]; the hex prints w[15] first', () => {
  const hex = `000f${'0'.repeat(56)}0003`;
  const words = parse(hex);
  assert.equal(slotValue(words, 0, 0), 3);
  assert.equal(slotValue(words, 0, 15), 0x000f);
  for (let slot = 1; slot < 15; slot++) assert.equal(slotValue(words, 0, slot), 0);
  // Each 4-hex group is one slot, slot 15 leftmost.
  const groups = Array.from({ length: 16 }, (_, i) => (i + 1).toString(16).padStart(4, '0'))
    .reverse()
    .join('');
  const w = parse(groups);
  for (let slot = 0; slot < 16; slot++) assert.equal(slotValue(w, 0, slot), slot + 1);
});

test('malformed hashes throw a clear error', () => {
  const good = 'a'.repeat(64);
  const bad: unknown[] = [
    good.slice(1),
    `${good}a`,
    '',
    `g${good.slice(1)}`,
    `${good.slice(0, 63)} `,
    `${good.slice(0, 10)}-${good.slice(11)}`,
    // Char codes whose low 7 bits are hex digits must not alias them.
    `\u00b0${good.slice(1)}`,
    `${good.slice(0, 63)}\u0161`,
    null,
    12345,
  ];
  for (const hex of bad) assert.throws(() => parse(hex as string), /malformed PDQ hash/);
});

test('popcount32 agrees with counting bits one by one', () => {
  const next = seededRandom(2);
  const naive = (x: number) => {
    let n = 0;
    for (let i = 0; i < 32; i++) n += (x >>> i) & 1;
    return n;
  };
  for (const x of [0, 1, -1, 0x80000000, 0xffffffff, 0x7fffffff, 0x55555555]) assert.equal(popcount32(x), naive(x));
  for (let i = 0; i < 1000; i++) {
    const x = next();
    assert.equal(popcount32(x), naive(x));
    assert.equal(popcount32(x | 0), naive(x));
  }
});
