// The audit log: append-only and hash-chained, so a changed, inserted or deleted entry is detectable.
// Each entry's hash is sha256(prev_hash + canonical JSON of its fields); seq is max+1, and the
// primary key on seq turns a race between two appenders into a conflict that the loser retries.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { isBusy, isUniqueViolation } from '../db/db-errors.ts';
import type { AuditLogTable } from '../db/schema-people.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import { nowIso } from '../shared/time.ts';
import { AuditRepository } from './audit.repository.ts';
import { canonicalJson } from './canonical-json.ts';

/** What a caller records. `actor` names who acted (see http/actor.ts: `staff:<id>`, `api_key:<id>`, `cli:<user>`, `system`). */
export interface AuditInput {
  actor: string;
  /** Dotted verb, e.g. `staff_user.created`, `case.decided`. */
  action: string;
  /** What was acted on, e.g. a user, key or case id. */
  target?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; seq: number; reason: 'missing' | 'inserted' | 'hash_mismatch' | 'broken_link'; message: string };

export const GENESIS_HASH = '0'.repeat(64);
const MAX_ATTEMPTS = 50;
const VERIFY_PAGE = 500;

/** The hash of a row given the hash it claims to follow. `data` is hashed as stored text. */
export function entryHash(prevHash: string, row: Pick<AuditLogTable, 'seq' | 'at' | 'actor' | 'action' | 'target' | 'data'>): string {
  const fields = { seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target, data: row.data };
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

const toEntry = (r: AuditLogTable): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  data: JSON.parse(r.data),
  prevHash: r.prev_hash,
  hash: r.hash,
});

const isSeqCursor = (v: unknown): v is number => Number.isInteger(v);

export class AuditLog {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Appends one entry. Pass the caller's transaction as `db` to record the entry atomically with the
   * change it describes (it then commits or rolls back with it); otherwise the entry gets its own.
   */
  async append(input: AuditInput, db: Db = this.#db): Promise<AuditEntry> {
    const data = canonicalJson(input.data ?? {});
    for (let attempt = 1; ; attempt++) {
      try {
        if (db.isTransaction) return await this.#appendInSavepoint(db, input, data);
        return await db.transaction().execute((trx) => this.#appendOnce(trx, input, data));
      } catch (err) {
        const retryable = isUniqueViolation(err) || (!db.isTransaction && isBusy(err));
        if (!retryable || attempt >= MAX_ATTEMPTS) throw err;
        // Another appender took this seq; re-read the head and try again after a short random pause.
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }

  // On PostgreSQL a failed statement poisons the whole transaction; a savepoint confines the conflict
  // to the append so the caller's transaction survives and can retry.
  async #appendInSavepoint(trx: Db, input: AuditInput, data: string): Promise<AuditEntry> {
    await sql`savepoint vigil_audit_append`.execute(trx);
    try {
      const entry = await this.#appendOnce(trx, input, data);
      await sql`release savepoint vigil_audit_append`.execute(trx);
      return entry;
    } catch (err) {
      await sql`rollback to savepoint vigil_audit_append`.execute(trx);
      await sql`release savepoint vigil_audit_append`.execute(trx);
      throw err;
    }
  }

  async #appendOnce(db: Db, input: AuditInput, data: string): Promise<AuditEntry> {
    const repo = new AuditRepository(db);
    const head = await repo.last();
    const prevHash = head?.hash ?? GENESIS_HASH;
    const base = { seq: head ? Number(head.seq) + 1 : 1, at: nowIso(), actor: input.actor, action: input.action, target: input.target ?? null, data };
    const row: AuditLogTable = { ...base, prev_hash: prevHash, hash: entryHash(prevHash, base) };
    await repo.insert(row);
    return toEntry(row);
  }

  /** Newest first; the cursor is opaque. */
  async list(opts: { limit: number; cursor?: string }): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    const before = decodeCursor(opts.cursor, isSeqCursor);
    const rows = await new AuditRepository(this.#db).listBefore(before, opts.limit + 1);
    const page = rows.slice(0, opts.limit).map(toEntry);
    return { entries: page, nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1].seq) : null };
  }

  /** Walks the chain from the first entry and reports the first entry that does not belong where it is. */
  async verify(): Promise<AuditVerification> {
    const repo = new AuditRepository(this.#db);
    let expected = 1;
    let prevHash = GENESIS_HASH;
    let after: number | undefined;
    for (;;) {
      const rows = await repo.listAfter(after, VERIFY_PAGE);
      for (const row of rows) {
        const seq = Number(row.seq);
        const checked = expected - 1;
        if (seq > expected) {
          return { ok: false, entries: checked, seq: expected, reason: 'missing', message: `entry ${expected} is missing (deleted)` };
        }
        if (seq < expected) {
          return { ok: false, entries: checked, seq, reason: 'inserted', message: `entry ${seq} is out of sequence (inserted)` };
        }
        if (entryHash(row.prev_hash, row) !== row.hash) {
          return { ok: false, entries: checked, seq, reason: 'hash_mismatch', message: `entry ${seq} does not match its hash (changed or forged)` };
        }
        if (row.prev_hash !== prevHash) {
          return {
            ok: false,
            entries: checked,
            seq,
            reason: 'broken_link',
            message: `entry ${seq} does not follow entry ${seq - 1} (one of them was rewritten, or ${seq} was inserted)`,
          };
        }
        prevHash = row.hash;
        expected++;
        after = seq;
      }
      if (rows.length < VERIFY_PAGE) return { ok: true, entries: expected - 1 };
    }
  }
}
