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
