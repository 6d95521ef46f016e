// The values stored in cases, reports and decisions, written once: the table types, the API's schemas,
// the services and the web app (which imports this module: keep it free of imports) share these lists.

/** A case's state; the lifecycle is in docs/ARCHITECTURE.md. */
export const CASE_STATES = ['open', 'in_review', 'escalated', 'decided', 'reversed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States in which a case awaits a decision (it holds its subject's open key). */
export const OPEN_CASE_STATES = ['open', 'in_review', 'escalated'] as const satisfies readonly CaseState[];
export type OpenCaseState = (typeof OPEN_CASE_STATES)[number];

/** Where a report comes from: the web form, the app, an API key of each kind, or detection. */
export const REPORT_SOURCES = ['anonymous', 'in_app', 'trusted_flagger', 'authority', 'platform', 'automated', 'email'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** A report's status as its reporter sees it; it follows its case. */
export const REPORT_STATUSES = ['received', 'in_review', 'decided', 'declined_out_of_scope'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const OUTCOMES = ['actioned', 'no_violation', 'protected_expression', 'out_of_scope'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ACTION_KINDS = ['block', 'remove_posts', 'restrict_in_jurisdiction', 'warn_owner'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const CASE_EVENT_KINDS = [
  'opened',
  'report_added',
  'signal',
  'claimed',
  'released',
  'commented',
  'escalated',
  'decided',
  'reversed',
  'sla_breached',
  'appeal_filed',
  'appeal_decided',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** An appeal's state: awaiting a senior, or decided either way. */
export const APPEAL_STATES = ['open', 'upheld', 'reversed'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_OUTCOMES = ['upheld', 'reversed'] as const satisfies readonly AppealState[];
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** Who appeals: the owner of an actioned subject, or a reporter whose report ended without action. */
export const APPELLANTS = ['owner', 'reporter'] as const;
export type Appellant = (typeof APPELLANTS)[number];

/** The queue's lanes: a severe claim no credible reporter backs waits in `triage`, with its short clock. */
export const CASE_LANES = ['normal', 'triage'] as const;
export type CaseLane = (typeof CASE_LANES)[number];

export const isOpenState = (s: CaseState): s is OpenCaseState => OPEN_CASE_STATES.some((o) => o === s);
