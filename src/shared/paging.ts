import { badRequest } from './errors.ts';

/** Opaque cursors: base64url of a JSON value, so clients cannot depend on their shape. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (valid(v)) return v;
  } catch {
    /* fall through */
  }
  throw badRequest('invalid_cursor', 'The cursor is not valid; use the nextCursor value from a previous page.', [{ field: 'cursor', message: 'malformed' }]);
}
