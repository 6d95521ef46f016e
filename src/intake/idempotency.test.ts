import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameRequest, requestFingerprint } from './idempotency.ts';

test('a request fingerprint ignores member order and sees every value', () => {
  const a = requestFingerprint({ subject: '/c/x', category: 'spam', contact: { name: 'A', email: 'a@example.org' } });
  assert.equal(a, requestFingerprint({ contact: { email: 'a@example.org', name: 'A' }, category: 'spam', subject: '/c/x' }));
  assert.notEqual(a, requestFingerprint({ subject: '/c/x', category: 'spam', contact: { name: 'B', email: 'a@example.org' } }));
  assert.match(a, /^[0-9a-f]{64}$/);
});

test('another body under the same key is a 422; rows without a fingerprint replay', () => {
  const f = requestFingerprint({ a: 1 });
  assert.doesNotThrow(() => assertSameRequest({ request_fingerprint: f }, f));
  assert.doesNotThrow(() => assertSameRequest({ request_fingerprint: null }, f));
  assert.throws(() => assertSameRequest({ request_fingerprint: f }, requestFingerprint({ a: 2 })), { status: 422, code: 'idempotency_key_reused' });
});
