import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadServerSecret } from './server-secret.ts';
import { ServerSecret } from './secrets.ts';

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-secret-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the first start writes a 0600 secret that later starts read back', () =>
  withDir(async (dir) => {
    const first = await loadServerSecret(dir);
    const file = path.join(dir, 'secret');
    assert.equal(((await stat(file)).mode & 0o777).toString(8), '600');
    assert.ok((await readFile(file, 'utf8')).trim().length >= 32);
    const again = await loadServerSecret(dir);
    assert.deepEqual(again.mac('p', 'v'), first.mac('p', 'v'));
  }));

test('processes starting at once agree on one secret and leave no temporary file', () =>
  withDir(async (dir) => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => loadServerSecret(dir)));
    const macs = new Set(secrets.map((s) => s.mac('p', 'v').toString('hex')));
    assert.equal(macs.size, 1);
    assert.deepEqual(await readdir(dir), ['secret']);
  }));

test('VIGIL_SECRET wins over the file and must be long enough', () =>
  withDir(async (dir) => {
    const given = await loadServerSecret(dir, 'x'.repeat(40));
    assert.deepEqual(given.mac('p', 'v'), new ServerSecret(Buffer.from('x'.repeat(40))).mac('p', 'v'));
    assert.deepEqual(await readdir(dir), [], 'no file written when the secret is given');
    await assert.rejects(loadServerSecret(dir, 'short'), /VIGIL_SECRET must hold at least 32 characters/);
  }));

test('a damaged secret file stops the start instead of being replaced', () =>
  withDir(async (dir) => {
    await writeFile(path.join(dir, 'secret'), '\n', { mode: 0o600 });
    await assert.rejects(loadServerSecret(dir), /server secret/);
  }));

test('keyed hashes depend on the secret and the purpose, and the key never prints', () => {
  const a = new ServerSecret(Buffer.alloc(32, 1));
  const b = new ServerSecret(Buffer.alloc(32, 2));
  assert.notDeepEqual(a.mac('receipt', 'rep_1'), b.mac('receipt', 'rep_1'));
  assert.notDeepEqual(a.mac('receipt', 'rep_1'), a.mac('anon', 'rep_1'));
  assert.equal(JSON.stringify({ a }), '{"a":"[redacted]"}');
  assert.equal(`${a}`, '[redacted]');
  assert.ok(!inspect(a).includes('01'), inspect(a));
  assert.throws(() => new ServerSecret(Buffer.alloc(8)), /at least 32 bytes/);
});

test('sealed values open only under the same secret and purpose, and each sealing differs', () => {
  const a = new ServerSecret(Buffer.alloc(32, 1));
  const b = new ServerSecret(Buffer.alloc(32, 2));
  const sealed = a.seal('webhook-secret', 'whsec_abc');
  assert.notEqual(sealed, a.seal('webhook-secret', 'whsec_abc'));
  assert.ok(!sealed.includes('whsec_abc'));
  assert.equal(a.unseal('webhook-secret', sealed), 'whsec_abc');
  assert.throws(() => b.unseal('webhook-secret', sealed));
  assert.throws(() => a.unseal('other', sealed));
  const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
  assert.throws(() => a.unseal('webhook-secret', tampered));
});
