// A case's derived figures: counts, distinct reporters, sources, categories, life at risk, best
// credibility, priority and review deadline. Intake keeps them incrementally, in the transaction that
// stores the report and under the case row's lock (`nextFigures`, `nextCounts`): a report's cost does not
// depend on how many reports its case already holds. `recountCase` recomputes them from the reports, the
// repair behind `vigil cases recount`; a test proves both agree.
import type { Db } from '../db/database.ts';
import { type Case, type Report, reportCountsToText, weightsToText } from './case-rows.ts';
import { countReport, type ReportCounts } from './report-split.ts';
import type { ReportSource } from './case-values.ts';
import { CasesRepository } from './cases.repository.ts';
import { priorityFactors, reportCredibility } from './priority.ts';
import { addWeight, betterWeight, type CategoryWeights, clockOf, isFreshForCase, leadOf, type ReporterWeight, textHash, weightUnits } from './credibility.ts';

export interface CaseFigures {
  report_count: number;
  reporter_count: number;
  sources: ReportSource[];
  categories: string[];
  category: string;
  life_at_risk: boolean;
  best_credibility: number;
  priority: number;
  sla_due_at: string;
  category_weights: CategoryWeights;
  weighed_reporters: number;
  triage_due_at: string | null;
  fresh_reporters: number;
  same_text_reports: number;
  report_split: ReportCounts;
  reported_post_ids: string[];
}

/** The most post ids a case keeps of those its reports name (the case view's snapshot shows them). */
export const REPORTED_POSTS_KEPT = 200;

export type CountFigures = Pick<CaseFigures, 'report_count' | 'reporter_count' | 'sources' | 'categories' | 'report_split' | 'reported_post_ids'>;

const COUNT_NAMES = ['report_count', 'reporter_count', 'sources', 'categories', 'report_split', 'reported_post_ids'] as const satisfies ReadonlyArray<
  keyof CountFigures
>;
const FIGURE_NAMES = [
  ...COUNT_NAMES,
  'category',
  'life_at_risk',
  'best_credibility',
  'priority',
  'sla_due_at',
  'category_weights',
  'weighed_reporters',
  'triage_due_at',
  'fresh_reporters',
  'same_text_reports',
] as const satisfies ReadonlyArray<keyof CaseFigures>;

export type FigureReport = Pick<Report, 'source' | 'category' | 'life_at_risk' | 'created_at' | 'explanation' | 'post_ids'> & {
  credibility: number;
  unproven?: boolean;
  reporter_since?: string | null;
};

const addTo = <T extends string>(list: T[], value: T): T[] => (list.includes(value) ? list : [...list, value].sort());
/** The sorted union, cut to the first REPORTED_POSTS_KEPT (the same whatever order the ids come in). */
const keptPosts = (list: string[], more: readonly string[]): string[] =>
  more.every((id) => list.includes(id)) ? list : [...new Set([...list, ...more])].sort().slice(0, REPORTED_POSTS_KEPT);

/**
 * The counting figures after one more report. A decided case answering with its standing decision counts
 * the report in its split but no new reporter there (`newInCategory` false).
 */
export function nextCounts(
  c: Pick<Case, 'report_count' | 'reporter_count' | 'sources' | 'categories' | 'report_split' | 'reported_post_ids'>,
  r: FigureReport,
  newReporter: boolean,
  newInCategory = false,
): CountFigures {
  return {
    report_count: c.report_count + 1,
    reporter_count: c.reporter_count + (newReporter ? 1 : 0),
    sources: addTo(c.sources, r.source),
    categories: addTo(c.categories, r.category),
    report_split: countReport(c.report_split ?? {}, r.category, r.source, newInCategory),
    reported_post_ids: keptPosts(c.reported_post_ids ?? [], r.post_ids),
  };
}

/** What intake read, under the case row's lock, about this reporter in this case before the report. */
export interface ReportStep {
  newReporter: boolean;
  /** The reporter's best credibility in the case before (undefined when new to it). */
  reporterBest: number | undefined;
  /** The reporter's best weight in the report's category before (undefined when none). */
  categoryBefore: ReporterWeight | undefined;
  /** Reports of the case sharing this report's text, this one included (0 without a text). */
  sameText: number;
}

