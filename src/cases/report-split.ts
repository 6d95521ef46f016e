// How a case's reports split by category and by source, and the category most of them point to once
// each reporter is weighed by credibility. The decision panel shows the split and starts from that
// category, so one severe outlier cannot set the statement sent to everyone. Pure; docs/POLICY.md says
// the same in words.
import { CATEGORY_IDS, category } from '../policy/policy.ts';
import { SOURCE_WEIGHT, trackRecordFactor, type ReporterRecord } from './priority.ts';
import type { ReportSource } from './case-values.ts';

export interface SplitReport {
  reporterKey: string;
  source: ReportSource;
  category: string;
}

export interface CategoryShare {
  category: string;
  /** Reports in this category (a raw count, as shown to moderators). */
  reports: number;
  /** Distinct reporters in this category. */
  reporters: number;
  /** Sum over distinct reporters of source weight × track record (each reporter's best report here). */
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
  /** The credibility-weighted majority: the first of byCategory, or null for a case without reports. */
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

export function reportSplit(reports: SplitReport[], records: ReadonlyMap<string, ReporterRecord>): ReportSplit {
  const perCategory = new Map<string, { reports: number; best: Map<string, number> }>();
  const perSource = new Map<ReportSource, number>();
  for (const r of reports) {
    const share = perCategory.get(r.category) ?? { reports: 0, best: new Map<string, number>() };
    perCategory.set(r.category, share);
    share.reports++;
    const weight = SOURCE_WEIGHT[r.source] * trackRecordFactor(records.get(r.reporterKey));
    share.best.set(r.reporterKey, Math.max(share.best.get(r.reporterKey) ?? 0, weight));
    perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
  }
  const byCategory: CategoryShare[] = [...perCategory]
    .map(([id, s]) => ({
      category: id,
      reports: s.reports,
      reporters: s.best.size,
      weight: rounded([...s.best.values()].reduce((a, b) => a + b, 0)),
    }))
    .sort((a, b) => b.weight - a.weight || severityOrder(a.category, b.category));
  const bySource = [...perSource]
    .map(([source, n]) => ({ source, reports: n }))
    .sort((a, b) => b.reports - a.reports || SOURCE_WEIGHT[b.source] - SOURCE_WEIGHT[a.source]);
  const [first, second] = byCategory;
  return {
    byCategory,
    bySource,
    suggestedCategory: first?.category ?? null,
    tie: first !== undefined && second !== undefined && first.weight === second.weight,
  };
}
