// `vigil banks …` and `vigil pdq` as an operator runs them: a real process on a temp data dir
// (or a fresh PostgreSQL database when VIGIL_DATABASE_URL is set).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runVigil } from '../helpers/cli-process.ts';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freshPostgres } from '../helpers/test-app.ts';
import { patternImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

const hex = (i: number) => i.toString(16).padStart(8, '0').repeat(8);

describe('vigil banks and pdq commands', () => {
  let dir: string;
  let databaseUrl = '';
  let drop: (() => Promise<void>) | undefined;
  const vigil = (...args: string[]) => runVigil({ dataDir: path.join(dir, 'data'), databaseUrl }, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-banks-cli-'));
    if (process.env.VIGIL_DATABASE_URL) ({ url: databaseUrl, drop } = await freshPostgres(process.env.VIGIL_DATABASE_URL));
  });
  after(async () => {
    await drop?.();
    await rm(dir, { recursive: true, force: true });
  });

  test('import refuses a list with malformed lines, naming each line, and imports nothing', async () => {
    assert.equal((await vigil('banks', 'create', 'known-terror', '--category', 'terrorism')).code, 0);
    const file = path.join(dir, 'bad.txt');
    await writeFile(file, `${hex(1)}\npdq ${hex(2).slice(2)}\n# a comment\nurl,https://example.org\n`);
    const r = await vigil('banks', 'import', 'known-terror', file);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.txt:2: malformed pdq hash/);
    assert.match(r.stderr, /bad\.txt:4: unsupported signal type "url"/);
    assert.match(r.stderr, /nothing was imported/);
    assert.match((await vigil('banks', 'list')).stdout, /known-terror\tterrorism\t0 active/);
  });

  test('a large CSV list imports with progress, skips duplicates, and exports back', async () => {
    const lines = ['signal_type,signal_str,collab,category,tags'];
    for (let i = 1; i <= 20_000; i++) lines.push(`pdq,${hex(i)},demo,terrorism,`);
    lines.push(`pdq,${hex(1)},demo,terrorism,`); // a duplicate
    lines.push('video_md5,d41d8cd98f00b204e9800998ecf8427e,demo,terrorism,');
    const file = path.join(dir, 'big.csv');
    await writeFile(file, lines.join('\n'));
    const r = await vigil('banks', 'import', 'known-terror', file);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /imported 20001 new entries into known-terror \(1 already present, 0 skipped\)/);
    assert.match(r.stderr, /reading .*100% \| 20003 lines/, 'a progress bar on large files');
    const out = path.join(dir, 'export.csv');
    assert.equal((await vigil('banks', 'export', 'known-terror', '--out', out)).code, 0);
    const exported = (await readFile(out, 'utf8')).trim().split('\n');
    assert.equal(exported[0], 'signal_type,signal_str,status,origin,label');
    assert.equal(exported.length, 20002);
    assert.ok(exported.includes(`pdq,${hex(20000)},active,import,demo terrorism`) || exported.some((l) => l.startsWith(`pdq,${hex(20000)},active,import`)));
  });

  test('vigil pdq prints hash,quality,filename like the reference tool and reports unreadable files', async () => {
    const img = path.join(dir, 'picture.png');
    await writeFile(img, await patternImage(11));
    const junk = path.join(dir, 'notes.txt');
    await writeFile(junk, 'not an image');
    const expected = await pdqHashFile(await readFile(img));
    const r = await vigil('pdq', img, junk);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trim(), `${expected.hash},${expected.quality},${img}`);
    assert.match(r.stderr, /notes\.txt/);
  });
});
