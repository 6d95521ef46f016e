// Moves SQLite's WAL checkpoints off the request path. By default the connection whose commit pushes the
// WAL past 1,000 pages copies them into the database file, and syncs it, inside that commit: on the event
// loop, in the middle of some request (about a tenth of report intake's time under load). The server's
// writer turns that off (`wal_autocheckpoint = 0`) and this worker thread checkpoints instead.
//
// Should the thread fail, the writer takes checkpoints back (`wal_autocheckpoint = 1000`), so the WAL never
// grows without bound.
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

export interface CheckpointStats {
  /** Checkpoints that found pages in the WAL. */
  runs: number;
  /** WAL pages seen by the last run, and how many of them it copied. */
  lastLog: number;
  lastCheckpointed: number;
}

export class SqliteCheckpointer {
  readonly stats: CheckpointStats = { runs: 0, lastLog: 0, lastCheckpointed: 0 };
  #worker: Worker;
  #stopped = false;

  /** `writer`: the connection that stopped checkpointing itself, which takes over if this thread fails. */
  constructor(file: string, writer: DatabaseSync, logger: Pick<Logger, 'error'>, intervalMs = 250) {
    this.#worker = new Worker(new URL('./sqlite-checkpoint-worker.js', import.meta.url), { workerData: { file, intervalMs } });
    this.#worker.unref();
    this.#worker.on('message', (m: { log: number; checkpointed: number }) => {
      this.stats.runs++;
      this.stats.lastLog = m.log;
      this.stats.lastCheckpointed = m.checkpointed;
    });
    const takeOver = (err: unknown) => {
      if (this.#stopped) return;
      this.#stopped = true;
      logger.error({ err }, 'the SQLite checkpointer stopped; the writer checkpoints the WAL itself from now on');
      if (writer.isOpen) writer.exec('PRAGMA wal_autocheckpoint = 1000');
    };
    this.#worker.on('error', takeOver);
    this.#worker.on('exit', (code) => takeOver(new Error(`checkpointer thread exited with code ${code}`)));
  }

  /** Runs a last checkpoint and ends the thread. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    this.#worker.ref(); // keeps the process alive until the last checkpoint is done
    this.#worker.postMessage({ stop: true });
    await exited;
  }
}