/** The derived figures: category, clock and priority from the weights and the best credibility. */
function derived(
  c: Pick<Case, 'created_at'>,
  weights: CategoryWeights,
  lifeAtRisk: boolean,
  best: number,
  weighed: number,
  reach: number,
): Pick<CaseFigures, 'category' | 'priority' | 'sla_due_at' | 'triage_due_at'> {
  const lead = leadOf(weights);
  const clock = clockOf(c.created_at, lead, weights, lifeAtRisk);
  return {
    category: lead.category,
    priority: priorityFactors({ categoryId: lead.category, lifeAtRisk, reach, bestCredibility: best, reporters: weighed }).score,
    sla_due_at: clock.slaDueAt,
    triage_due_at: clock.triageDueAt,
  };
}

/** All figures of an open case after one more report; `c` holds them before it (zeroes for a new case). */
export function nextFigures(c: Case, r: FigureReport, step: ReportStep, reach: number): CaseFigures {
  // The reporter's first report in this category of the case: no weight of theirs was kept for it.
  const counts = nextCounts(c, r, step.newReporter, step.categoryBefore === undefined);
  const lifeAtRisk = c.life_at_risk || r.life_at_risk;
  const best = Math.max(c.reporter_count > 0 ? (c.best_credibility ?? 0) : 0, r.credibility);
  const mine: ReporterWeight = { weight: weightUnits(r.credibility), unproven: r.unproven === true };
  const better = step.categoryBefore ? betterWeight(step.categoryBefore, mine) : mine;
  const weights = better === step.categoryBefore ? (c.category_weights ?? {}) : addWeight(c.category_weights ?? {}, r.category, step.categoryBefore, better);
  const weighed = (c.weighed_reporters ?? 0) + ((step.reporterBest ?? 0) <= 0 && r.credibility > 0 ? 1 : 0);
  return {
    ...counts,
    ...derived(c, weights, lifeAtRisk, best, weighed, reach),
    life_at_risk: lifeAtRisk,
    best_credibility: best,
    category_weights: weights,
    weighed_reporters: weighed,
    fresh_reporters: (c.fresh_reporters ?? 0) + (step.newReporter && isFreshForCase(r.reporter_since ?? null, c.created_at) ? 1 : 0),
    same_text_reports: Math.max(c.same_text_reports ?? 0, step.sameText),
  };
}

export interface ReporterRow {
  best: number;
  reports: number;
  source: ReportSource;
  since: string | null;
}
export interface WeightRow {
  reporter_key: string;
  category: string;
  weight: number;
  unproven: boolean;
}

/** Figures of a case computed from all its reports (the full computation; only the repair command runs it). */
export function figuresOf(
  c: Pick<Case, 'created_at'> & { decided_at?: string | null },
  reports: Array<FigureReport & { reporter_key: string }>,
  reach: number,
): { figures: CaseFigures; reporters: Map<string, ReporterRow>; weightRows: WeightRow[]; texts: Map<string, number> } {
  const reporters = new Map<string, ReporterRow>();
  const perCategory = new Map<string, ReporterWeight>();
  const fresh = new Set<string>();
  const texts = new Map<string, number>();
  let split: ReportCounts = {};
  for (const r of reports) {
    // After the decision, reports are answered with it: they count, but not as new reporters of the split.
    const whileOpen = c.decided_at == null || r.created_at <= c.decided_at;
    split = countReport(split, r.category, r.source, whileOpen && !perCategory.has(JSON.stringify([r.reporter_key, r.category])));
    const p = reporters.get(r.reporter_key);
    if (p) {
      p.best = Math.max(p.best, r.credibility);
      p.reports++;
    } else reporters.set(r.reporter_key, { best: r.credibility, reports: 1, source: r.source, since: r.reporter_since ?? null });
    const key = JSON.stringify([r.reporter_key, r.category]);
    const mine: ReporterWeight = { weight: weightUnits(r.credibility), unproven: r.unproven === true };
    const before = perCategory.get(key);
    perCategory.set(key, before ? betterWeight(before, mine) : mine);
    if (isFreshForCase(r.reporter_since ?? null, c.created_at)) fresh.add(r.reporter_key);
    const h = textHash(r.explanation);
    if (h) texts.set(h, (texts.get(h) ?? 0) + 1);
  }
  let weights: CategoryWeights = {};
  const weightRows: WeightRow[] = [];
  for (const [key, w] of perCategory) {
    const [reporter_key, category] = JSON.parse(key) as [string, string];
    weights = addWeight(weights, category, undefined, w);
    weightRows.push({ reporter_key, category, weight: w.weight, unproven: w.unproven });
  }
  const lifeAtRisk = reports.some((r) => r.life_at_risk);
  const best = Math.max(0, ...[...reporters.values()].map((p) => p.best));
  const weighed = [...reporters.values()].filter((p) => p.best > 0).length;
  return {
    reporters,
    weightRows,
    texts,
    figures: {
      report_count: reports.length,
      reporter_count: reporters.size,
      sources: [...new Set(reports.map((r) => r.source))].sort(),
      categories: [...new Set(reports.map((r) => r.category))].sort(),
      ...derived(c, weights, lifeAtRisk, best, weighed, reach),
      life_at_risk: lifeAtRisk,
      best_credibility: best,
      category_weights: weights,
      weighed_reporters: weighed,
      fresh_reporters: fresh.size,
      same_text_reports: Math.max(0, ...texts.values()),
      report_split: split,
      reported_post_ids: reports.reduce<string[]>((kept, r) => keptPosts(kept, r.post_ids), []),
    },
  };
}

