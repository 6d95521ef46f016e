// Dialect-specific error recognition lives here, so repositories stay dialect-neutral.
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; errcode?: number; message?: string };
  if (e.code === '23505') return true; // PostgreSQL unique_violation
  if (e.errcode === 2067 || e.errcode === 1555) return true; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
  return typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed');
}

/** SQLite could not take or upgrade its lock in time (another process is writing): worth retrying. */
export function isBusy(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { errcode?: number };
  return typeof e.errcode === 'number' && (e.errcode & 0xff) === 5; // SQLITE_BUSY and its extended codes
}

/**
 * A unique violation on one unique index: PostgreSQL names the index (`constraint`), SQLite the
 * indexed `table.column` in its message.
 */
export function isUniqueViolationOf(err: unknown, index: string, tableColumn: string): boolean {
  if (!isUniqueViolation(err)) return false;
  const e = err as { constraint?: string; message?: string };
  if (typeof e.constraint === 'string') return e.constraint === index;
  return typeof e.message === 'string' && e.message.includes(tableColumn);
}
