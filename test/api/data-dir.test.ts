// The data directory is the server's alone (issue 8): 0700, with the database, its -wal/-shm files,
// the media store and the server secret 0600; a directory left looser is tightened at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestApp } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';

const modeOf = async (p: string) => (await stat(p)).mode & 0o777;
const octal = (m: number) => m.toString(8);

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out.push(p);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
  }
  return out;
}

test('a fresh data directory is 0700 and everything in it is 0600 (directories 0700)', async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'vigil-modes-'));
  const dataDir = path.join(parent, 'data');
  const t = await startTestApp({ dataDir });
  try {
    const api = apiClient(t.app);
    const { token } = await api.account('Uploader');
    assert.equal((await api.call('POST', '/api/v1/media', { token, raw: await pngImage(32, 32), contentType: 'image/png' })).status, 201);
    assert.equal(octal(await modeOf(dataDir)), '700');
    const entries = await filesUnder(dataDir);
    const names = entries.map((p) => path.relative(dataDir, p));
    assert.ok(names.includes('secret'), names.join(', '));
    assert.ok(
      names.some((n) => n.startsWith(`media${path.sep}`) && !n.endsWith('.tmp') && n.split(path.sep).length === 3),
      names.join(', '),
    );
    if (t.ctx.dialect === 'sqlite')
      for (const f of ['vigil.sqlite', 'vigil.sqlite-wal', 'vigil.sqlite-shm']) assert.ok(names.includes(f), `${f} in ${names.join(', ')}`);
    for (const p of entries) {
      const want = (await stat(p)).isDirectory() ? '700' : '600';
      assert.equal(octal(await modeOf(p)), want, path.relative(dataDir, p));
    }
  } finally {
    await t.close();
    await rm(parent, { recursive: true, force: true });
  }
});

test('a data directory and database left readable by others are tightened at start', async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'vigil-modes-'));
  const dataDir = path.join(parent, 'data');
  await mkdir(path.join(dataDir, 'media'), { recursive: true });
  await chmod(dataDir, 0o755);
  await chmod(path.join(dataDir, 'media'), 0o755);
  for (const f of ['vigil.sqlite', 'vigil.sqlite-wal', 'vigil.sqlite-shm']) {
    await writeFile(path.join(dataDir, f), '');
    await chmod(path.join(dataDir, f), 0o644);
  }
  await writeFile(path.join(dataDir, 'secret'), `${'s'.repeat(43)}\n`);
  await chmod(path.join(dataDir, 'secret'), 0o644);
  const t = await startTestApp({ dataDir });
  try {
    assert.equal(octal(await modeOf(dataDir)), '700');
    assert.equal(octal(await modeOf(path.join(dataDir, 'media'))), '700');
    assert.equal(octal(await modeOf(path.join(dataDir, 'secret'))), '600');
    if (t.ctx.dialect === 'sqlite')
      for (const f of ['vigil.sqlite', 'vigil.sqlite-wal', 'vigil.sqlite-shm']) assert.equal(octal(await modeOf(path.join(dataDir, f))), '600', f);
  } finally {
    await t.close();
    await rm(parent, { recursive: true, force: true });
  }
});
