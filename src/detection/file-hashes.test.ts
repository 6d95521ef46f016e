import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md5Hex, sha256Hex } from './file-hashes.ts';

test('md5 and sha256 of known inputs', () => {
  const abc = new TextEncoder().encode('abc');
  assert.equal(md5Hex(abc), '900150983cd24fb0d6963f7d28e17f72');
  assert.equal(sha256Hex(abc), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(md5Hex(new Uint8Array(0)), 'd41d8cd98f00b204e9800998ecf8427e');
});
