import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import { type Flag, isString, parseList, toFlag } from '../db/columns.ts';
import { forUpdate, isPostgres } from '../db/dialect-sql.ts';
import type { CasesTable, CaseEventsTable, ReportsTable } from '../db/schema-moderation.ts';
import type { CaseSubjectKind } from '../subjects/kinds.ts';
import type { CaseFigures } from './case-aggregate.ts';
import {
  type Case,
  caseFromRow,
  casePatch,
  caseToRow,
  type Decision,
  decisionFromRow,
  decisionToRow,
  isAction,
  type Report,
  reportFromRow,
  reportToRow,
  weightsToText,
  reportCountsToText,
} from './case-rows.ts';
import type { CaseEventKind, CaseLane, CaseState, ReportSource, ReportStatus } from './case-values.ts';

// Every column of a report (a Record, so the compiler insists on each): the insert below names them all.
const REPORT_COLUMNS: Record<keyof ReportsTable, true> = {
  id: true,
  case_id: true,
  subject_kind: true,
  subject_id: true,
  subject_link: true,
  reply_language: true,
  source: true,
  reporter_key: true,
  reporter_account_id: true,
  reporter_label: true,
  contact_name: true,
  contact_email: true,
  category: true,
  claimed: true,
  explanation: true,
  evidence: true,
  post_ids: true,
  life_at_risk: true,
  bona_fide: true,
  jurisdiction: true,
  legal_basis: true,
  order_reference: true,
  status: true,
  receipt_hash: true,
  idempotency_key: true,
  request_fingerprint: true,
  answer: true,
  created_at: true,
  answered_at: true,
  credibility: true,
  language: true,
  reporter_since: true,
  unproven: true,
};
const EVENT_COLUMNS: Record<keyof CaseEventsTable, true> = {
  id: true,
  case_id: true,
  seq: true,
  kind: true,
  actor: true,
  reason: true,
  data: true,
  created_at: true,
};
// Reads every column through `p` (the prepared query's markers are a Proxy with no keys of its own); the
// casts restore the key types Object.keys and Object.fromEntries drop.
const pick = <T extends object>(p: T, columns: Record<keyof T, true>): T => Object.fromEntries(Object.keys(columns).map((c) => [c, p[c as keyof T]])) as T;

