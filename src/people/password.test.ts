import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePassword, hashPassword, isPasswordHash, verifyPassword } from './password.ts';

test('a password verifies against its hash and nothing else', async () => {
  const hash = await hashPassword('correct horse battery staple');
  assert.match(hash, /^scrypt\$16\$8\$1\$[\w-]+\$[\w-]+$/);
  assert.ok(isPasswordHash(hash));
  assert.equal(await verifyPassword('correct horse battery staple', hash), true);
  assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
  assert.notEqual(await hashPassword('correct horse battery staple'), hash, 'salted');
});

test('malformed or hostile hashes never verify', async () => {
  for (const bad of ['', 'plain', 'scrypt$30$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5', 'bcrypt$10$x$y$z$w']) {
    assert.equal(isPasswordHash(bad), false, bad);
    assert.equal(await verifyPassword('x', bad), false, bad);
  }
});

test('generated passwords are long and distinct', () => {
  const a = generatePassword();
  assert.equal(a.length, 24);
  assert.notEqual(a, generatePassword());
});
