// Staff users, personal tokens, console sessions and API keys for tests. Users are made through the
// real service (audited like any other); they share one precomputed password hash, because hashing
// with production scrypt parameters for every fixture would make the suite slow.
import type { TestApp } from './test-app.ts';
import type { Role } from '../../src/http/principal.ts';
import type { ApiKeyKind } from '../../src/people/api-keys.service.ts';
import { hashPassword } from '../../src/people/password.ts';
import { randomBytes } from 'node:crypto';

/** The password of every user made by these helpers. */
export const TEST_PASSWORD = 'correct horse battery staple';
let sharedHash: Promise<string> | undefined;

export interface TestStaffUser {
  id: string;
  email: string;
  role: Role;
  password: string;
}

/** A new enabled staff user of the role, with password TEST_PASSWORD. */
export async function staffUser(t: TestApp, role: Role = 'moderator', email?: string): Promise<TestStaffUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const address = email ?? `${role}-${randomBytes(5).toString('hex')}@staff.test`;
  const { user } = await t.ctx.people.users.create({ email: address, role, passwordHash: await sharedHash }, { actor: 'test' });
  return { id: user.id, email: user.email, role: user.role, password: TEST_PASSWORD };
}

/** A bearer token (`vgs_…`) for a new staff user of that role: `api.get(url, { token })`. */
export async function staffToken(t: TestApp, role: Role = 'moderator'): Promise<string> {
  return (await staffTokenFor(t, role)).token;
}

/** Like staffToken, with the user too (for tests that look at who acted). */
export async function staffTokenFor(t: TestApp, role: Role = 'moderator'): Promise<{ token: string; user: TestStaffUser }> {
  const user = await staffUser(t, role);
  const { token } = await t.ctx.people.tokens.mint({ userId: user.id, email: user.email, role }, 'test');
  return { token, user };
}

/** An API key (`vgk_…`). Authority keys need a country; it defaults to "DE" for them. A platform key's org is its platform's name (a slug). */
export async function apiKey(t: TestApp, kind: ApiKeyKind, org?: string, country?: string | null): Promise<string> {
  const c = country === undefined ? (kind === 'authority' ? 'DE' : null) : country;
  return (await t.ctx.people.keys.create({ kind, org: org ?? (kind === 'platform' ? 'test-platform' : 'Test org'), country: c }, 'test')).key;
}

export interface ConsoleSession {
  user: TestStaffUser;
  /** The `vigil_session=…` pair to send as the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Headers for a request made as the console: cookie, plus the CSRF token (send it on writes). */
  headers: Record<string, string>;
}

/** Logs a new staff user of the role in through POST /api/v1/session, as the console does. */
export async function consoleSession(t: TestApp, role: Role = 'moderator'): Promise<ConsoleSession> {
  const user = await staffUser(t, role);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'vigil_session');
  if (!set) throw new Error('login set no vigil_session cookie');
  const cookie = `vigil_session=${set.value}`;
  const { csrfToken } = res.json() as { csrfToken: string };
  return { user, cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
