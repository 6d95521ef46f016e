// The child process that builds the matcher's snapshot (`node matcher-snapshot-build.ts '<job JSON>'`,
// with VIGIL_DATABASE_URL in its environment; spawned by matcher-start.ts before the server listens).
// It reads the snapshot if it is usable and applies the change feed after its position, or reads every
// active entry from the database when there is none (and merges the PDQ index fully; changes applied to
// a snapshot are merged only when due, as in the server); writes a fresh snapshot (only if something
// changed); and exits, so all the memory that reading rows took goes back to the
// OS rather than staying in the server. Progress goes to stdout as one JSON object a line.
import { openReadOnlyDatabase } from '../db/database.ts';
import { HashMatcher } from './hash-matcher.ts';
import { readMatcherState } from './matcher-state.ts';
import { BanksRepository } from './banks.repository.ts';
import { databaseIdentity, readSnapshot, removeStaleTemporaries, snapshotPath, writeSnapshot } from './matcher-snapshot.ts';

export interface SnapshotJob {
  dataDir: string;
  maxDistance: number;
}

// The job the server wrote for this child (matcher-start.ts).
const job: SnapshotJob = JSON.parse(process.argv[2] ?? '{}');
const progress = (msg: string, fields: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ msg, ...fields })}\n`);
const elapsed = (since: number) => Math.round(performance.now() - since);

const { db, dialect } = openReadOnlyDatabase({ dataDir: job.dataDir, databaseUrl: process.env.VIGIL_DATABASE_URL ?? '' });
try {
  const identity = await databaseIdentity(db, dialect, job.dataDir, false);
  const file = snapshotPath(job.dataDir);
  const stale = removeStaleTemporaries(file);
  if (stale.length > 0) progress('removed temporary files of an interrupted snapshot', { files: stale });
  const lastSeq = await new BanksRepository(db).lastChangeSeq();
  // Merges run here, in this thread: the process exists for them.
  const matcher = new HashMatcher(job.maxDistance, { merger: null });
  let t = performance.now();
  const read = readSnapshot(file, { identity, maxDistance: job.maxDistance, lastSeq });
  let changed: boolean;
  if (read.ok) {
    matcher.adopt(read.state);
    progress('snapshot read', { entries: matcher.size, seq: matcher.changeSeq, bytes: read.bytes, ms: elapsed(t) });
    t = performance.now();
    // A few changes stay in the PDQ delta (the server's queries scan it, its merge workers fold it in
    // when due): a full merge for one added hash would take minutes at 10M. `poll` merges when due.
    const applied = await matcher.poll(db);
    changed = applied > 0;
    progress('changes since the snapshot applied', { changes: applied, entries: matcher.size, seq: matcher.changeSeq, ms: elapsed(t) });
  } else {
    progress('snapshot not used; reading the banks from the database', { reason: read.reason });
    matcher.adopt(await readMatcherState(db, job.maxDistance));
    changed = true;
    progress('banks read from the database', { entries: matcher.size, seq: matcher.changeSeq, ms: elapsed(t) });
  }
  if (changed) {
    t = performance.now();
    const bytes = writeSnapshot(file, matcher.state(), identity);
    progress('snapshot written', { entries: matcher.size, seq: matcher.changeSeq, bytes, ms: elapsed(t) });
  } else {
    progress('snapshot already up to date', { seq: matcher.changeSeq });
  }
} finally {
  await db.destroy();
}
