// The review side of cases: queue, case view, claim, release, comment, escalate.
import { LinkedCasesRepository } from './linked-cases.repository.ts';
import type { Db } from '../db/database.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import { nowIso } from '../shared/time.ts';
import { CasesRepository, type CaseFilter } from './cases.repository.ts';
import { appendEvent } from './case-log.ts';
import type { Case } from './case-rows.ts';
import { isOpenState } from './case-values.ts';
import { reportSplit, splitCountsOf } from './report-split.ts';
import type { Subjects } from '../subjects/subjects.ts';
import { isSubjectKind, REFERENCE_PLATFORM } from '../subjects/kinds.ts';

export interface Actor {
  id: string;
  label: string;
  seesReporterIdentity: boolean;
}
export type AuditFn = (db: Db, entry: { actor: string; action: string; target: string; data?: Record<string, unknown> }) => Promise<void>;

export function caseSummary(c: Case, now = Date.now()) {
  const due = new Date(c.sla_due_at).getTime();
  return {
    id: c.id,
    state: c.state,
    /** 'reference' or the connected platform the subject lives on. */
    platform: c.platform ?? REFERENCE_PLATFORM,
    subject: { kind: c.subject_kind, id: c.subject_id },
    language: c.language ?? null,
    category: c.category,
    priority: c.priority,
    slaDueAt: c.sla_due_at,
    lane: c.triage_due_at ? ('triage' as const) : ('normal' as const),
    triageDueAt: c.triage_due_at ?? null,
    coordination: { freshReporters: c.fresh_reporters ?? 0, sameTextReports: c.same_text_reports ?? 0 },
    overdue: c.decided_at === null && due < now,
    secondsToDue: Math.round((due - now) / 1000),
    reportCount: c.report_count,
    reporterCount: c.reporter_count,
    sources: c.sources,
    categories: c.categories,
    reach: c.reach,
    lifeAtRisk: c.life_at_risk,
    assigneeId: c.assignee_id,
    outcome: c.outcome,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    decidedAt: c.decided_at,
  };
}

/** The most reports, events and signals the case view carries: the latest ones; the case's counts say how many there are. */
export const CASE_VIEW_REPORTS = 100;
export const CASE_VIEW_EVENTS = 200;
export const CASE_VIEW_SIGNALS = 50;

const subjectOf = (c: Pick<Case, 'subject_kind' | 'subject_id' | 'platform'>) => ({
  platform: c.platform ?? REFERENCE_PLATFORM,
  kind: c.subject_kind,
  id: c.subject_id,
});

const isCursor = (v: unknown): v is [number | string, string] => Array.isArray(v) && v.length === 2 && typeof v[1] === 'string';

export class ReviewService {
  #db: Db;
  #audit: AuditFn;
  #subjects: Subjects;
  constructor(db: Db, audit: AuditFn, subjects: Subjects) {
    this.#db = db;
    this.#audit = audit;
    this.#subjects = subjects;
  }

  async list(filter: Omit<CaseFilter, 'now'>, sort: 'priority' | 'age', limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isCursor);
    const rows = await new CasesRepository(this.#db).list({ ...filter, now: nowIso() }, sort, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(sort === 'priority' ? [last.priority, last.id] : [last.created_at, last.id]) : null;
    const labels = await this.#subjects.labels(this.#db, page.map(subjectOf));
    return { cases: page.map((c) => ({ ...caseSummary(c), subjectLabel: labels.get(`${c.subject_kind}:${c.subject_id}`) ?? null })), nextCursor };
  }

