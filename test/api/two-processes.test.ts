// Two real `vigil serve` processes on one database (issue 10): a bank entry added through one API process
// blocks a matching upload through the other within two seconds. On PostgreSQL the processes poll the
// bank feed only once a minute, so what arrives in time came by the LISTEN/NOTIFY wake-up; on SQLite they
// poll every second (the default), the only transport there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { patternImage } from '../helpers/images.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

const onPostgres = Boolean(process.env.VIGIL_DATABASE_URL);

describe('two API processes on one database', () => {
  let t: TestApp;
  let admin: string;
  let owner: string;
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    // The database, a staff token and a channel, made in-process; then two servers on the same data.
    t = await startTestApp();
    const api = apiClient(t.app);
    admin = await staffToken(t, 'admin');
    owner = (await api.account('publisher')).token;
    assert.equal((await api.post('/api/v1/channels', { handle: 'two_processes', title: 'Uploads' }, { token: owner })).status, 201);
    const env = {
      VIGIL_DATA_DIR: t.config.dataDir,
      VIGIL_DATABASE_URL: t.config.databaseUrl,
      VIGIL_BANK_POLL_MS: onPostgres ? '60000' : '1000',
      VIGIL_DECODE_WORKERS: '1',
      VIGIL_ADMIN_EMAIL: '',
      VIGIL_REDIS_URL: '',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  after(async () => {
    for (const s of [a, b]) if (s) await stopServerProcess(s).catch(() => s.child.kill('SIGKILL'));
    await t?.close();
  });

  const call = async (s: ServerProcess, path: string, token: string, body: unknown, contentType = 'application/json') => {
    const r = await fetch(`${s.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: body instanceof Buffer ? new Uint8Array(body) : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  /** Uploads a copy of the picture through `s` and publishes it in a post. */
  const publish = async (s: ServerProcess, copy: Buffer) => {
    const media = await call(s, '/api/v1/media', owner, copy, 'application/octet-stream');
    assert.equal(media.status, 201, JSON.stringify(media.body));
    return call(s, '/api/v1/channels/two_processes/posts', owner, { text: 'a copy', media: [media.body.id] });
  };

  test('a bank entry added through one process blocks a matching upload through the other within 2 s', { timeout: 60_000 }, async () => {
    const original = await patternImage(23);
    const known = await pdqHashFile(original);
    // Re-encodings (different bytes, near-identical PDQ), made before the clock starts.
    const copies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        sharp(original)
          .resize(300)
          .jpeg({ quality: 50 + i })
          .toBuffer(),
      ),
    );
    assert.equal((await publish(b, copies[0])).status, 201, 'not known yet: published');

    assert.equal((await call(a, '/api/v1/banks', admin, { name: 'two-process-bank', category: 'terrorism' })).status, 201);
    const added = await call(a, '/api/v1/banks/two-process-bank/entries', admin, { lines: [`pdq ${known.hash}`] });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const start = performance.now();

    let refused: { status: number; body: any } | undefined;
    let attempts = 0;
    while (performance.now() - start < 10_000) {
      const r = await publish(b, copies[1 + (attempts++ % (copies.length - 1))]);
      if (r.status !== 201) {
        refused = r;
        break;
      }
    }
    const latency = performance.now() - start;
    console.log(
      `${onPostgres ? 'PostgreSQL (LISTEN/NOTIFY, polling every 60 s)' : 'SQLite (polling every 1 s)'}: a bank entry added through process A blocked an upload through process B after ${latency.toFixed(0)} ms (${attempts} upload${attempts === 1 ? '' : 's'})`,
    );
    assert.ok(refused, `still published ${latency.toFixed(0)} ms after the entry was added`);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'content_blocked');
    assert.ok(latency < 2000, `blocked after ${latency.toFixed(0)} ms`);
  });
});

// A job enqueued by an API process (`--role api`, which runs no jobs) is run by a worker process. On
// PostgreSQL the worker polls only once a minute, so a case within two seconds came by the NOTIFY the
// enqueue sent; on SQLite it polls every second, the only transport there.
describe('an API process and a worker process', () => {
  let t: TestApp;
  let owner: string;
  let moderator: string;
  let api: ServerProcess;
  let worker: ServerProcess;

  before(async () => {
    // Made in-process with no job runner here, so only the worker process can run the job.
    t = await startTestApp({}, { runJobs: false });
    const inProcess = apiClient(t.app);
    const admin = await staffToken(t, 'admin');
    moderator = await staffToken(t, 'moderator');
    owner = (await inProcess.account('job_publisher')).token;
    assert.equal((await inProcess.post('/api/v1/channels', { handle: 'held_by_worker', title: 'Held' }, { token: owner })).status, 201);
    const known = await pdqHashFile(await patternImage(31));
    assert.equal((await inProcess.post('/api/v1/banks', { name: 'worker-ncii', category: 'ncii' }, { token: admin })).status, 201);
    assert.equal((await inProcess.post('/api/v1/banks/worker-ncii/entries', { lines: [`pdq ${known.hash}`] }, { token: admin })).status, 200);
    const env = {
      VIGIL_DATA_DIR: t.config.dataDir,
      VIGIL_DATABASE_URL: t.config.databaseUrl,
      VIGIL_JOB_POLL_MS: onPostgres ? '60000' : '1000',
      VIGIL_DECODE_WORKERS: '1',
      VIGIL_ADMIN_EMAIL: '',
      VIGIL_REDIS_URL: '',
    };
    api = await startServerProcess(env, { role: 'api' });
    // The worker is ready when it logs that it runs jobs, an info line.
    worker = await startServerProcess({ ...env, LOG_LEVEL: 'info' }, { role: 'worker' });
  });
  after(async () => {
    for (const s of [api, worker]) if (s) await stopServerProcess(s).catch(() => s.child.kill('SIGKILL'));
    await t?.close();
  });

  test('a post held through the API process has its case opened by the worker within 2 s', { timeout: 60_000 }, async () => {
    const headers = (token: string) => ({ authorization: `Bearer ${token}` });
    const media = await fetch(`${api.base}/api/v1/media`, {
      method: 'POST',
      headers: { ...headers(owner), 'content-type': 'application/octet-stream' },
      body: new Uint8Array(
        await sharp(await patternImage(31))
          .jpeg({ quality: 80 })
          .toBuffer(),
      ),
    });
    assert.equal(media.status, 201);
    const { id } = (await media.json()) as { id: string };
    const post = await fetch(`${api.base}/api/v1/channels/held_by_worker/posts`, {
      method: 'POST',
      headers: { ...headers(owner), 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'held', media: [id] }),
    });
    assert.equal(post.status, 201);
    assert.equal(((await post.json()) as { held: boolean }).held, true, 'held by the NCII bank');
    const start = performance.now();
    let cases: Array<{ sources: string[] }> = [];
    while (performance.now() - start < 10_000 && cases.length === 0) {
      const r = await fetch(`${api.base}/api/v1/cases?limit=10`, { headers: headers(moderator) });
      cases = ((await r.json()) as { cases: Array<{ sources: string[] }> }).cases;
      if (cases.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const latency = performance.now() - start;
    console.log(
      `${onPostgres ? 'PostgreSQL (NOTIFY, worker polls every 60 s)' : 'SQLite (worker polls every 1 s)'}: the worker opened the case ${latency.toFixed(0)} ms after the hold`,
    );
    assert.equal(cases.length, 1, 'the automated report opened one case');
    assert.deepEqual(cases[0].sources, ['automated']);
    assert.ok(latency < 2000, `case opened after ${latency.toFixed(0)} ms`);
  });
});
