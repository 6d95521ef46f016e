// The input and error contract: every error, from any layer (our routes, Fastify's router and body
// parsers, @fastify/multipart, Node's HTTP parser), answers {"error":{"code","message"}} as JSON, and
// text that is not well-formed Unicode is refused rather than stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';
import { staffToken } from '../helpers/people.ts';

function assertErrorShape(body: unknown, code: string) {
  assert.ok(body && typeof body === 'object', 'a JSON body');
  assert.deepEqual(Object.keys(body), ['error']);
  const e = (body as { error: Record<string, unknown> }).error;
  assert.equal(e.code, code);
  assert.equal(typeof e.message, 'string');
  assert.ok((e.message as string).length > 0);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'details'].includes(k), `unexpected field ${k}`);
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  closed: boolean;
}

/** Sends bytes on a fresh connection and reads one HTTP/1.1 response (Content-Length framed). */
function rawRequest(port: number, data: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer: ${JSON.stringify(buf.toString('latin1'))}`));
    }, 5000);
    const finish = () => {
      clearTimeout(timer);
      const text = buf.toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return reject(new Error(`no response: ${JSON.stringify(text)}`));
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
      const body = text.slice(end + 4);
      assert.equal(Buffer.byteLength(body), Number(headers['content-length']), 'Content-Length frames the body');
      resolve({ status: Number(statusLine?.split(' ')[1]), headers, body: JSON.parse(body), closed: true });
    };
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
    });
    socket.on('close', finish);
    socket.on('error', () => {});
  });
}

const boundary = 'vigil-contract-boundary';
const multipartType = `multipart/form-data; boundary=${boundary}`;
const filePart = (bytes: Buffer) =>
  Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), bytes]);
const textPart = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

describe('input and error contract', () => {
  let t: TestApp;
  let api: Api;
  let token: string;
  let port: number;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t.app);
    token = (await api.account('Contract')).token;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  after(async () => {
    await t.close();
  });

  const mediaCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('media')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (payload: string | Buffer, contentType = multipartType) =>
    t.app.inject({ method: 'POST', url: '/api/v1/media', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });

  describe('multipart uploads', () => {
    test('malformed and truncated bodies are a 400 invalid_multipart, and nothing is stored', async () => {
      const png = await pngImage(8, 8);
      const before = await mediaCount();
      for (const [label, payload, type] of [
        ['no boundary', 'abc', 'multipart/form-data'],
        ['garbage', 'not multipart at all', multipartType],
        ['a part cut off in its body', filePart(png.subarray(0, 20)), multipartType],
        ['a part cut off in its headers', `--${boundary}\r\nContent-Disposition: form-da`, multipartType],
        // The whole image arrived and its part ended, but the body never closed: it is not stored either.
        ['no closing boundary', Buffer.concat([filePart(png), Buffer.from(`\r\n--${boundary}`)]), multipartType],
      ] as const) {
        const r = await upload(payload, type);
        assert.equal(r.statusCode, 400, `${label}: ${r.body}`);
        assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8/);
        assertErrorShape(r.json(), 'invalid_multipart');
      }
      assert.equal(await mediaCount(), before, 'nothing partial was stored');
    });

    test('a body with only a text field is a 400 that says a file part is required', async () => {
      const r = await upload(`${textPart('file', 'photo.jpg')}--${boundary}--\r\n`);
      assert.equal(r.statusCode, 400, r.body);
      assertErrorShape(r.json(), 'missing_file');
      assert.match(r.json().error.message, /no file part/);
      assert.match(r.json().error.message, /"file"/, 'names the text field that was sent instead');
    });

    test('two files are a 400; a text field beside the file is not read', async () => {
      const png = await pngImage(8, 8);
      const two = Buffer.concat([filePart(png), Buffer.from('\r\n'), filePart(png), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const r = await upload(two);
      assert.equal(r.statusCode, 400, r.body);
      assertErrorShape(r.json(), 'invalid_multipart');
      const withField = Buffer.concat([Buffer.from(textPart('caption', 'hello')), filePart(png), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const ok = await upload(withField);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().mime, 'image/png');
    });
  });

  describe("Fastify's own errors", () => {
    test('a parameter over 100 characters is a 400 invalid_request, like one of 65 to 100', async () => {
      for (const n of [99, 101, 5000]) {
        const r = await api.get(`/api/v1/channels/${'a'.repeat(n)}`);
        assert.equal(r.status, 400, `${n}: ${r.text}`);
        assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8/);
        assertErrorShape(r.body, 'invalid_request');
      }
      const page = await api.get(`/c/${'a'.repeat(101)}`);
      assert.equal(page.status, 400);
      assert.match(String(page.headers['content-type']), /^text\/html/, 'preview pages keep their HTML error page');
    });

    test('a path that is not percent-encoded UTF-8 is a 400 invalid_url', async () => {
      for (const url of ['/api/v1/channels/%E0%A4%A', '/api/v1/channels/%ff', '/api/v1/channels/%ED%A0%80', '/api/v1/media/%C0%AF']) {
        const r = await api.get(url);
        assert.equal(r.status, 400, url);
        assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8/);
        assertErrorShape(r.body, 'invalid_url');
      }
      const page = await api.get('/c/%E0%A4%A');
      assert.equal(page.status, 400);
      assert.match(String(page.headers['content-type']), /^text\/html/);
    });

    test('bodies: unsupported type, empty, invalid, not an object, too large, poisoned', async () => {
      const post = (payload: string | Buffer, contentType: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/channels',
          headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
          payload,
        });
      const cases: Array<[string, string | Buffer, string, number, string]> = [
        ['text/plain', 'handle=x', 'text/plain', 415, 'unsupported_media_type'],
        ['form', 'handle=x', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
        ['empty', '', 'application/json', 400, 'invalid_request'],
        ['invalid', '{"handle": ', 'application/json', 400, 'invalid_json'],
        ['array', '[{"handle":"arr_body","title":"x"}]', 'application/json', 400, 'invalid_request'],
        ['scalar', '42', 'application/json', 400, 'invalid_request'],
        ['string', '"hello"', 'application/json', 400, 'invalid_request'],
        ['null', 'null', 'application/json', 400, 'invalid_request'],
        ['too large', `{"handle":"big_body","title":"${'x'.repeat(1024 * 1024)}"}`, 'application/json', 413, 'payload_too_large'],
        ['__proto__', '{"handle":"proto_body","title":"x","__proto__":{"admin":true}}', 'application/json', 400, 'invalid_json'],
        ['constructor.prototype', '{"handle":"ctor_body","title":"x","constructor":{"prototype":{"admin":true}}}', 'application/json', 400, 'invalid_json'],
      ];
      for (const [label, payload, type, status, code] of cases) {
        const r = await post(payload, type);
        assert.equal(r.statusCode, status, `${label}: ${r.body}`);
        assert.match(String(r.headers['content-type']), /^application\/json; charset=utf-8/);
        assertErrorShape(r.json(), code);
      }
      assert.equal((await post('{"handle":"json_charset","title":"x"}', 'application/json; charset=utf-8')).statusCode, 201, 'a charset parameter is fine');
    });

    test('a repeated query parameter, HEAD, OPTIONS and an unrouted method keep the shape', async () => {
      const repeated = await api.get('/api/v1/channels/x_channel/posts?cursor=a&cursor=b');
      assert.equal(repeated.status, 400);
      assertErrorShape(repeated.body, 'invalid_request');
      for (const [method, url] of [
        ['OPTIONS', '/api/v1/channels'],
        ['PUT', '/api/v1/channels'],
        ['PATCH', '/api/v1/accounts'],
      ] as const) {
        const r = await t.app.inject({ method, url });
        assert.equal(r.statusCode, 404, `${method} ${url}`);
        assertErrorShape(r.json(), 'not_found');
      }
      const head = await t.app.inject({ method: 'HEAD', url: '/api/v1/nothing-here' });
      assert.equal(head.statusCode, 404);
      assert.match(String(head.headers['content-type']), /^application\/json; charset=utf-8/);
      assert.equal((await t.app.inject({ method: 'HEAD', url: '/healthz' })).statusCode, 200);
    });
  });

  describe("what Node's HTTP server refuses, on a real socket", () => {
    const shaped = (r: RawResponse, status: number, code: string) => {
      assert.equal(r.status, status);
      assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(r.headers.connection?.toLowerCase(), 'close');
      // No hook runs for these answers; they carry the protective headers all the same.
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.match(String(r.headers['content-security-policy']), /default-src 'none'/);
      assertErrorShape(r.body, code);
    };

    test('an unknown method is a 501, garbage a 400, oversized headers a 431', async () => {
      shaped(await rawRequest(port, 'FOO /api/v1/channels HTTP/1.1\r\nHost: x\r\n\r\n'), 501, 'method_not_implemented');
      shaped(await rawRequest(port, 'hello there\r\n\r\n'), 400, 'malformed_request');
      shaped(await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'), 400, 'malformed_request');
      shaped(
        await rawRequest(port, 'POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
        400,
        'malformed_request',
      );
      shaped(
        await rawRequest(port, Buffer.concat([Buffer.from('GET /c/caf'), Buffer.from([0xc3, 0xa9]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')])),
        400,
        'malformed_request',
      );
      shaped(await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'headers_too_large');
    });

    test('a missing Host, an unmet Expect and CONNECT keep the shape', async () => {
      shaped(await rawRequest(port, 'GET /healthz HTTP/1.1\r\n\r\n'), 400, 'missing_host');
      shaped(await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\n\r\n'), 417, 'expectation_failed');
      shaped(await rawRequest(port, 'CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n'), 501, 'method_not_implemented');
      const ok = await rawRequest(port, 'GET /healthz HTTP/1.0\r\n\r\n');
      assert.equal(ok.status, 200, 'HTTP/1.0 needs no Host');
    });

    test("the router's errors answer the shape over a socket too", async () => {
      shaped(await rawRequest(port, 'GET /api/v1/channels/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 400, 'invalid_url');
      shaped(await rawRequest(port, `GET /api/v1/channels/${'a'.repeat(101)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), 400, 'invalid_request');
    });
  });

  describe('text is well-formed Unicode', () => {
    const postChannel = (payload: string | Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });

    test('a lone surrogate in a value or a key is a 400 invalid_text naming the field, and nothing is stored', async () => {
      for (const [payload, field] of [
        ['{"handle":"lone_value","title":"a\\ud800b"}', 'title'],
        ['{"handle":"lone_low","title":"x","description":"\\udc00"}', 'description'],
        ['{"handle":"lone_key","title":"x","\\ud83d":1}', '\ud83d'],
      ] as const) {
        const r = await postChannel(payload);
        assert.equal(r.statusCode, 400, r.body);
        assertErrorShape(r.json(), 'invalid_text');
        assert.equal(r.json().error.details[0].field, field);
        assert.ok(r.json().error.message.includes(`"${field}"`), 'the message names the field');
        const handle = JSON.parse(payload).handle as string;
        assert.equal((await api.get(`/api/v1/channels/${handle}`)).status, 404, `${handle} was not created`);
      }
      const nested = await api.post('/api/v1/reports', {
        subject: 'https://example.org/c/x_channel',
        category: 'fraud',
        explanation: 'x',
        bonaFide: true,
        contact: { email: '\ud800@example.org' },
      });
      assert.equal(nested.status, 400, nested.text);
      assertErrorShape(nested.body, 'invalid_text');
      assert.equal(nested.body.error.details[0].field, 'contact.email');
    });

    test('invalid UTF-8 bytes in a JSON body are a 400 invalid_text, not U+FFFD', async () => {
      const r = await postChannel(Buffer.concat([Buffer.from('{"handle":"bad_bytes","title":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
      assert.equal(r.statusCode, 400, r.body);
      assertErrorShape(r.json(), 'invalid_text');
      assert.equal(r.json().error.details[0].field, 'title');
      assert.equal((await api.get('/api/v1/channels/bad_bytes')).status, 404);
      const overlong = await postChannel(Buffer.concat([Buffer.from('{"handle":"overlong","title":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]));
      assert.equal(overlong.statusCode, 400);
      assertErrorShape(overlong.json(), 'invalid_text');
    });

    test('well-formed text of any script, emoji and a genuine U+FFFD are still accepted', async () => {
      const title = 'Новости · أخبار · 新闻 · 👩🏽‍💻 · \ufffd';
      const r = await postChannel(JSON.stringify({ handle: 'all_scripts', title }));
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().title, title);
      const escaped = await postChannel('{"handle":"escaped_pair","title":"\\ud83d\\ude00"}');
      assert.equal(escaped.statusCode, 201, 'an escaped surrogate pair is one well-formed character');
      assert.equal(escaped.json().title, '😀');
    });

    test('a deeply nested body is checked without exhausting the stack', async () => {
      const depth = 200_000;
      const r = await postChannel(`{"handle":"deep_body","title":"x","deep":${'['.repeat(depth)}"\\udfff"${']'.repeat(depth)}}`);
      assert.equal(r.statusCode, 400, r.body.slice(0, 300));
      assertErrorShape(r.json(), 'invalid_text');
      assert.ok(r.json().error.details[0].field.length < 200, 'the field path is shortened');
    });

    // Found by fuzz-routes.test.ts: POST /api/v1/admin/keys/%00/revoke was a 500 on PostgreSQL, whose
    // text cannot hold U+0000 (SQLite stored it). Refused everywhere, so both stores take the same input.
    test('a NUL character in a body, a path parameter or the query is a 400 invalid_text naming the field', async () => {
      const body = await postChannel('{"handle":"nul_title","title":"a\\u0000b"}');
      assert.equal(body.statusCode, 400, body.body);
      assertErrorShape(body.json(), 'invalid_text');
      assert.equal(body.json().error.details[0].field, 'title');
      assert.match(body.json().error.message, /NUL/);
      assert.equal((await api.get('/api/v1/channels/nul_title')).status, 404, 'nothing was created');
      const admin = await staffToken(t, 'admin');
      for (const [url, field] of [
        ['/api/v1/admin/keys/%00/revoke', 'id'],
        ['/api/v1/admin/keys/a%00b/revoke', 'id'],
      ] as const) {
        const r = await api.post(url, {}, { token: admin });
        assert.equal(r.status, 400, `${url}: ${r.text}`);
        assertErrorShape(r.body, 'invalid_text');
        assert.equal(r.body.error.details[0].field, field);
      }
      const query = await api.get('/api/v1/channels/x_channel/posts?cursor=%00');
      assert.equal(query.status, 400, query.text);
      assertErrorShape(query.body, 'invalid_text');
      assert.equal(query.body.error.details[0].field, 'cursor');
    });

    test('a query parameter that is not percent-encoded UTF-8 is a 400 invalid_text naming it', async () => {
      for (const q of ['cursor=%ff', 'cursor=%ED%A0%80', 'cursor=%E0%A4%A']) {
        const r = await api.get(`/api/v1/channels/x_channel/posts?${q}`);
        assert.equal(r.status, 400, q);
        assertErrorShape(r.body, 'invalid_text');
        assert.equal(r.body.error.details[0].field, 'cursor');
      }
      const page = await api.get('/c/x_channel?ref=%ff');
      assert.equal(page.status, 400);
      assert.match(String(page.headers['content-type']), /^text\/html/);
    });
  });
});
