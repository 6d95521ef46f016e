// The owner's history on a case: past decisions about the owner's subjects (strikes are those that took
// action and stand), and the owner's other channels, bots and sticker sets, from the owner's platform
// through the platform port. Lists are bounded (the most recent few), so a case page costs the same
// whatever the owner's record.
import type { Db } from '../db/database.ts';
import { REFERENCE_PLATFORM } from '../subjects/kinds.ts';
import type { Subjects } from '../subjects/subjects.ts';
import { CasesRepository } from './cases.repository.ts';
import type { Case } from './case-rows.ts';

/** How many of each list a case shows. */
export const OWNER_HISTORY_LIMIT = 20;
/** Decisions are looked for among the owner's newest cases, at most this many. */
const CASES_SEARCHED = 200;

export async function ownerHistory(db: Db, subjects: Subjects, c: Case) {
  const owner = c.owner_account_id;
  if (!owner) return { ownerKnown: false, decisions: [], strikes: 0, subjects: [], limit: OWNER_HISTORY_LIMIT };
  const platform = c.platform ?? REFERENCE_PLATFORM;
  const [decisions, owned] = await Promise.all([
    new CasesRepository(db).decisionsOfOwner(owner, CASES_SEARCHED, OWNER_HISTORY_LIMIT),
    subjects.subjectsOfOwner(db, platform, owner, OWNER_HISTORY_LIMIT + 1),
  ]);
  const labels = await subjects.labels(
    db,
    decisions.map((d) => ({ platform: d.platform ?? REFERENCE_PLATFORM, kind: d.subject_kind, id: d.subject_id })),
  );
  return {
    ownerKnown: true,
    decisions: decisions.map((d) => ({
      caseId: d.case_id,
      decisionId: d.id,
      subject: { kind: d.subject_kind, id: d.subject_id },
      subjectLabel: labels.get(`${d.subject_kind}:${d.subject_id}`) ?? null,
      outcome: d.outcome,
      category: d.category,
      actions: d.actions,
      createdAt: d.created_at,
      reversedAt: d.reversed_at,
      thisCase: d.case_id === c.id,
    })),
    strikes: decisions.filter((d) => d.outcome === 'actioned' && d.reversed_at === null).length,
    // The case's own subject is not "another" subject of the owner.
    subjects: owned.filter((s) => !(s.kind === c.subject_kind && s.id === c.subject_id)).slice(0, OWNER_HISTORY_LIMIT),
    limit: OWNER_HISTORY_LIMIT,
  };
}
