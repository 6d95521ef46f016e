// Property-based tests (fast-check): malformed, oversized and wrongly typed bodies, headers, path
// parameters, query strings and report links, thrown at every route the app holds (read from the app,
// so a new route is fuzzed without editing this file), as every kind of caller. For every answer:
// no 5xx; a 4xx is the one error shape (JSON, or the HTML error page of the preview pages); and a
// refused request wrote no row. The one refusal that writes is a failed console login (401
// invalid_credentials on POST /api/v1/session): it appends exactly one `session.login_failed` row to
// audit_log, by design, so failed logins can be reviewed. And where the web app is not built (no
// `npm run build:web`), its pages answer 503 web_app_not_built whatever is sent: that is allowed too.
//
// Each run draws a new seed (FUZZ_SEED=<n> replays one); fast-check prints the seed and the shrunk
// counterexample of a failure. Bounded: about 40 cases a route and a time budget for the whole file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';
import { apiKey, consoleSession, staffToken } from '../helpers/people.ts';
import { appRoutes, documentedRoutes, type JsonSchema, type RouteInfo } from '../helpers/route-list.ts';
import { installWriteCounter, writesBetween, type WriteCounter } from '../helpers/write-counter.ts';
import { fuzzBody, fuzzHeaders, fuzzParam, fuzzQuery, badString, type FuzzBody } from '../helpers/fuzz-inputs.ts';
import type { App } from '../../src/http/types.ts';
import { WEB_DIST } from '../../src/http/routes/web-app.routes.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS_PER_ROUTE = 40;
/** For the whole file, on a slow shared machine: each route gets an equal share of what is left. */
const BUDGET_MS = 12_000;
/** Without `npm run build:web`, the web app's routes answer 503 web_app_not_built whatever is sent. */
const WEB_APP_BUILT = existsSync(path.join(WEB_DIST, 'index.html'));

/** Pages that answer errors with an HTML page rather than JSON (app.ts, renderHtmlError). */
const HTML_PAGE = /^\/(c|bot|stickers|media)\//;

type Caller = 'anonymous' | 'bogus' | 'account' | 'admin' | 'console' | 'trusted_flagger' | 'authority' | 'platform';
const CALLERS: Caller[] = ['anonymous', 'bogus', 'account', 'admin', 'console', 'trusted_flagger', 'authority', 'platform'];

interface FuzzRequest {
  caller: Caller;
  bogusAuthorization?: string;
  params: string[];
  query: string;
  headers: Record<string, string>;
  body: FuzzBody | undefined;
}

function assertErrorShape(res: { statusCode: number; headers: Record<string, unknown>; body: string }, url: string): void {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) {
    assert.match(url, HTML_PAGE, 'an HTML error page outside the preview pages');
    return;
  }
  assert.match(type, /^application\/json/, `a JSON error, not ${type}`);
  const body = JSON.parse(res.body) as { error?: Record<string, unknown> };
  assert.deepEqual(Object.keys(body), ['error']);
  const e = body.error as Record<string, unknown>;
  assert.equal(typeof e.code, 'string');
  assert.ok((e.code as string).length > 0, 'a code');
  assert.equal(typeof e.message, 'string');
  assert.ok((e.message as string).length > 0, 'a message');
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'details'].includes(k), `unexpected field ${k}`);
}

/** Rows a refused request may write: none, except the audit row of a failed login (see the top). */
function allowedWrites(route: RouteInfo, status: number, code: unknown): Record<string, number> {
  if (route.method === 'POST' && route.path === '/api/v1/session' && status === 401 && code === 'invalid_credentials') return { audit_log: 1 };
  return {};
}

function bodySchema(route: RouteInfo): JsonSchema | undefined {
  return route.operation?.requestBody?.content?.['application/json']?.schema;
}

