// Table types for reports, cases, events, decisions and enforcement (migration 03; reports' receipts and
// request fingerprints: 2026-11-29-01-secrets).
// JSON-valued columns are text holding JSON and yes/no columns are 0/1, portable across SQLite and
// PostgreSQL; the repositories convert them (db/columns.ts, cases/case-rows.ts).
import type { AppealState, Appellant, CaseEventKind, CaseState, Outcome, ReportSource, ReportStatus } from '../cases/case-values.ts';
import type { NoticeCode } from '../enforcement/visibility.ts';
import type { CaseSubjectKind, SubjectKind } from '../subjects/kinds.ts';
import type { Flag } from './columns.ts';
export interface CasesTable {
  id: string;
  subject_kind: CaseSubjectKind;
  subject_id: string;
  /** 'reference' (the bundled platform) or a connected platform's name (2026-12-03-01-case-platform). */
  platform?: string;
  open_key: string | null;
  owner_account_id: string | null;
  state: CaseState;
  category: string;
  priority: number;
  sla_due_at: string;
  /** When the SLA sweep recorded that the open case passed its deadline (2026-12-04-05-sla-breaches). */
  sla_breached_at?: string | null;
  report_count: number;
  reporter_count: number;
  /** JSON: the distinct ReportSource values of its reports, sorted. */
  sources: string;
  /** JSON: the distinct categories of its reports, sorted. */
  categories: string;
  reach: number;
  life_at_risk: Flag;
  /** The best credibility among the case's reporters, 0 while it has none (2026-11-30-01-case-figures). */
  best_credibility?: number;
  /** JSON: per category, [established, unproven] sums of its reporters' best weights in thousandths (2026-12-05-41-credibility). */
  category_weights?: string;
  /** JSON: per category and source, [reports, distinct reporters] (migration 2026-12-07-11). */
  report_split?: string;
  /** JSON list: the posts its reports name, sorted, at most 200 (migration 2026-12-07-11). */
  reported_post_ids?: string;
  /** Distinct reporters whose weight is above zero (a set-aside reporter is counted but not weighed). */
  weighed_reporters?: number;
  /** The triage clock of a severe claim no credible reporter backs; null when there is none. */
  triage_due_at?: string | null;
  /** Coordination: reporters whose account was created or address first seen at most an hour before the case opened, or since. */
  fresh_reporters?: number;
  /** Coordination: the most reports sharing one explanation text (normalised). */
  same_text_reports?: number;
  assignee_id: string | null;
  last_event_seq: number;
  outcome: Outcome | null;
  decision_id: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
}
export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  kind: CaseEventKind;
  actor: string;
  reason: string | null;
  data: string;
  created_at: string;
}
export interface ReportsTable {
  id: string;
  case_id: string | null;
  subject_kind: CaseSubjectKind;
  subject_id: string;
  subject_link: string | null;
  source: ReportSource;
  reporter_key: string;
  reporter_account_id: string | null;
  reporter_label: string | null;
  contact_name: string | null;
  contact_email: string | null;
  category: string;
  claimed: string;
  explanation: string | null;
  evidence: string | null;
  /** JSON: the ids of the posts it names. */
  post_ids: string;
  life_at_risk: Flag;
  bona_fide: Flag;
  jurisdiction: string | null;
  legal_basis: string | null;
  order_reference: string | null;
  status: ReportStatus;
  receipt_hash: string;
  idempotency_key: string | null;
  request_fingerprint: string | null;
  answer: string | null;
  created_at: string;
  answered_at: string | null;
  /** Source weight × the reporter's track record when the report was made (null only before it is stored). */
  credibility?: number | null;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
  /** The language the reporter filed in (the web form's page language), in which the status is said by default (2026-12-06-21-reply-language). */
  reply_language?: string | null;
  /** When the reporter's account was created or address first seen (null for keys and detection; 2026-12-05-41-credibility). */
  reporter_since?: string | null;
  /** 1 when the report came from an unproven reporter (fresh, without a record). */
  unproven?: Flag;
}
export interface DecisionsTable {
  id: string;
  case_id: string;
  outcome: Outcome;
  category: string | null;
  /** JSON: ActionKind[]. */
  actions: string;
  statement: string;
  /** JSON: the ids of the posts it removed. */
  post_ids: string;
  jurisdiction: string | null;
  decided_by: string;
  automated: Flag;
  created_at: string;
  reversed_at: string | null;
}
export interface EnforcementActionsTable {
  id: string;
  decision_id: string | null;
  case_id: string | null;
  subject_kind: SubjectKind;
  subject_id: string;
  code: NoticeCode;
  category: string | null;
  country: string | null;
  notice_text: string;
  active: Flag;
  created_at: string;
  reversed_at: string | null;
}
export interface OwnerNoticesTable {
  id: string;
  account_id: string;
  decision_id: string;
  subject_kind: CaseSubjectKind;
  subject_id: string;
  statement: string;
  created_at: string;
}
/** One row per distinct reporter of a case: their best credibility there and how many reports they made. */
export interface CaseReportersTable {
  case_id: string;
  reporter_key: string;
  best_credibility: number;
  reports: number;
  /** The reporter's source and account creation / address first-seen time (2026-12-05-41-credibility). */
  source?: ReportSource | null;
  since?: string | null;
}
export interface ReporterRecordsTable {
  reporter_key: string;
  agreed: number;
  disagreed: number;
  /** An anonymous address's first report (its keyed hash is the key; 2026-12-05-41-credibility). */
  first_seen_at?: string | null;
  /** A senior's warning for manifestly unfounded reports. */
  warned_at?: string | null;
  /** Until when this reporter's reports are set aside (stored, answered, counted, not weighed). */
  set_aside_until?: string | null;
}
export interface CaseReporterCategoriesTable {
  case_id: string;
  reporter_key: string;
  category: string;
  /** The reporter's best weight in this category of the case, in thousandths. */
  weight: number;
  /** 1 when that best weight came from an unproven (fresh, recordless) reporter. */
  unproven: Flag;
}
export interface CaseTextsTable {
  case_id: string;
  text_hash: string;
  reports: number;
}

