// The matcher's start from a snapshot built by a child process (matcher-start.ts): the same matcher as a
// load in the server's thread (entries, categories, digests, feed position); a restart applies only the
// changes made since the snapshot; unusable snapshots are ignored with their reason logged, and a failing
// child falls back to a load in the server's thread.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { createLogger } from '../../src/logger.ts';
import { HashMatcher } from '../../src/detection/hash-matcher.ts';
import { startMatcher } from '../../src/detection/matcher-start.ts';
import { databaseIdentity, readSnapshot, SNAPSHOT_VERSION, type SnapshotExpectations, snapshotPath } from '../../src/detection/matcher-snapshot.ts';
import type { Config } from '../../src/config.ts';

const hex = (i: number) => (i * 2654435761).toString(16).padStart(16, '0').slice(-16).repeat(4);
const digest = (algorithm: 'md5' | 'sha256', i: number) => createHash(algorithm).update(String(i)).digest('hex');
const pdq = (i: number) => ({ pdq: { hash: hex(i), quality: 100 } });

interface Line {
  msg: string;
  reason?: string;
  changes?: number;
  level: number;
}
function capture() {
  const lines: Line[] = [];
  const logger = createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s) as Line) });
  return { lines, logger, messages: () => lines.map((l) => l.msg) };
}

// Every digest of a matcher as "type:num:hex", sorted.
function digests(ctx: AppContext): string[] {
  const state = ctx.matcher.state();
  const out: string[] = [];
  for (const type of ['md5', 'sha256'] as const) {
    const { nums, digests } = state.exact[type];
    const bytes = digests.length / Math.max(1, nums.length);
    for (let i = 0; i < nums.length; i++) out.push(`${type}:${nums[i]}:${Buffer.from(digests.subarray(i * bytes, (i + 1) * bytes)).toString('hex')}`);
  }
  return out.sort();
}

