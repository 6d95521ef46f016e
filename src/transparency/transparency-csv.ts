// The transparency figures as CSV, one line per figure, period and dimension. Safe to open in a
// spreadsheet: a cell starting with = + - @ (or a tab or carriage return) is prefixed with ' so it is
// never read as a formula, and every cell with a comma, quote or line break is quoted.
import type { PeriodFigures } from './transparency-figures.ts';

export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const HEADER = ['period_from', 'period_to', 'figure', 'dimension_1', 'dimension_2', 'dimension_3', 'value'];

export function transparencyCsv(periods: readonly PeriodFigures[]): string {
  const lines: Array<Array<string | number | null>> = [HEADER];
  for (const p of periods) {
    const line = (figure: string, a: string | null, b: string | null, c: string | null, value: number | null) =>
      lines.push([p.from, p.to, figure, a, b, c, value]);
    for (const r of p.actioned) line('actioned', r.subjectKind, r.category, r.language, r.count);
    for (const r of p.reports) line('reports', r.source, r.outcome, null, r.count);
    for (const r of p.declinedOutOfScope) line('declined_out_of_scope', r.source, null, null, r.count);
    for (const r of p.timeToDecision) {
      line('decisions', r.category, null, null, r.decisions);
      line('median_seconds_to_decision', r.category, null, null, r.medianSeconds);
      line('p90_seconds_to_decision', r.category, null, null, r.p90Seconds);
      line('decided_within_deadline', r.category, null, null, r.withinDeadline);
    }
    for (const r of p.authorityRequests) line('authority_requests', r.country, r.outcome, null, r.count);
    line('appeals_filed', null, null, null, p.appeals.filed);
    line('appeals_upheld', null, null, null, p.appeals.upheld);
    line('appeals_reversed', null, null, null, p.appeals.reversed);
    line('reversals', null, null, null, p.reversals);
    line('actioned_found_by_automated_detection', null, null, null, p.automatedDetection.actionedFoundByAutomation);
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
