// SQL that differs between the dialects lives behind these helpers, so repositories stay dialect-neutral.
import { PostgresAdapter, type SelectQueryBuilder } from 'kysely';
import type { Db } from './database.ts';

/** Whether `db` (a Kysely instance or a transaction) talks to PostgreSQL. */
export const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Locks the selected rows until the transaction ends (`FOR UPDATE`), so concurrent writers of one row run
 * one after another and each reads what the previous one committed. SQLite needs no row lock: its
 * transactions begin IMMEDIATE (sqlite-dialect.ts), holding the database's one write lock before the first
 * read, so the plain select reads the same committed state.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: Db, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate() : query;
}

/**
 * Locks the selected rows and skips rows other transactions hold (`FOR UPDATE SKIP LOCKED`), so many
 * workers in many processes claim different rows. SQLite has neither, nor needs them: one writer at a
 * time, and a single UPDATE … WHERE id IN (SELECT …) is atomic there.
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(db: Db, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate().skipLocked() : query;
}