describe('fuzzing every route', () => {
  let t: TestApp;
  let app: App;
  let writes: WriteCounter;
  let routes: RouteInfo[];
  const auth = new Map<Caller, Record<string, string>>();
  /** Callers each route lets past its access check: most cases are sent as one of them. */
  const admitted = new Map<string, Caller[]>();

  before(async () => {
    // No job runner: its recurring jobs write to the jobs table on their own clock, and accepted requests
    // enqueue jobs (text rules' signals) that a runner would finish while a refused request is in flight:
    // either would be counted as that request's writes. A refused request must not enqueue anything.
    t = await startTestApp({}, { runJobs: false });
    app = t.app;
    const api = apiClient(app);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    auth.set('anonymous', {});
    auth.set('bogus', {});
    auth.set('account', bearer((await api.account('Fuzz')).token));
    auth.set('admin', bearer(await staffToken(t, 'admin')));
    auth.set('console', (await consoleSession(t, 'admin')).headers);
    for (const kind of ['trusted_flagger', 'authority', 'platform'] as const)
      auth.set(kind, bearer(await apiKey(t, kind, kind === 'platform' ? 'fuzz-platform' : `Fuzz ${kind}`)));
    // Something for links and parameters to find: a channel with a post, and a bot.
    const owner = auth.get('account') as Record<string, string>;
    await app.inject({ method: 'POST', url: '/api/v1/channels', headers: owner, payload: { handle: 'fuzz_news', title: 'Fuzz news' } });
    await app.inject({ method: 'POST', url: '/api/v1/channels/fuzz_news/posts', headers: owner, payload: { text: 'First' } });
    await app.inject({ method: 'POST', url: '/api/v1/bots', headers: owner, payload: { handle: 'fuzz_bot', name: 'Fuzz bot' } });

    routes = await appRoutes(app);
    for (const route of routes) {
      const url = route.path.replace(/:\w+/g, 'does_not_exist').replace('*', 'x');
      const ok: Caller[] = [];
      for (const caller of CALLERS) {
        const payload = ['GET', 'DELETE'].includes(route.method) ? undefined : {};
        const res = await app.inject({ method: route.method as 'GET', url, headers: auth.get(caller), payload });
        if (res.statusCode !== 401 && res.statusCode !== 403) ok.push(caller);
      }
      admitted.set(`${route.method} ${route.path}`, ok.length > 0 ? ok : CALLERS);
    }
    writes = await installWriteCounter(t.ctx.db, t.ctx.dialect);
  });
  after(async () => {
    await t?.close();
  });

  /** Sends one request and checks every property of its answer; returns its status. */
  async function sendAndCheck(route: RouteInfo, url: string, req: FuzzRequest): Promise<number> {
    const headers: Record<string, string> = { ...req.headers, ...auth.get(req.caller) };
    if (req.caller === 'bogus' && req.bogusAuthorization !== undefined) headers.authorization = req.bogusAuthorization;
    if (req.body?.contentType !== undefined) headers['content-type'] = req.body.contentType;
    const before = await writes.read();
    const res = await app.inject({ method: route.method as 'GET', url, headers, payload: req.body?.payload });
    const label = `${route.method} ${url.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    const unbuilt = !WEB_APP_BUILT && res.statusCode === 503 && res.body.includes('"web_app_not_built"');
    assert.ok(res.statusCode < 500 || unbuilt, label);
    if (res.statusCode >= 400) {
      assertErrorShape(res, url);
      const code = String(res.headers['content-type']).startsWith('application/json') ? JSON.parse(res.body).error.code : undefined;
      assert.deepEqual(writesBetween(before, await writes.read()), allowedWrites(route, res.statusCode, code), `rows written by a refused request: ${label}`);
    }
    return res.statusCode;
  }

  function urlOf(route: RouteInfo, params: string[], query: string): string {
    let i = 0;
    const path = route.path.replace(/:\w+|\*/g, () => params[i++] ?? 'x');
    return path + query;
  }

  function requestArbitrary(route: RouteInfo): fc.Arbitrary<FuzzRequest> {
    const ops = route.operation;
    const paramCount = (route.path.match(/:\w+|\*/g) ?? []).length;
    const queryNames = (ops?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    const takesBody = !['GET', 'DELETE'].includes(route.method);
    const ok = admitted.get(`${route.method} ${route.path}`) ?? CALLERS;
    return fc.record({
      caller: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ok) }, { weight: 1, arbitrary: fc.constantFrom(...CALLERS) }),
      bogusAuthorization: fuzzHeaders.map((h) => h.authorization ?? 'Bearer vga_nope'),
      params: fc.array(fuzzParam, { minLength: paramCount, maxLength: paramCount }),
      query: fuzzQuery(queryNames),
      headers: fc.oneof(
        fc.constant({}),
        fuzzHeaders.map(({ authorization: _, ...rest }) => rest),
      ),
      body: takesBody ? fuzzBody(bodySchema(route)) : fc.option(fuzzBody(undefined), { freq: 4, nil: undefined }),
    });
  }

  test('the route list read from the app holds every documented route', async () => {
    const found = new Set(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    assert.deepEqual(
      (await documentedRoutes(app)).filter((r) => !found.has(r)),
      [],
    );
    assert.ok(routes.length > 60, `${routes.length} routes`);
    assert.deepEqual(
      routes.filter((r) => !app.hasRoute({ method: r.method as 'GET', url: r.path })),
      [],
      'every path read is a route the router holds',
    );
  });

  test('malformed requests to every route: no 5xx, the error shape, no row written when refused', async (tt) => {
    tt.diagnostic(`seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`);
    const started = Date.now();
    const statuses = new Map<number, number>();
    for (const [index, route] of routes.entries()) {
      const left = BUDGET_MS - (Date.now() - started);
      // Runs past the route's share of the budget return at once. (fast-check's interruptAfterTimeLimit
      // would abandon a request in flight, whose writes would then land during the next route's cases.)
      const deadline = Date.now() + Math.max(100, left / (routes.length - index));
      await tt.test(`${route.method} ${route.path}`, async () => {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route), async (req) => {
            if (Date.now() > deadline) return;
            const status = await sendAndCheck(route, urlOf(route, req.params, req.query), req);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }),
          { seed: SEED + index, numRuns: RUNS_PER_ROUTE },
        );
      });
    }
    const cases = [...statuses.values()].reduce((a, b) => a + b, 0);
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    tt.diagnostic(`${cases} cases in ${Date.now() - started} ms (${byStatus.join(', ')})`);
  });

  test('report links: random URLs, handles and /c/ paths with junk are refused cleanly', async () => {
    const route = routes.find((r) => r.method === 'POST' && r.path === '/api/v1/reports') as RouteInfo;
    const handle = fc.oneof(fc.constantFrom('fuzz_news', 'fuzz_bot', 'FUZZ_NEWS', 'nobody'), fc.string({ maxLength: 70 }), badString(64));
    const link = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.constantFrom('/c/', 'c/', '/bot/', '/stickers/', 'https://vigil.example/c/', '//c/', 'javascript:/c/', 'http://[::1/c/', '/c//'), handle)
        .map(([p, h]) => p + h),
      fc
        .tuple(handle, fc.oneof(fc.integer().map(String), fc.constantFrom('0', '-1', '1e3', '999999999999', '9999999999999', '1.5', '', '..', '%2e')))
        .map(([h, n]) => `/c/${h}/${n}`),
      badString(512),
      fc.record({
        kind: fc.oneof(fc.constantFrom('channel', 'post', 'bot', 'sticker_set', 'group', 'chat', 'account'), badString(32)),
        id: fc.oneof(fuzzParam, badString(64)),
      }),
    );
    const category = fc.constantFrom('spam', 'other', 'violence', 'terrorism', 'not_a_category', '');
    // Enough time for a loaded machine to reach the limits; done early once a few answers were 429.
    const deadline = Date.now() + 15_000;
    await fc.assert(
      fc.asyncProperty(
        link,
        category,
        fc.constantFrom<Caller>('anonymous', 'account', 'trusted_flagger', 'authority', 'platform', 'admin'),
        fc.option(fc.array(fc.oneof(fuzzParam, fc.constant('1')), { maxLength: 3 }), { nil: undefined }),
        async (subject, cat, caller, postIds) => {
          if (Date.now() > deadline) return;
          const body = { subject, category: cat, ...(postIds ? { postIds } : {}), ...(caller === 'authority' ? { jurisdiction: 'DE', legalBasis: 'x' } : {}) };
          await sendAndCheck(route, '/api/v1/reports', {
            caller,
            params: [],
            query: '',
            headers: {},
            body: { payload: JSON.stringify(body), contentType: 'application/json' },
          });
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('the app still answers after all of it', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
  });
});

describe('rate limits under fuzzing', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ signupLimit: 3, anonReportsPerMinute: 3, loginAttemptsPerAddress: 3 }, { runJobs: false });
  });
  after(async () => {
    await t?.close();
  });

  test('429 answers keep the error shape and write nothing', async () => {
    const writes = await installWriteCounter(t.ctx.db, t.ctx.dialect);
    let limited = 0;
    const target = fc.constantFrom(
      { url: '/api/v1/accounts', body: { displayName: 'x' } },
      { url: '/api/v1/reports', body: { subject: '/c/nobody', category: 'spam' } },
      { url: '/api/v1/session', body: { email: 'a@b.example', password: 'x' } },
    );
    const deadline = Date.now() + 4_000;
    await fc.assert(
      fc.asyncProperty(target, fuzzBody(undefined), fc.boolean(), async ({ url, body }, junk, sendJunk) => {
        if (Date.now() > deadline || limited >= 5) return;
        const payload = sendJunk ? junk.payload : JSON.stringify(body);
        const headers = { 'content-type': sendJunk ? (junk.contentType ?? 'application/json') : 'application/json' };
        const before = await writes.read();
        const res = await t.app.inject({ method: 'POST', url, headers, payload });
        assert.ok(res.statusCode < 500, `${url} → ${res.statusCode} ${res.body}`);
        if (res.statusCode !== 429) return;
        limited++;
        assertErrorShape(res, url);
        assert.equal(JSON.parse(res.body).error.code, 'rate_limited');
        assert.deepEqual(writesBetween(before, await writes.read()), {});
      }),
      { seed: SEED, numRuns: 100 },
    );
    assert.ok(limited > 0, 'some requests were limited');
  });
});