/** Decisions and reversals per UTC day (2026-12-04-09-daily-statistics), rolled up by src/transparency/daily-statistics.ts. */
export interface DailyStatisticsTable {
  day: string;
  platform: string;
  subject_kind: CaseSubjectKind;
  /** '' when the decision named no category. */
  category: string;
  outcome: Outcome;
  decisions: number;
  reversals: number;
  computed_at: string;
}

/** Days whose transparency figures were computed (2026-12-05-71-transparency-days). */
export interface TransparencyDaysTable {
  day: string;
  computed_at: string;
}
/** The public transparency figures per UTC day (src/transparency/transparency-days.ts). */
export interface TransparencyFiguresTable {
  day: string;
  figure: string;
  key: string;
  n: number;
}

/** An appeal against a decision (2026-12-04-07-appeals); one per decision and appellant. */
export interface AppealsTable {
  id: string;
  case_id: string;
  decision_id: string;
  appellant: Appellant;
  /** `account:<id>` for an owner, the report's reporter key for a reporter: the uniqueness key. */
  appellant_key: string;
  /** The owner's account (owners authenticate with their account token). */
  account_id: string | null;
  notice_id: string | null;
  report_id: string | null;
  reason: string;
  evidence: string | null;
  state: AppealState;
  /** The review deadline (policy: appealReviewDays after filing). */
  due_at: string;
  statement: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A statement of reasons a DSA Transparency Database accepted (2026-12-05-61-dsa-submissions). */
export interface DsaSubmissionsTable {
  /** The database's origin, e.g. `https://transparency.dsa.ec.europa.eu`. */
  target: string;
  puid: string;
  decision_id: string;
  answer: 'created' | 'duplicate';
  accepted_at: string;
}

export interface ModerationTables {
  appeals: AppealsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  reports: ReportsTable;
  decisions: DecisionsTable;
  enforcement_actions: EnforcementActionsTable;
  owner_notices: OwnerNoticesTable;
  reporter_records: ReporterRecordsTable;
  case_reporters: CaseReportersTable;
  case_reporter_categories: CaseReporterCategoriesTable;
  case_texts: CaseTextsTable;
  daily_statistics: DailyStatisticsTable;
  dsa_submissions: DsaSubmissionsTable;
  transparency_days: TransparencyDaysTable;
  transparency_figures: TransparencyFiguresTable;
}
