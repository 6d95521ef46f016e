// How a case's reports split by category and by source, and the category most of them point to once
// each reporter is weighed by credibility. The decision panel shows the split and starts from that
// category, so one severe outlier cannot set the statement sent to everyone. The weights are the case's
// own (kept by intake, freshness and the unproven cap included), so the suggestion is the category the
// queue ranks the case by; the counts come from the database, so a case of 100,000 reports costs the same
// to show. Pure; docs/POLICY.md says the same in words.
import { CATEGORY_IDS, category } from '../policy/policy.ts';
import { SOURCE_WEIGHT } from './priority.ts';
import { type CategoryWeights, effectiveCredibility, leadOf } from './credibility.ts';
import { REPORT_SOURCES, type ReportSource } from './case-values.ts';

/**
 * What the case keeps (cases.report_split): per category and source, [reports, distinct reporters].
 * A reporter counts in a category when their first report in it joins the case while it is open; reports
 * answered with a standing decision add to the reports only.
 */
export type ReportCounts = Record<string, Partial<Record<ReportSource, [number, number]>>>;

/** The counts after one more report; `newReporter`: the reporter's first report in this category counted. */
export function countReport(counts: ReportCounts, categoryId: string, source: ReportSource, newReporter: boolean): ReportCounts {
  const bySource = counts[categoryId] ?? {};
  const [reports, reporters] = bySource[source] ?? [0, 0];
  return { ...counts, [categoryId]: { ...bySource, [source]: [reports + 1, reporters + (newReporter ? 1 : 0)] } };
}

/** The kept counts as rows. */
export function splitCountsOf(counts: ReportCounts): SplitCount[] {
  return Object.entries(counts).flatMap(([categoryId, bySource]) =>
    REPORT_SOURCES.flatMap((source) => {
      const c = bySource[source];
      return c ? [{ category: categoryId, source, reports: c[0], reporters: c[1] }] : [];
    }),
  );
}

/** Reports and distinct reporters of one category from one source. */
export interface SplitCount {
  category: string;
  source: ReportSource;
  reports: number;
  reporters: number;
}

export interface CategoryShare {
  category: string;
  /** Reports in this category (a raw count, as shown to moderators). */
  reports: number;
  /** Distinct reporters in this category. */
  reporters: number;
  /**
   * The category's credibility-weighted sum, as the case keeps it (each reporter's best weight here: source ×
   * track record, a tenth while unproven, unproven reporters together capped): the same figures that set
   * the case's category and priority.
   */
  weight: number;
}

export interface SourceShare {
  source: ReportSource;
  reports: number;
}

export interface ReportSplit {
  /** Heaviest first; equal weights in policy order (the more severe category first). */
  byCategory: CategoryShare[];
  /** Most reports first; equal counts by source weight. */
  bySource: SourceShare[];
  /** The credibility-weighted majority (the case's own category while it is open), or null for a case without reports. */
  suggestedCategory: string | null;
  /** True when the suggested category won a tie on weight by being the more severe one. */
  tie: boolean;
}

// Weights are sums of decimals (1.2 × 3 …): compare them rounded so float noise never breaks a tie.
const rounded = (n: number) => Math.round(n * 1e6) / 1e6;

/** The more severe category first; between equal severities, the policy's order. */
export function severityOrder(a: string, b: string): number {
  return category(b).severity - category(a).severity || CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b);
}

export function reportSplit(counts: SplitCount[], weights: CategoryWeights): ReportSplit {
  const perCategory = new Map<string, { reports: number; reporters: number }>();
  const perSource = new Map<ReportSource, number>();
  for (const c of counts) {
    const share = perCategory.get(c.category) ?? { reports: 0, reporters: 0 };
    perCategory.set(c.category, share);
    share.reports += c.reports;
    // A reporter's key belongs to one source, so distinct reporters per source add up.
    share.reporters += c.reporters;
    perSource.set(c.source, (perSource.get(c.source) ?? 0) + c.reports);
  }
  const byCategory: CategoryShare[] = [...perCategory]
    .map(([id, s]) => ({ category: id, reports: s.reports, reporters: s.reporters, weight: rounded(effectiveCredibility(weights[id] ?? [0, 0])) }))
    .sort((a, b) => b.weight - a.weight || severityOrder(a.category, b.category));
  const bySource = [...perSource]
    .map(([source, n]) => ({ source, reports: n }))
    .sort((a, b) => b.reports - a.reports || SOURCE_WEIGHT[b.source] - SOURCE_WEIGHT[a.source]);
  const [first, second] = byCategory;
  return {
    byCategory,
    bySource,
    suggestedCategory: first ? leadOf(weights).category : null,
    tie: first !== undefined && second !== undefined && first.weight > 0 && first.weight === second.weight,
  };
}
