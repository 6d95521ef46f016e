// The statistics job: decisions and reversals per UTC day, recomputed whole for a day from the decisions
// (idempotent: running it twice, or in two workers, writes the same rows). A recurring job recomputes
// yesterday and today, so late reversals of yesterday's decisions are counted; any past day can be
// recomputed with `recomputeDay`. The same job recomputes those days' public transparency figures.
import type { Db } from '../db/database.ts';
import { nowIso } from '../shared/time.ts';
import { DailyStatisticsRepository } from './daily-statistics.repository.ts';
import { recomputeTransparencyDay } from './transparency-days.ts';

export const DAILY_STATISTICS_JOB = 'statistics.daily';
const DAY_MS = 86_400_000;

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function recomputeDay(db: Db, day: string): Promise<number> {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  if (!Number.isFinite(start)) throw new Error(`not a day: ${day}`);
  return db.transaction().execute(async (trx) => {
    const repo = new DailyStatisticsRepository(trx);
    const rows = await repo.countsBetween(new Date(start).toISOString(), new Date(start + DAY_MS).toISOString());
    await repo.replaceDay(day, rows, nowIso());
    return rows.length;
  });
}

/** Yesterday and today (UTC), as of `now`. */
export async function recomputeRecentDays(db: Db, now = Date.now()): Promise<void> {
  await recomputeDay(db, utcDay(now - DAY_MS));
  await recomputeDay(db, utcDay(now));
  // The public transparency figures of the same days (src/transparency/transparency-days.ts).
  await recomputeTransparencyDay(db, utcDay(now - DAY_MS));
  await recomputeTransparencyDay(db, utcDay(now));
}
