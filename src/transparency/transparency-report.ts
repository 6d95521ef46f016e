// The transparency figures of a period: past days read from the per-day rollup (a day not yet computed is
// computed and stored first: its events never change once the day is over), today computed live from its
// events, then summed into periods. Cost follows the days asked for, not all history.
import { isBusy, isUniqueViolation } from '../db/db-errors.ts';
import type { Db } from '../db/database.ts';
import { nowIso } from '../shared/time.ts';
import { computeDay, recomputeTransparencyDay } from './transparency-days.ts';
import { TransparencyDaysRepository } from './transparency-days.repository.ts';
import { type DayFigure, type Granularity, type PeriodFigures, periodsOf, sumPeriod } from './transparency-figures.ts';

const DAY_MS = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface TransparencyReport {
  from: string;
  to: string;
  granularity: Granularity;
  computedAt: string;
  total: PeriodFigures;
  periods: PeriodFigures[];
}

export async function transparencyReport(db: Db, from: string, to: string, granularity: Granularity, now = Date.now()): Promise<TransparencyReport> {
  const repo = new TransparencyDaysRepository(db);
  const today = utcDay(now);
  const lastPast = utcDay(Date.parse(`${today}T00:00:00.000Z`) - DAY_MS);
  const first = await repo.firstEventAt();
  // Past days of the period not yet rolled up (none before the first event can have figures).
  const start = first && first.slice(0, 10) > from ? first.slice(0, 10) : from;
  const end = to < lastPast ? to : lastPast;
  if (first && start <= end) {
    const done = await repo.computedDaysBetween(start, end);
    for (let d = Date.parse(`${start}T00:00:00.000Z`); utcDay(d) <= end; d += DAY_MS) {
      if (done.has(utcDay(d))) continue;
      await recomputeTransparencyDay(db, utcDay(d)).catch((err: unknown) => {
        // Another request or the job computed it at the same moment: theirs stands.
        if (!isUniqueViolation(err) && !isBusy(err)) throw err;
      });
    }
  }
  const rows: DayFigure[] = (await repo.figuresBetween(from, to < lastPast ? to : lastPast)).map((r) => ({ ...r, n: Number(r.n) }));
  if (from <= today && today <= to) rows.push(...(await computeDay(db, today)).map((r) => ({ ...r, day: today })));
  return {
    from,
    to,
    granularity,
    computedAt: nowIso(),
    total: sumPeriod(from, to, rows),
    periods: periodsOf(from, to, granularity).map((p) => sumPeriod(p.from, p.to, rows)),
  };
}
