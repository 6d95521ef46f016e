// Sums the per-day transparency figures (src/transparency/transparency-days.ts) into periods of a day, a
// week (Monday to Sunday, UTC) or a calendar month. Pure: no I/O. Percentiles are exact: a day keeps
// every decision's time to the second, and the nearest-rank percentile is taken over the whole period.
import { isCategory, reviewDeadlineMs } from '../policy/policy.ts';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface DayFigure {
  day: string;
  figure: string;
  key: string;
  n: number;
}

export interface PeriodFigures {
  from: string;
  to: string;
  actioned: Array<{ subjectKind: string; category: string; language: string; count: number }>;
  reports: Array<{ source: string; outcome: string; count: number }>;
  declinedOutOfScope: Array<{ source: string; count: number }>;
  timeToDecision: Array<{
    category: string;
    decisions: number;
    medianSeconds: number;
    p90Seconds: number;
    deadlineSeconds: number | null;
    withinDeadline: number;
    withinDeadlineShare: number;
  }>;
  authorityRequests: Array<{ country: string; outcome: string; count: number }>;
  appeals: { filed: number; upheld: number; reversed: number };
  reversals: number;
  automatedDetection: { decisions: number; actioned: number; actionedFoundByAutomation: number; share: number | null };
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** Days from `from` to `to` inclusive. */
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY_MS) + 1;

/** The periods covering [from, to] (days, inclusive), the first and last cut to the range. */
export function periodsOf(from: string, to: string, granularity: Granularity): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  let start = ms(from);
  const last = ms(to);
  while (start <= last) {
    const d = new Date(start);
    let end: number;
    if (granularity === 'day') end = start;
    else if (granularity === 'week')
      end = start + ((7 - d.getUTCDay()) % 7) * DAY_MS; // to Sunday
    else end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY_MS;
    end = Math.min(end, last);
    out.push({ from: dayOf(start), to: dayOf(end) });
    start = end + DAY_MS;
  }
  return out;
}

/** Nearest-rank percentile over (value, count) pairs sorted by value. */
export function percentile(sorted: Array<[number, number]>, p: number): number {
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [v, n] of sorted) {
    seen += n;
    if (seen >= rank) return v;
  }
  return sorted[sorted.length - 1][0];
}

const sortedCounts = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Sums the figures of the given days into one period. */
export function sumPeriod(from: string, to: string, rows: readonly DayFigure[]): PeriodFigures {
  const by = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.day < from || r.day > to) continue;
    const m = by.get(r.figure) ?? new Map<string, number>();
    m.set(r.key, (m.get(r.key) ?? 0) + Number(r.n));
    by.set(r.figure, m);
  }
  const figure = (name: string) => sortedCounts(by.get(name) ?? new Map());
  const total = (name: string, key: string) => by.get(name)?.get(key) ?? 0;

  const times = new Map<string, Array<[number, number]>>();
  for (const [key, n] of figure('time')) {
    const [category, seconds] = key.split('|');
    times.set(category, [...(times.get(category) ?? []), [Number(seconds), n]]);
  }
  const timeToDecision = [...times.keys()].sort().map((category) => {
    const sorted = (times.get(category) ?? []).sort((a, b) => a[0] - b[0]);
    const decisions = sorted.reduce((s, [, n]) => s + n, 0);
    const within = total('deadline', `${category}|met`);
    return {
      category,
      decisions,
      medianSeconds: percentile(sorted, 0.5),
      p90Seconds: percentile(sorted, 0.9),
      deadlineSeconds: isCategory(category) ? reviewDeadlineMs(category, false) / 1000 : null,
      withinDeadline: within,
      withinDeadlineShare: decisions > 0 ? within / decisions : 0,
    };
  });

  let decisions = 0;
  let actioned = 0;
  let automated = 0;
  for (const [key, n] of figure('decided')) {
    const [outcome, found] = key.split('|');
    decisions += n;
    if (outcome === 'actioned') {
      actioned += n;
      if (found === 'automated') automated += n;
    }
  }
  const pairs = (name: string) => figure(name).map(([key, count]) => ({ parts: key.split('|'), count }));
  return {
    from,
    to,
    actioned: figure('actioned').map(([key, count]) => {
      const [subjectKind, category, language] = key.split('|');
      return { subjectKind, category, language, count };
    }),
    reports: pairs('reports').map(({ parts: [source, outcome], count }) => ({ source, outcome, count })),
    declinedOutOfScope: figure('declined').map(([source, count]) => ({ source, count })),
    timeToDecision,
    authorityRequests: pairs('authority').map(({ parts: [country, outcome], count }) => ({ country, outcome, count })),
    appeals: { filed: total('appeals', 'filed'), upheld: total('appeals', 'upheld'), reversed: total('appeals', 'reversed') },
    reversals: total('reversals', ''),
    automatedDetection: { decisions, actioned, actionedFoundByAutomation: automated, share: actioned > 0 ? automated / actioned : null },
  };
}
