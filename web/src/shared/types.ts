// Shapes of the API's answers as the web app uses them (src/cases/review.service.ts,
// src/intake/report-status.service.ts, policy/policy.json, src/people). The lists of values are the
// server's own (import-free modules of src/, bundled as they are).
import type { ActionKind, CaseState, Outcome, ReportSource } from '../../../src/cases/case-values.ts';
import type { Role } from '../../../src/people/roles.ts';

export { ROLES, type Role } from '../../../src/people/roles.ts';
export type { ActionKind, CaseState, Outcome, ReportSource };

export interface StaffUser {
  id: string;
  email: string;
  role: Role;
}
export interface SessionInfo {
  user: StaffUser;
  csrfToken: string;
  expiresAt: string;
}

export interface SubjectRef {
  kind: string;
  id: string;
}

export interface CaseSummary {
  id: string;
  state: CaseState;
  subject: SubjectRef;
  /** A readable name of the subject (title or handle), when the API provides one. */
  subjectLabel?: string | null;
  category: string;
  priority: number;
  slaDueAt: string;
  overdue: boolean;
  secondsToDue: number;
  reportCount: number;
  reporterCount: number;
  sources: ReportSource[];
  categories: string[];
  reach: number;
  lifeAtRisk: boolean;
  assigneeId: string | null;
  outcome: Outcome | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

export interface CaseList {
  cases: CaseSummary[];
  nextCursor: string | null;
}
export interface StateCount {
  state: CaseState;
  count: number;
  overdue: number;
}

export interface Media {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  width?: number;
  height?: number;
}

export interface PostView {
  id: string;
  number: number;
  link: string;
  text: string;
  createdAt: string;
  reported: boolean;
  media: Media[];
}

export type SubjectNow =
  | {
      kind: 'channel';
      id: string;
      link: string;
      handle: string;
      title: string;
      description: string;
      subscribers: number;
      createdAt: string;
      recentPosts: PostView[];
      reportedPosts: PostView[];
    }
  | { kind: 'bot'; id: string; link: string; handle: string; description: string; picture: Media | null; createdAt: string }
  | { kind: 'sticker_set'; id: string; link: string; name: string; title: string; stickers: Media[]; createdAt: string };

export interface CaseReport {
  id: string;
  source: ReportSource;
  category: string;
  claimed: string;
  explanation: string | null;
  evidence: string | null;
  postIds: string[];
  lifeAtRisk: boolean;
  jurisdiction: string | null;
  legalBasis: string | null;
  orderReference: string | null;
  status: string;
  createdAt: string;
  /** Present only for seniors and above. */
  reporter?: { label: string | null; name: string | null; email: string | null };
}

export interface CaseEvent {
  seq: number;
  kind: string;
  actor: string;
  reason: string | null;
  at: string;
  data: Record<string, unknown>;
}

export interface Decision {
  id: string;
  outcome: Outcome;
  category: string | null;
  actions: ActionKind[];
  statement: string;
  postIds: string[];
  jurisdiction: string | null;
  decidedBy: string;
  createdAt: string;
  reversedAt: string | null;
}

export interface RelatedCase {
  id: string;
  subject: SubjectRef;
  subjectLabel?: string | null;
  state: CaseState;
  category: string;
  outcome: Outcome | null;
  createdAt: string;
}

/** How a case's reports split, and the category their credibility-weighted majority points to (computed by the server). */
export interface ReportSplit {
  byCategory: Array<{ category: string; reports: number; reporters: number; weight: number }>;
  bySource: Array<{ source: ReportSource; reports: number }>;
  suggestedCategory: string | null;
  tie: boolean;
}

export interface CaseDetail extends CaseSummary {
  subjectNow: SubjectNow | null;
  reports: CaseReport[];
  reportSplit: ReportSplit;
  signals: Array<{ at: string } & Record<string, unknown>>;
  events: CaseEvent[];
  decision: Decision | null;
  relatedCases: RelatedCase[];
}

export interface PolicyCategory {
  id: string;
  title: string;
  severity: number;
  reviewWithin: string;
  reviewWithinIfLifeAtRisk?: string;
  because: string;
  statement: string;
}

export interface Policy {
  version: string;
  categories: PolicyCategory[];
  inAppReasons: Record<string, string>;
  protectedExpression: { title: string; rule: string; statement: string };
  scope: { inScope: string[]; outOfScope: string[]; outOfScopeStatement: string };
  appeal: string;
}

export interface Answer {
  outcome: Outcome | 'reversed';
  category: string | null;
  categoryTitle: string | null;
  actions: ActionKind[];
  territorialScope: string | null;
  statement: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  decidedAt: string;
  appeal: string;
}

export interface ReportStatusView {
  id: string;
  status: string;
  createdAt: string;
  subject: { kind: string; link: string };
  category: string;
  categoryTitle: string;
  timeline: Array<{ at: string; event: string; text: string }>;
  answer: Answer | null;
}

export interface ReportAck {
  id: string;
  status: string;
  receipt: string;
  statusUrl: string;
}
