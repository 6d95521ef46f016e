// Every API route × every kind of caller: allowed or refused exactly as designed. The route list comes
// from the OpenAPI document, so a new route without an entry here fails this test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient } from '../helpers/api.ts';
import { apiKey, staffToken } from '../helpers/people.ts';
import type { Role } from '../../src/http/principal.ts';

type Caller = 'anonymous' | 'account' | Role | 'trusted_flagger' | 'authority' | 'platform';
const CALLERS: Caller[] = ['anonymous', 'account', 'triage', 'moderator', 'senior', 'admin', 'trusted_flagger', 'authority', 'platform'];
const RANK: Record<string, number> = { triage: 1, moderator: 2, senior: 3, admin: 4 };

/**
 * Who may call each route: 'public', 'account', 'session' (console cookie only), 'authenticated',
 * 'platform' (platform keys), 'platform_or_admin' (a platform key or an admin), or the least staff role.
 */
const EXPECTED: Record<string, 'public' | 'account' | 'session' | 'authenticated' | 'platform' | 'platform_or_admin' | Role> = {
  'POST /api/v1/accounts': 'public',
  'POST /api/v1/media': 'account',
  'GET /api/v1/media/{id}': 'public',
  'POST /api/v1/channels': 'account',
  'GET /api/v1/channels/{handle}': 'public',
  'POST /api/v1/channels/{handle}/admins': 'account',
  'POST /api/v1/channels/{handle}/posts': 'account',
  'GET /api/v1/channels/{handle}/posts': 'public',
  'GET /api/v1/channels/{handle}/posts/{number}': 'public',
  'POST /api/v1/channels/{handle}/subscribe': 'account',
  'POST /api/v1/bots': 'account',
  'GET /api/v1/bots/{handle}': 'public',
  'POST /api/v1/bots/{handle}/messages': 'account',
  'GET /api/v1/bots/{handle}/messages': 'public',
  'POST /api/v1/sticker-sets': 'account',
  'GET /api/v1/sticker-sets/{name}': 'public',
  'POST /api/v1/groups': 'account',
  'POST /api/v1/groups/{id}/members': 'account',
  'POST /api/v1/groups/{id}/messages': 'account',
  'GET /api/v1/groups/{id}/messages': 'account',
  'POST /api/v1/chats': 'account',
  'POST /api/v1/chats/{id}/messages': 'account',
  'GET /api/v1/chats/{id}/messages': 'account',
  'POST /api/v1/reports': 'public',
  'GET /api/v1/reports/{id}': 'public',
  'GET /api/v1/notices': 'account',
  'GET /api/v1/transparency/protected-expression': 'public',
  'GET /api/v1/transparency': 'public',
  'GET /api/v1/transparency.csv': 'public',
  'GET /api/v1/statistics/daily': 'triage',
  'GET /api/v1/policy': 'public',
  'GET /api/v1/cases': 'triage',
  'GET /api/v1/cases/counts': 'triage',
  'GET /api/v1/cases/{id}': 'triage',
  'GET /api/v1/cases/{id}/credibility': 'triage',
  'GET /api/v1/reporters/standing': 'senior',
  'POST /api/v1/reporters/warn': 'senior',
  'POST /api/v1/reporters/set-aside': 'senior',
  'POST /api/v1/reporters/restore': 'senior',
  'POST /api/v1/cases/{id}/claim': 'triage',
  'POST /api/v1/cases/{id}/release': 'triage',
  'POST /api/v1/cases/{id}/comment': 'triage',
  'POST /api/v1/cases/{id}/escalate': 'triage',
  'POST /api/v1/cases/{id}/decide': 'moderator',
  'POST /api/v1/cases/bulk-decisions': 'moderator',
  'GET /api/v1/cases/{id}/owner-history': 'triage',
  'POST /api/v1/cases/{id}/reverse': 'senior',
  'POST /api/v1/appeals': 'public',
  'GET /api/v1/appeals': 'senior',
  'GET /api/v1/appeals/counts': 'senior',
  'GET /api/v1/appeals/{id}': 'public',
  'GET /api/v1/appeals/{id}/review': 'senior',
  'POST /api/v1/appeals/{id}/decision': 'senior',
  'GET /api/v1/banks': 'moderator',
  'POST /api/v1/banks': 'admin',
  'POST /api/v1/banks/{name}/entries': 'admin',
  'GET /api/v1/banks/{name}/entries': 'moderator',
  'GET /api/v1/banks/{name}/matches': 'moderator',
  'POST /api/v1/bank-entries/{id}/status': 'admin',
  'POST /api/v1/protect/hashes': 'public',
  'POST /api/v1/protect/status': 'public',
  'POST /api/v1/protect/withdraw': 'public',
  'POST /api/v1/session': 'public',
  'GET /api/v1/session': 'session',
  'DELETE /api/v1/session': 'public',
  'GET /api/v1/me': 'authenticated',
  'POST /api/v1/me/password': 'triage',
  'POST /api/v1/me/tokens': 'triage',
  'GET /api/v1/me/tokens': 'triage',
  'DELETE /api/v1/me/tokens/{id}': 'triage',
  'GET /api/v1/admin/users': 'admin',
  'POST /api/v1/admin/users': 'admin',
  'PATCH /api/v1/admin/users/{id}': 'admin',
  'GET /api/v1/admin/keys': 'admin',
  'POST /api/v1/admin/keys': 'admin',
  'POST /api/v1/admin/keys/{id}/revoke': 'admin',
  'GET /api/v1/admin/audit': 'admin',
  'GET /api/v1/admin/audit/verify': 'admin',
  'GET /api/v1/jobs': 'admin',
  'GET /api/v1/mail/outbox': 'admin',
  'GET /api/v1/mail/attachments/{id}': 'moderator',
  'POST /api/v1/jobs/{id}/retry': 'admin',
  'GET /api/v1/rules': 'moderator',
  'POST /api/v1/rules/reload': 'admin',
  'GET /api/v1/rules/files': 'moderator',
  'GET /api/v1/rules/files/{name}': 'moderator',
  'PUT /api/v1/rules/files/{name}': 'admin',
  'PUT /api/v1/rules/{id}/state': 'admin',
  'POST /api/v1/webhooks': 'platform_or_admin',
  'GET /api/v1/webhooks': 'platform_or_admin',
  'DELETE /api/v1/webhooks/{id}': 'platform_or_admin',
  'POST /api/v1/webhooks/{id}/secret': 'platform_or_admin',
  'GET /api/v1/webhooks/{id}/deliveries': 'platform_or_admin',
  'POST /api/v1/webhooks/deliveries/{id}/resend': 'platform_or_admin',
  'POST /api/v1/content': 'platform',
  'GET /api/v1/content/{kind}/{id}': 'platform',
  'DELETE /api/v1/content/{kind}/{id}': 'platform',
};

