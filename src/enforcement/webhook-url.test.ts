import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWebhookUrl, isNonPublicAddress } from './webhook-url.ts';

const strict = { allowPrivate: false, allowHttp: false };
const dev = { allowPrivate: true, allowHttp: true };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'accepted';
};

test('public https URLs are accepted as they are', () => {
  assert.equal(checkWebhookUrl('https://hooks.example.com/vigil?x=1', strict), 'https://hooks.example.com/vigil?x=1');
  assert.equal(checkWebhookUrl('https://93.184.216.34:8443/h', strict), 'https://93.184.216.34:8443/h');
});

test('other schemes, credentials, fragments and over-long URLs are refused', () => {
  for (const url of [
    'ftp://example.com/',
    'http://example.com/',
    'file:///etc/passwd',
    'https://user:pw@example.com/',
    'https://example.com/#x',
    'not a url',
    `https://example.com/${'a'.repeat(2100)}`,
  ]) {
    assert.equal(
      code(() => checkWebhookUrl(url, strict)),
      'invalid_webhook_url',
      url,
    );
  }
  assert.equal(
    code(() => checkWebhookUrl('http://example.com/', dev)),
    'accepted',
  );
});

test('loopback, private, link-local and mapped addresses are refused unless allowed', () => {
  for (const url of [
    'https://127.0.0.1/',
    'https://localhost/',
    'https://api.localhost/',
    'https://10.1.2.3/',
    'https://192.168.0.1/',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[fd00::1]/',
    'https://0.0.0.0/',
  ]) {
    assert.equal(
      code(() => checkWebhookUrl(url, strict)),
      'invalid_webhook_url',
      url,
    );
    assert.equal(
      code(() => checkWebhookUrl(url, dev)),
      'accepted',
      url,
    );
  }
  assert.equal(isNonPublicAddress('example.com'), false);
  assert.equal(isNonPublicAddress('8.8.8.8'), false);
});