/**
 * Recomputes one case's figures and reporter rows from its reports, under the case row's lock. An undecided
 * case gets all figures; a decided one only its counts (its category, priority and deadline stay those it
 * was decided with). A report stored before its credibility was kept gets its reporter's record now.
 * Returns the figure names that differed.
 */
export async function recountCase(db: Db, caseId: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const repo = new CasesRepository(trx);
    await repo.lock(caseId);
    const c = await repo.findById(caseId);
    if (!c) throw new Error(`no case ${caseId}`);
    const reports = await repo.reportsOfCase(caseId);
    const missing = [...new Set(reports.filter((r) => r.credibility == null).map((r) => r.reporter_key))];
    const records = new Map((await repo.reporterRecords(missing)).map((r) => [r.reporter_key, r]));
    const { figures, reporters, weightRows, texts } = figuresOf(
      c,
      reports.map((r) => ({ ...r, credibility: r.credibility ?? reportCredibility(r.source, records.get(r.reporter_key)) })),
      c.reach,
    );
    const undecided = c.decided_at === null;
    const patch: Partial<CaseFigures> = undecided
      ? figures
      : { report_count: figures.report_count, reporter_count: figures.reporter_count, sources: figures.sources, categories: figures.categories };
    const before = await repo.caseReporters(caseId);
    // Compared as JSON: the lists are arrays; the weights as their stored (sorted) text.
    const text = (f: Partial<CaseFigures>, k: keyof CaseFigures) =>
      k === 'category_weights' ? weightsToText(f[k] ?? {}) : k === 'report_split' ? reportCountsToText(f[k] ?? {}) : JSON.stringify(f[k] ?? null);
    const changed: string[] = (undecided ? FIGURE_NAMES : COUNT_NAMES).filter((k) => text(c, k) !== text(figures, k));
    const rowsDiffer =
      before.length !== reporters.size ||
      before.some((b) => reporters.get(b.reporter_key)?.best !== b.best_credibility || reporters.get(b.reporter_key)?.reports !== b.reports);
    if (rowsDiffer) {
      changed.push('case_reporters');
      await repo.replaceCaseReporters(
        caseId,
        [...reporters].map(([reporter_key, p]) => ({
          case_id: caseId,
          reporter_key,
          best_credibility: p.best,
          reports: p.reports,
          source: p.source,
          since: p.since,
        })),
      );
    }
    // The per-category weights and the shared texts are kept while the case is open (the standing-decision
    // path only counts), so they are compared and rebuilt for undecided cases only.
    if (undecided) {
      const rowKey = (r: WeightRow) => `${r.reporter_key}|${r.category}|${r.weight}|${r.unproven}`;
      const storedWeights = (await repo.reporterCategoryWeights(caseId)).map(rowKey).sort();
      if (JSON.stringify(storedWeights) !== JSON.stringify(weightRows.map(rowKey).sort())) {
        changed.push('case_reporter_categories');
        await repo.replaceReporterCategoryWeights(caseId, weightRows);
      }
      const storedTexts = (await repo.caseTexts(caseId)).map((t) => `${t.text_hash}|${t.reports}`).sort();
      if (JSON.stringify(storedTexts) !== JSON.stringify([...texts].map(([h, n]) => `${h}|${n}`).sort())) {
        changed.push('case_texts');
        await repo.replaceCaseTexts(caseId, texts);
      }
    }
    if (changed.length) await repo.update(caseId, patch);
    return changed;
  });
}
