import type { Db } from '../db/database.ts';
import type { EnforcementActionsTable, OwnerNoticesTable } from '../db/schema-moderation.ts';
import type { SubjectKind } from '../subjects/kinds.ts';

export class EnforcementRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Records an action, active until it is reversed or lifted. */
  async insertAction(row: Omit<EnforcementActionsTable, 'active'>): Promise<void> {
    await this.#db
      .insertInto('enforcement_actions')
      .values({ ...row, active: 1 })
      .execute();
  }
  activeFor(subjects: Array<{ kind: SubjectKind; id: string }>) {
    if (subjects.length === 0) return Promise.resolve([]);
    const ids = [...new Set(subjects.map((s) => s.id))];
    const kinds = [...new Set(subjects.map((s) => s.kind))];
    // The kinds let the (subject_kind, subject_id, active) index answer: without them every action is scanned.
    return this.#db
      .selectFrom('enforcement_actions')
      .selectAll()
      .where('subject_kind', 'in', kinds)
      .where('subject_id', 'in', ids)
      .where('active', '=', 1)
      .execute();
  }
  activeBlockOf(kind: SubjectKind, id: string) {
    return this.#db
      .selectFrom('enforcement_actions')
      .selectAll()
      .where('active', '=', 1)
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', id)
      .where('code', '=', 'blocked')
      .executeTakeFirst();
  }
  actionsOfDecision(decisionId: string) {
    return this.#db.selectFrom('enforcement_actions').selectAll().where('decision_id', '=', decisionId).execute();
  }
  /** Lifts the decision's actions still in force; returns what they were. */
  deactivateDecision(decisionId: string, at: string) {
    return this.#db
      .updateTable('enforcement_actions')
      .set({ active: 0, reversed_at: at })
      .where('decision_id', '=', decisionId)
      .where('active', '=', 1)
      .returning(['id', 'subject_kind', 'subject_id', 'code', 'country'])
      .execute();
  }

  /** Lifts the holds automated detection placed on a case's posts: the decision now speaks for them. */
  /** Returns the holds it lifted. */
  releaseHolds(caseId: string, at: string) {
    return this.#db
      .updateTable('enforcement_actions')
      .set({ active: 0, reversed_at: at })
      .where('case_id', '=', caseId)
      .where('code', '=', 'held')
      .where('active', '=', 1)
      .returning(['id', 'subject_kind', 'subject_id'])
      .execute();
  }

  /** Links the subject's holds that have no case yet to the case; returns how many it linked. */
  async linkHolds(subjectId: string, caseId: string): Promise<number> {
    const r = await this.#db
      .updateTable('enforcement_actions')
      .set({ case_id: caseId })
      .where('subject_id', '=', subjectId)
      .where('code', '=', 'held')
      .where('case_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async insertNotice(row: OwnerNoticesTable): Promise<void> {
    await this.#db.insertInto('owner_notices').values(row).execute();
  }
  findNotice(id: string) {
    return this.#db.selectFrom('owner_notices').selectAll().where('id', '=', id).executeTakeFirst();
  }
  noticesOf(accountId: string, limit: number) {
    return this.#db.selectFrom('owner_notices').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(limit).execute();
  }
}
