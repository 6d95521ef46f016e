// Active enforcement actions, as the visibility service reads them.
import type { Db } from '../db/database.ts';
import { isPublicKind } from '../subjects/kinds.ts';
import { EnforcementRepository } from './enforcement.repository.ts';
import type { Restriction, RestrictionSource, SubjectRef } from './visibility.ts';

export function enforcementRestrictions(db: Db): RestrictionSource {
  return {
    fromDatabase: true,
    async activeRestrictions(subjects: SubjectRef[]): Promise<Restriction[]> {
      const wanted = new Set(subjects.map((s) => `${s.kind}:${s.id}`));
      const rows = await new EnforcementRepository(db).activeFor(subjects);
      return rows.flatMap((r) =>
        isPublicKind(r.subject_kind) && wanted.has(`${r.subject_kind}:${r.subject_id}`)
          ? [{ subject: { kind: r.subject_kind, id: r.subject_id }, code: r.code, category: r.category, text: r.notice_text, country: r.country }]
          : [],
      );
    },
  };
}
