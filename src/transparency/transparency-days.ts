// The public transparency figures of one UTC day, computed from that day's case events and the rows they
// name (cases, their reports and decisions), so any past day can be recomputed and agrees with the events.
// A recurring job (the statistics job) recomputes yesterday and today; the transparency route fills in
// any earlier day not yet computed, and computes today live. Figures, each a count per key ('|'-joined):
//   actioned      kind|category|language   decisions that actioned a subject ('und': language unknown)
//   reports       source|outcome           reports answered by a decision (incl. a standing one)
//   declined      source                   reports declined on arrival as out of scope (no case)
//   time          category|seconds         decisions by time from the case's first report (exact seconds)
//   deadline      category|met|missed      decisions by whether they came by the case's review deadline
//   authority     country|outcome          authority requests answered: complied, restricted, protected_expression, declined
//   decided       outcome|automated|reported  decisions by whether the case's first report was automated detection
//   appeals       filed|upheld|reversed    appeals filed and decided
//   reversals     ''                       decisions reversed (on appeal or by a senior)
import type { Db } from '../db/database.ts';
import type { Outcome } from '../cases/case-values.ts';
import { nowIso } from '../shared/time.ts';
import { type FigureRow, TransparencyDaysRepository } from './transparency-days.repository.ts';

const DAY_MS = 86_400_000;
export const UNKNOWN_LANGUAGE = 'und';

/** What became of an authority request, as the figures name it. */
export const AUTHORITY_OUTCOMES = ['complied', 'restricted', 'protected_expression', 'declined'] as const;
export type AuthorityOutcome = (typeof AUTHORITY_OUTCOMES)[number];

const clean = (v: string | null | undefined, fallback: string) => (v ? v.replaceAll('|', '/') : fallback);

function authorityOutcome(outcome: Outcome, actions: readonly string[]): AuthorityOutcome {
  if (outcome === 'protected_expression') return 'protected_expression';
  if (outcome !== 'actioned') return 'declined';
  return actions.includes('restrict_in_jurisdiction') ? 'restricted' : 'complied';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
function parse(data: string): Record<string, unknown> {
  const v = parseJson(data);
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {};
}
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isOutcome = (v: unknown): v is Outcome => v === 'actioned' || v === 'no_violation' || v === 'protected_expression' || v === 'out_of_scope';

/** The figures of the UTC day `day` (YYYY-MM-DD), from its events. */
export async function computeDay(db: Db, day: string): Promise<FigureRow[]> {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  if (!Number.isFinite(start)) throw new Error(`not a day: ${day}`);
  const from = new Date(start).toISOString();
  const to = new Date(start + DAY_MS).toISOString();
  const repo = new TransparencyDaysRepository(db);
  const events = await repo.eventsBetween(from, to);
  const counts = new Map<string, number>();
  const add = (figure: string, key: string, n = 1) => {
    const k = `${figure}\u0000${key}`;
    counts.set(k, (counts.get(k) ?? 0) + n);
  };

  // The rows the events name: only the cases with an event that day.
  const caseIds = [...new Set(events.filter((e) => e.kind === 'decided' || e.kind === 'report_added').map((e) => e.case_id))];
  const [cases, reports, decisions] = await Promise.all([repo.casesByIds(caseIds), repo.reportsOfCases(caseIds), repo.decisionsOfCases(caseIds)]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const reportsByCase = new Map<string, typeof reports>();
  for (const r of reports) if (r.case_id) reportsByCase.set(r.case_id, [...(reportsByCase.get(r.case_id) ?? []), r]);
  const reportById = new Map(reports.map((r) => [r.id, r]));

  const answered = (r: { source: string; jurisdiction: string | null }, outcome: Outcome, actions: readonly string[]) => {
    add('reports', `${r.source}|${outcome}`);
    if (r.source === 'authority') add('authority', `${clean(r.jurisdiction, 'unknown')}|${authorityOutcome(outcome, actions)}`);
  };

  for (const e of events) {
    const data = parse(e.data);
    if (e.kind === 'decided') {
      const c = caseById.get(e.case_id);
      const outcome = data.outcome;
      if (!c || !isOutcome(outcome)) continue;
      const actions = strings(data.actions);
      const category = str(data.category) ?? c.category;
      const ofCase = reportsByCase.get(c.id) ?? [];
      // The reports this decision answered: those received before it.
      for (const r of ofCase) if (r.created_at <= e.created_at) answered(r, outcome, actions);
      if (outcome === 'actioned') add('actioned', `${c.subject_kind}|${clean(category, '')}|${clean(c.language, UNKNOWN_LANGUAGE)}`);
      const seconds = Math.max(0, Math.round((Date.parse(e.created_at) - Date.parse(c.created_at)) / 1000));
      add('time', `${clean(category, '')}|${seconds}`);
      add('deadline', `${clean(category, '')}|${e.created_at <= c.sla_due_at ? 'met' : 'missed'}`);
      add('decided', `${outcome}|${ofCase[0]?.source === 'automated' ? 'automated' : 'reported'}`);
    } else if (e.kind === 'report_added' && data.answeredWithStandingDecision === true) {
      // Answered on arrival with the case's standing decision: the latest one taken before it.
      const r = reportById.get(str(data.reportId) ?? '');
      const standing = decisions.filter((d) => d.case_id === e.case_id && d.created_at <= e.created_at).at(-1);
      if (r && standing) answered(r, standing.outcome, strings(parseJson(standing.actions)));
    } else if (e.kind === 'appeal_filed') {
      add('appeals', 'filed');
    } else if (e.kind === 'appeal_decided') {
      if (data.outcome === 'upheld' || data.outcome === 'reversed') add('appeals', data.outcome);
    } else if (e.kind === 'reversed') {
      add('reversals', '');
    }
  }
  for (const r of await repo.declinedOutOfScopeBetween(from, to)) add('declined', r.source, r.n);
  return [...counts].map(([k, n]) => {
    const [figure, key] = k.split('\u0000');
    return { figure, key, n };
  });
}

/** Recomputes and stores the day's figures (idempotent). */
export async function recomputeTransparencyDay(db: Db, day: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await computeDay(trx, day);
    await new TransparencyDaysRepository(trx).replaceDay(day, rows, nowIso());
    return rows.length;
  });
}
