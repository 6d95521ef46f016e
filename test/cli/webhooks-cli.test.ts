// `vigil webhooks list` as an operator runs it: a real process on a temp data dir (or a fresh PostgreSQL
// database when VIGIL_DATABASE_URL is set).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runVigil } from '../helpers/cli-process.ts';
import { freshPostgres } from '../helpers/test-app.ts';
import { openDatabase } from '../../src/db/database.ts';
import { WebhooksRepository } from '../../src/enforcement/webhooks.repository.ts';

let dir: string;
let databaseUrl = '';
let drop: (() => Promise<void>) | undefined;
const vigil = (...args: string[]) => runVigil({ dataDir: path.join(dir, 'data'), databaseUrl }, args);

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-webhooks-cli-'));
  if (process.env.VIGIL_DATABASE_URL) ({ url: databaseUrl, drop } = await freshPostgres(process.env.VIGIL_DATABASE_URL));
});
after(async () => {
  await drop?.();
  await rm(dir, { recursive: true, force: true });
});

test('list shows every endpoint and its last deliveries', async () => {
  const empty = await vigil('webhooks', 'list');
  assert.equal(empty.code, 0, empty.stderr);
  assert.match(empty.stdout, /no webhook endpoints/);

  const { db } = openDatabase({ dataDir: path.join(dir, 'data'), databaseUrl });
  try {
    const at = new Date().toISOString();
    const repo = new WebhooksRepository(db);
    await repo.insertEndpoint({
      id: 'whe_cli',
      platform: 'forum',
      url: 'https://forum.example/hooks',
      events: '["case.opened"]',
      secret: 'v1.sealed',
      previous_secret: null,
      previous_secret_until: null,
      created_by: 'test',
      created_at: at,
    });
    await repo.insertDelivery({
      id: 'whd_cli',
      endpoint_id: 'whe_cli',
      message_id: 'msg_cli',
      event_type: 'case.opened',
      payload: '{}',
      state: 'dead',
      attempts: 8,
      last_status: 503,
      last_error: 'the receiver answered 503',
      first_attempt_at: at,
      last_attempt_at: at,
      next_attempt_at: null,
      delivered_at: null,
      job_id: null,
      created_at: at,
    });
  } finally {
    await db.destroy();
  }
  const listed = await vigil('webhooks', 'list');
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /whe_cli\tforum\thttps:\/\/forum\.example\/hooks\tcase\.opened/);
  assert.match(listed.stdout, /whd_cli\tcase\.opened\tdead\t8 attempts\t.*HTTP 503/);
});
