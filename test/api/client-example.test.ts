// docs/API.md's vigil/client example, run as it is printed there against a real server process.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServerProcess, stopServerProcess } from '../helpers/server-process.ts';

const EXAMPLE = fileURLToPath(new URL('../../docs/examples/client.ts', import.meta.url));
const API_MD = fileURLToPath(new URL('../../docs/API.md', import.meta.url));

describe('the vigil/client example', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  test('docs/API.md prints docs/examples/client.ts as it is', async () => {
    const [doc, example] = await Promise.all([readFile(API_MD, 'utf8'), readFile(EXAMPLE, 'utf8')]);
    assert.ok(doc.includes(`\`\`\`ts\n${example}\`\`\``), 'docs/API.md holds the example in a ts block, unchanged');
  });

  test('it reports a post and follows the report, against a running server', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-client-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess({ VIGIL_DATA_DIR: dataDir, VIGIL_DATABASE_URL: '' });
    cleanups.push(async () => {
      await stopServerProcess(server);
    });
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE], { env: { ...process.env, VIGIL_URL: server.base } });
    assert.match(stdout.trim(), /^rep_\S+ received: received$/);
  });
});
