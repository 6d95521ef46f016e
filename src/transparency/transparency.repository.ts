import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export class TransparencyRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Authority requests refused as protected expression, by the requesting authority's country. */
  async refusedAuthorityRequestsByCountry() {
    const rows = await this.#db
      .selectFrom('reports')
      .innerJoin('cases', 'cases.id', 'reports.case_id')
      .select(['reports.jurisdiction as country', sql<number>`count(*)`.as('requests'), sql<number>`count(distinct cases.id)`.as('cases')])
      .where('reports.source', '=', 'authority')
      .where('cases.outcome', '=', 'protected_expression')
      .groupBy('reports.jurisdiction')
      .orderBy('reports.jurisdiction')
      .execute();
    return rows.map((r) => ({ country: r.country ?? 'unknown', requests: Number(r.requests), cases: Number(r.cases) }));
  }
}
