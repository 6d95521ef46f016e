// The input and error contract: every error, from any layer (our routes, Fastify's router and body
// parsers, @fastify/multipart, Node's HTTP parser), answers {"error":{"code","message"}} as JSON, and
// text that is not well-formed Unicode is refused rather than stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { apiClient, type Api } from '../helpers/api.ts';
import { pngImage } from '../helpers/images.ts';

function assertErrorShape(body: unknown, code: string) {
  assert.ok(body && typeof body === 'object', 'a JSON body');
  assert.deepEqual(Object.keys(body), ['error']);
  const e = (body as { error: Record<string, unknown> }).error;
  assert.equal(e.code, code);
  assert.equal(typeof e.message, 'string');
  assert.ok((e.message as string).length > 0);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'details'].includes(k), `unexpected field ${k}`);
}

interface RawResponse { status: number; headers: Record<string, string>; body: unknown; closed: boolean }

/** Sends bytes on a fresh connection and reads one HTTP/1.1 response (Content-Length framed). */
function rawRequest(port: number, data: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no complete answer: ${JSON.stringify(buf.toString('latin1'))}`)); }, 5000);
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
    socket.on('data', (d) => { buf = Buffer.concat([buf, d]); });
    socket.on('close', finish);
    socket.on('error', () => {});
  });
}

const boundary = 'vigil-contract-boundary';
const multipartType = `multipart/form-data; boundary=${boundary}`;
const filePart = (bytes: Buffer) => Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), bytes]);
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
  after(async () => { await t.close(); });

  const mediaCount = async () => Number((await t.ctx.db.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const upload = (payload: string | Buffer, contentType = multipartType) =>
    t.app.inject({ method: 'POST', url: '/api/v1/media', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });

  describe('text is well-formed Unicode', () => {
    const postChannel = (payload: string | Buffer) => t.app.inject({
      method: 'POST', url: '/api/v1/channels', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload });

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
      const nested = await api.post('/api/v1/reports', { subject: 'https://example.org/c/x_channel', category: 'fraud', explanation: 'x', bonaFide: true, contact: { email: '\ud800@example.org' } });
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
