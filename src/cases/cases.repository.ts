import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CasesTable, CaseEventsTable, ReportsTable, DecisionsTable } from '../db/schema-moderation.ts';

export interface CaseFilter {
  state?: string;
  category?: string;
  source?: string;
  breached?: boolean;
  assignee?: string;
  ownerAccountId?: string;
  now: string;
}

export class CasesRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  findOpenBySubject(kind: string, id: string) {
    return this.#db.selectFrom('cases').selectAll().where('open_key', '=', `${kind}:${id}`).executeTakeFirst();
  }
  latestDecidedBySubject(kind: string, id: string) {
    return this.#db
      .selectFrom('cases')
      .selectAll()
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', id)
      .where('decided_at', 'is not', null)
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
  findById(id: string) {
    return this.#db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insert(row: CasesTable): Promise<void> {
    await this.#db.insertInto('cases').values(row).execute();
  }
  /**
   * Takes the case row's write lock until the transaction ends (a no-op update, portable to SQLite).
   * Call it first: on PostgreSQL concurrent writers of one case then run one after another, and each
   * reads the case and its reports as the previous one committed them.
   */
  async lock(id: string): Promise<void> {
    await this.#db
      .updateTable('cases')
      .set((eb) => ({ last_event_seq: eb.ref('last_event_seq') }))
      .where('id', '=', id)
      .execute();
  }
  /** Like `lock`, for the subject's open case if there is one (a report joining it waits for a decision being taken). */
  async lockOpenBySubject(kind: string, id: string): Promise<void> {
    await this.#db
      .updateTable('cases')
      .set((eb) => ({ last_event_seq: eb.ref('last_event_seq') }))
      .where('open_key', '=', `${kind}:${id}`)
      .execute();
  }
  async update(id: string, patch: Partial<CasesTable>): Promise<void> {
    await this.#db.updateTable('cases').set(patch).where('id', '=', id).execute();
  }
  /** Bumps the case's event counter and returns the new sequence number (the row lock serialises writers). */
  async nextEventSeq(caseId: string): Promise<number> {
    const r = await this.#db
      .updateTable('cases')
      .set((eb) => ({ last_event_seq: eb('last_event_seq', '+', 1) }))
      .where('id', '=', caseId)
      .returning('last_event_seq')
      .executeTakeFirstOrThrow();
    return r.last_event_seq;
  }
  async insertEvent(row: CaseEventsTable): Promise<void> {
    await this.#db.insertInto('case_events').values(row).execute();
  }
  events(caseId: string) {
    return this.#db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  }

  async insertReport(row: ReportsTable): Promise<void> {
    await this.#db.insertInto('reports').values(row).execute();
  }
  findReport(id: string) {
    return this.#db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findReportByIdempotencyKey(key: string) {
    return this.#db.selectFrom('reports').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }
  reportsOfCase(caseId: string) {
    return this.#db.selectFrom('reports').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  }
  /** How many reports and distinct reporters a case has, and their sources and categories, counted in the database. */
  async reportTally(caseId: string): Promise<{ reports: number; reporters: number; sources: string[]; categories: string[] }> {
    const counts = await this.#db
      .selectFrom('reports')
      .select((eb) => [eb.fn.countAll<number>().as('reports'), eb.fn.count<number>('reporter_key').distinct().as('reporters')])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const kinds = await this.#db.selectFrom('reports').select(['source', 'category']).distinct().where('case_id', '=', caseId).execute();
    return {
      reports: Number(counts.reports),
      reporters: Number(counts.reporters),
      sources: [...new Set(kinds.map((k) => k.source))],
      categories: [...new Set(kinds.map((k) => k.category))],
    };
  }
  async answerReports(caseId: string, status: string, answer: string, at: string): Promise<void> {
    await this.#db.updateTable('reports').set({ status, answer, answered_at: at }).where('case_id', '=', caseId).execute();
  }
  async answerOfCase(caseId: string): Promise<string | undefined> {
    const r = await this.#db.selectFrom('reports').select('answer').where('case_id', '=', caseId).where('answer', 'is not', null).limit(1).executeTakeFirst();
    return r?.answer ?? undefined;
  }
  async setReportsStatus(caseId: string, from: string[], status: string): Promise<void> {
    await this.#db.updateTable('reports').set({ status }).where('case_id', '=', caseId).where('status', 'in', from).execute();
  }

  reporterRecords(keys: string[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.#db.selectFrom('reporter_records').selectAll().where('reporter_key', 'in', keys).execute();
  }
  async recordReporterOutcome(key: string, agreed: boolean): Promise<void> {
    await this.#db
      .insertInto('reporter_records')
      .values({ reporter_key: key, agreed: agreed ? 1 : 0, disagreed: agreed ? 0 : 1 })
      .onConflict((oc) =>
        oc
          .column('reporter_key')
          .doUpdateSet((eb) => (agreed ? { agreed: eb('reporter_records.agreed', '+', 1) } : { disagreed: eb('reporter_records.disagreed', '+', 1) })),
      )
      .execute();
  }

  async insertDecision(row: DecisionsTable): Promise<void> {
    await this.#db.insertInto('decisions').values(row).execute();
  }
  findDecision(id: string) {
    return this.#db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async markDecisionReversed(id: string, at: string): Promise<void> {
    await this.#db.updateTable('decisions').set({ reversed_at: at }).where('id', '=', id).execute();
  }

  /** The review queue. Sorted by priority (then oldest first) or by age; keyset cursor. */
  list(f: CaseFilter, sort: 'priority' | 'age', limit: number, after?: [number | string, string]) {
    let q = this.#db.selectFrom('cases').selectAll();
    if (f.state) q = q.where('state', '=', f.state);
    else q = q.where('open_key', 'is not', null);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.source) q = q.where('sources', 'like', `%"${f.source}"%`);
    if (f.assignee) q = q.where('assignee_id', '=', f.assignee);
    if (f.ownerAccountId) q = q.where('owner_account_id', '=', f.ownerAccountId);
    if (f.breached) q = q.where('sla_due_at', '<', f.now).where('decided_at', 'is', null);
    if (sort === 'priority') {
      if (after) q = q.where((eb) => eb.or([eb('priority', '<', Number(after[0])), eb.and([eb('priority', '=', Number(after[0])), eb('id', '>', after[1])])]));
      q = q.orderBy('priority', 'desc').orderBy('id');
    } else {
      if (after)
        q = q.where((eb) => eb.or([eb('created_at', '>', String(after[0])), eb.and([eb('created_at', '=', String(after[0])), eb('id', '>', after[1])])]));
      q = q.orderBy('created_at').orderBy('id');
    }
    return q.limit(limit).execute();
  }

  /** Open-case counts for the console's live counters. */
  async counts(now: string) {
    const rows = await this.#db
      .selectFrom('cases')
      .select(['state', sql<number>`count(*)`.as('n'), sql<number>`sum(case when sla_due_at < ${now} then 1 else 0 end)`.as('overdue')])
      .where('open_key', 'is not', null)
      .groupBy('state')
      .execute();
    return rows.map((r) => ({ state: r.state, count: Number(r.n), overdue: Number(r.overdue ?? 0) }));
  }

  casesOfOwner(ownerAccountId: string, exceptId: string) {
    return this.#db
      .selectFrom('cases')
      .select(['id', 'subject_kind', 'subject_id', 'state', 'category', 'outcome', 'created_at'])
      .where('owner_account_id', '=', ownerAccountId)
      .where('id', '!=', exceptId)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
  }
}
