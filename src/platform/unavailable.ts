import { AppError } from '../shared/errors.ts';
import type { Notice, PublicSubjectKind } from '../enforcement/visibility.ts';

/** HTTP 451: the subject exists but may not be shown; the notice says why (its kind lets pages word it in any language). */
export function unavailable(notice: Notice, kind: PublicSubjectKind): AppError {
  return new AppError(451, `subject_${notice.code}`, notice.text, { notice, kind });
}
