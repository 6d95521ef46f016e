// Durable background work: the automated report of held content is a job written with the hold, so a
// crash after the publishing commit cannot lose it; jobs that fail are retried with backoff and
// dead-lettered; a job whose worker died runs again with one effect; admins see and retry the queue.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { patternImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';
import { AUTOMATED_REPORT_JOB } from '../../src/detection/scanner.ts';
import { JobsRepository } from '../../src/jobs/jobs.repository.ts';
import { JobRunner } from '../../src/jobs/job-runner.ts';
import { backoffMs } from '../../src/jobs/backoff.ts';
import { createLogger } from '../../src/logger.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A channel whose owner publishes an image an NCII bank knows: the post is held and its report queued. */
async function publishHeld(t: TestApp, handle: string, seed: number): Promise<{ channelId: string; postId: string }> {
  const api = apiClient(t.app);
  const admin = await staffToken(t, 'admin');
  const img = await patternImage(seed);
  const bank = `ncii-${handle}`;
  assert.equal((await api.post('/api/v1/banks', { name: bank, category: 'ncii' }, { token: admin })).status, 201);
  assert.equal((await api.post(`/api/v1/banks/${bank}/entries`, { lines: [(await pdqHashFile(img)).hash] }, { token: admin })).status, 200);
  const owner = await api.account('publisher');
  assert.equal((await api.post('/api/v1/channels', { handle, title: 'Held' }, { token: owner.token })).status, 201);
  const media = await api.call('POST', '/api/v1/media', { token: owner.token, raw: img, contentType: 'image/png' });
  const r = await api.post(`/api/v1/channels/${handle}/posts`, { text: 'private picture', media: [media.body.id] }, { token: owner.token });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.body.held, true);
  const channel = await t.ctx.db.selectFrom('channels').select('id').where('handle', '=', handle).executeTakeFirstOrThrow();
  const post = await t.ctx.db.selectFrom('posts').select('id').where('channel_id', '=', channel.id).executeTakeFirstOrThrow();
  return { channelId: channel.id, postId: post.id };
}

