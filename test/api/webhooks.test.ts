// Outbound webhooks: endpoints registered by platform keys and admins, events emitted in the
// transaction of the change and delivered by the job runner to a real receiver on loopback, signed as
// Standard Webhooks says (checked with the `standardwebhooks` package itself), retried, dead-lettered,
// re-sent, and never in the way of a request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import { emitWebhookEvent, webhookSubject } from '../../src/enforcement/webhook-events.ts';
import { patternImage } from '../helpers/images.ts';
import { pdqHashFile } from '../../src/detection/pdq-decode.ts';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Behaviour = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

/** A webhook receiver on loopback: records every request and answers as `behave` says (200 by default). */
async function startReceiver() {
  const received: Received[] = [];
  let behave: Behaviour = (_req, res) => res.end('ok');
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      behave(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    set(b: Behaviour) {
      behave = b;
    },
    hang: ((_req, res) => hanging.add(res)) as Behaviour,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  });

let t: TestApp;
let api: Api;
let rx: Receiver;
let admin: string;
let moderator: string;
let forum: string;
let other: string;
let handles = 0;

before(async () => {
  t = await startTestApp({
    webhookAllowPrivate: true,
    webhookAllowHttp: true,
    webhookRetryScheduleMs: [30, 60],
    webhookRetryWindowMs: 600,
    webhookTimeoutMs: 1500,
    jobPollMs: 20,
  });
  api = apiClient(t.app);
  rx = await startReceiver();
  admin = await staffToken(t, 'admin');
  moderator = await staffToken(t, 'moderator');
  forum = await apiKey(t, 'platform', 'forum');
  other = await apiKey(t, 'platform', 'other-platform');
});
after(async () => {
  await rx.close();
  await t.close();
});

/** A reference-platform channel with a case opened by one anonymous report. */
async function channelWithCase(): Promise<{ handle: string; channelId: string; caseId: string }> {
  const handle = `hooked_${++handles}`;
  const owner = await api.account('owner');
  assert.equal((await api.post('/api/v1/channels', { handle, title: 'Hooked' }, { token: owner.token })).status, 201);
  const r = await api.post('/api/v1/reports', {
    subject: `/c/${handle}`,
    category: 'terrorism',
    explanation: 'Recruits for an armed group.',
    bonaFide: true,
    contact: { name: 'Secret Reporter', email: 'reporter@example.test' },
  });
  assert.equal(r.status, 202, r.text);
  const report = await t.ctx.db.selectFrom('reports').select(['case_id', 'subject_id']).where('id', '=', r.body.id).executeTakeFirstOrThrow();
  return { handle, channelId: report.subject_id, caseId: report.case_id as string };
}

async function register(token: string, body: Record<string, unknown>) {
  const r = await api.post('/api/v1/webhooks', body, { token });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string; secret: string; platform: string };
}

/** What one endpoint (by its path on the receiver) was sent. */
const at = (path: string) => rx.received.filter((r) => r.path === path);

