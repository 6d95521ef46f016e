import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import { createLogger, redactUrl } from '../../src/logger.ts';
import { freshPostgres } from '../helpers/test-app.ts';

test('redactUrl hides receipts, PINs and tokens in query strings', () => {
  assert.equal(redactUrl('/report/status/rep_1?receipt=rcpt_abc&x=1'), '/report/status/rep_1?receipt=[redacted]&x=1');
  assert.equal(redactUrl('/a?x=1&PIN=1234&token=vga_z'), '/a?x=1&PIN=[redacted]&token=[redacted]');
  assert.equal(redactUrl('/c/news'), '/c/news');
});

test('redactUrl compares parameter names as the server decodes them, and never throws', () => {
  assert.equal(redactUrl('/api/v1/reports/rep_1?%72eceipt=rcpt_abc'), '/api/v1/reports/rep_1?%72eceipt=[redacted]');
  assert.equal(redactUrl('/api/v1/reports/rep_1?RECEIPT=rcpt_abc'), '/api/v1/reports/rep_1?RECEIPT=[redacted]');
  assert.equal(redactUrl('/a?a=1&%70in=12345678'), '/a?a=1&%70in=[redacted]');
  assert.equal(redactUrl('/a?%2570in=1'), '/a?%2570in=1', 'read as "%70in" by the server: not a PIN');
  assert.equal(redactUrl('/a?x-receipt=r&access_token=t&cursor=c2'), '/a?x-receipt=[redacted]&access_token=[redacted]&cursor=c2');
  // Malformed percent-encoding: no exception, and a name that cannot be read is redacted.
  assert.equal(redactUrl('/api/v1/channels/%E0%A4%A?receipt=r'), '/api/v1/channels/%E0%A4%A?receipt=[redacted]');
  assert.equal(redactUrl('/a?%E0%A4%A=rcpt_abc&b=%E0%A4%A'), '/a?%E0%A4%A=[redacted]&b=%E0%A4%A');
  assert.equal(redactUrl('/a?receipt=1#frag'), '/a?receipt=[redacted]#[redacted]');
});

test('request logs never contain a receipt or a bearer token', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-log-'));
  const pg = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
  const ctx = await createContext(loadConfig({}, { dataDir, databaseUrl: pg?.url ?? '' }), createLogger('info', sink));
  const app = await buildApp(ctx);
  try {
    await app.inject({
      method: 'GET',
      url: '/api/v1/reports/rep_x?receipt=rcpt_TOPSECRET',
      headers: { authorization: 'Bearer vga_TOPSECRET2', 'x-receipt': 'rcpt_TOPSECRET3' },
    });
    await app.inject({ method: 'GET', url: '/api/v1/reports/rep_x?%72eceipt=rcpt_TOPSECRET4' });
    await app.inject({ method: 'GET', url: '/report/status/rep_x?a=1&%70in=TOPSECRET5&RECEIPT=TOPSECRET6' });
    await app.inject({ method: 'GET', url: '/api/v1/channels/%E0%A4%A?receipt=TOPSECRET7' });
    const log = lines.join('');
    assert.match(log, /incoming request/);
    assert.ok(!log.includes('TOPSECRET'), log);
  } finally {
    await app.close();
    await ctx.close();
    await pg?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