/** Everything the report job does, counted. */
async function effects(t: TestApp, channelId: string, postId: string) {
  const db = t.ctx.db;
  const cases = await db.selectFrom('cases').select(['id', 'state', 'report_count']).where('subject_id', '=', channelId).execute();
  const caseIds = cases.map((c) => c.id);
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  return {
    cases,
    reports: await count(
      db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subject_id', '=', channelId)
        .executeTakeFirst(),
    ),
    signals: caseIds.length
      ? await count(
          db
            .selectFrom('case_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('case_id', 'in', caseIds)
            .where('kind', '=', 'signal')
            .executeTakeFirst(),
        )
      : 0,
    matches: caseIds.length
      ? await count(
          db
            .selectFrom('media_matches')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('case_id', 'in', caseIds)
            .executeTakeFirst(),
        )
      : 0,
    holds: await db.selectFrom('enforcement_actions').select(['case_id', 'active']).where('subject_id', '=', postId).where('code', '=', 'held').execute(),
  };
}

async function reportJobOf(t: TestApp, postId: string) {
  return new JobsRepository(t.ctx.db).findByDedupeKey(`automated_report:post:${postId}`);
}

async function assertReportedOnce(t: TestApp, channelId: string, postId: string): Promise<void> {
  const e = await effects(t, channelId, postId);
  assert.equal(e.cases.length, 1, 'one case about the channel');
  assert.equal(e.cases[0].state, 'open', 'in the queue');
  assert.equal(e.cases[0].report_count, 1);
  assert.equal(e.reports, 1, 'one automated report');
  assert.equal(e.signals, 1, 'one hash-match signal');
  assert.equal(e.matches, 1, 'one recorded match');
  assert.deepEqual(e.holds, [{ case_id: e.cases[0].id, active: 1 }], 'the hold is linked to the case and still hides the post');
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the automated report of held content is durable', () => {
  test('a crash between the publishing commit and the report still ends with the case in the queue, exactly once', async () => {
    // No runner: the process "dies" after the publish committed and before any job ran.
    let t = await startTestApp({}, { runJobs: false });
    try {
      const { channelId, postId } = await publishHeld(t, 'crash_before_report', 101);
      const before = await effects(t, channelId, postId);
      assert.equal(before.cases.length, 0, 'no case yet');
      assert.deepEqual(before.holds, [{ case_id: null, active: 1 }], 'the post is hidden');
      const queued = await reportJobOf(t, postId);
      assert.equal(queued?.state, 'queued', 'but the report is queued, committed with the hold');
      assert.equal(queued?.kind, AUTOMATED_REPORT_JOB);

      t = await t.restart(); // a new process on the same database, its runner started
      await t.ctx.jobRunner.drain();
      await assertReportedOnce(t, channelId, postId);
      assert.equal((await reportJobOf(t, postId))?.state, 'done');

      // The same job run again (a second worker, a replay) files nothing more.
      await t.ctx.scanner.fileReport(JSON.parse(queued.payload));
      await assertReportedOnce(t, channelId, postId);
    } finally {
      await t.close();
    }
  });

  test('a job whose worker died after doing its work runs again once its lease ends, with one effect', async () => {
    // No text rules, so the held report is the only job to claim.
    const t = await startTestApp({ rulesDir: '/nonexistent/vigil-rules' }, { runJobs: false });
    try {
      const { channelId, postId } = await publishHeld(t, 'worker_died', 102);
      const job = await reportJobOf(t, postId);
      assert.ok(job);
      // A worker claims it, files the report and links the hold, then dies before marking it done.
      const now = Date.now();
      const [claimed] = await new JobsRepository(t.ctx.db).claim('worker-that-dies', 1, iso(now), iso(now + 60_000));
      assert.equal(claimed.id, job.id);
      await t.ctx.scanner.fileReport(JSON.parse(claimed.payload));
      await t.ctx.jobRunner.drain();
      assert.equal((await reportJobOf(t, postId))?.state, 'running', 'not claimed again while the lease lasts');

      // Its lease ends (the clock moved on): the next worker claims it and finishes it.
      await t.ctx.db
        .updateTable('jobs')
        .set({ locked_until: iso(now - 1) })
        .where('id', '=', job.id)
        .execute();
      await t.ctx.jobRunner.drain();
      const done = await reportJobOf(t, postId);
      assert.equal(done?.state, 'done');
      assert.equal(done?.attempts, 2);
      assert.notEqual(done?.locked_by, 'worker-that-dies');
      await assertReportedOnce(t, channelId, postId);
      // The dead worker's late completion no longer counts: its claim is gone.
      assert.equal(await new JobsRepository(t.ctx.db).complete(claimed, iso(Date.now())), false);
    } finally {
      await t.close();
    }
  });

  test('publishing twice the same cause enqueues one job (dedupe key)', async () => {
    const t = await startTestApp({}, { runJobs: false });
    try {
      const enqueue = () => t.ctx.db.transaction().execute((trx) => t.ctx.jobs.enqueue(trx, 'test.once', { n: 1 }, { dedupeKey: 'test.once:1' }));
      const first = await enqueue();
      assert.equal(await enqueue(), first);
      const rows = await t.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'test.once').execute();
      assert.deepEqual(
        rows.map((r) => r.id),
        [first],
      );
      // A rolled-back change takes its job with it.
      await assert.rejects(
        t.ctx.db.transaction().execute(async (trx) => {
          await t.ctx.jobs.enqueue(trx, 'test.rolled_back', {});
          throw new Error('the change failed');
        }),
      );
      assert.equal((await t.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'test.rolled_back').execute()).length, 0);
    } finally {
      await t.close();
    }
  });
});

