// Cases, reports and decisions as services see them: yes/no columns as booleans and JSON lists as arrays.
// The cases repository converts at the boundary; the tables keep the portable forms (db/columns.ts).
import { fromFlag, isString, parseList, toFlag } from '../db/columns.ts';
import type { CasesTable, DecisionsTable, ReportsTable } from '../db/schema-moderation.ts';
import { isOneOf } from '../shared/one-of.ts';
import type { CategoryWeights } from './credibility.ts';
import type { ReportCounts } from './report-split.ts';
import { ACTION_KINDS, type ActionKind, REPORT_SOURCES, type ReportSource } from './case-values.ts';

export type Case = Omit<CasesTable, 'life_at_risk' | 'sources' | 'categories' | 'category_weights' | 'report_split' | 'reported_post_ids'> & {
  /** The posts its reports name, sorted, at most REPORTED_POSTS_KEPT (case-aggregate.ts). */
  reported_post_ids?: string[];
  life_at_risk: boolean;
  /** Per category and source, [reports, distinct reporters] (report-split.ts). */
  report_split?: ReportCounts;
  /** Per category, [established, unproven] weight sums in thousandths (credibility.ts). */
  category_weights?: CategoryWeights;
  /** The distinct sources of its reports, sorted. */
  sources: ReportSource[];
  /** The distinct categories of its reports, sorted. */
  categories: string[];
};
export type Report = Omit<ReportsTable, 'life_at_risk' | 'bona_fide' | 'post_ids' | 'unproven'> & {
  life_at_risk: boolean;
  bona_fide: boolean;
  post_ids: string[];
  unproven?: boolean;
};
export type Decision = Omit<DecisionsTable, 'automated' | 'actions' | 'post_ids'> & { automated: boolean; actions: ActionKind[]; post_ids: string[] };

const isSource = (v: unknown): v is ReportSource => isOneOf(REPORT_SOURCES, v);
export const isAction = (v: unknown): v is ActionKind => isOneOf(ACTION_KINDS, v);

const isSums = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n));
/** The stored category weights; anything malformed is dropped (a recount rebuilds them). */
export function parseWeights(json: string | undefined): CategoryWeights {
  const out: CategoryWeights = {};
  let v: unknown;
  try {
    v = JSON.parse(json ?? '{}');
  } catch {
    return out;
  }
  if (v && typeof v === 'object') for (const [k, sums] of Object.entries(v)) if (isSums(sums)) out[k] = [sums[0], sums[1]];
  return out;
}
/** Sorted by category, so equal weights are equal text (the recount compares them). */
export const weightsToText = (w: CategoryWeights): string =>
  JSON.stringify(Object.fromEntries(Object.entries(w).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

const isCount = (v: unknown): v is [number, number] => isSums(v) && v[0] >= 0 && v[1] >= 0;
/** The stored report split; anything malformed is dropped (a recount rebuilds it). */
export function parseReportCounts(json: string | undefined): ReportCounts {
  const out: ReportCounts = {};
  let v: unknown;
  try {
    v = JSON.parse(json ?? '{}');
  } catch {
    return out;
  }
  if (!v || typeof v !== 'object') return out;
  for (const [categoryId, bySource] of Object.entries(v)) {
    if (!bySource || typeof bySource !== 'object') continue;
    for (const [source, counts] of Object.entries(bySource)) {
      if (isSource(source) && isCount(counts)) out[categoryId] = { ...out[categoryId], [source]: [counts[0], counts[1]] };
    }
  }
  return out;
}
const byKey = <T>(entries: Array<[string, T]>) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
/** Sorted by category and source, so equal counts are equal text (the recount compares them). */
export const reportCountsToText = (c: ReportCounts): string =>
  JSON.stringify(Object.fromEntries(byKey(Object.entries(c)).map(([k, bySource]) => [k, Object.fromEntries(byKey(Object.entries(bySource)))])));

export const caseFromRow = ({ life_at_risk, sources, categories, category_weights, report_split, reported_post_ids, ...rest }: CasesTable): Case => ({
  ...rest,
  reported_post_ids: parseList(reported_post_ids ?? '[]', isString),
  category_weights: parseWeights(category_weights),
  report_split: parseReportCounts(report_split),
  life_at_risk: fromFlag(life_at_risk),
  sources: parseList(sources, isSource),
  categories: parseList(categories, isString),
});
export const caseToRow = ({ life_at_risk, sources, categories, category_weights, report_split, reported_post_ids, ...rest }: Case): CasesTable => ({
  ...rest,
  reported_post_ids: JSON.stringify(reported_post_ids ?? []),
  category_weights: weightsToText(category_weights ?? {}),
  report_split: reportCountsToText(report_split ?? {}),
  life_at_risk: toFlag(life_at_risk),
  sources: JSON.stringify(sources),
  categories: JSON.stringify(categories),
});
/** A partial update of a case in stored form: only the fields it names. */
export function casePatch({
  life_at_risk,
  sources,
  categories,
  category_weights,
  report_split,
  reported_post_ids,
  ...rest
}: Partial<Case>): Partial<CasesTable> {
  const patch: Partial<CasesTable> = { ...rest };
  if (reported_post_ids !== undefined) patch.reported_post_ids = JSON.stringify(reported_post_ids);
  if (report_split !== undefined) patch.report_split = reportCountsToText(report_split);
  if (category_weights !== undefined) patch.category_weights = weightsToText(category_weights);
  if (life_at_risk !== undefined) patch.life_at_risk = toFlag(life_at_risk);
  if (sources !== undefined) patch.sources = JSON.stringify(sources);
  if (categories !== undefined) patch.categories = JSON.stringify(categories);
  return patch;
}

export const reportFromRow = ({ life_at_risk, bona_fide, post_ids, unproven, ...rest }: ReportsTable): Report => ({
  ...rest,
  unproven: fromFlag(unproven ?? 0),
  life_at_risk: fromFlag(life_at_risk),
  bona_fide: fromFlag(bona_fide),
  post_ids: parseList(post_ids, isString),
});
export const reportToRow = ({ life_at_risk, bona_fide, post_ids, unproven, ...rest }: Report): ReportsTable => ({
  ...rest,
  unproven: toFlag(unproven === true),
  life_at_risk: toFlag(life_at_risk),
  bona_fide: toFlag(bona_fide),
  post_ids: JSON.stringify(post_ids),
});

export const decisionFromRow = ({ automated, actions, post_ids, ...rest }: DecisionsTable): Decision => ({
  ...rest,
  automated: fromFlag(automated),
  actions: parseList(actions, isAction),
  post_ids: parseList(post_ids, isString),
});
export const decisionToRow = ({ automated, actions, post_ids, ...rest }: Decision): DecisionsTable => ({
  ...rest,
  automated: toFlag(automated),
  actions: JSON.stringify(actions),
  post_ids: JSON.stringify(post_ids),
});
