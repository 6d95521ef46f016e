// Recomputes a case's derived figures from its reports: counts, sources, categories, priority, SLA.
import type { Db } from '../db/database.ts';
import type { ReportsTable } from '../db/schema-moderation.ts';
import { CasesRepository } from './cases.repository.ts';
import { leadingCategory, priorityScore, slaDueAt, SOURCE_WEIGHT, trackRecordFactor, type ReportSource } from './priority.ts';

export interface CaseFigures {
  report_count: number;
  reporter_count: number;
  sources: string;
  categories: string;
  category: string;
  life_at_risk: number;
  priority: number;
  sla_due_at: string;
}

export async function computeFigures(db: Db, reports: ReportsTable[], reach: number): Promise<CaseFigures> {
  const repo = new CasesRepository(db);
  const records = new Map((await repo.reporterRecords([...new Set(reports.map((r) => r.reporter_key))])).map((r) => [r.reporter_key, r]));
  const best = new Map<string, number>();
  for (const r of reports) {
    const cred = SOURCE_WEIGHT[r.source as ReportSource] * trackRecordFactor(records.get(r.reporter_key));
    best.set(r.reporter_key, Math.max(best.get(r.reporter_key) ?? 0, cred));
  }
  const categories = [...new Set(reports.map((r) => r.category))];
  const category = leadingCategory(categories);
  const lifeAtRisk = reports.some((r) => r.life_at_risk === 1);
  const due = reports.map((r) => slaDueAt(new Date(r.created_at), r.category, r.life_at_risk === 1).getTime());
  return {
    report_count: reports.length,
    reporter_count: best.size,
    sources: JSON.stringify([...new Set(reports.map((r) => r.source))].sort()),
    categories: JSON.stringify(categories.sort()),
    category,
    life_at_risk: lifeAtRisk ? 1 : 0,
    priority: priorityScore({ categoryId: category, lifeAtRisk, reach, reporterCredibility: [...best.values()] }),
    sla_due_at: new Date(Math.min(...due)).toISOString(),
  };
}

export type CountFigures = Pick<CaseFigures, 'report_count' | 'reporter_count' | 'sources' | 'categories'>;

/**
 * Only the counting figures, in the same form as computeFigures: for a decided case that takes reports
 * answered with its decision, whose category, priority and deadline stay those it was decided with.
 */
export async function countFigures(db: Db, caseId: string): Promise<CountFigures> {
  const t = await new CasesRepository(db).reportTally(caseId);
  return {
    report_count: t.reports,
    reporter_count: t.reporters,
    sources: JSON.stringify([...t.sources].sort()),
    categories: JSON.stringify([...t.categories].sort()),
  };
}