describe('failing jobs', () => {
  let t: TestApp;
  let admin: string;
  const calls: number[] = [];
  let failing = true;
  before(async () => {
    t = await startTestApp({ jobPollMs: 10, jobRetryBaseMs: 60 });
    admin = await staffToken(t, 'admin');
    t.ctx.jobRunner.register('test.flaky', async () => {
      calls.push(Date.now());
      if (failing) throw new Error('the far end is down');
    });
  });
  after(async () => {
    await t.close();
  });

  test('a job whose handler throws is retried with backoff, dead-lettered after its last attempt, then retried by an admin', async () => {
    const id = await t.ctx.db.transaction().execute((trx) => t.ctx.jobs.enqueue(trx, 'test.flaky', { to: 'somewhere' }, { maxAttempts: 3 }));
    t.ctx.jobs.wake();
    const dead = await waitFor(
      'the job to be dead-lettered',
      () => new JobsRepository(t.ctx.db).find(id),
      (j) => j?.state === 'dead',
    );
    assert.equal(dead?.attempts, 3);
    assert.equal(dead?.last_error, 'the far end is down');
    assert.ok(dead?.finished_at);
    assert.equal(calls.length, 3, 'three attempts, no more');
    // Each retry waited at least the shortest backoff of its attempt (half a doubling step).
    for (let i = 1; i < calls.length; i++) {
      const least = backoffMs(i, 60, Number.POSITIVE_INFINITY, () => 0);
      assert.ok(calls[i] - calls[i - 1] >= least, `wait before attempt ${i + 1}: ${calls[i] - calls[i - 1]} ms, at least ${least}`);
    }

    const api = apiClient(t.app);
    const senior = await staffToken(t, 'senior');
    assert.equal((await api.get('/api/v1/jobs', { token: senior })).status, 403, 'admins only');
    const overview = await api.get('/api/v1/jobs', { token: admin });
    assert.equal(overview.status, 200, overview.text);
    assert.equal(overview.body.dead, 1);
    assert.deepEqual(
      overview.body.counts.filter((c: any) => c.kind === 'test.flaky'),
      [{ kind: 'test.flaky', state: 'dead', count: 1 }],
    );
    assert.equal(overview.body.failed[0].id, id);
    assert.equal(overview.body.failed[0].lastError, 'the far end is down');
    assert.equal(typeof overview.body.oldestQueuedAgeSeconds, 'number');

    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    assert.match(metrics, /vigil_jobs\{kind="test\.flaky",state="dead"\} 1/);
    assert.match(metrics, /vigil_job_dead_letters 1/);
    assert.match(metrics, /vigil_job_lag_seconds \d/);

    failing = false;
    const retried = await api.post(`/api/v1/jobs/${id}/retry`, {}, { token: admin });
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.body.state, 'queued');
    await waitFor(
      'the retried job to run',
      () => new JobsRepository(t.ctx.db).find(id),
      (j) => j?.state === 'done',
    );
    assert.equal(calls.length, 4);
    const again = await api.post(`/api/v1/jobs/${id}/retry`, {}, { token: admin });
    assert.equal(again.status, 409, 'a done job is not retried');
    assert.equal(again.body.error.code, 'job_not_retryable');
    assert.equal((await api.post('/api/v1/jobs/job_nope/retry', {}, { token: admin })).status, 404);
    const audit = await api.get('/api/v1/admin/audit?limit=5', { token: admin });
    assert.ok(
      audit.body.entries.some((e: any) => e.action === 'job.retried' && e.target === `job:${id}`),
      'the retry is audited',
    );
  });

  test('a job abandoned by a dead worker on its last attempt is dead-lettered, not run again', async () => {
    const id = await t.ctx.db.transaction().execute((trx) => t.ctx.jobs.enqueue(trx, 'test.flaky', {}, { maxAttempts: 1, runAt: iso(Date.now() + 60_000) }));
    await t.ctx.db
      .updateTable('jobs')
      .set({ state: 'running', attempts: 1, locked_by: 'gone', locked_until: iso(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    const before = calls.length;
    const dead = await waitFor(
      'the abandoned job to be buried',
      () => new JobsRepository(t.ctx.db).find(id),
      (j) => j?.state === 'dead',
    );
    assert.match(dead?.last_error ?? '', /lease expired/);
    assert.equal(calls.length, before);
  });
});

test('several runners share the queue (as worker processes do): each job runs once', async () => {
  const t = await startTestApp({}, { runJobs: false });
  try {
    const ran: string[] = [];
    const runners = [1, 2, 3].map(() =>
      new JobRunner({
        db: t.ctx.db,
        queue: t.ctx.jobs,
        logger: createLogger('silent'),
        pollMs: 10,
        concurrency: 3,
        leaseMs: 60_000,
        retryBaseMs: 10,
        keepDoneMs: 0,
      }).register<{ n: number }>('test.count', async (p, job) => {
        ran.push(`${p.n}:${job.id}`);
        await new Promise((r) => setTimeout(r, 2));
      }),
    );
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 30; n++) await t.ctx.jobs.enqueue(trx, 'test.count', { n });
    });
    await Promise.all(runners.map((r) => r.drain()));
    assert.equal(ran.length, 30);
    assert.equal(new Set(ran).size, 30);
    const states = await t.ctx.db.selectFrom('jobs').select('state').where('kind', '=', 'test.count').execute();
    assert.ok(states.every((s) => s.state === 'done'));
  } finally {
    await t.close();
  }
});
