// The reads and writes of the transparency rollup: a day's case events and the rows they name, and the
// per-day figures (src/transparency/transparency-days.ts computes them; the transparency route sums them).
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { TransparencyFiguresTable } from '../db/schema-moderation.ts';

/** The case events the figures count. */
const COUNTED_KINDS = ['decided', 'reversed', 'report_added', 'appeal_filed', 'appeal_decided'] as const;

export type FigureRow = Pick<TransparencyFiguresTable, 'figure' | 'key' | 'n'>;

export class TransparencyDaysRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** The counted events recorded in [from, to) (indexed by created_at). */
  eventsBetween(from: string, to: string) {
    return this.#db
      .selectFrom('case_events')
      .select(['case_id', 'seq', 'kind', 'data', 'created_at'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('kind', 'in', COUNTED_KINDS)
      .orderBy('created_at')
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
  }

  async casesByIds(ids: string[]) {
    if (ids.length === 0) return [];
    return this.#db.selectFrom('cases').select(['id', 'subject_kind', 'category', 'language', 'created_at', 'sla_due_at']).where('id', 'in', ids).execute();
  }

  /** Every report of these cases, oldest first (a case's first report opened it). */
  async reportsOfCases(ids: string[]) {
    if (ids.length === 0) return [];
    return this.#db
      .selectFrom('reports')
      .select(['id', 'case_id', 'source', 'jurisdiction', 'created_at'])
      .where('case_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Every decision of these cases, oldest first. */
  async decisionsOfCases(ids: string[]) {
    if (ids.length === 0) return [];
    return this.#db
      .selectFrom('decisions')
      .select(['id', 'case_id', 'outcome', 'category', 'actions', 'created_at'])
      .where('case_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Reports declined on arrival as out of scope in [from, to), by source (they open no case). */
  async declinedOutOfScopeBetween(from: string, to: string) {
    const rows = await this.#db
      .selectFrom('reports')
      .select(['source', sql<number>`count(*)`.as('n')])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('status', '=', 'declined_out_of_scope')
      .where('case_id', 'is', null)
      .groupBy('source')
      .execute();
    return rows.map((r) => ({ source: r.source, n: Number(r.n) }));
  }

  /** Replaces the day's figures and marks it computed (inside the caller's transaction). */
  async replaceDay(day: string, rows: FigureRow[], computedAt: string): Promise<void> {
    await this.#db.deleteFrom('transparency_figures').where('day', '=', day).execute();
    await this.#db.deleteFrom('transparency_days').where('day', '=', day).execute();
    // Chunked: a day's rows may be many (one per distinct decision time), and SQLite caps bound parameters.
    for (let i = 0; i < rows.length; i += 200) {
      await this.#db
        .insertInto('transparency_figures')
        .values(rows.slice(i, i + 200).map((r) => ({ ...r, day })))
        .execute();
    }
    await this.#db.insertInto('transparency_days').values({ day, computed_at: computedAt }).execute();
  }

  async computedDaysBetween(fromDay: string, toDay: string): Promise<Set<string>> {
    const rows = await this.#db.selectFrom('transparency_days').select('day').where('day', '>=', fromDay).where('day', '<=', toDay).execute();
    return new Set(rows.map((r) => r.day));
  }

  figuresBetween(fromDay: string, toDay: string) {
    return this.#db
      .selectFrom('transparency_figures')
      .select(['day', 'figure', 'key', 'n'])
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay)
      .orderBy('day')
      .orderBy('figure')
      .orderBy('key')
      .execute();
  }

  /** When the first case event was recorded (days before it have no figures to compute). */
  async firstEventAt(): Promise<string | undefined> {
    const row = await this.#db.selectFrom('case_events').select(sql<string | null>`min(created_at)`.as('at')).executeTakeFirst();
    return row?.at ?? undefined;
  }
}
