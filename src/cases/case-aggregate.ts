// A case's derived figures: counts, distinct reporters, sources, categories, life at risk, best
// credibility, priority and review deadline. Intake keeps them incrementally, in the transaction that
// stores the report and under the case row's lock (`nextFigures`, `nextCounts`): a report's cost does not
// depend on how many reports its case already holds. `recountCase` recomputes them from the reports, the
// repair behind `vigil cases recount`; a test proves both agree.
import type { Db } from '../db/database.ts';
import type { Case, Report } from './case-rows.ts';
import type { ReportSource } from './case-values.ts';
import { CasesRepository } from './cases.repository.ts';
import { leadingCategory, priorityOf, reportCredibility, slaDueAt } from './priority.ts';

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
}

export type CountFigures = Pick<CaseFigures, 'report_count' | 'reporter_count' | 'sources' | 'categories'>;

const COUNT_NAMES = ['report_count', 'reporter_count', 'sources', 'categories'] as const satisfies ReadonlyArray<keyof CountFigures>;
const FIGURE_NAMES = [...COUNT_NAMES, 'category', 'life_at_risk', 'best_credibility', 'priority', 'sla_due_at'] as const satisfies ReadonlyArray<
  keyof CaseFigures
>;

type FigureReport = Pick<Report, 'source' | 'category' | 'life_at_risk' | 'created_at'> & { credibility: number };

const addTo = <T extends string>(list: T[], value: T): T[] => (list.includes(value) ? list : [...list, value].sort());

/** The counting figures after one more report (for a decided case answering with its standing decision). */
export function nextCounts(c: Pick<Case, 'report_count' | 'reporter_count' | 'sources' | 'categories'>, r: FigureReport, newReporter: boolean): CountFigures {
  return {
    report_count: c.report_count + 1,
    reporter_count: c.reporter_count + (newReporter ? 1 : 0),
    sources: addTo(c.sources, r.source),
    categories: addTo(c.categories, r.category),
  };
}

/** All figures of an open case after one more report; `c` holds them before it (zeroes for a new case). */
export function nextFigures(c: Case, r: FigureReport, newReporter: boolean, reach: number): CaseFigures {
  const counts = nextCounts(c, r, newReporter);
  const category = leadingCategory(counts.categories);
  const lifeAtRisk = c.life_at_risk || r.life_at_risk;
  const best = Math.max(c.reporter_count > 0 ? (c.best_credibility ?? 0) : 0, r.credibility);
  const due = slaDueAt(new Date(r.created_at), r.category, r.life_at_risk).getTime();
  return {
    ...counts,
    category,
    life_at_risk: lifeAtRisk,
    best_credibility: best,
    priority: priorityOf({ categoryId: category, lifeAtRisk, reach, bestCredibility: best, reporters: counts.reporter_count }),
    sla_due_at: new Date(c.report_count > 0 ? Math.min(new Date(c.sla_due_at).getTime(), due) : due).toISOString(),
  };
}

/** Figures of a case computed from all its reports (the full computation; only the repair command runs it). */
export function figuresOf(
  reports: FigureReport[] & Array<{ reporter_key: string }>,
  reach: number,
): { figures: CaseFigures; reporters: Map<string, { best: number; reports: number }> } {
  const reporters = new Map<string, { best: number; reports: number }>();
  for (const r of reports) {
    const p = reporters.get(r.reporter_key);
    if (p) {
      p.best = Math.max(p.best, r.credibility);
      p.reports++;
    } else reporters.set(r.reporter_key, { best: r.credibility, reports: 1 });
  }
  const categories = [...new Set(reports.map((r) => r.category))].sort();
  const category = leadingCategory(categories);
  const lifeAtRisk = reports.some((r) => r.life_at_risk);
  const best = Math.max(0, ...[...reporters.values()].map((p) => p.best));
  const due = reports.map((r) => slaDueAt(new Date(r.created_at), r.category, r.life_at_risk).getTime());
  return {
    reporters,
    figures: {
      report_count: reports.length,
      reporter_count: reporters.size,
      sources: [...new Set(reports.map((r) => r.source))].sort(),
      categories,
      category,
      life_at_risk: lifeAtRisk,
      best_credibility: best,
      priority: priorityOf({ categoryId: category, lifeAtRisk, reach, bestCredibility: best, reporters: reporters.size }),
      sla_due_at: due.length ? new Date(due.reduce((a, b) => Math.min(a, b))).toISOString() : '',
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
    const { figures, reporters } = figuresOf(
      reports.map((r) => ({ ...r, credibility: r.credibility ?? reportCredibility(r.source, records.get(r.reporter_key)) })),
      c.reach,
    );
    const undecided = c.decided_at === null;
    const patch: Partial<CaseFigures> = undecided
      ? figures
      : { report_count: figures.report_count, reporter_count: figures.reporter_count, sources: figures.sources, categories: figures.categories };
    const before = await repo.caseReporters(caseId);
    // Compared as JSON: the lists are arrays.
    const changed: string[] = (undecided ? FIGURE_NAMES : COUNT_NAMES).filter((k) => JSON.stringify(c[k]) !== JSON.stringify(figures[k]));
    const rowsDiffer =
      before.length !== reporters.size ||
      before.some((b) => reporters.get(b.reporter_key)?.best !== b.best_credibility || reporters.get(b.reporter_key)?.reports !== b.reports);
    if (rowsDiffer) {
      changed.push('case_reporters');
      await repo.replaceCaseReporters(
        caseId,
        [...reporters].map(([reporter_key, p]) => ({ case_id: caseId, reporter_key, best_credibility: p.best, reports: p.reports })),
      );
    }
    if (changed.length) await repo.update(caseId, patch);
    return changed;
  });
}
