// Requests as they arrive from one address (app.inject with remoteAddress), for the tests of per-address
// and per-principal limits.
import assert from 'node:assert/strict';
import type { TestApp } from './test-app.ts';

export interface Sent {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

/** One request as it arrives from an address (and maybe through a proxy's headers). */
export async function send(
  t: TestApp,
  method: 'GET' | 'POST',
  url: string,
  opts: { ip: string; token?: string; body?: unknown; headers?: Record<string, string> },
): Promise<Sent> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.app.inject({ method, url, headers, remoteAddress: opts.ip, payload: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

export const signUp = (t: TestApp, ip: string) => send(t, 'POST', '/api/v1/accounts', { ip, body: { displayName: 'Someone' } });

export async function account(t: TestApp, ip: string): Promise<string> {
  const r = await signUp(t, ip);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.token;
}

export async function channel(t: TestApp, handle: string, ip: string): Promise<string> {
  const owner = await account(t, ip);
  const r = await send(t, 'POST', '/api/v1/channels', { ip, token: owner, body: { handle, title: 'Benign channel' } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return `/c/${handle}`;
}

export const report = (t: TestApp, subject: string, ip: string, token?: string, headers?: Record<string, string>) =>
  send(t, 'POST', '/api/v1/reports', {
    ip,
    token,
    headers,
    body: token ? { subject, category: 'spam' } : { subject, category: 'spam', explanation: 'Spam sent to everyone', bonaFide: true },
  });

export function assertLimited(r: Sent, atLeastSeconds: number): void {
  assert.equal(r.status, 429, JSON.stringify(r.body));
  assert.equal(r.body.error.code, 'rate_limited');
  assert.equal(typeof r.body.error.message, 'string');
  const retry = Number(r.headers['retry-after']);
  assert.ok(Number.isInteger(retry) && retry >= atLeastSeconds, `Retry-After ${String(r.headers['retry-after'])}`);
  assert.equal(r.headers['x-ratelimit-remaining'], '0');
}
