// `vigil jobs list` and `vigil jobs retry` as an operator runs them: a real process on a temp data dir
// (or a fresh PostgreSQL database when VIGIL_DATABASE_URL is set).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runVigil } from '../helpers/cli-process.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freshPostgres } from '../helpers/test-app.ts';
import { openDatabase } from '../../src/db/database.ts';
import { JobsRepository } from '../../src/jobs/jobs.repository.ts';

let dir: string;
let databaseUrl = '';
let drop: (() => Promise<void>) | undefined;
const vigil = (...args: string[]) => runVigil({ dataDir: path.join(dir, 'data'), databaseUrl }, args);

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-jobs-cli-'));
  if (process.env.VIGIL_DATABASE_URL) ({ url: databaseUrl, drop } = await freshPostgres(process.env.VIGIL_DATABASE_URL));
});
after(async () => {
  await drop?.();
  await rm(dir, { recursive: true, force: true });
});

test('list shows counts and dead jobs; retry queues a dead job again, once', async () => {
  const empty = await vigil('jobs', 'list');
  assert.equal(empty.code, 0, empty.stderr);
  assert.match(empty.stdout, /no jobs/);

  const { db } = openDatabase({ dataDir: path.join(dir, 'data'), databaseUrl });
  try {
    const at = new Date().toISOString();
    await new JobsRepository(db).insert({
      id: 'job_cli_dead',
      kind: 'test.cli',
      payload: '{}',
      state: 'dead',
      attempts: 3,
      max_attempts: 3,
      run_at: at,
      locked_by: null,
      locked_until: null,
      last_error: 'the far end is down',
      dedupe_key: null,
      created_at: at,
      finished_at: at,
    });
  } finally {
    await db.destroy();
  }

  const list = await vigil('jobs', 'list');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /test\.cli\tdead\t1/);
  assert.match(list.stdout, /dead: 1/);
  assert.match(list.stdout, /job_cli_dead\ttest\.cli\tdead\t3\/3 attempts\tdead since .*\tthe far end is down/);

  const retry = await vigil('jobs', 'retry', 'job_cli_dead');
  assert.equal(retry.code, 0, retry.stderr);
  assert.match(retry.stdout, /job_cli_dead \(test\.cli\) queued again/);
  assert.match((await vigil('jobs', 'list')).stdout, /test\.cli\tqueued\t1/);

  const again = await vigil('jobs', 'retry', 'job_cli_dead');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /only failed or dead jobs can be retried/);
});
