// Decisions and reversals per UTC day: the rollup the statistics job writes and the statistics route reads.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DailyStatisticsTable } from '../db/schema-moderation.ts';
import { REFERENCE_PLATFORM } from '../shared/platforms.ts';

type Key = Pick<DailyStatisticsTable, 'platform' | 'subject_kind' | 'category' | 'outcome'>;
const keyOf = (k: Key) => `${k.platform}\u0000${k.subject_kind}\u0000${k.category}\u0000${k.outcome}`;

export class DailyStatisticsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** Decisions taken and decisions reversed within [from, to), grouped by platform, subject kind, category and outcome. */
  async countsBetween(from: string, to: string): Promise<Array<Key & { decisions: number; reversals: number }>> {
    const grouped = (column: 'created_at' | 'reversed_at') =>
      this.#db
        .selectFrom('decisions')
        .innerJoin('cases', 'cases.id', 'decisions.case_id')
        .select(['cases.platform', 'cases.subject_kind', 'decisions.category', 'decisions.outcome', sql<number>`count(*)`.as('n')])
        .where(`decisions.${column}`, '>=', from)
        .where(`decisions.${column}`, '<', to)
        .groupBy(['cases.platform', 'cases.subject_kind', 'decisions.category', 'decisions.outcome'])
        .execute();
    const [taken, reversed] = await Promise.all([grouped('created_at'), grouped('reversed_at')]);
    const rows = new Map<string, Key & { decisions: number; reversals: number }>();
    const add = (r: (typeof taken)[number], field: 'decisions' | 'reversals') => {
      const key: Key = { platform: r.platform ?? REFERENCE_PLATFORM, subject_kind: r.subject_kind, category: r.category ?? '', outcome: r.outcome };
      const row = rows.get(keyOf(key)) ?? { ...key, decisions: 0, reversals: 0 };
      row[field] += Number(r.n);
      rows.set(keyOf(key), row);
    };
    for (const r of taken) add(r, 'decisions');
    for (const r of reversed) add(r, 'reversals');
    return [...rows.values()];
  }

  /** Replaces the day's rows (inside the caller's transaction). */
  async replaceDay(day: string, rows: Array<Key & { decisions: number; reversals: number }>, computedAt: string): Promise<void> {
    await this.#db.deleteFrom('daily_statistics').where('day', '=', day).execute();
    if (rows.length > 0)
      await this.#db
        .insertInto('daily_statistics')
        .values(rows.map((r) => ({ ...r, day, computed_at: computedAt })))
        .execute();
  }

  between(fromDay: string, toDay: string) {
    return this.#db
      .selectFrom('daily_statistics')
      .selectAll()
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay)
      .orderBy(['day', 'platform', 'subject_kind', 'category', 'outcome'])
      .execute();
  }
}