describe('endpoints', () => {
  test('a platform key registers an endpoint for its own platform and gets its secret once', async () => {
    const r = await api.post('/api/v1/webhooks', { url: rx.url('/forum'), events: ['subject.actioned', 'post.removed'] }, { token: forum });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.platform, 'forum');
    assert.match(r.body.secret, /^whsec_[A-Za-z0-9+/=]{40,}$/);
    assert.deepEqual(r.body.events, ['subject.actioned', 'post.removed']);
    const listed = await api.get('/api/v1/webhooks', { token: forum });
    assert.equal(listed.status, 200);
    assert.deepEqual(
      listed.body.endpoints.map((e: any) => e.id),
      [r.body.id],
    );
    assert.equal('secret' in listed.body.endpoints[0], false);
    // Stored sealed: the secret is nowhere in the row.
    const row = await t.ctx.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(r.body.secret.slice(6)));
  });

  test('a platform cannot see, delete, rotate or read the deliveries of another platform’s endpoint', async () => {
    const mine = await register(forum, { url: rx.url('/forum-2'), events: ['case.opened'] });
    assert.deepEqual((await api.get('/api/v1/webhooks', { token: other })).body.endpoints, []);
    assert.equal((await api.call('DELETE', `/api/v1/webhooks/${mine.id}`, { token: other })).status, 404);
    assert.equal((await api.post(`/api/v1/webhooks/${mine.id}/secret`, undefined, { token: other })).status, 404);
    assert.equal((await api.get(`/api/v1/webhooks/${mine.id}/deliveries`, { token: other })).status, 404);
    assert.equal((await api.post('/api/v1/webhooks', { url: rx.url('/x'), events: ['case.opened'], platform: 'forum' }, { token: other })).status, 403);
    // The admin sees every platform's endpoints.
    const all = await api.get('/api/v1/webhooks', { token: admin });
    assert.ok(all.body.endpoints.some((e: any) => e.id === mine.id));
    assert.equal((await api.call('DELETE', `/api/v1/webhooks/${mine.id}`, { token: forum })).status, 204);
    assert.equal(
      (await api.get('/api/v1/webhooks', { token: forum })).body.endpoints.some((e: any) => e.id === mine.id),
      false,
    );
  });

  test('moderators, flaggers and anonymous callers cannot register; an admin must name the platform', async () => {
    const body = { url: rx.url('/nope'), events: ['case.opened'], platform: 'reference' };
    assert.equal((await api.post('/api/v1/webhooks', body, { token: moderator })).status, 403);
    assert.equal((await api.post('/api/v1/webhooks', body, { token: await apiKey(t, 'trusted_flagger', 'Flaggers') })).status, 403);
    assert.equal((await api.post('/api/v1/webhooks', body)).status, 401);
    const unnamed = await api.post('/api/v1/webhooks', { url: rx.url('/nope'), events: ['case.opened'] }, { token: admin });
    assert.equal(unnamed.status, 400);
    assert.equal(unnamed.body.error.code, 'platform_required');
    const badName = await api.post('/api/v1/webhooks', { ...body, platform: 'Not A Slug' }, { token: admin });
    assert.equal(badName.body.error.code, 'invalid_platform');
  });

  test('events are validated against the list of event types', async () => {
    for (const events of [['case.opened', 'subject.deleted'], [], ['case.opened', 'case.opened'], [42]]) {
      const r = await api.post('/api/v1/webhooks', { url: rx.url('/v'), events }, { token: forum });
      assert.equal(r.status, 400, JSON.stringify(events));
      assert.equal(r.body.error.code, 'invalid_request');
    }
    const badUrl = await api.post('/api/v1/webhooks', { url: 'https://user:pw@example.com/h', events: ['case.opened'] }, { token: forum });
    assert.equal(badUrl.status, 400);
    assert.equal(badUrl.body.error.code, 'invalid_webhook_url');
  });

  test('platform keys are named by a slug, and "reference" is reserved', async () => {
    for (const [org, code] of [
      ['reference', 'reserved_org'],
      ['Partner Platform', 'invalid_org'],
      ['x', 'invalid_org'],
      ['-forum', 'invalid_org'],
    ]) {
      const r = await api.post('/api/v1/admin/keys', { kind: 'platform', org }, { token: admin });
      assert.equal(r.status, 400, org);
      assert.equal(r.body.error.code, code);
    }
    assert.equal((await api.post('/api/v1/admin/keys', { kind: 'platform', org: 'forum-2' }, { token: admin })).status, 201);
    // Other kinds of key keep free-form organisation names.
    assert.equal((await api.post('/api/v1/admin/keys', { kind: 'trusted_flagger', org: 'Hotline e.V.' }, { token: admin })).status, 201);
  });
});

