// A worker thread that reads the banks with its own database connection and builds the matcher's
// arrays (matcher-state.ts), then hands them to the thread that started it (matcher-loader.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../db/database.ts';
import { readMatcherState, stateTransferables } from './matcher-state.ts';
import type { MatcherLoadJob } from './matcher-loader.ts';

const job = workerData as MatcherLoadJob;
const { db } = openReadOnlyDatabase(job);
try {
  const state = await readMatcherState(db, job.maxDistance);
  parentPort?.postMessage(state, stateTransferables(state));
} finally {
  await db.destroy();
}