function allowed(rule: (typeof EXPECTED)[string], caller: Caller): boolean {
  if (rule === 'public') return true;
  if (rule === 'session') return false; // every caller here uses a bearer token or nothing
  if (rule === 'account') return caller === 'account';
  if (rule === 'platform') return caller === 'platform';
  if (rule === 'authenticated') return caller !== 'anonymous';
  if (rule === 'platform_or_admin') return caller === 'platform' || caller === 'admin';
  return caller in RANK && RANK[caller] >= RANK[rule];
}

let t: TestApp;
const tokens = new Map<Caller, string | undefined>();
before(async () => {
  t = await startTestApp({ anonReportsPerMinute: 100_000 });
  const api = apiClient(t.app);
  tokens.set('anonymous', undefined);
  tokens.set('account', (await api.account()).token);
  for (const role of ['triage', 'moderator', 'senior', 'admin'] as const) tokens.set(role, await staffToken(t, role));
  tokens.set('trusted_flagger', await apiKey(t, 'trusted_flagger', 'Flagger org'));
  tokens.set('authority', await apiKey(t, 'authority', 'Authority', 'DE'));
  tokens.set('platform', await apiKey(t, 'platform', 'matrix-platform'));
});
after(async () => {
  await t.close();
});

test('every documented route has an expected access rule, and every rule names a real route', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
  assert.deepEqual(documented, Object.keys(EXPECTED).sort());
});

test('each caller is allowed or refused on each route as designed', async () => {
  const failures: string[] = [];
  for (const [route, rule] of Object.entries(EXPECTED)) {
    const [method, path] = route.split(' ');
    const url = path.replace(/\{[^}]+\}/g, 'does_not_exist_1');
    for (const caller of CALLERS) {
      const token = tokens.get(caller);
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(method !== 'GET' && method !== 'DELETE' ? { 'content-type': 'application/json' } : {}),
        },
        payload: method !== 'GET' && method !== 'DELETE' ? '{}' : undefined,
      });
      const refused = res.statusCode === 401 || res.statusCode === 403;
      const expectAllowed = allowed(rule, caller);
      if (expectAllowed === refused) failures.push(`${route} as ${caller}: got ${res.statusCode}, expected ${expectAllowed ? 'allowed' : 'refused'}`);
    }
  }
  assert.deepEqual(failures, []);
});
