// docs/INTEGRATION.md runs: every ```sh block and every ```ts block marked `example:<name>` is run against
// a real Vigil process, with the variables the page names filled in ($VIGIL_URL, $PLATFORM_KEY,
// $WEBHOOK_URL, $ENDPOINT_ID, $WEBHOOK_SECRET), in the order a platform would run them, and what each prints
// is checked. The page's webhook receiver runs as a process of its own and must print the post.removed
// that a moderator's decision sends. A block added to the page without a name, or never run here, fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { staffToken } from '../helpers/people.ts';
import { freePort, startServerProcess, stopServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Block {
  lang: string;
  name: string | undefined;
  code: string;
}

/** The page's fenced blocks: ```lang example:name … ```. */
function fencedBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```\s*$/gm)].map((m) => ({
    lang: m[1],
    name: /\bexample:([\w-]+)/.exec(m[2])?.[1],
    code: m[3],
  }));
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('docs/INTEGRATION.md', { timeout: 60_000 }, () => {
  let blocks: Block[];
  let t: TestApp;
  let vigil: ServerProcess;
  let bin: string;
  let receiver: ChildProcess | undefined;
  let receiverOut = '';
  const vars: Record<string, string> = {};
  const ran = new Set<string>();

  before(async () => {
    blocks = fencedBlocks(await readFile(path.join(ROOT, 'docs/INTEGRATION.md'), 'utf8'));
    t = await startTestApp({}, { runJobs: false });
    vigil = await startServerProcess({
      VIGIL_DATA_DIR: t.config.dataDir,
      VIGIL_DATABASE_URL: t.config.databaseUrl,
      VIGIL_WEBHOOK_ALLOW_PRIVATE: '1',
      VIGIL_WEBHOOK_ALLOW_HTTP: '1',
      VIGIL_JOB_POLL_MS: '100',
      VIGIL_DECODE_WORKERS: '1',
      VIGIL_ADMIN_EMAIL: '',
      VIGIL_REDIS_URL: '',
    });
    // `vigil` on the PATH, as an operator has it, on the test's database.
    bin = await mkdtemp(path.join(os.tmpdir(), 'vigil-doc-bin-'));
    await writeFile(path.join(bin, 'vigil'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'src/main.ts')}" "$@"\n`);
    await chmod(path.join(bin, 'vigil'), 0o755);
    vars.VIGIL_URL = vigil.base;
  });
  after(async () => {
    receiver?.kill('SIGTERM');
    if (vigil) await stopServerProcess(vigil).catch(() => vigil.child.kill('SIGKILL'));
    await t?.close();
    if (bin) await rm(bin, { recursive: true, force: true });
  });

  const env = () => ({
    ...process.env,
    ...vars,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    VIGIL_DATA_DIR: t.config.dataDir,
    VIGIL_DATABASE_URL: t.config.databaseUrl,
    VIGIL_ADMIN_EMAIL: '',
    LOG_LEVEL: 'warn',
  });

  const block = (name: string): Block => {
    const b = blocks.find((x) => x.name === name);
    assert.ok(b, `docs/INTEGRATION.md has no block example:${name}`);
    ran.add(name);
    return b;
  };

  /** Runs a sh block in bash (failing on the first failing command) and answers its output. */
  const sh = (name: string): Promise<string> => {
    const { code } = block(name);
    return new Promise((resolve, reject) =>
      execFile('bash', ['-e', '-o', 'pipefail', '-c', code], { env: env(), timeout: 30_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`example:${name} failed: ${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
      ),
    );
  };
  const json = async (name: string) => JSON.parse(await sh(name));

  /** Runs a ts block with Node from the repository (so `vigil/client` resolves), its code on stdin. */
  const ts = (name: string, extra: Record<string, string> = {}): ChildProcess => {
    const child = spawn(process.execPath, ['--input-type=module-typescript'], { cwd: ROOT, env: { ...env(), ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin?.end(block(name).code);
    return child;
  };
  const tsOutput = (name: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = ts(name);
      let out = '';
      let err = '';
      child.stdout?.on('data', (d) => {
        out += d;
      });
      child.stderr?.on('data', (d) => {
        err += d;
      });
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`example:${name} exited ${code}:\n${out}\n${err}`))));
    });

  test('every sh block is named, so none goes untested', () => {
    const unnamed = blocks.filter((b) => b.lang === 'sh' && !b.name);
    assert.deepEqual(unnamed, []);
    assert.ok(blocks.filter((b) => b.name).length >= 10);
  });

  test('a platform connects as the page says: key, content, reports, webhooks, the client', async () => {
    const key = await sh('key');
    vars.PLATFORM_KEY = /^key: (vgk_\S+)$/m.exec(key)?.[1] ?? '';
    assert.ok(vars.PLATFORM_KEY, key);

    const channel = await json('channel');
    assert.deepEqual([channel.platform, channel.kind, channel.id, channel.verdict], ['forum', 'channel', 'general', 'allow']);
    const post = await json('post');
    assert.deepEqual([post.id, post.verdict, post.media[0].scanned, post.media[0].mime], ['98765', 'allow', true, 'image/png']);
    assert.deepEqual((await json('get')).actions, []);

    const byUrl = await json('report-url');
    assert.equal(byUrl.status, 'received');
    const byId = await json('report-id');
    assert.equal(byId.status, 'received');
    assert.equal((await json('report-id')).id, byId.id, 'the same Idempotency-Key is the same report');
    const moderator = await staffToken(t, 'moderator');
    const auth = { authorization: `Bearer ${moderator}`, 'content-type': 'application/json' };
    const queue = (await (await fetch(`${vigil.base}/api/v1/cases?limit=50`, { headers: auth })).json()) as any;
    const cases = queue.cases.filter((c: any) => c.platform === 'forum');
    assert.deepEqual(
      cases.map((c: any) => c.reportCount),
      [2],
      'both reports are on the channel’s one case',
    );
    const caseId = cases[0].id;

    const port = await freePort();
    vars.WEBHOOK_URL = `http://127.0.0.1:${port}/vigil/webhooks`;
    const endpoint = await json('webhook');
    assert.match(endpoint.secret, /^whsec_/);
    vars.ENDPOINT_ID = endpoint.id;
    vars.WEBHOOK_SECRET = endpoint.secret;

    // The page's receiver, on the registered port, with the secret.
    receiver = ts('receiver', { PORT: String(port) });
    receiver.stdout?.on('data', (d) => {
      receiverOut += d;
    });
    receiver.stderr?.on('data', (d) => {
      receiverOut += d;
    });
    await until('the receiver to listen', async () => {
      try {
        return (await fetch(vars.WEBHOOK_URL, { method: 'POST', body: '{}' })).status === 401;
      } catch {
        return false;
      }
    });

    assert.match(await tsOutput('client'), /^publish 98766 \(Vigil's id cnt_\w+\)$/m);

    // A moderator removes the reported post: the receiver verifies and prints the signed post.removed.
    const kase = (await (await fetch(`${vigil.base}/api/v1/cases/${caseId}`, { headers: auth })).json()) as any;
    const decided = await fetch(`${vigil.base}/api/v1/cases/${caseId}/decide`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        outcome: 'actioned',
        actions: ['remove_posts'],
        postIds: [kase.subjectNow.reportedPosts[0].id],
        category: 'fraud',
        statement: 'Sells tickets it never sends.',
      }),
    });
    assert.equal(decided.status, 200, await decided.text());
    await until('the receiver to print post.removed', () => receiverOut.includes('post.removed post 98765'));

    const { deliveries } = await json('deliveries');
    const removed = deliveries.find((d: any) => d.eventType === 'post.removed');
    assert.deepEqual([removed.state, removed.lastStatus], ['delivered', 204]);

    const rotated = await json('rotate');
    assert.match(rotated.secret, /^whsec_/);
    assert.notEqual(rotated.secret, vars.WEBHOOK_SECRET);
    assert.ok(rotated.previousSecretExpiresAt);

    // The receiver still holds the old secret: it verifies events for the day both sign.
    const senior = await staffToken(t, 'senior');
    const reversed = await fetch(`${vigil.base}/api/v1/cases/${caseId}/reverse`, {
      method: 'POST',
      headers: { authorization: `Bearer ${senior}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'The seller sent the tickets after all.' }),
    });
    assert.equal(reversed.status, 200, await reversed.text());
    await until('the receiver to print subject.restored', () => receiverOut.includes('subject.restored post 98765'));
    assert.equal(receiverOut.match(/post\.removed/g)?.length, 1, receiverOut);

    const named = blocks.filter((b) => b.name).map((b) => b.name);
    assert.deepEqual(
      named.filter((n) => !ran.has(n as string)),
      [],
      'every named example was run',
    );
  });
});
