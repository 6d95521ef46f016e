import { badRequest } from '../shared/errors.ts';

// Public-username rules: 5–32 characters of a-z, 0-9 and underscore, starting with a letter.
// Case is kept for display; uniqueness is case-insensitive.
export const HANDLE_PATTERN = '^[A-Za-z][A-Za-z0-9_]{4,31}$';
const HANDLE_RE = new RegExp(HANDLE_PATTERN);

export function validateHandle(handle: string, field = 'handle'): string {
  if (!HANDLE_RE.test(handle)) {
    throw badRequest('invalid_handle', `"${field}" must be 5–32 characters of letters, digits and underscores, starting with a letter.`, [
      { field, message: 'must match public-username rules' },
    ]);
  }
  return handle;
}