describe('delivery', () => {
  test('a decision on a reference case is delivered to the admin-registered endpoint, signed, without reporters', async () => {
    rx.set((_req, res) => res.end('ok'));
    const ep = await register(admin, { url: rx.url('/ref-actioned'), events: ['subject.actioned', 'case.opened'], platform: 'reference' });
    const { channelId, caseId } = await channelWithCase();
    const decided = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['block'], category: 'terrorism', statement: 'Recruitment material for a banned group.' },
      { token: moderator },
    );
    assert.equal(decided.status, 200, decided.text);
    const got = await until('subject.actioned', () => at('/ref-actioned').find((r) => r.body.includes('"subject.actioned"') && r.body.includes(caseId)));
    const payload = verify(ep.secret, got) as any;
    assert.equal(payload.type, 'subject.actioned');
    assert.ok(!Number.isNaN(Date.parse(payload.timestamp)));
    assert.deepEqual(payload.data.subject, { platform: 'reference', kind: 'channel', id: channelId });
    assert.equal(payload.data.caseId, caseId);
    assert.equal(payload.data.decisionId, decided.body.decisionId);
    assert.equal(payload.data.action, 'block');
    assert.equal(payload.data.category, 'terrorism');
    assert.equal(payload.data.statement, 'Recruitment material for a banned group.');
    assert.equal(payload.data.country, null);
    assert.match(String(got.headers['webhook-id']), /^msg_/);
    assert.equal(got.headers['content-type'], 'application/json');
    for (const secret of ['Secret Reporter', 'reporter@example.test', 'Recruits for an armed group', 'reporter']) assert.ok(!got.body.includes(secret), secret);
    // A tampered body does not verify.
    assert.throws(() => verify(ep.secret, { ...got, body: got.body.replace('block', 'warn') }));
    // case.opened came first, for the same subject.
    const opened = at('/ref-actioned').find((r) => r.body.includes('"case.opened"') && r.body.includes(caseId));
    assert.ok(opened);
    assert.deepEqual((verify(ep.secret, opened) as any).data.subject, { platform: 'reference', kind: 'channel', id: channelId });

    const deliveries = await until('recorded deliveries', async () => {
      const r = await api.get(`/api/v1/webhooks/${ep.id}/deliveries`, { token: admin });
      return r.body.deliveries.length === 2 && r.body.deliveries.every((d: any) => d.state === 'delivered') ? r.body.deliveries : undefined;
    });
    assert.deepEqual(deliveries.map((d: any) => [d.eventType, d.state, d.attempts, d.lastStatus]).sort(), [
      ['case.opened', 'delivered', 1, 200],
      ['subject.actioned', 'delivered', 1, 200],
    ]);
    // Other platforms' endpoints get nothing about reference content.
    assert.deepEqual(
      rx.received.filter((r) => r.body.includes(caseId)).map((r) => r.path),
      ['/ref-actioned', '/ref-actioned'],
    );
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });

  test('a receiver answering 500 is retried under the same webhook-id until it answers 2xx', async () => {
    const ep = await register(admin, { url: rx.url('/flaky'), events: ['case.opened'], platform: 'reference' });
    let calls = 0;
    rx.set((req, res) => {
      if (req.url === '/flaky') calls++;
      res.statusCode = req.url === '/flaky' && calls <= 2 ? 500 : 204;
      res.end();
    });
    const { caseId } = await channelWithCase();
    const d = await until('delivered after retries', async () => {
      const r = await api.get(`/api/v1/webhooks/${ep.id}/deliveries`, { token: admin });
      return r.body.deliveries.find((x: any) => x.state === 'delivered');
    });
    assert.equal(d.attempts, 3);
    assert.equal(d.lastStatus, 204);
    const sent = at('/flaky').filter((r) => r.body.includes(caseId));
    assert.equal(sent.length, 3);
    assert.equal(new Set(sent.map((r) => r.headers['webhook-id'])).size, 1);
    for (const r of sent) verify(ep.secret, r);
    rx.set((_req, res) => res.end('ok'));
    await t.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${ep.id}`, headers: { authorization: `Bearer ${admin}` } });
  });

  test('a receiver that keeps failing is dead after the retry window, and an admin re-sends it', async () => {
    const ep = await register(admin, { url: rx.url('/down'), events: ['case.opened'], platform: 'reference' });
    rx.set((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    await channelWithCase();
    const dead = await until('dead delivery', async () => {
      const r = await api.get(`/api/v1/webhooks/${ep.id}/deliveries`, { token: admin });
      return r.body.deliveries.find((x: any) => x.state === 'dead');
    });
    assert.ok(dead.attempts >= 3, `attempts: ${dead.attempts}`);
    assert.equal(dead.lastStatus, 503);
    assert.match(dead.lastError, /503/);
    const job = await t.ctx.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', `webhook:${dead.id}`).executeTakeFirstOrThrow();
    assert.equal(job.state, 'dead');

    rx.set((_req, res) => res.end('ok'));
    assert.equal((await api.post(`/api/v1/webhooks/deliveries/${dead.id}/resend`, undefined, { token: other })).status, 404);
    assert.equal((await api.post(`/api/v1/webhooks/deliveries/${dead.id}/resend`, undefined, { token: moderator })).status, 403);
    const resent = await api.post(`/api/v1/webhooks/deliveries/${dead.id}/resend`, undefined, { token: admin });
    assert.equal(resent.status, 202, resent.text);
    assert.equal(resent.body.state, 'pending');
    const delivered = await until('re-sent delivery', async () => {
      const r = await api.get(`/api/v1/webhooks/${ep.id}/deliveries`, { token: admin });
      return r.body.deliveries.find((x: any) => x.id === dead.id && x.state === 'delivered');
    });
    assert.equal(delivered.messageId, dead.messageId);
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });

  test('after a rotation both secrets sign each message, and each signature verifies alone', async () => {
    rx.set((_req, res) => res.end('ok'));
    const ep = await register(admin, { url: rx.url('/rotated'), events: ['case.opened'], platform: 'reference' });
    const rotated = await api.post(`/api/v1/webhooks/${ep.id}/secret`, undefined, { token: admin });
    assert.equal(rotated.status, 200, rotated.text);
    assert.notEqual(rotated.body.secret, ep.secret);
    assert.ok(Date.parse(rotated.body.previousSecretExpiresAt) > Date.now() + 23 * 3_600_000);
    const { caseId } = await channelWithCase();
    const got = await until('rotated delivery', () => at('/rotated').find((r) => r.body.includes(caseId)));
    const signatures = String(got.headers['webhook-signature']).split(' ');
    assert.equal(signatures.length, 2);
    assert.ok(signatures.every((s) => s.startsWith('v1,')));
    const [current, previous] = signatures;
    verify(rotated.body.secret, { ...got, headers: { ...got.headers, 'webhook-signature': current } });
    verify(ep.secret, { ...got, headers: { ...got.headers, 'webhook-signature': previous } });
    assert.throws(() => verify(ep.secret, { ...got, headers: { ...got.headers, 'webhook-signature': current } }));
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });

  test('a receiver that never answers does not slow a report’s acknowledgement', async () => {
    rx.set(rx.hang);
    const ep = await register(admin, { url: rx.url('/hangs'), events: ['case.opened', 'report.declined'], platform: 'reference' });
    // A first report whose delivery is now hanging in the runner.
    const first = await channelWithCase();
    await until('a hanging request', () => at('/hangs').find((r) => r.body.includes(first.caseId)));
    const started = performance.now();
    const { caseId } = await channelWithCase();
    const took = performance.now() - started;
    assert.ok(took < 1000, `the report took ${Math.round(took)} ms`);
    const d = await until(
      'timed-out attempt',
      async () => {
        const r = await api.get(`/api/v1/webhooks/${ep.id}/deliveries`, { token: admin });
        return r.body.deliveries.find((x: any) => x.lastError !== null);
      },
      10_000,
    );
    assert.match(d.lastError, /no answer within 1500 ms/);
    assert.equal(d.lastStatus, null);
    assert.ok(caseId);
    rx.set((_req, res) => res.end('ok'));
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });
});

describe('events', () => {
  test('a report about a private group is declined and told as report.declined, without the reporter', async () => {
    rx.set((_req, res) => res.end('ok'));
    const ep = await register(admin, { url: rx.url('/declined'), events: ['report.declined'], platform: 'reference' });
    const alice = await api.account('alice');
    const group = await api.post('/api/v1/groups', { title: 'Family' }, { token: alice.token });
    const reporter = await api.account('reporter');
    const r = await api.post(
      '/api/v1/reports',
      { subject: { kind: 'group', id: group.body.id }, category: 'violence', explanation: 'threats' },
      { token: reporter.token },
    );
    assert.equal(r.body.status, 'declined_out_of_scope');
    const got = await until('report.declined', () => at('/declined').find((x) => x.body.includes(r.body.id)));
    const p = verify(ep.secret, got) as any;
    assert.equal(p.type, 'report.declined');
    assert.deepEqual(p.data.subject, { platform: 'reference', kind: 'group', id: group.body.id });
    assert.equal(p.data.reportId, r.body.id);
    assert.equal(typeof p.data.reason, 'string');
    assert.ok(!got.body.includes(reporter.id));
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });

  test('removing posts and reversing tell post.removed and subject.restored', async () => {
    const ep = await register(admin, { url: rx.url('/posts'), events: ['post.removed', 'subject.restored'], platform: 'reference' });
    const senior = await staffToken(t, 'senior');
    const owner = await api.account('poster');
    const handle = `posts_${++handles}`;
    assert.equal((await api.post('/api/v1/channels', { handle, title: 'Posts' }, { token: owner.token })).status, 201);
    assert.equal((await api.post(`/api/v1/channels/${handle}/posts`, { text: 'bad post' }, { token: owner.token })).status, 201);
    const r = await api.post('/api/v1/reports', { subject: `/c/${handle}/1`, category: 'violence', explanation: 'Slurs against a group.', bonaFide: true });
    assert.equal(r.status, 202, r.text);
    const caseId = (await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', r.body.id).executeTakeFirstOrThrow()).case_id;
    const post = await t.ctx.db
      .selectFrom('posts')
      .innerJoin('channels', 'channels.id', 'posts.channel_id')
      .select(['posts.id', 'channels.id as channel_id'])
      .where('handle', '=', handle)
      .executeTakeFirstOrThrow();
    const d = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], postIds: [post.id], category: 'violence', statement: 'Dehumanising slurs.' },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const removed = verify(
      ep.secret,
      await until('post.removed', () => at('/posts').find((x) => x.body.includes('"post.removed"') && x.body.includes(post.id))),
    ) as any;
    assert.deepEqual(removed.data.subject, { platform: 'reference', kind: 'post', id: post.id });
    assert.deepEqual(removed.data.channel, { platform: 'reference', kind: 'channel', id: post.channel_id });
    const rev = await api.post(`/api/v1/cases/${caseId}/reverse`, { reason: 'The words were quoted to condemn them.' }, { token: senior });
    assert.equal(rev.status, 200, rev.text);
    const restored = verify(
      ep.secret,
      await until('subject.restored', () => at('/posts').find((x) => x.body.includes('"subject.restored"') && x.body.includes(post.id))),
    ) as any;
    assert.deepEqual(restored.data.lifted, [{ action: 'remove_posts', country: null }]);
    assert.equal(restored.data.reason, 'The words were quoted to condemn them.');
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });

  test('a detection hold is told as content.held, and a decision finding nothing wrong as content.released', async () => {
    const ep = await register(admin, { url: rx.url('/held'), events: ['content.held', 'content.released'], platform: 'reference' });
    const img = await patternImage(4242);
    assert.equal((await api.post('/api/v1/banks', { name: 'ncii-webhooks', category: 'ncii' }, { token: admin })).status, 201);
    assert.equal((await api.post('/api/v1/banks/ncii-webhooks/entries', { lines: [(await pdqHashFile(img)).hash] }, { token: admin })).status, 200);
    const owner = await api.account('publisher');
    const handle = `held_${++handles}`;
    assert.equal((await api.post('/api/v1/channels', { handle, title: 'Held' }, { token: owner.token })).status, 201);
    const media = await api.call('POST', '/api/v1/media', { token: owner.token, raw: img, contentType: 'image/png' });
    const posted = await api.post(`/api/v1/channels/${handle}/posts`, { text: 'picture', media: [media.body.id] }, { token: owner.token });
    assert.equal(posted.body.held, true);
    const post = await t.ctx.db
      .selectFrom('posts')
      .innerJoin('channels', 'channels.id', 'posts.channel_id')
      .select(['posts.id', 'channels.id as channel_id'])
      .where('handle', '=', handle)
      .executeTakeFirstOrThrow();
    const held = verify(
      ep.secret,
      await until('content.held', () => at('/held').find((x) => x.body.includes('"content.held"') && x.body.includes(post.id))),
    ) as any;
    assert.deepEqual(held.data.subject, { platform: 'reference', kind: 'post', id: post.id });
    assert.deepEqual(held.data.within, { platform: 'reference', kind: 'channel', id: post.channel_id });
    assert.equal(held.data.verdict, 'hold');
    assert.equal(held.data.category, 'ncii');
    assert.ok(!held.data.bank && !JSON.stringify(held).includes('ncii-webhooks'), 'no bank names');

    const kase = await until('the automated case', () =>
      t.ctx.db.selectFrom('cases').select('id').where('subject_id', '=', post.channel_id).executeTakeFirst(),
    );
    const d = await api.post(
      `/api/v1/cases/${kase.id}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'A consensual, public picture.' },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const released = verify(ep.secret, await until('content.released', () => at('/held').find((x) => x.body.includes('"content.released"')))) as any;
    assert.deepEqual(released.data.subject, { platform: 'reference', kind: 'post', id: post.id });
    assert.equal(released.data.outcome, 'no_violation');
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: admin });
  });

  test('a connected platform is told about its content by its own ids (externalId): held, removed, declined', async () => {
    const ep = await register(forum, { url: rx.url('/own-ids'), events: ['content.held', 'post.removed', 'report.declined'] });
    const content = async (body: Record<string, unknown>) => {
      const r = await api.post('/api/v1/content', body, { token: forum });
      assert.equal(r.status, 201, r.text);
      return r.body as { vigilId: string; verdict: string };
    };
    const channel = await content({ kind: 'channel', id: 'board-7', url: 'https://forum.example/b/7', title: 'Board 7' });
    // A held post: content.held names it and its channel by both ids.
    const img = await patternImage(4343);
    assert.equal((await api.post('/api/v1/banks', { name: 'ncii-own-ids', category: 'ncii' }, { token: admin })).status, 201);
    assert.equal((await api.post('/api/v1/banks/ncii-own-ids/entries', { lines: [(await pdqHashFile(img)).hash] }, { token: admin })).status, 200);
    const held = await content({
      kind: 'post',
      id: 'topic-41',
      channelId: 'board-7',
      url: 'https://forum.example/t/41',
      media: [{ contentBase64: img.toString('base64') }],
    });
    assert.equal(held.verdict, 'hold');
    const heldMsg = verify(ep.secret, await until('content.held', () => at('/own-ids').find((x) => x.body.includes('"content.held"')))) as any;
    assert.deepEqual(heldMsg.data.subject, { platform: 'forum', kind: 'post', id: held.vigilId, externalId: 'topic-41' });
    assert.deepEqual(heldMsg.data.within, { platform: 'forum', kind: 'channel', id: channel.vigilId, externalId: 'board-7' });
    await t.ctx.jobRunner.drain();
    const heldCase = await until('the automated case', () =>
      t.ctx.db.selectFrom('cases').select('id').where('subject_id', '=', channel.vigilId).where('state', '!=', 'decided').executeTakeFirst(),
    );
    const cleared = await api.post(
      `/api/v1/cases/${heldCase.id}/decide`,
      { outcome: 'no_violation', actions: [], statement: 'A holiday picture, fine.' },
      { token: moderator },
    );
    assert.equal(cleared.status, 200, cleared.text);

    // A user reports a post by its URL; removing it sends post.removed with the platform's post id.
    const post = await content({ kind: 'post', id: 'topic-42', channelId: 'board-7', url: 'https://forum.example/t/42', text: 'slurs' });
    const r = await api.post('/api/v1/reports', {
      subject: 'https://forum.example/t/42',
      category: 'violence',
      explanation: 'Slurs against a group.',
      bonaFide: true,
    });
    assert.equal(r.status, 202, r.text);
    const caseId = (await t.ctx.db.selectFrom('reports').select('case_id').where('id', '=', r.body.id).executeTakeFirstOrThrow()).case_id;
    const d = await api.post(
      `/api/v1/cases/${caseId}/decide`,
      { outcome: 'actioned', actions: ['remove_posts'], postIds: [post.vigilId], category: 'violence', statement: 'Dehumanising slurs.' },
      { token: moderator },
    );
    assert.equal(d.status, 200, d.text);
    const removed = verify(ep.secret, await until('post.removed', () => at('/own-ids').find((x) => x.body.includes('"post.removed"')))) as any;
    assert.deepEqual(removed.data.subject, { platform: 'forum', kind: 'post', id: post.vigilId, externalId: 'topic-42' });
    assert.deepEqual(removed.data.channel, { platform: 'forum', kind: 'channel', id: channel.vigilId, externalId: 'board-7' });

    // A private group is never registered: its own id is the one the report named.
    const declined = await api.post('/api/v1/reports', {
      subject: { platform: 'forum', kind: 'group', id: 'family-9' },
      category: 'violence',
      explanation: 'Threats in a family group.',
      bonaFide: true,
    });
    assert.equal(declined.body.status, 'declined_out_of_scope', declined.text);
    const msg = verify(ep.secret, await until('report.declined', () => at('/own-ids').find((x) => x.body.includes('"report.declined"')))) as any;
    assert.deepEqual(msg.data.subject, { platform: 'forum', kind: 'group', id: 'forum:family-9', externalId: 'family-9' });
    await api.call('DELETE', `/api/v1/webhooks/${ep.id}`, { token: forum });
  });

  test('emitting the same cause twice writes one delivery per endpoint', async () => {
    const ep = await register(forum, { url: rx.url('/dedupe'), events: ['case.opened'] });
    const e = {
      platform: 'forum',
      type: 'case.opened' as const,
      key: 'case.opened:case_same',
      subject: webhookSubject('forum', 'post', 'p1'),
      data: { caseId: 'case_same' },
    };
    for (let i = 0; i < 2; i++) {
      const n = await t.ctx.db.transaction().execute((trx) => emitWebhookEvent(trx, t.ctx.jobs, e));
      assert.equal(n, i === 0 ? 1 : 0);
    }
    t.ctx.jobs.wake();
    await until('one delivery', () => at('/dedupe').find((x) => x.body.includes('case_same')));
    await t.ctx.jobRunner.drain();
    assert.equal(at('/dedupe').filter((x) => x.body.includes('case_same')).length, 1);
    const rows = await t.ctx.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', ep.id).execute();
    assert.equal(rows.length, 1);
  });
});
