// SQL for appeals against decisions (table `appeals`, migration 2026-12-04-07-appeals).
import type { Db } from '../db/database.ts';
import type { AppealsTable } from '../db/schema-moderation.ts';
import type { AppealState } from './case-values.ts';

export interface AppealFilter {
  state?: AppealState;
  /** Only open appeals past their review deadline (as of `now`). */
  overdue?: boolean;
  now: string;
}

export class AppealsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insert(row: AppealsTable): Promise<void> {
    await this.#db.insertInto('appeals').values(row).execute();
  }
  find(id: string) {
    return this.#db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findByAppellant(decisionId: string, appellantKey: string) {
    return this.#db.selectFrom('appeals').select('id').where('decision_id', '=', decisionId).where('appellant_key', '=', appellantKey).executeTakeFirst();
  }
  ofCase(caseId: string) {
    return this.#db.selectFrom('appeals').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  }
  async decide(id: string, patch: Pick<AppealsTable, 'state' | 'statement' | 'decided_by' | 'decided_at'>): Promise<void> {
    await this.#db.updateTable('appeals').set(patch).where('id', '=', id).execute();
  }

  /** The appeals queue, earliest deadline first; keyset cursor on (due_at, id). */
  list(f: AppealFilter, limit: number, after?: [string, string]) {
    let q = this.#db.selectFrom('appeals').selectAll();
    if (f.overdue) q = q.where('state', '=', 'open').where('due_at', '<', f.now);
    if (f.state) q = q.where('state', '=', f.state);
    if (after) q = q.where((eb) => eb.or([eb('due_at', '>', after[0]), eb.and([eb('due_at', '=', after[0]), eb('id', '>', after[1])])]));
    return q.orderBy('due_at').orderBy('id').limit(limit).execute();
  }

  /** Appeals by state, with the open ones past their deadline. */
  async counts(now: string) {
    const byState = await this.#db
      .selectFrom('appeals')
      .select(['state', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('state')
      .execute();
    const overdue = await this.#db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('state', '=', 'open')
      .where('due_at', '<', now)
      .executeTakeFirstOrThrow();
    return { byState: byState.map((r) => ({ state: r.state, count: Number(r.n) })), overdue: Number(overdue.n) };
  }
}
