// API errors on this page, in words for someone who may be frightened: what happened, what to do, in
// the page's language. A wrong case number or PIN and too many attempts get this page's own words; any
// other error is said by its code like on every public page (error-text.ts).
import type { IntlShape } from 'react-intl';
import type { ApiError } from '../shared/api-error.ts';
import { errorText } from '../shared/error-text.ts';

export function protectErrorText(err: ApiError, intl: IntlShape): string {
  if (err.status === 404) return intl.formatMessage({ id: 'protectCheck.notFound' }, { example: 'P-1234-5678-9012' });
  if (err.status === 429) return intl.formatMessage({ id: 'protectCheck.tooMany' });
  return errorText(err, intl);
}
