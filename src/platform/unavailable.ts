import { AppError } from '../shared/errors.ts';
import type { Notice } from '../enforcement/visibility.ts';

/** HTTP 451: the subject exists but may not be shown; the notice says why. */
export function unavailable(notice: Notice): AppError {
  return new AppError(451, `subject_${notice.code}`, notice.text, { notice });
}
