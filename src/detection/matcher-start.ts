// How a server's matcher starts (before the server listens): a child process builds or refreshes the
// snapshot file (matcher-snapshot-build.ts) and the server reads its arrays; the server then follows the
// change feed from the snapshot's position (bank-feed.ts). A child process rather than a worker thread:
// a worker leaves its isolate, module code and malloc arenas (~60 MiB) in the process after it ends,
// a process gives everything back. When no bank changed since the snapshot was written, the server reads
// it without a child (the usual restart). Small banks with no snapshot load in the server's thread (a process
// start costs more), and so does any start whose child fails: never an empty matcher.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Db, DialectName } from '../db/database.ts';
import { BanksRepository } from './banks.repository.ts';
import type { HashMatcher } from './hash-matcher.ts';
import { databaseIdentity, readSnapshot, snapshotPath } from './matcher-snapshot.ts';
import type { SnapshotJob } from './matcher-snapshot-build.ts';

/** Without a snapshot, banks with fewer active entries than this load in the server's thread. */
export const SNAPSHOT_FROM = 20_000;

const BUILDER = new URL('./matcher-snapshot-build.ts', import.meta.url);

export interface MatcherStartOptions {
  dataDir: string;
  databaseUrl: string;
  /** Use the child and snapshot from this many active entries when no snapshot exists (default SNAPSHOT_FROM). */
  snapshotFrom?: number;
  /** The builder script (tests replace it with one that fails). */
  builder?: URL;
}

/** Loads `matcher`; returns how: from the snapshot, or in this thread ('database'). */
export async function startMatcher(
  matcher: HashMatcher,
  db: Db,
  dialect: DialectName,
  logger: Logger,
  opts: MatcherStartOptions,
): Promise<'snapshot' | 'database'> {
  const identity = await databaseIdentity(db, dialect, opts.dataDir, true);
  const file = snapshotPath(opts.dataDir);
  const repo = new BanksRepository(db);
  const large = async () => (await repo.countActiveByType()).reduce((n, c) => n + Number(c.n), 0) >= (opts.snapshotFrom ?? SNAPSHOT_FROM);
  const exists = existsSync(file);
  if (exists) {
    // No change since the snapshot was written (the usual restart): read it without a child process.
    const t = performance.now();
    const lastSeq = await repo.lastChangeSeq();
    const read = readSnapshot(file, { identity, maxDistance: matcher.maxDistance, lastSeq, exactSeq: lastSeq });
    if (read.ok) {
      matcher.adopt(read.state);
      logger.info(
        { entries: matcher.size, seq: matcher.changeSeq, bytes: read.bytes, ms: Math.round(performance.now() - t) },
        'matcher read from its snapshot (no change since it was written)',
      );
      return 'snapshot';
    }
  }
  if (exists || (await large())) {
    try {
      await runBuilder(opts.builder ?? BUILDER, { dataDir: opts.dataDir, maxDistance: matcher.maxDistance }, opts.databaseUrl, logger);
      const t = performance.now();
      const read = readSnapshot(file, { identity, maxDistance: matcher.maxDistance, lastSeq: await repo.lastChangeSeq() });
      if (read.ok) {
        matcher.adopt(read.state);
        logger.info(
          { entries: matcher.size, seq: matcher.changeSeq, bytes: read.bytes, ms: Math.round(performance.now() - t) },
          'matcher read from its snapshot',
        );
        return 'snapshot';
      }
      logger.warn({ reason: read.reason }, 'the matcher snapshot the child process wrote is not usable; loading the banks in this process');
    } catch (err) {
      logger.warn({ err }, 'building the matcher snapshot in a child process failed; loading the banks in this process');
    }
  }
  await matcher.load(db);
  return 'database';
}

// Runs the builder, logging each progress line it prints; rejects unless it exits with 0.
function runBuilder(script: URL, job: SnapshotJob, databaseUrl: string, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(script), JSON.stringify(job)], {
      env: { ...process.env, VIGIL_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let fields: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(line);
        fields = typeof parsed === 'object' && parsed !== null ? { ...parsed } : { msg: line };
      } catch {
        fields = { msg: line };
      }
      const { msg, ...rest } = fields;
      logger.info(rest, `matcher snapshot: ${String(msg)}`);
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr = (stderr + s).slice(-4000);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the matcher snapshot process exited with ${signal ?? `code ${code}`}: ${stderr.trim()}`));
    });
  });
}
