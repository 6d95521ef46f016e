import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MediaFetcher } from './media-fetch.ts';

let server: Server;
let base: string;
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/small') res.end(Buffer.alloc(100, 1));
    else if (req.url === '/big') res.end(Buffer.alloc(5000, 1));
    else if (req.url === '/redirect') res.writeHead(302, { location: '/small' }).end();
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 2000);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const fetcher = (o: Partial<{ maxBytes: number; timeoutMs: number; allowPrivate: boolean }> = {}) =>
  new MediaFetcher({ maxBytes: 1000, timeoutMs: 500, allowPrivate: true, ...o });

test('fetches the bytes of a 2xx answer', async () => {
  const r = await fetcher().fetch(`${base}/small`);
  assert.ok(r.ok);
  assert.equal(r.bytes.length, 100);
});

test('refuses loopback and private addresses unless allowed', async () => {
  const r = await fetcher({ allowPrivate: false }).fetch(`${base}/small`);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /127\.0\.0\.1|private|not allowed/i);
});

test('stops at the byte limit, does not follow redirects, and gives up after its time limit', async () => {
  const big = await fetcher().fetch(`${base}/big`);
  assert.deepEqual(big, { ok: false, reason: 'larger than 1000 bytes' });
  assert.deepEqual(await fetcher().fetch(`${base}/redirect`), { ok: false, reason: 'the platform answered 302' });
  const started = performance.now();
  assert.deepEqual(await fetcher({ timeoutMs: 200 }).fetch(`${base}/slow`), { ok: false, reason: 'no answer within 200 ms' });
  assert.ok(performance.now() - started < 1500);
  assert.deepEqual(await fetcher().fetch('ftp://example.org/x.png'), { ok: false, reason: 'not an http(s) URL' });
  assert.deepEqual(await fetcher().fetch('http://user:pw@example.org/x.png'), { ok: false, reason: 'credentials in the URL' });
});
