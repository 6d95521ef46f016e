// Cases, reports and decisions as services see them: yes/no columns as booleans and JSON lists as arrays.
// The cases repository converts at the boundary; the tables keep the portable forms (db/columns.ts).
import { fromFlag, isString, parseList, toFlag } from '../db/columns.ts';
import type { CasesTable, DecisionsTable, ReportsTable } from '../db/schema-moderation.ts';
import { isOneOf } from '../shared/one-of.ts';
import type { CategoryWeights } from './credibility.ts';
import { ACTION_KINDS, type ActionKind, REPORT_SOURCES, type ReportSource } from './case-values.ts';

export type Case = Omit<CasesTable, 'life_at_risk' | 'sources' | 'categories' | 'category_weights'> & {
  life_at_risk: boolean;
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

export const caseFromRow = ({ life_at_risk, sources, categories, category_weights, ...rest }: CasesTable): Case => ({
  ...rest,
  category_weights: parseWeights(category_weights),
  life_at_risk: fromFlag(life_at_risk),
  sources: parseList(sources, isSource),
  categories: parseList(categories, isString),
});
export const caseToRow = ({ life_at_risk, sources, categories, category_weights, ...rest }: Case): CasesTable => ({
  ...rest,
  category_weights: weightsToText(category_weights ?? {}),
  life_at_risk: toFlag(life_at_risk),
  sources: JSON.stringify(sources),
  categories: JSON.stringify(categories),
});
/** A partial update of a case in stored form: only the fields it names. */
export function casePatch({ life_at_risk, sources, categories, category_weights, ...rest }: Partial<Case>): Partial<CasesTable> {
  const patch: Partial<CasesTable> = { ...rest };
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
