// API errors on this page, in words for someone who may be frightened: what happened, what to do, in
// the page's language.
import type { ApiError } from '../shared/api-error.ts';

export function protectErrorText(err: ApiError, t: (key: string, values?: Record<string, string | number>) => string): string {
  if (err.status === 404) return t('protectCheck.notFound', { example: 'P-1234-5678-9012' });
  if (err.status === 429) return t('protectCheck.tooMany');
  return err.message;
}
