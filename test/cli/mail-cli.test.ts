// `vigil mail ingest` and `vigil mail outbox` as an operator runs them on SQLite: a mail naming nothing
// hosted gets the answer saying what is needed, in the mail's language; the outbox prints it.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runVigil } from '../helpers/cli-process.ts';

test('vigil mail ingest files a mail and vigil mail outbox prints its answer; a missing file is an error', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-mail-'));
  try {
    const eml = path.join(dir, 'question.eml');
    await writeFile(
      eml,
      'From: Ahmet <ahmet@example.com.tr>\r\nSubject: Dolandırıcılık\r\nMessage-ID: <tr-1@example.com.tr>\r\n\r\nMerhaba, bu kanal insanları dolandırıyor, lütfen kapatın.\r\n',
    );
    const where = { dataDir: path.join(dir, 'data'), databaseUrl: '' };
    const ingest = await runVigil(where, ['mail', 'ingest', eml, path.join(dir, 'missing.eml')], { timeout: 120_000 });
    assert.equal(ingest.code, 1, 'the missing file fails the command');
    assert.match(ingest.stdout, /question\.eml: plain mail mail_\S+: 0 report\(s\); answer out_\S+ \(no_subject, tr\)/);
    assert.match(ingest.stderr, /missing\.eml: error:/);
    const outbox = await runVigil(where, ['mail', 'outbox'], { timeout: 120_000 });
    assert.equal(outbox.code, 0, outbox.stderr);
    assert.match(outbox.stdout, /no_subject to ahmet@example\.com\.tr \(tr\) not sent/);
    assert.match(outbox.stdout, /E-postanızın neyi bildirdiğini bulamadık/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