describe('matcher start from a snapshot built by a child process', () => {
  let t: TestApp;
  let config: Config;
  let inThread: AppContext;
  const open: AppContext[] = [];
  const start = async (logger = createLogger('silent')) => {
    const ctx = await createContext(config, logger, { matcherSnapshotFrom: 0 });
    open.push(ctx);
    return ctx;
  };

  before(async () => {
    t = await startTestApp();
    config = { ...t.config, bankPollMs: 0 };
    const terror = await t.ctx.banks.create({ name: 'load-terror', category: 'terrorism' });
    const ncii = await t.ctx.banks.create({ name: 'load-ncii', category: 'ncii' });
    await t.ctx.banks.addEntries(
      terror.id,
      Array.from({ length: 3000 }, (_, k) => ({ signalType: 'pdq' as const, hash: hex(k + 1), label: null })),
      'import',
    );
    await t.ctx.banks.addEntries(
      ncii.id,
      Array.from({ length: 40 }, (_, k) => ({
        signalType: k % 2 ? ('md5' as const) : ('sha256' as const),
        hash: digest(k % 2 ? 'md5' : 'sha256', k),
        label: null,
      })),
      'import',
    );
    const withdrawn = await t.ctx.db
      .selectFrom('bank_entries')
      .select('id')
      .where('hash', 'in', [hex(7), digest('md5', 1)])
      .execute();
    for (const w of withdrawn) await t.ctx.banks.setStatus(w.id, 'withdrawn');
    // Before any snapshot exists, and with the threshold out of reach: a load in this thread.
    inThread = await createContext(config, createLogger('silent'), { matcherSnapshotFrom: Number.POSITIVE_INFINITY });
  });
  after(async () => {
    await inThread?.close();
    for (const ctx of open) await ctx.close();
    await t?.close();
  });

  test('a snapshot round trip gives the same matcher as a load in the server thread', async () => {
    const log = capture();
    const fromSnapshot = await start(log.logger);
    assert.ok(log.messages().includes('matcher snapshot: snapshot not used; reading the banks from the database'));
    assert.equal(log.lines.find((l) => l.reason !== undefined)?.reason, 'no snapshot');
    assert.ok(log.messages().includes('matcher snapshot: snapshot written'));
    assert.ok(log.messages().includes('matcher read from its snapshot'));
    assert.equal(fromSnapshot.matcher.size, 3000 + 40 - 2);
    assert.equal(fromSnapshot.matcher.size, inThread.matcher.size);
    assert.equal(fromSnapshot.matcher.changeSeq, inThread.matcher.changeSeq);
    assert.equal(fromSnapshot.matcher.pendingPdq, 0, 'postings built by the child');
    assert.deepEqual(digests(fromSnapshot), digests(inThread));
    for (const m of [fromSnapshot.matcher, inThread.matcher]) {
      assert.deepEqual(
        m.match(pdq(1)).map((x) => [x.num > 0, x.distance, x.category]),
        [[true, 0, 'terrorism']],
      );
      assert.equal(m.match(pdq(7)).length, 0, 'withdrawn');
      assert.equal(m.match({ md5: digest('md5', 3) })[0]?.category, 'ncii');
      assert.equal(m.match({ md5: digest('md5', 1) }).length, 0, 'withdrawn');
      assert.equal(m.match({ sha256: digest('sha256', 4) })[0]?.signalType, 'sha256');
    }
    for (let i = 1; i <= 3000; i += 37) assert.deepEqual(fromSnapshot.matcher.match(pdq(i)), inThread.matcher.match(pdq(i)));
    // The matcher follows the feed from the snapshot's position.
    await t.ctx.banks.import('load-terror', [hex(8001)]);
    assert.ok((await fromSnapshot.matcher.poll(fromSnapshot.db)) >= 1);
    assert.equal(fromSnapshot.matcher.match(pdq(8001)).length, 1);
  });

  test('a restart applies only the changes made since the snapshot (additions and withdrawals)', async () => {
    await t.ctx.banks.import('load-terror', [hex(9001), hex(9002)]);
    const rows = await t.ctx.db
      .selectFrom('bank_entries')
      .select('id')
      .where('hash', 'in', [hex(2), digest('md5', 3)])
      .execute();
    for (const r of rows) await t.ctx.banks.setStatus(r.id, 'withdrawn');
    const log = capture();
    const restarted = await start(log.logger);
    const applied = log.lines.find((l) => l.msg === 'matcher snapshot: changes since the snapshot applied');
    assert.ok(applied && (applied.changes ?? 0) >= 3, JSON.stringify(log.messages()));
    assert.ok(!log.messages().some((m) => m.includes('reading the banks from the database')));
    const m = restarted.matcher;
    assert.equal(m.match(pdq(9001)).length, 1);
    assert.equal(m.match(pdq(9002)).length, 1);
    assert.equal(m.match(pdq(8001)).length, 1);
    assert.equal(m.match(pdq(2)).length, 0);
    assert.equal(m.match({ md5: digest('md5', 3) }).length, 0);
    assert.equal(m.size, 3000 + 40 - 2 + 3 - 2);
    assert.equal(m.changeSeq, await lastSeq(t));
    assert.ok(m.pendingPdq >= 1, 'a few additions stay in the delta, not merged for the snapshot');
    // The snapshot on disk is the fresh one.
    const read = readSnapshot(snapshotPath(config.dataDir), { identity: await identity(t), maxDistance: config.matchDistance });
    assert.ok(read.ok);
    assert.equal(read.state.seq, m.changeSeq);
    // A start with nothing new reads the file without a child process.
    const again = capture();
    const fresh = await start(again.logger);
    assert.ok(again.messages().includes('matcher read from its snapshot (no change since it was written)'));
    assert.ok(!again.messages().some((msg) => msg.startsWith('matcher snapshot:')), 'no child process');
    assert.equal(fresh.matcher.size, m.size);
    assert.deepEqual(fresh.matcher.match(pdq(9001)), m.match(pdq(9001)));
  });

  test('corrupt, truncated, other-version, other-database and other-distance snapshots are ignored, with the reason', async () => {
    const file = snapshotPath(config.dataDir);
    const good = await readFile(file);
    const expect = { identity: await identity(t), maxDistance: config.matchDistance };
    const reasonOf = async (bytes: Buffer, e: SnapshotExpectations = expect) => {
      await writeFile(file, bytes);
      const read = readSnapshot(file, e);
      return read.ok ? 'ok' : read.reason;
    };
    assert.equal(await reasonOf(good), 'ok');
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    assert.match(await reasonOf(flipped), /checksum/);
    assert.match(await reasonOf(good.subarray(0, good.length - 8)), /truncated/);
    assert.match(await reasonOf(good.subarray(0, 10)), /truncated/);
    const version = Buffer.from(good);
    version.writeUInt32LE(SNAPSHOT_VERSION + 1, 8);
    assert.match(await reasonOf(version), /format version/);
    assert.match(await reasonOf(good, { ...expect, identity: `${expect.identity}x` }), /another database/);
    assert.match(await reasonOf(good, { ...expect, maxDistance: expect.maxDistance - 1 }), /match distance/);
    assert.match(await reasonOf(good, { ...expect, lastSeq: 1 }), /restored from a backup/);
    assert.match(await reasonOf(Buffer.from('not a snapshot at all, really')), /not a matcher snapshot/);
    assert.equal(readSnapshot(path.join(config.dataDir, 'none'), expect).ok, false);

    // At a start, the child ignores a corrupt file, says why, and rebuilds from the database (and
    // removes the temporary file of a writer that died; pid 2^22 + 1 is above any Linux pid).
    await writeFile(file, flipped);
    await writeFile(`${file}.4194305.abcd.tmp`, 'partial');
    const log = capture();
    const ctx = await start(log.logger);
    assert.match(log.lines.find((l) => l.reason !== undefined)?.reason ?? '', /checksum/);
    assert.equal(ctx.matcher.size, 3000 + 40 - 2 + 3 - 2);
    assert.equal(ctx.matcher.match(pdq(9001)).length, 1);
    assert.equal(ctx.matcher.changeSeq, await lastSeq(t));
    assert.ok(log.messages().includes('matcher snapshot: removed temporary files of an interrupted snapshot'));
    assert.equal(existsSync(`${file}.4194305.abcd.tmp`), false);
  });

  test('a failing child process falls back to a load in the server thread, with a warning', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-failing-builder-'));
    try {
      const script = path.join(dir, 'fail.mjs');
      await writeFile(script, 'console.error("boom"); process.exit(3);\n');
      // A change since the snapshot, so that the start needs the child.
      await t.ctx.banks.import('load-terror', [hex(9003)]);
      const log = capture();
      const matcher = new HashMatcher(config.matchDistance, { merger: null });
      const how = await startMatcher(matcher, t.ctx.db, t.ctx.dialect, log.logger, { ...config, builder: pathToFileURL(script) });
      assert.equal(how, 'database');
      const warning = log.lines.find((l) => l.level === 40);
      assert.match(warning?.msg ?? '', /child process failed; loading the banks in this process/);
      assert.equal(matcher.size, 3000 + 40 - 2 + 4 - 2);
      assert.equal(matcher.match(pdq(9003)).length, 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function lastSeq(t: TestApp): Promise<number> {
  const r = await t.ctx.db.selectFrom('counters').select('value').where('name', '=', 'bank_change').executeTakeFirstOrThrow();
  return r.value;
}
function identity(t: TestApp): Promise<string> {
  return databaseIdentity(t.ctx.db, t.ctx.dialect, t.config.dataDir, false);
}