  async counts() {
    return (await new CasesRepository(this.#db).counts(nowIso())).map((c) => ({ ...c, state: c.state }));
  }

  /** Open cases past their SLA deadline, by category: read by /metrics when scraped. */
  slaBreaches() {
    return new CasesRepository(this.#db).slaBreachedByCategory(nowIso());
  }

  async require(id: string): Promise<Case> {
    const c = await new CasesRepository(this.#db).findById(id);
    if (!c) throw notFound('Case');
    return c;
  }

  async get(id: string, actor: Actor) {
    const c = await this.require(id);
    const repo = new CasesRepository(this.#db);
    // A viral channel's case holds many thousands of reports and events: the view reads the latest of each
    // and the split intake keeps, so it costs the same whatever the case's size. A case from before the
    // split was kept (until the upgrade's recount job reaches it) is counted by the database.
    const kept = splitCountsOf(c.report_split ?? {});
    const legacy = kept.length === 0 && c.report_count > 0;
    const [reports, events, signals, counts, postIdLists, related] = await Promise.all([
      repo.latestReportsOfCase(c.id, CASE_VIEW_REPORTS),
      repo.latestEvents(c.id, CASE_VIEW_EVENTS),
      repo.latestEventsOfKinds(c.id, ['signal'], CASE_VIEW_SIGNALS),
      legacy ? repo.reportCounts(c.id) : Promise.resolve(kept),
      legacy ? repo.postIdListsOfCase(c.id) : Promise.resolve([c.reported_post_ids ?? []]),
      c.owner_account_id ? repo.casesOfOwner(c.owner_account_id, c.id) : Promise.resolve([]),
    ]);
    const reportedPostIds = [...new Set(postIdLists.flat())];
    const decision = c.decision_id ? await repo.findDecision(c.decision_id) : undefined;
    const split = reportSplit(counts, c.category_weights ?? {});
    const linked = await new LinkedCasesRepository(this.#db).of(c.id);
    // One labels read for both lists (each is limited to 50 rows).
    const relatedLabels = await this.#subjects.labels(this.#db, [
      ...related.map(subjectOf),
      ...linked.flatMap((l) => (isSubjectKind(l.subject.kind) ? [{ platform: l.platform, kind: l.subject.kind, id: l.subject.id }] : [])),
    ]);
    return {
      ...caseSummary(c),
      subjectNow: await this.#subjects.snapshot(this.#db, c.platform ?? REFERENCE_PLATFORM, c.subject_kind, c.subject_id, reportedPostIds),
      reportSplit: split,
      eventCount: c.last_event_seq,
      reports: reports.map((r) => ({
        id: r.id,
        source: r.source,
        category: r.category,
        claimed: r.claimed,
        explanation: r.explanation,
        explanationLanguage: r.language ?? null,
        evidence: r.evidence,
        postIds: r.post_ids,
        lifeAtRisk: r.life_at_risk,
        jurisdiction: r.jurisdiction,
        legalBasis: r.legal_basis,
        orderReference: r.order_reference,
        status: r.status,
        createdAt: r.created_at,
        ...(actor.seesReporterIdentity ? { reporter: { label: r.reporter_label, name: r.contact_name, email: r.contact_email } } : {}),
      })),
      signals: signals.map((e) => ({ at: e.created_at, ...JSON.parse(e.data) })),
      events: events.map((e) => ({ seq: e.seq, kind: e.kind, actor: e.actor, reason: e.reason, at: e.created_at, data: JSON.parse(e.data) })),
      decision: decision
        ? {
            id: decision.id,
            outcome: decision.outcome,
            category: decision.category,
            actions: decision.actions,
            statement: decision.statement,
            postIds: decision.post_ids,
            jurisdiction: decision.jurisdiction,
            decidedBy: decision.decided_by,
            createdAt: decision.created_at,
            reversedAt: decision.reversed_at,
          }
        : null,
      linkedSubjects: linked.map((l) => ({ ...l, subjectLabel: relatedLabels.get(`${l.subject.kind}:${l.subject.id}`) ?? null })),
      relatedCases: related.map((r) => ({
        id: r.id,
        subject: { kind: r.subject_kind, id: r.subject_id },
        subjectLabel: relatedLabels.get(`${r.subject_kind}:${r.subject_id}`) ?? null,
        state: r.state,
        category: r.category,
        outcome: r.outcome,
        createdAt: r.created_at,
      })),
    };
  }

  async #transition(id: string, actor: Actor, kind: 'claimed' | 'released' | 'escalated' | 'commented', patch: (c: Case) => Partial<Case>, reason?: string) {
    const at = nowIso();
    await this.#db.transaction().execute(async (trx) => {
      const repo = new CasesRepository(trx);
      await repo.lock(id); // two claims at once: the second sees the first
      const c = await repo.findById(id);
      if (!c) throw notFound('Case');
      if (!isOpenState(c.state)) throw conflict('case_closed', `This case is ${c.state}; it can no longer be ${kind}.`);
      const p = patch(c);
      await repo.update(id, { ...p, updated_at: at });
      if (p.state === 'in_review') await repo.setReportsStatus(id, ['received'], 'in_review');
      await appendEvent(trx, id, {
        kind,
        actor: `staff:${actor.id}`,
        reason: reason ?? null,
        at,
        data: kind === 'commented' ? {} : { state: p.state ?? c.state },
      });
      await this.#audit(trx, { actor: `staff:${actor.id}`, action: `case.${kind}`, target: `case:${id}`, data: reason ? { reason } : undefined });
    });
    return caseSummary(await this.require(id));
  }

  claim(id: string, actor: Actor) {
    return this.#transition(id, actor, 'claimed', (c) => {
      if (c.assignee_id && c.assignee_id !== actor.id)
        throw conflict('already_claimed', 'Another moderator has claimed this case; they must release it first.');
      return { assignee_id: actor.id, state: c.state === 'escalated' ? 'escalated' : 'in_review' };
    });
  }
  release(id: string, actor: Actor) {
    return this.#transition(id, actor, 'released', (c) => {
      if (c.assignee_id !== actor.id) throw conflict('not_claimed_by_you', 'You can only release a case you have claimed.');
      return { assignee_id: null, state: c.state === 'escalated' ? 'escalated' : 'open' };
    });
  }
  comment(id: string, actor: Actor, text: string) {
    return this.#transition(id, actor, 'commented', () => ({}), text);
  }
  escalate(id: string, actor: Actor, note: string) {
    return this.#transition(id, actor, 'escalated', () => ({ state: 'escalated', assignee_id: null }), note);
  }
}
