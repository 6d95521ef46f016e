// The background checkpointer's thread (see sqlite-checkpointer.ts): its own connection to the database
// file, copying committed pages from the WAL into the database every `intervalMs`. PASSIVE never waits
// for readers or writers: it copies what it can now and the rest on a later run.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

const timer = setInterval(() => {
  const r = checkpoint.get() as { busy: number; log: number; checkpointed: number };
  if (r.log > 0) parentPort?.postMessage({ log: r.log, checkpointed: r.checkpointed });
}, intervalMs);

parentPort?.on('message', (m: { stop?: boolean }) => {
  if (!m.stop) return;
  clearInterval(timer);
  // A last run, so a clean stop leaves little in the WAL for the next start.
  checkpoint.get();
  db.close();
  parentPort?.close();
});
