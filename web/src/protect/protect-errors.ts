// API errors on this page, in words for someone who may be frightened: what happened, what to do.
import type { ApiError } from '../shared/api-error.ts';

export function protectErrorText(err: ApiError): string {
  if (err.status === 404)
    return 'We couldn’t find a submission with that case number and PIN. Check both and try again: the case number looks like P-1234-5678-9012 and the PIN has 8 digits.';
  if (err.status === 429) return 'There have been too many attempts from this connection in the last minute. Please wait a minute, then try again.';
  return err.message;
}
