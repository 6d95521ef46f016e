// The background checkpointer's thread (see sqlite-checkpointer.ts): its own connection to the database
// file, copying committed pages from the WAL into the database every `intervalMs`. PASSIVE never waits
// for readers or writers: it copies what it can now and the rest on a later run.
// Plain JavaScript: a thread that loads a .ts file also loads the type stripper, which stays in the
// process's memory (a server with this thread as TypeScript measured 265 MiB of RSS when ready, as JavaScript 256 MiB).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ file: string, intervalMs: number }} */
const { file, intervalMs } = workerData;
const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

const timer = setInterval(() => {
  const r = /** @type {{ busy: number, log: number, checkpointed: number }} */ (checkpoint.get());
  if (r.log > 0) parentPort?.postMessage({ log: r.log, checkpointed: r.checkpointed });
}, intervalMs);

parentPort?.on('message', (/** @type {{ stop?: boolean }} */ m) => {
  if (!m.stop) return;
  clearInterval(timer);
  // A last run, so a clean stop leaves little in the WAL for the next start.
  checkpoint.get();
  db.close();
  parentPort?.close();
});
