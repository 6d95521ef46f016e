// The durable backfill of case figures: recounts every case (`recountCase`, the repair behind `vigil cases
// recount`: all figures of an undecided case, the counts of a decided one) a page at a time, each page a
// job that enqueues the next. Migration 2026-12-07-12 enqueues the first page when cases still carry
// figures from before reporters' credibility (issue 12) or the case view's report split, so an upgraded
// installation's queue ranks and shows them like new ones without anyone running the command. A page
// recounted twice (a worker died mid-page) changes nothing the second time.
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { recountCase } from './case-aggregate.ts';
import { CasesRepository } from './cases.repository.ts';

export const CASES_RECOUNT_JOB = 'cases.recount';
/** Cases a job recounts; the next page is another job. */
export const RECOUNT_PAGE = 100;

export interface CasesRecountJob {
  /** The page starts after this case id ('' for the first). */
  after: string;
}

/** Recounts one page of cases and enqueues the next; returns how many were recounted and corrected. */
export async function recountPage(db: Db, queue: JobQueue, job: CasesRecountJob, pageSize = RECOUNT_PAGE): Promise<{ recounted: number; corrected: number }> {
  const ids = await new CasesRepository(db).idsAfter(job.after, pageSize);
  let corrected = 0;
  for (const id of ids) if ((await recountCase(db, id)).length > 0) corrected++;
  const last = ids.at(-1);
  if (ids.length === pageSize && last) {
    await db
      .transaction()
      .execute((trx) => queue.enqueue(trx, CASES_RECOUNT_JOB, { after: last } satisfies CasesRecountJob, { dedupeKey: `${CASES_RECOUNT_JOB}@${last}` }));
    queue.wake();
  }
  return { recounted: ids.length, corrected };
}
