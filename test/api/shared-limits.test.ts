// Rate limits shared by several API processes through Redis (VIGIL_REDIS_URL): two applications on the same
// database count against one budget, so N requests pass across both and the next is refused wherever it
// arrives. Each run counts under its own random key prefix, so runs in parallel do not collide. With Redis
// unreachable, limits fail open and say so (a warning, and the store gauge at 0).
//
// Needs Redis (VIGIL_TEST_REDIS_URL, default redis://127.0.0.1:6379): skipped with a message when it is not
// reachable, except in CI (CI set), which has Redis, where that is a failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startPeerApp, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { account, assertLimited, channel, report, send, signUp } from '../helpers/from-address.ts';

const REDIS_URL = process.env.VIGIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why Redis cannot be used, or undefined when it answers. */
async function redisProblem(): Promise<string | undefined> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let refused: Error | undefined;
  probe.on('error', (err) => {
    refused ??= err;
  });
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (err) {
    return (refused ?? (err as Error)).message;
  } finally {
    probe.disconnect();
  }
}

const problem = await redisProblem();
const skip = problem && !process.env.CI ? `Redis is not reachable at ${REDIS_URL} (${problem}): start it, or set VIGIL_TEST_REDIS_URL` : false;

describe('rate limits shared by two API processes through Redis', { skip }, () => {
  const prefix = `vigil-test:${randomBytes(6).toString('hex')}:`;
  let a: TestApp;
  let b: TestApp;
  let subject: string;
  before(async () => {
    a = await startTestApp({ redisUrl: REDIS_URL, redisPrefix: prefix, signupLimit: 3, accountReportLimit: 2, loginAttemptsPerAddress: 2 });
    b = await startPeerApp(a);
    subject = await channel(a, 'shared_limits', '192.0.2.1');
  });
  after(async () => {
    await b?.close();
    await a?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('sign-ups per address: three pass across both processes, the fourth is refused by either', async () => {
    assert.equal((await signUp(a, '203.0.113.7')).status, 201);
    assert.equal((await signUp(b, '203.0.113.7')).status, 201);
    assert.equal((await signUp(a, '203.0.113.7')).status, 201);
    assertLimited(await signUp(b, '203.0.113.7'), 60 * 59);
    assertLimited(await signUp(a, '203.0.113.7'), 60 * 59);
    assert.equal((await signUp(b, '203.0.113.8')).status, 201, 'another address has its own budget');
  });

  test('reports per account: the budget follows the account from one process to the other', async () => {
    const token = await account(a, '198.51.100.1');
    assert.equal((await report(b, subject, '198.51.100.2', token)).status, 202);
    assert.equal((await report(a, subject, '198.51.100.3', token)).status, 202);
    const refused = await report(b, subject, '198.51.100.4', token);
    assertLimited(refused, 60 * 59);
    assert.equal(refused.body.error.code, 'rate_limited');
  });

  test('console logins per address (a limit checked in a handler) are shared too', async () => {
    const login = (t: TestApp, i: number) =>
      send(t, 'POST', '/api/v1/session', { ip: '2001:db8:9::1', body: { email: `spray${i}@staff.test`, password: 'x' } });
    assert.equal((await login(a, 1)).status, 401);
    assert.equal((await login(b, 2)).status, 401);
    assertLimited(await login(a, 3), 1);
  });

  test('the counters are in Redis, under this deployment’s prefix', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}*`);
      assert.ok(
        keys.some((k) => k.includes('signup|203.0.113.7')),
        keys.join(', '),
      );
    } finally {
      await redis.quit();
    }
    const metrics = await a.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.match(metrics.body, /^vigil_rate_limit_store_up 1$/m);
  });
});

describe('rate limits when Redis is unreachable', () => {
  let t: TestApp;
  let logged = '';
  before(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += chunk;
        done();
      },
    });
    // Port 1: nothing listens there, so every connection is refused at once.
    t = await startTestApp({ redisUrl: 'redis://127.0.0.1:1', signupLimit: 1 }, { logger: pino({ level: 'warn' }, sink) });
  });
  after(() => t?.close());

  test('limited requests go through (fail open), with a warning and the store gauge at 0', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await signUp(t, '203.0.113.50')).status, 201, 'not refused for want of a counter');
    assert.match(logged, /Redis is unreachable: rate limits are NOT enforced/);
    assert.equal(logged.match(/Redis is unreachable/g)?.length, 1, 'one warning per outage, not one per request');
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.match(metrics.body, /^vigil_rate_limit_store_up 0$/m);
  });

  test('a malformed VIGIL_REDIS_URL fails at start, without echoing it', async () => {
    const { loadConfig } = await import('../../src/config.ts');
    assert.throws(() => loadConfig({ VIGIL_REDIS_URL: 'localhost:6379' }), /VIGIL_REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    assert.throws(
      () => loadConfig({ VIGIL_REDIS_URL: 'http://h:1' }),
      (err: Error) => !err.message.includes('http://h:1'),
    );
    assert.equal(loadConfig({ VIGIL_REDIS_URL: 'redis://cache:6379/2' }).redisUrl, 'redis://cache:6379/2');
    assert.equal(loadConfig({}).redisUrl, undefined);
    assert.equal(loadConfig({}).redisPrefix, 'vigil:rl:');
  });
});
