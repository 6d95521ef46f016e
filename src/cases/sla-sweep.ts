// The SLA sweep: a recurring job that records, once per case, that an open case passed its review
// deadline — a `sla_breached` event in the case's history (who was late, by the policy's clock) and
// `cases.sla_breached_at`. The scrape-time gauge vigil_cases_sla_breached counts them live; the event is
// the durable record that survives the case being decided later.
import type { Db } from '../db/database.ts';
import { nowIso } from '../shared/time.ts';
import { appendEvent } from './case-log.ts';
import { CasesRepository } from './cases.repository.ts';

export const SLA_SWEEP_JOB = 'cases.sla_sweep';
const BATCH = 200;

/** Records every unrecorded breach as of `now`; returns how many it recorded. One short transaction per case. */
export async function recordSlaBreaches(db: Db, now = nowIso()): Promise<number> {
  let recorded = 0;
  for (;;) {
    const due = await new CasesRepository(db).overdueUnrecorded(now, BATCH);
    for (const c of due) {
      const marked = await db.transaction().execute(async (trx) => {
        // The conditional update takes the row lock and re-checks: a case decided (or recorded by another
        // worker) since it was read is left alone.
        if (!(await new CasesRepository(trx).markSlaBreached(c.id, now))) return false;
        await appendEvent(trx, c.id, { kind: 'sla_breached', actor: 'system', at: now, data: { dueAt: c.sla_due_at, category: c.category } });
        return true;
      });
      if (marked) recorded++;
    }
    if (due.length < BATCH) return recorded;
  }
}
