// Text rules' hits: recorded by the signal job, counted and sampled for the rules list.
import type { Db } from '../../db/database.ts';
import type { RuleHitsTable } from '../../db/schema-signals.ts';

export class RuleHitsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Inserts the hit unless one with its id exists; true when this call wrote it. */
  async insert(row: RuleHitsTable): Promise<boolean> {
    const r = await this.#db
      .insertInto('rule_hits')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async counts(): Promise<Array<{ rule_id: string; state: string; hits: number }>> {
    const rows = await this.#db
      .selectFrom('rule_hits')
      .select(['rule_id', 'state', (eb) => eb.fn.countAll<number | string>().as('hits')])
      .groupBy(['rule_id', 'state'])
      .execute();
    return rows.map((r) => ({ rule_id: r.rule_id, state: r.state, hits: Number(r.hits) }));
  }

  /** The latest shadow hits of each rule, at most `per` a rule. */
  async recentShadow(ruleIds: string[], per: number): Promise<RuleHitsTable[]> {
    const out: RuleHitsTable[] = [];
    for (const id of ruleIds) {
      out.push(
        ...(await this.#db
          .selectFrom('rule_hits')
          .selectAll()
          .where('rule_id', '=', id)
          .where('state', '=', 'shadow')
          .orderBy('created_at', 'desc')
          .limit(per)
          .execute()),
      );
    }
    return out;
  }
}
