// The example forum (examples/forum) against a real Vigil, both as separate processes on loopback: a
// post registered through vigil/client, reported by its public URL, removed by a moderator, and hidden
// by the forum when Vigil's signed post.removed arrives; a reversal shows it again; a held image waits for
// review and is published on content.released; a known terrorist image is refused before it is ever shown. Runs on SQLite and PostgreSQL (VIGIL_DATABASE_URL).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { staffToken } from '../helpers/people.ts';
import { runVigil } from '../helpers/cli-process.ts';
import { freePort, startServerProcess, stopServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { startForumProcess, type ForumProcess } from '../helpers/forum-process.ts';
import { patternImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function call(method: string, url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const r = await fetch(url, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await r.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: r.status, body, text };
}

describe('the example forum with a real Vigil', { timeout: 60_000 }, () => {
  let t: TestApp;
  let vigil: ServerProcess;
  let forum: ForumProcess;
  let admin: string;
  let moderator: string;
  let senior: string;
  let platformKey: string;
  let endpointId: string;

  before(async () => {
    // The database and staff tokens, made in-process with no job runner: the Vigil process does all the work.
    t = await startTestApp({}, { runJobs: false });
    [admin, moderator, senior] = [await staffToken(t, 'admin'), await staffToken(t, 'moderator'), await staffToken(t, 'senior')];
    const where = { dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl };
    const created = await runVigil(where, ['keys', 'create', '--kind', 'platform', '--org', 'forum']);
    assert.equal(created.code, 0, created.stderr);
    platformKey = /^key: (vgk_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    assert.ok(platformKey, created.stdout);

    vigil = await startServerProcess({
      VIGIL_DATA_DIR: t.config.dataDir,
      VIGIL_DATABASE_URL: t.config.databaseUrl,
      VIGIL_WEBHOOK_ALLOW_PRIVATE: '1',
      VIGIL_WEBHOOK_ALLOW_HTTP: '1',
      VIGIL_JOB_POLL_MS: '100',
      VIGIL_DECODE_WORKERS: '1',
      VIGIL_ADMIN_EMAIL: '',
      VIGIL_REDIS_URL: '',
    });
    // The forum's endpoint is registered first (with the platform key), so the forum starts with its secret.
    const port = await freePort();
    const endpoint = await call('POST', `${vigil.base}/api/v1/webhooks`, {
      token: platformKey,
      body: {
        url: `http://127.0.0.1:${port}/vigil/webhooks`,
        events: ['post.removed', 'subject.actioned', 'subject.restored', 'content.held', 'content.released'],
      },
    });
    assert.equal(endpoint.status, 201, endpoint.text);
    endpointId = endpoint.body.id;
    forum = await startForumProcess({ VIGIL_URL: vigil.base, VIGIL_PLATFORM_KEY: platformKey, VIGIL_WEBHOOK_SECRET: endpoint.body.secret, FORUM_PORT: port });
  });
  after(async () => {
    await forum?.stop();
    if (vigil) await stopServerProcess(vigil).catch(() => vigil.child.kill('SIGKILL'));
    await t?.close();
  });

  test('a reported post is removed by a moderator and hidden by the forum; a reversal shows it again', async () => {
    const posted = await call('POST', `${forum.base}/api/posts`, { body: { author: 'mallory', text: 'Join the militia, weapons provided' } });
    assert.equal(posted.status, 201, posted.text);
    assert.equal(posted.body.state, 'published');
    assert.match((await call('GET', posted.body.url)).text, /Join the militia/);
    // Vigil knows the post by the forum's id.
    const registered = await call('GET', `${vigil.base}/api/v1/content/post/${posted.body.id}`, { token: platformKey });
    assert.equal(registered.status, 200, registered.text);
    assert.equal(registered.body.url, posted.body.url);

    // A reader reports it by its public URL; a moderator removes the post.
    const report = await call('POST', `${vigil.base}/api/v1/reports`, {
      body: { subject: posted.body.url, category: 'terrorism', explanation: 'Recruits for an armed group.', bonaFide: true },
    });
    assert.equal(report.status, 202, report.text);
    // The moderator finds it in the queue: a case of the forum's board.
    const queue = await call('GET', `${vigil.base}/api/v1/cases?limit=50`, { token: moderator });
    const caseId = queue.body.cases.find((c: any) => c.platform === 'forum' && c.state !== 'decided')?.id;
    assert.ok(caseId, queue.text);
    const kase = await call('GET', `${vigil.base}/api/v1/cases/${caseId}`, { token: moderator });
    assert.equal(kase.body.platform, 'forum');
    const [reported] = kase.body.subjectNow.reportedPosts;
    assert.equal(reported.link, posted.body.url);
    const statement = 'Recruitment for an armed group: removed under the terrorism policy.';
    const decided = await call('POST', `${vigil.base}/api/v1/cases/${caseId}/decide`, {
      token: moderator,
      body: { outcome: 'actioned', actions: ['remove_posts'], postIds: [reported.id], category: 'terrorism', statement },
    });
    assert.equal(decided.status, 200, decided.text);

    // The forum hides it once the signed post.removed arrives, and shows the statement in its place.
    const hidden = await until('the forum to hide the post', async () => {
      const p = await call('GET', `${forum.base}/api/posts/${posted.body.id}`);
      return p.body.state === 'hidden' ? p.body : undefined;
    });
    assert.equal(hidden.notice, statement);
    const page = (await call('GET', posted.body.url)).text;
    assert.ok(!page.includes('Join the militia'), 'the post is gone from its page');
    assert.ok(page.includes(statement), 'and the statement of reasons is in its place');
    assert.ok(!(await call('GET', `${forum.base}/`)).text.includes('Join the militia'), 'and from the board');
    const deliveries = await call('GET', `${vigil.base}/api/v1/webhooks/${endpointId}/deliveries`, { token: platformKey });
    const removed = deliveries.body.deliveries.find((d: any) => d.eventType === 'post.removed');
    assert.equal(removed.state, 'delivered');
    assert.equal(removed.lastStatus, 204, 'the forum accepted the signature');

    // A message without a valid signature changes nothing.
    const forged = await call('POST', `${forum.base}/vigil/webhooks`, {
      body: JSON.stringify({
        type: 'subject.restored',
        timestamp: new Date(Date.now() + 60_000).toISOString(),
        data: { subject: { platform: 'forum', kind: 'post', id: reported.id, externalId: posted.body.id } },
      }),
      headers: { 'webhook-id': 'msg_forged', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,Zm9yZ2Vk' },
    });
    assert.equal(forged.status, 401);
    assert.equal((await call('GET', `${forum.base}/api/posts/${posted.body.id}`)).body.state, 'hidden');

    // A senior moderator reverses the decision: subject.restored shows the post again.
    const reversed = await call('POST', `${vigil.base}/api/v1/cases/${caseId}/reverse`, {
      token: senior,
      body: { reason: 'A quotation in a news report, not recruitment.' },
    });
    assert.equal(reversed.status, 200, reversed.text);
    await until('the forum to show the post again', async () => (await call('GET', `${forum.base}/api/posts/${posted.body.id}`)).body.state === 'published');
    assert.match((await call('GET', posted.body.url)).text, /Join the militia/);
  });

  test('an image Vigil holds stays unpublished until a moderator finds nothing wrong (content.released)', async () => {
    const img = await patternImage(7072);
    assert.equal((await call('POST', `${vigil.base}/api/v1/banks`, { token: admin, body: { name: 'forum-ncii', category: 'ncii' } })).status, 201);
    const entries = await call('POST', `${vigil.base}/api/v1/banks/forum-ncii/entries`, { token: admin, body: { lines: [(await pdqHashFile(img)).hash] } });
    assert.equal(entries.status, 200, entries.text);
    const held = await call('POST', `${forum.base}/api/posts`, { body: { author: 'alice', text: 'my holiday', imageBase64: img.toString('base64') } });
    assert.equal(held.status, 201, held.text);
    assert.deepEqual([held.body.state, held.body.notice], ['hidden', 'This post is awaiting review by a moderator.']);
    assert.ok(!(await call('GET', held.body.url)).text.includes('my holiday'));
    assert.equal((await call('GET', `${forum.base}/media/${held.body.id}`)).status, 404, 'nor its image');

    const kase = await until('the automated case', async () => {
      const r = await call('GET', `${vigil.base}/api/v1/cases?limit=50`, { token: moderator });
      return r.body.cases.find((c: any) => c.platform === 'forum' && c.category === 'ncii' && c.state !== 'decided');
    });
    const decided = await call('POST', `${vigil.base}/api/v1/cases/${kase.id}/decide`, {
      token: moderator,
      body: { outcome: 'no_violation', actions: [], statement: 'The poster’s own holiday picture.' },
    });
    assert.equal(decided.status, 200, decided.text);
    await until('the forum to publish the post', async () => (await call('GET', `${forum.base}/api/posts/${held.body.id}`)).body.state === 'published');
    assert.match((await call('GET', held.body.url)).text, /my holiday/);
    assert.equal((await call('GET', `${forum.base}/media/${held.body.id}`)).status, 200);
  });

  test('a known terrorist image is refused: the forum tells its user why and never shows the post', async () => {
    const img = await patternImage(7071);
    assert.equal((await call('POST', `${vigil.base}/api/v1/banks`, { token: admin, body: { name: 'forum-terror', category: 'terrorism' } })).status, 201);
    const entries = await call('POST', `${vigil.base}/api/v1/banks/forum-terror/entries`, {
      token: admin,
      body: { lines: [`pdq ${(await pdqHashFile(img)).hash}`] },
    });
    assert.equal(entries.status, 200, entries.text);
    const refused = await call('POST', `${forum.base}/api/posts`, { body: { author: 'mallory', text: 'look at this', imageBase64: img.toString('base64') } });
    assert.equal(refused.status, 422, refused.text);
    assert.equal(refused.body.error.code, 'refused');
    assert.match(refused.body.error.message, /known terrorist content/);
    assert.ok(!(await call('GET', `${forum.base}/`)).text.includes('look at this'));
    // Vigil held it and opened a case on the forum's board for moderators, from an automated report.
    const kase = await until('the automated case', async () => {
      const r = await call('GET', `${vigil.base}/api/v1/cases?limit=50`, { token: moderator });
      return r.body.cases.find((c: any) => c.platform === 'forum' && c.category === 'terrorism' && c.state !== 'decided');
    });
    assert.deepEqual(kase.sources, ['automated']);
  });
});
