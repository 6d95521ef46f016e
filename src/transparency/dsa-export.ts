// `vigil export dsa`: a period's decisions as statements of reasons for the EU DSA Transparency
// Database, in batches of at most 100 (`{"statements":[…]}`), each statement checked against the
// database's schema before anything is written or sent. Decisions are read a page at a time (keyset),
// so a year of them never sits in memory at once; only the current batch does.
import type { Db } from '../db/database.ts';
import { DsaExportRepository, type DecisionCursor, type Period } from './dsa-export.repository.ts';
import { BATCH_SIZE, type DsaStatement, type SkipReason, statementFaults, statementOf } from './dsa-statement.ts';
import type { DsaSubmitter, SubmitTally } from './dsa-submit.ts';

export class DsaExportError extends Error {}

export interface ExportSummary {
  /** Inclusive UTC days. */
  period: { from: string; to: string };
  platform: string | null;
  /** Every decision taken in the period, by outcome. */
  decisionsByOutcome: Record<string, number>;
  statements: number;
  batches: number;
  /** Statements by the policy category they enforce. */
  byCategory: Record<string, number>;
  /** Statements by DSA restriction (`decision_visibility` key); one statement may count under two. */
  byDecisionType: Record<string, number>;
  /** 'actioned' decisions without a statement, by reason. */
  skipped: Record<SkipReason, number>;
  submitted?: SubmitTally & { target: string };
}

export interface ExportOptions {
  from: string;
  to: string;
  platform?: string;
  /** Receives each batch, in order, as the request body it is. */
  write?: (batch: { statements: DsaStatement[] }, batchNo: number) => Promise<void>;
  submitter?: DsaSubmitter;
  /** Decisions read per query. */
  pageSize?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `from`..`to` (inclusive UTC days) as an ISO range [from, to + 1 day). */
export function periodOf(from: string, to: string, platform?: string): Period {
  const start = DAY.test(from) ? Date.parse(`${from}T00:00:00.000Z`) : Number.NaN;
  const end = DAY.test(to) ? Date.parse(`${to}T00:00:00.000Z`) : Number.NaN;
  if (!Number.isFinite(start) || new Date(start).toISOString().slice(0, 10) !== from) throw new DsaExportError(`--from: "${from}" is not a day (YYYY-MM-DD)`);
  if (!Number.isFinite(end) || new Date(end).toISOString().slice(0, 10) !== to) throw new DsaExportError(`--to: "${to}" is not a day (YYYY-MM-DD)`);
  if (end < start) throw new DsaExportError('--to is before --from');
  return { from: new Date(start).toISOString(), to: new Date(end + 86_400_000).toISOString(), ...(platform ? { platform } : {}) };
}

export async function exportDsa(db: Db, opts: ExportOptions): Promise<ExportSummary> {
  const period = periodOf(opts.from, opts.to, opts.platform);
  const repo = new DsaExportRepository(db);
  const summary: ExportSummary = {
    period: { from: opts.from, to: opts.to },
    platform: opts.platform ?? null,
    decisionsByOutcome: Object.fromEntries((await repo.countByOutcome(period)).map((r) => [r.outcome, r.decisions])),
    statements: 0,
    batches: 0,
    byCategory: {},
    byDecisionType: {},
    skipped: { no_restriction: 0, outside_eea: 0 },
  };
  const count = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  let batch: DsaStatement[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    summary.batches++;
    await opts.write?.({ statements: batch }, summary.batches);
    await opts.submitter?.submit(batch, summary.batches);
    batch = [];
  };

  const pageSize = opts.pageSize ?? 500;
  let after: DecisionCursor | undefined;
  for (;;) {
    const page = await repo.actionedPage(period, after, pageSize);
    for (const d of page) {
      let made: ReturnType<typeof statementOf>;
      try {
        made = statementOf(d);
      } catch (err) {
        throw new DsaExportError(`decision ${d.id}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if ('skipped' in made) {
        summary.skipped[made.skipped]++;
        continue;
      }
      const faults = statementFaults(made.statement);
      if (faults.length > 0) throw new DsaExportError(`decision ${d.id}: its statement does not pass the Transparency Database's schema: ${faults.join('; ')}`);
      summary.statements++;
      if (d.category) count(summary.byCategory, d.category);
      for (const v of made.statement.decision_visibility) count(summary.byDecisionType, v);
      batch.push(made.statement);
      if (batch.length === BATCH_SIZE) await flush();
    }
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
  await flush();
  if (opts.submitter) summary.submitted = { ...opts.submitter.tally, target: opts.submitter.target };
  return summary;
}

/** The summary as lines for an operator. */
export function summaryLines(s: ExportSummary): string[] {
  const list = (r: Record<string, number>) =>
    Object.entries(r)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const lines = [
    `period ${s.period.from} to ${s.period.to} (UTC)${s.platform ? `, platform ${s.platform}` : ''}`,
    `decisions by outcome: ${list(s.decisionsByOutcome)}`,
    `statements: ${s.statements} in ${s.batches} batch${s.batches === 1 ? '' : 'es'}`,
    `by category: ${list(s.byCategory)}`,
    `by decision type: ${list(s.byDecisionType)}`,
    `actioned without a statement: ${s.skipped.no_restriction} restricting nothing (warnings), ${s.skipped.outside_eea} restricted only outside the EU/EEA`,
  ];
  if (s.submitted)
    lines.push(
      `submitted to ${s.submitted.target}: ${s.submitted.created} accepted now, ${s.submitted.duplicates} already held by the database, ${s.submitted.alreadyAccepted} accepted by an earlier run (not sent), ${s.submitted.retries} retries`,
    );
  return lines;
}