// The statements of report intake, compiled once (src/db/prepared.ts).
const insertReportQuery = prepared((db, p: ReportsTable) => db.insertInto('reports').values(pick(p, REPORT_COLUMNS)));
const insertEventQuery = prepared((db, p: CaseEventsTable) => db.insertInto('case_events').values(pick(p, EVENT_COLUMNS)));
// A select, not the no-op update it was: on SQLite the update wrote the row back (and took a fifth of the
// SQL time of a report joining a case), on PostgreSQL it left a dead row version behind for each report.
const lockAndReadQuery = prepared((db, p: { openKey: string; reporterKey: string; kind: CaseSubjectKind; id: string; category: string }) =>
  forUpdate(
    db,
    db
      .selectFrom('cases')
      .selectAll('cases')
      .select((eb) => [
        eb.selectFrom('reporter_records').select('agreed').where('reporter_key', '=', p.reporterKey).as('record_agreed'),
        eb.selectFrom('reporter_records').select('disagreed').where('reporter_key', '=', p.reporterKey).as('record_disagreed'),
        eb.selectFrom('reporter_records').select('first_seen_at').where('reporter_key', '=', p.reporterKey).as('record_first_seen_at'),
        eb.selectFrom('reporter_records').select('warned_at').where('reporter_key', '=', p.reporterKey).as('record_warned_at'),
        eb.selectFrom('reporter_records').select('set_aside_until').where('reporter_key', '=', p.reporterKey).as('record_set_aside_until'),
        // On PostgreSQL these three are read again after the lock (reporterInCaseQuery), so they are left out there.
        isPostgres(db)
          ? sql<number | null>`null`.as('reporter_best')
          : eb
              .selectFrom('case_reporters as cr')
              .select('cr.best_credibility')
              .whereRef('cr.case_id', '=', 'cases.id')
              .where('cr.reporter_key', '=', p.reporterKey)
              .as('reporter_best'),
        isPostgres(db)
          ? sql<number | null>`null`.as('category_weight')
          : eb
              .selectFrom('case_reporter_categories as rc')
              .select('rc.weight')
              .whereRef('rc.case_id', '=', 'cases.id')
              .where('rc.reporter_key', '=', p.reporterKey)
              .where('rc.category', '=', p.category)
              .as('category_weight'),
        isPostgres(db)
          ? sql<number | null>`null`.as('category_unproven')
          : eb
              .selectFrom('case_reporter_categories as rc')
              .select('rc.unproven')
              .whereRef('rc.case_id', '=', 'cases.id')
              .where('rc.reporter_key', '=', p.reporterKey)
              .where('rc.category', '=', p.category)
              .as('category_unproven'),
        eb
          .selectFrom('cases as d')
          .select('d.id')
          .where('d.subject_kind', '=', p.kind)
          .where('d.subject_id', '=', p.id)
          .where('d.decided_at', 'is not', null)
          .limit(1)
          .as('decided_case_id'),
      ])
      .where('cases.open_key', '=', p.openKey),
  ),
);
// On PostgreSQL the subqueries above read the snapshot taken when the statement began, before it waited
// for the case row's lock: a reporter's earlier report committed meanwhile is not in it. Read again, after
// the lock, what a concurrent report of the same reporter may have changed.
const reporterInCaseQuery = prepared((db, p: { caseId: string; reporterKey: string; category: string }) =>
  db
    .selectFrom('case_reporters as cr')
    .select((eb) => [
      'cr.best_credibility',
      eb
        .selectFrom('case_reporter_categories as rc')
        .select('rc.weight')
        .where('rc.case_id', '=', p.caseId)
        .where('rc.reporter_key', '=', p.reporterKey)
        .where('rc.category', '=', p.category)
        .as('category_weight'),
      eb
        .selectFrom('case_reporter_categories as rc')
        .select('rc.unproven')
        .where('rc.case_id', '=', p.caseId)
        .where('rc.reporter_key', '=', p.reporterKey)
        .where('rc.category', '=', p.category)
        .as('category_unproven'),
    ])
    .where('cr.case_id', '=', p.caseId)
    .where('cr.reporter_key', '=', p.reporterKey),
);
const addCaseReporterQuery = prepared((db, p: { caseId: string; reporterKey: string; credibility: number; source: ReportSource; since: string | null }) =>
  db
    .insertInto('case_reporters')
    .values({ case_id: p.caseId, reporter_key: p.reporterKey, best_credibility: p.credibility, reports: 1, source: p.source, since: p.since })
    .onConflict((oc) =>
      oc.columns(['case_id', 'reporter_key']).doUpdateSet((eb) => ({
        reports: eb('case_reporters.reports', '+', 1),
        best_credibility: sql<number>`case when excluded.best_credibility > case_reporters.best_credibility then excluded.best_credibility else case_reporters.best_credibility end`,
      })),
    )
    .returning('reports'),
);
const addCategoryWeightQuery = prepared((db, p: { caseId: string; reporterKey: string; category: string; weight: number; unproven: Flag }) =>
  db
    .insertInto('case_reporter_categories')
    .values({ case_id: p.caseId, reporter_key: p.reporterKey, category: p.category, weight: p.weight, unproven: p.unproven })
    .onConflict((oc) => oc.columns(['case_id', 'reporter_key', 'category']).doUpdateSet({ weight: p.weight, unproven: p.unproven })),
);
const countTextQuery = prepared((db, p: { caseId: string; textHash: string }) =>
  db
    .insertInto('case_texts')
    .values({ case_id: p.caseId, text_hash: p.textHash, reports: 1 })
    .onConflict((oc) => oc.columns(['case_id', 'text_hash']).doUpdateSet((eb) => ({ reports: eb('case_texts.reports', '+', 1) })))
    .returning('reports'),
);
type FiguresRow = Pick<CasesTable, keyof CaseFigures | 'reach' | 'last_event_seq' | 'updated_at' | 'id'>;
const updateFiguresQuery = prepared((db, p: FiguresRow) =>
  db
    .updateTable('cases')
    .set({
      report_count: p.report_count,
      reporter_count: p.reporter_count,
      sources: p.sources,
      categories: p.categories,
      category: p.category,
      life_at_risk: p.life_at_risk,
      best_credibility: p.best_credibility,
      priority: p.priority,
      sla_due_at: p.sla_due_at,
      category_weights: p.category_weights,
      weighed_reporters: p.weighed_reporters,
      triage_due_at: p.triage_due_at,
      fresh_reporters: p.fresh_reporters,
      same_text_reports: p.same_text_reports,
      report_split: p.report_split,
      reported_post_ids: p.reported_post_ids,
      reach: p.reach,
      last_event_seq: p.last_event_seq,
      updated_at: p.updated_at,
    })
    .where('id', '=', p.id),
);

