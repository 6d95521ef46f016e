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
import { AuditRepository, type AuditRowFilter } from './audit.repository.ts';
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

export type AuditVerification = { ok: true; entries: number } | { ok: false; entries: number; seq: number; reason: AuditBreak; message: string };

/** One chunk of a verification: `through` is the last entry verified; `done` when nothing follows it. */
export type AuditChunkVerification =
  | { ok: true; entries: number; head: number; through: number; done: boolean }
  | { ok: false; entries: number; head: number; seq: number; reason: AuditBreak; message: string };

export const AUDIT_BREAKS = ['missing', 'inserted', 'hash_mismatch', 'broken_link'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/** Exact-match filters and a time range [from, to) in ISO 8601 UTC. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
}

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

  /**
   * Newest first; the cursor is opaque. Filters: exact actor, action and target, and a time range
   * [from, to). Each equality filter walks its own (column, seq) index; a time range becomes a seq window
   * found by two seeks in the (at, seq) index, because entries are appended in time order (an appender
   * reads the head and only then takes its time), so a page costs about its own size.
   */
  async list(opts: { limit: number; cursor?: string } & AuditFilter): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    const before = decodeCursor(opts.cursor, isSeqCursor);
    const repo = new AuditRepository(this.#db);
    const filter: AuditRowFilter = { actor: opts.actor, action: opts.action, target: opts.target, fromAt: opts.from, toAt: opts.to };
    if (opts.from !== undefined) {
      const min = await repo.firstSeqFrom(opts.from);
      if (min === undefined) return { entries: [], nextCursor: null };
      filter.minSeq = min;
    }
    if (opts.to !== undefined) {
      const max = await repo.lastSeqBefore(opts.to);
      if (max === undefined) return { entries: [], nextCursor: null };
      filter.maxSeq = max;
    }
    const rows = await repo.listBefore(before, opts.limit + 1, filter);
    const page = rows.slice(0, opts.limit).map(toEntry);
    return { entries: page, nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1].seq) : null };
  }

  /**
   * Walks the whole chain from the first entry and reports the first entry that does not belong where it
   * is, a chunk at a time with a turn of the event loop between chunks (the CLI's `vigil audit verify`).
   */
  async verify(): Promise<AuditVerification> {
    let after = 0;
    for (;;) {
      const chunk = await this.verifyChunk(after, VERIFY_PAGE);
      if (!chunk.ok) return { ok: false, entries: after + chunk.entries, seq: chunk.seq, reason: chunk.reason, message: chunk.message };
      if (chunk.done) return { ok: true, entries: chunk.through };
      after = chunk.through;
      await new Promise((r) => setImmediate(r));
    }
  }

  /**
   * Verifies at most `limit` entries after seq `after` (0: from the start), against the stored hash of
   * entry `after`, which an earlier chunk verified; a rewrite of that entry in between breaks the link to
   * the next one, so walking chunk by chunk finds what one walk would. A request's cost is its chunk's.
   */
  async verifyChunk(after: number, limit: number): Promise<AuditChunkVerification> {
    const repo = new AuditRepository(this.#db);
    const head = Number((await repo.last())?.seq ?? 0);
    let prevHash = GENESIS_HASH;
    if (after > 0) {
      const anchor = await repo.findBySeq(after);
      if (!anchor) return { ok: false, entries: 0, head, seq: after, reason: 'missing', message: `entry ${after} is missing (deleted)` };
      prevHash = anchor.hash;
    }
    let expected = after + 1;
    // From the start, read without a lower bound so an entry slipped in before the first one is found.
    const rows = await repo.listAfter(after > 0 ? after : undefined, limit);
    for (const row of rows) {
      const seq = Number(row.seq);
      const checked = expected - 1 - after;
      if (seq > expected) return { ok: false, entries: checked, head, seq: expected, reason: 'missing', message: `entry ${expected} is missing (deleted)` };
      if (seq < expected) return { ok: false, entries: checked, head, seq, reason: 'inserted', message: `entry ${seq} is out of sequence (inserted)` };
      if (entryHash(row.prev_hash, row) !== row.hash) {
        return { ok: false, entries: checked, head, seq, reason: 'hash_mismatch', message: `entry ${seq} does not match its hash (changed or forged)` };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          entries: checked,
          head,
          seq,
          reason: 'broken_link',
          message: `entry ${seq} does not follow entry ${seq - 1} (one of them was rewritten, or ${seq} was inserted)`,
        };
      }
      prevHash = row.hash;
      expected++;
    }
    const through = expected - 1;
    return { ok: true, entries: through - after, head: Math.max(head, through), through, done: rows.length < limit };
  }
}
