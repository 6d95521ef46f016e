// Case priority: severity × reporter credibility × reach (× 3 when a life may be at risk).
// Pure functions, unit-tested; the numbers are documented in docs/POLICY.md.
import { category, reviewDeadlineMs } from '../policy/policy.ts';
import type { ReportSource } from './case-values.ts';

/** How much one report from each source weighs before the reporter's own track record. */
export const SOURCE_WEIGHT: Record<ReportSource, number> = {
  anonymous: 1,
  /** A mail to the abuse address: as much as an anonymous web report (the sender's address is easily made). */
  email: 1,
  in_app: 1.2,
  automated: 1.5,
  platform: 2,
  authority: 3,
  trusted_flagger: 4,
};

/** More reporters raise priority, but never beyond this factor: a crowd cannot outweigh one trusted flagger. */
export const CROWD_CAP = 1.75;

export interface ReporterRecord {
  agreed: number;
  disagreed: number;
}

/**
 * A reporter's track record as a factor in [0, 2]: 1 for someone new, rising towards 2 with agreed
 * reports and falling towards 0 for habitual false reporters (Laplace-smoothed agreement rate × 2).
 */
export function trackRecordFactor(r: ReporterRecord | undefined): number {
  if (!r) return 1;
  return (2 * (r.agreed + 1)) / (r.agreed + r.disagreed + 2);
}

export interface PriorityInput {
  categoryId: string;
  lifeAtRisk: boolean;
  /** Subscribers (or members) who see the subject. */
  reach: number;
  /** Per-report credibility: SOURCE_WEIGHT × trackRecordFactor, one entry per distinct reporter (their best). */
  reporterCredibility: number[];
}

export function crowdFactor(distinctReporters: number): number {
  if (distinctReporters <= 1) return 1;
  return Math.min(CROWD_CAP, 1 + 0.25 * Math.log2(distinctReporters));
}

/** 1 for a tiny audience up to 2 for a million subscribers or more. */
export function reachFactor(reach: number): number {
  return Math.min(2, 1 + Math.log10(1 + Math.max(0, reach)) / 6);
}

export function priorityScore(p: PriorityInput): number {
  const n = p.reporterCredibility.length;
  return priorityOf({
    categoryId: p.categoryId,
    lifeAtRisk: p.lifeAtRisk,
    reach: p.reach,
    bestCredibility: n ? Math.max(...p.reporterCredibility) : 1,
    reporters: n,
  });
}

/** The same formula from the two aggregates it needs: the best credibility (1 with no reporters) and how many distinct reporters. */
export function priorityOf(p: { categoryId: string; lifeAtRisk: boolean; reach: number; bestCredibility: number; reporters: number }): number {
  return priorityFactors({ ...p, bestCredibility: p.reporters ? p.bestCredibility : 1 }).score;
}

export interface PriorityFactors {
  severity: number;
  credibility: number;
  crowd: number;
  reach: number;
  lifeAtRisk: number;
  score: number;
}

/** The formula's factors and its score, from the best credibility as given (0 when every reporter is set aside) and the weighed reporters. */
export function priorityFactors(p: { categoryId: string; lifeAtRisk: boolean; reach: number; bestCredibility: number; reporters: number }): PriorityFactors {
  const severity = category(p.categoryId).severity;
  const f = { severity, credibility: p.bestCredibility, crowd: crowdFactor(p.reporters), reach: reachFactor(p.reach), lifeAtRisk: p.lifeAtRisk ? 3 : 1 };
  const score = severity * severity * f.credibility * f.crowd * f.reach * f.lifeAtRisk;
  return { ...f, score: Math.round(score * 100) / 100 };
}

/** The credibility of one report: its source's weight × the reporter's track record when it is made. */
export function reportCredibility(source: ReportSource, record: ReporterRecord | undefined): number {
  return SOURCE_WEIGHT[source] * trackRecordFactor(record);
}

/**
 * The most severe claimed category decides the case's category and review clock; between equally severe
 * ones the first by id, so the result depends on the set only, not on the order reports arrived in.
 */
export function leadingCategory(categoryIds: string[]): string {
  return [...categoryIds].sort((a, b) => category(b).severity - category(a).severity || (a < b ? -1 : a > b ? 1 : 0))[0] ?? 'other';
}

export function slaDueAt(reportedAt: Date, categoryId: string, lifeAtRisk: boolean): Date {
  return new Date(reportedAt.getTime() + reviewDeadlineMs(categoryId, lifeAtRisk));
}