export interface CaseFilter {
  state?: CaseState;
  category?: string;
  /** A detected language tag, or 'unknown' for cases whose language could not be told. */
  language?: string;
  source?: ReportSource;
  breached?: boolean;
  lane?: CaseLane;
  assignee?: string;
  ownerAccountId?: string;
  now: string;
}

export class CasesRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async latestDecidedBySubject(kind: CaseSubjectKind, id: string): Promise<Case | undefined> {
    const row = await this.#db
      .selectFrom('cases')
      .selectAll()
      .where('subject_kind', '=', kind)
      .where('subject_id', '=', id)
      .where('decided_at', 'is not', null)
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && caseFromRow(row);
  }
  async findById(id: string): Promise<Case | undefined> {
    const row = await this.#db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && caseFromRow(row);
  }
  async insert(c: Case): Promise<void> {
    await this.#db.insertInto('cases').values(caseToRow(c)).execute();
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
  /**
   * Like `lock`, for the subject's open case if there is one (a report joining it waits for a decision being
   * taken); also returns, in the same statement, the locked open case (on PostgreSQL as
   * the previous writer committed it), the reporter's track record (null columns without one) and whether
   * the subject has a decided case (whose standing decision the caller then looks at).
   */
  async lockAndReadOpenBySubject(kind: CaseSubjectKind, id: string, reporterKey: string, category: string) {
    const r = await lockAndReadQuery.execute(this.#db, { openKey: `${kind}:${id}`, reporterKey, kind, id, category });
    if (!r.rows[0]) return undefined;
    const { record_agreed, record_disagreed, record_first_seen_at, record_warned_at, record_set_aside_until, decided_case_id, ...rest } = r.rows[0];
    let { reporter_best, category_weight, category_unproven, ...c } = rest;
    if (isPostgres(this.#db)) {
      const fresh = (await reporterInCaseQuery.execute(this.#db, { caseId: c.id, reporterKey, category })).rows[0];
      reporter_best = fresh?.best_credibility ?? null;
      category_weight = fresh?.category_weight ?? null;
      category_unproven = fresh?.category_unproven ?? null;
    }
    return {
      case: caseFromRow(c),
      record:
        record_agreed == null
          ? undefined
          : {
              agreed: Number(record_agreed),
              disagreed: Number(record_disagreed),
              first_seen_at: record_first_seen_at ?? null,
              warned_at: record_warned_at ?? null,
              set_aside_until: record_set_aside_until ?? null,
            },
      reporterBest: reporter_best == null ? undefined : Number(reporter_best),
      categoryBefore: category_weight == null ? undefined : { weight: Number(category_weight), unproven: Number(category_unproven) === 1 },
      decidedCaseId: decided_case_id,
    };
  }
  /** Keeps the reporter's best weight in a category of the case (the caller computed it under the case's lock). */
  async setCategoryWeight(caseId: string, reporterKey: string, category: string, weight: number, unproven: boolean): Promise<void> {
    await addCategoryWeightQuery.execute(this.#db, { caseId, reporterKey, category, weight, unproven: toFlag(unproven) });
  }
  /** Counts one more report with this text in the case; returns how many share it now. */
  async countText(caseId: string, textHash: string): Promise<number> {
    const r = await countTextQuery.execute(this.#db, { caseId, textHash });
    return Number(r.rows[0]?.reports ?? 0);
  }
  async reporterCategoryWeights(caseId: string) {
    const rows = await this.#db.selectFrom('case_reporter_categories').selectAll().where('case_id', '=', caseId).execute();
    return rows.map((r) => ({ reporter_key: r.reporter_key, category: r.category, weight: Number(r.weight), unproven: Number(r.unproven) === 1 }));
  }
  async replaceReporterCategoryWeights(
    caseId: string,
    rows: Array<{ reporter_key: string; category: string; weight: number; unproven: boolean }>,
  ): Promise<void> {
    await this.#db.deleteFrom('case_reporter_categories').where('case_id', '=', caseId).execute();
    for (let i = 0; i < rows.length; i += 500)
      await this.#db
        .insertInto('case_reporter_categories')
        .values(
          rows
            .slice(i, i + 500)
            .map((r) => ({ case_id: caseId, reporter_key: r.reporter_key, category: r.category, weight: r.weight, unproven: toFlag(r.unproven) })),
        )
        .execute();
  }
  caseTexts(caseId: string) {
    return this.#db.selectFrom('case_texts').select(['text_hash', 'reports']).where('case_id', '=', caseId).execute();
  }
  async replaceCaseTexts(caseId: string, texts: Map<string, number>): Promise<void> {
    await this.#db.deleteFrom('case_texts').where('case_id', '=', caseId).execute();
    const rows = [...texts].map(([text_hash, reports]) => ({ case_id: caseId, text_hash, reports }));
    for (let i = 0; i < rows.length; i += 500)
      await this.#db
        .insertInto('case_texts')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  /** Locks a case, bumps its event counter and returns the row with the new `last_event_seq`. */
  async bumpEventSeq(caseId: string): Promise<Case> {
    const row = await this.#db
      .updateTable('cases')
      .set((eb) => ({ last_event_seq: eb('last_event_seq', '+', 1) }))
      .where('id', '=', caseId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return caseFromRow(row);
  }
  /**
   * Counts one more report by this reporter in the case, keeping their best credibility there; true when
   * they are new to the case (the row was inserted rather than updated).
   */
  async addCaseReporter(caseId: string, reporterKey: string, credibility: number, source: ReportSource, since: string | null): Promise<boolean> {
    const r = await addCaseReporterQuery.execute(this.#db, { caseId, reporterKey, credibility, source, since });
    return Number(r.rows[0]?.reports) === 1;
  }
  caseReporters(caseId: string) {
    return this.#db.selectFrom('case_reporters').selectAll().where('case_id', '=', caseId).orderBy('reporter_key').execute();
  }
  async replaceCaseReporters(
    caseId: string,
    rows: Array<{ case_id: string; reporter_key: string; best_credibility: number; reports: number; source: ReportSource; since: string | null }>,
  ): Promise<void> {
    await this.#db.deleteFrom('case_reporters').where('case_id', '=', caseId).execute();
    for (let i = 0; i < rows.length; i += 500)
      await this.#db
        .insertInto('case_reporters')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  async update(id: string, patch: Partial<Case>): Promise<void> {
    await this.#db.updateTable('cases').set(casePatch(patch)).where('id', '=', id).execute();
  }
  /** An open case's figures after a report joined it (the statement intake runs for every report). */
  async updateFigures(id: string, patch: CaseFigures & Pick<Case, 'reach' | 'last_event_seq' | 'updated_at'>): Promise<void> {
    const { sources, categories, life_at_risk, category_weights, report_split, reported_post_ids } = patch;
    await updateFiguresQuery.execute(this.#db, {
      ...patch,
      category_weights: weightsToText(category_weights),
      report_split: reportCountsToText(report_split),
      reported_post_ids: JSON.stringify(reported_post_ids),
      sources: JSON.stringify(sources),
      categories: JSON.stringify(categories),
      life_at_risk: toFlag(life_at_risk),
      id,
    });
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
  async insertEvent(row: CaseEventsTable | CaseEventsTable[]): Promise<void> {
    const one = Array.isArray(row) ? (row.length === 1 ? row[0] : undefined) : row;
    if (one) await insertEventQuery.execute(this.#db, one);
    else await this.#db.insertInto('case_events').values(row).execute();
  }
  /** The case's last `limit` events, in order. */
  async latestEvents(caseId: string, limit: number) {
    const rows = await this.#db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq', 'desc').limit(limit).execute();
    return rows.reverse();
  }
  /**
   * The case's last `limit` events of these kinds (at or after `since` when given), in order; never
   * report_added, the one event every report adds. One indexed read per kind: asked for several kinds at
   * once, SQLite's planner walks all of a case's events in order instead.
   */
  async latestEventsOfKinds(caseId: string, kinds: readonly Exclude<CaseEventKind, 'report_added'>[], limit: number, since?: string) {
    const perKind = await Promise.all(
      kinds.map((kind) => {
        let q = this.#db
          .selectFrom('case_events')
          .selectAll()
          .where('case_id', '=', caseId)
          .where('kind', '=', kind)
          // The index on kinds leaves report_added out: this literal term lets the database use it.
          .where('kind', '<>', sql.lit('report_added'));
        if (since !== undefined) q = q.where('created_at', '>=', since);
        return q.orderBy('seq', 'desc').limit(limit).execute();
      }),
    );
    return perKind
      .flat()
      .sort((a, b) => a.seq - b.seq)
      .slice(-limit);
  }

  async insertReport(report: Report): Promise<void> {
    await insertReportQuery.execute(this.#db, reportToRow(report));
  }
  async findReport(id: string): Promise<Report | undefined> {
    const row = await this.#db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row && reportFromRow(row);
  }
  async findReportByIdempotencyKey(key: string): Promise<Report | undefined> {
    const row = await this.#db.selectFrom('reports').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return row && reportFromRow(row);
  }
  /** The distinct `post_ids` lists of a case's reports. */
  async postIdListsOfCase(caseId: string): Promise<string[][]> {
    const rows = await this.#db.selectFrom('reports').select('post_ids').distinct().where('case_id', '=', caseId).execute();
    return rows.map((r) => parseList(r.post_ids, isString));
  }
  /** Ids of cases after `after`, in id order (the recount job's pages). */
  async idsAfter(after: string, limit: number): Promise<string[]> {
    const rows = await this.#db.selectFrom('cases').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }
  /** The case's last `limit` reports, in the order they came. */
  async latestReportsOfCase(caseId: string, limit: number): Promise<Report[]> {
    const rows = await this.#db
      .selectFrom('reports')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse().map(reportFromRow);
  }
  /** Reports and distinct reporters per category and source, counted by the database (the case view's split). */
  async reportCounts(caseId: string): Promise<Array<{ category: string; source: ReportSource; reports: number; reporters: number }>> {
    const rows = await this.#db
      .selectFrom('reports')
      .select((eb) => ['category', 'source', eb.fn.countAll<number>().as('reports'), eb.fn.count<number>('reporter_key').distinct().as('reporters')])
      .where('case_id', '=', caseId)
      .groupBy(['category', 'source'])
      .execute();
    return rows.map((r) => ({ category: r.category, source: r.source, reports: Number(r.reports), reporters: Number(r.reporters) }));
  }
  async reportsOfCase(caseId: string): Promise<Report[]> {
    const rows = await this.#db.selectFrom('reports').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
    return rows.map(reportFromRow);
  }
  async answerReports(caseId: string, status: ReportStatus, answer: string, at: string): Promise<void> {
    await this.#db.updateTable('reports').set({ status, answer, answered_at: at }).where('case_id', '=', caseId).execute();
  }
  /** A case's reports that came by mail with an address to answer (the decision is mailed to them). */
  async mailedReportsOfCase(caseId: string) {
    const rows = await this.#db
      .selectFrom('reports')
      .select(['id', 'subject_link', 'contact_email', 'language'])
      .where('case_id', '=', caseId)
      .where('source', '=', 'email')
      .where('contact_email', 'is not', null)
      .execute();
    return rows.flatMap((r) => (r.contact_email ? [{ id: r.id, link: r.subject_link ?? '', email: r.contact_email, language: r.language ?? null }] : []));
  }
  async answerOfCase(caseId: string): Promise<string | undefined> {
    const r = await this.#db.selectFrom('reports').select('answer').where('case_id', '=', caseId).where('answer', 'is not', null).limit(1).executeTakeFirst();
    return r?.answer ?? undefined;
  }
  async hasOpenCase(openKey: string): Promise<boolean> {
    return (await this.#db.selectFrom('cases').select('id').where('open_key', '=', openKey).executeTakeFirst()) !== undefined;
  }
  /** The case went back to review (a no-action decision set aside on appeal): its reports await a new answer. */
  async reopenReports(caseId: string): Promise<void> {
    await this.#db
      .updateTable('reports')
      .set({ status: 'in_review', answer: null, answered_at: null })
      .where('case_id', '=', caseId)
      .where('status', '=', 'decided')
      .execute();
  }
  async setReportsStatus(caseId: string, from: ReportStatus[], status: ReportStatus): Promise<void> {
    await this.#db.updateTable('reports').set({ status }).where('case_id', '=', caseId).where('status', 'in', from).execute();
  }

  reporterRecord(key: string) {
    return this.#db
      .selectFrom('reporter_records')
      .select(['agreed', 'disagreed', 'first_seen_at', 'warned_at', 'set_aside_until'])
      .where('reporter_key', '=', key)
      .executeTakeFirst();
  }
  /** Records when an address first reported (a no-op once known); the earliest write wins. */
  async recordFirstSeen(key: string, at: string): Promise<void> {
    await this.#db
      .insertInto('reporter_records')
      .values({ reporter_key: key, agreed: 0, disagreed: 0, first_seen_at: at })
      .onConflict((oc) =>
        oc.column('reporter_key').doUpdateSet((eb) => ({ first_seen_at: eb.fn.coalesce('reporter_records.first_seen_at', eb.ref('excluded.first_seen_at')) })),
      )
      .execute();
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

  async insertDecision(decision: Decision): Promise<void> {
    await this.#db.insertInto('decisions').values(decisionToRow(decision)).execute();
  }
  async findDecision(id: string): Promise<Decision | undefined> {
    const row = await this.#db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && decisionFromRow(row);
  }
  async markDecisionReversed(id: string, at: string): Promise<void> {
    await this.#db.updateTable('decisions').set({ reversed_at: at }).where('id', '=', id).execute();
  }

  /** The review queue. Sorted by priority (then oldest first) or by age; keyset cursor. */
  async list(f: CaseFilter, sort: 'priority' | 'age', limit: number, after?: [number | string, string]): Promise<Case[]> {
    let q = this.#db.selectFrom('cases').selectAll();
    if (f.state) q = q.where('state', '=', f.state);
    else q = q.where('open_key', 'is not', null);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.language) q = f.language === 'unknown' ? q.where('language', 'is', null) : q.where('language', '=', f.language);
    if (f.source) q = q.where('sources', 'like', `%"${f.source}"%`);
    if (f.assignee) q = q.where('assignee_id', '=', f.assignee);
    if (f.ownerAccountId) q = q.where('owner_account_id', '=', f.ownerAccountId);
    if (f.breached) q = q.where('sla_due_at', '<', f.now).where('decided_at', 'is', null);
    if (f.lane) q = q.where('triage_due_at', f.lane === 'triage' ? 'is not' : 'is', null);
    if (sort === 'priority') {
      if (after) q = q.where((eb) => eb.or([eb('priority', '<', Number(after[0])), eb.and([eb('priority', '=', Number(after[0])), eb('id', '>', after[1])])]));
      q = q.orderBy('priority', 'desc').orderBy('id');
    } else {
      if (after)
        q = q.where((eb) => eb.or([eb('created_at', '>', String(after[0])), eb.and([eb('created_at', '=', String(after[0])), eb('id', '>', after[1])])]));
      q = q.orderBy('created_at').orderBy('id');
    }
    return (await q.limit(limit).execute()).map(caseFromRow);
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

  /** Open cases past their SLA deadline by category (the cases_open_sla index answers it). */
  async slaBreachedByCategory(now: string): Promise<Array<{ category: string; count: number }>> {
    const rows = await this.#db
      .selectFrom('cases')
      .select(['category', sql<number>`count(*)`.as('n')])
      .where('open_key', 'is not', null)
      .where('sla_due_at', '<', now)
      .groupBy('category')
      .execute();
    return rows.map((r) => ({ category: r.category, count: Number(r.n) }));
  }

  /** Open cases past their deadline whose breach is not recorded yet, earliest deadline first. */
  overdueUnrecorded(now: string, limit: number) {
    return this.#db
      .selectFrom('cases')
      .select(['id', 'sla_due_at', 'category'])
      .where('open_key', 'is not', null)
      .where('sla_breached_at', 'is', null)
      .where('sla_due_at', '<', now)
      .orderBy('sla_due_at')
      .limit(limit)
      .execute();
  }
  /** Records the breach, if the case is still open, unrecorded and past due; true when this call recorded it. */
  async markSlaBreached(id: string, now: string): Promise<boolean> {
    const r = await this.#db
      .updateTable('cases')
      .set({ sla_breached_at: now })
      .where('id', '=', id)
      .where('open_key', 'is not', null)
      .where('sla_breached_at', 'is', null)
      .where('sla_due_at', '<', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** A case's most credible reporters with their records and standing (the console's case view). */
  reportersWithRecords(caseId: string, limit: number) {
    return this.#db
      .selectFrom('case_reporters as cr')
      .leftJoin('reporter_records as rr', 'rr.reporter_key', 'cr.reporter_key')
      .select([
        'cr.reporter_key',
        'cr.best_credibility',
        'cr.reports',
        'cr.source',
        'cr.since',
        'rr.agreed',
        'rr.disagreed',
        'rr.warned_at',
        'rr.set_aside_until',
      ])
      .where('cr.case_id', '=', caseId)
      .orderBy('cr.best_credibility', 'desc')
      .orderBy('cr.reporter_key')
      .limit(limit)
      .execute();
  }
  async setReporterStanding(key: string, patch: { warned_at?: string | null; set_aside_until?: string | null }): Promise<void> {
    await this.#db
      .insertInto('reporter_records')
      .values({ reporter_key: key, agreed: 0, disagreed: 0, ...patch })
      .onConflict((oc) => oc.column('reporter_key').doUpdateSet(patch))
      .execute();
  }
  /**
   * Decisions about an owner's subjects, newest first: from the owner's `withinCases` newest cases (an
   * index range), so the cost is bounded however long the owner's record.
   */
  async decisionsOfOwner(ownerAccountId: string, withinCases: number, limit: number) {
    const rows = await this.#db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .select([
        'decisions.id',
        'decisions.case_id',
        'decisions.outcome',
        'decisions.category',
        'decisions.actions',
        'decisions.created_at',
        'decisions.reversed_at',
        'cases.subject_kind',
        'cases.subject_id',
        'cases.platform',
      ])
      .where('decisions.case_id', 'in', (eb) =>
        eb.selectFrom('cases').select('id').where('owner_account_id', '=', ownerAccountId).orderBy('created_at', 'desc').limit(withinCases),
      )
      .orderBy('decisions.created_at', 'desc')
      .orderBy('decisions.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, actions: parseList(r.actions, isAction) }));
  }

  casesOfOwner(ownerAccountId: string, exceptId: string) {
    return this.#db
      .selectFrom('cases')
      .select(['id', 'subject_kind', 'subject_id', 'platform', 'state', 'category', 'outcome', 'created_at'])
      .where('owner_account_id', '=', ownerAccountId)
      .where('id', '!=', exceptId)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
  }
}
