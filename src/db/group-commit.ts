// Group commit for SQLite's one writer: the short write transactions that arrive while one is running
// share the next transaction, each inside its own savepoint, and are answered when that transaction has
// committed. On a busy intake the COMMIT (writing every page the transaction touched to the WAL) was half
// of a report's time in SQLite; a batch writes a shared page (the last page of an index, a hot case's row)
// once, and commits once.
//
// Each unit of work is still atomic and durable before its caller hears of it: a unit that fails rolls back
// to its savepoint and fails alone, the others go on; a failed COMMIT fails every unit of the batch. Units
// run one after another on the one connection, so each reads what the units before it wrote, as it would
// have in its own transaction after theirs. No unit waits for company: a batch starts as soon as the
// connection is free (after one turn of the event loop), and takes what queued meanwhile.
//
// PostgreSQL has many connections and row locks, so units there run in their own transactions, as before.
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { isPostgres } from './dialect-sql.ts';

/** The most units one transaction carries, so no batch holds the write lock long. */
export const MAX_BATCH = 32;

interface Unit {
  work: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

class GroupCommit {
  #db: Db;
  #queue: Unit[] = [];
  #running = false;
  /** Transactions and units committed so far (for the benchmarks and tests). */
  readonly stats = { batches: 0, units: 0 };
  constructor(db: Db) {
    this.#db = db;
  }

  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#queue.length > 0) {
        // One turn of the event loop first: requests whose reads waited for the connection while the last
        // batch ran get to run them and join this batch.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.#queue.splice(0, MAX_BATCH);
        const outcomes: Outcome[] = [];
        try {
          await this.#db.transaction().execute(async (trx) => {
            for (const unit of batch) outcomes.push(await inSavepoint(trx, unit.work));
          });
        } catch (error) {
          // The transaction itself failed (BEGIN, COMMIT, or a savepoint that could not be undone): nothing
          // of the batch was written.
          for (const unit of batch) unit.reject(error);
          continue;
        }
        this.stats.batches++;
        this.stats.units += batch.length;
        batch.forEach((unit, i) => {
          const o = outcomes[i] as Outcome;
          if (o.ok) unit.resolve(o.value);
          else unit.reject(o.error);
        });
      }
    } finally {
      this.#running = false;
    }
  }
}

async function inSavepoint(trx: Db, work: (trx: Db) => Promise<unknown>): Promise<Outcome> {
  await sql`savepoint unit`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release unit`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    // Undo this unit only; an error here aborts the whole batch (the caller's catch).
    await sql`rollback to unit`.execute(trx);
    await sql`release unit`.execute(trx);
    return { ok: false, error };
  }
}

const batchers = new WeakMap<Db, GroupCommit>();

function batcherOf(db: Db): GroupCommit {
  let b = batchers.get(db);
  if (!b) {
    b = new GroupCommit(db);
    batchers.set(db, b);
  }
  return b;
}

/**
 * Runs `work` in a write transaction and resolves once it is committed. On SQLite, concurrent calls on the
 * same database share a transaction (each in a savepoint); on PostgreSQL, or inside a transaction already,
 * it is an ordinary transaction. `work` must use only the `trx` it is given, and must not keep the
 * connection waiting on anything but its own queries (it holds up the others of its batch).
 */
export function writeTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  if (isPostgres(db)) return db.transaction().execute(work);
  return batcherOf(db).run(work);
}

/** Batches and units committed by group commit on `db` so far. */
export function groupCommitStats(db: Db): { batches: number; units: number } {
  return { ...batcherOf(db).stats };
}
