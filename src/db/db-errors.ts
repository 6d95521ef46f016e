// Dialect-specific error recognition lives here, so repositories stay dialect-neutral.
import { propertyOf } from '../shared/property-of.ts';

const messageOf = (err: unknown): string | undefined => {
  const message = propertyOf(err, 'message');
  return typeof message === 'string' ? message : undefined;
};

export function isUniqueViolation(err: unknown): boolean {
  if (propertyOf(err, 'code') === '23505') return true; // PostgreSQL unique_violation
  const errcode = propertyOf(err, 'errcode');
  if (errcode === 2067 || errcode === 1555) return true; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
  return messageOf(err)?.includes('UNIQUE constraint failed') === true;
}

/** SQLite could not take or upgrade its lock in time (another process is writing): worth retrying. */
export function isBusy(err: unknown): boolean {
  const errcode = propertyOf(err, 'errcode');
  return typeof errcode === 'number' && (errcode & 0xff) === 5; // SQLITE_BUSY and its extended codes
}

/**
 * A unique violation on one unique index: PostgreSQL names the index (`constraint`), SQLite the
 * indexed `table.column` in its message.
 */
export function isUniqueViolationOf(err: unknown, index: string, tableColumn: string): boolean {
  if (!isUniqueViolation(err)) return false;
  const constraint = propertyOf(err, 'constraint');
  if (typeof constraint === 'string') return constraint === index;
  return messageOf(err)?.includes(tableColumn) === true;
}
