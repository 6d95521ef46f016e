// What the DSA export reads and writes: a period's decisions a page at a time (keyset over created_at,
// id, on the index of migration 2026-12-05-61), and which statements a Transparency Database accepted.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { decisionFromRow } from '../cases/case-rows.ts';
import type { DsaSubmissionsTable } from '../db/schema-moderation.ts';
import { parseList } from '../db/columns.ts';
import { isOneOf } from '../shared/one-of.ts';
import { REPORT_SOURCES, type Outcome, type ReportSource } from '../cases/case-values.ts';
import { REFERENCE_PLATFORM } from '../shared/platforms.ts';
import type { DecisionForExport } from './dsa-statement.ts';

export interface DecisionCursor {
  createdAt: string;
  id: string;
}

export interface Period {
  /** Inclusive, ISO. */
  from: string;
  /** Exclusive, ISO. */
  to: string;
  /** Only decisions about this platform's subjects. */
  platform?: string;
}

const isSource = (v: unknown): v is ReportSource => isOneOf(REPORT_SOURCES, v);

export class DsaExportRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** The period's 'actioned' decisions after `after`, oldest first, at most `limit`. */
  async actionedPage(period: Period, after: DecisionCursor | undefined, limit: number): Promise<DecisionForExport[]> {
    let q = this.#db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .selectAll('decisions')
      .select(['cases.created_at as case_created_at', 'cases.subject_kind', 'cases.platform', 'cases.sources', 'cases.language'])
      .where('decisions.outcome', '=', 'actioned')
      .where('decisions.created_at', '>=', period.from)
      .where('decisions.created_at', '<', period.to);
    if (period.platform) q = q.where('cases.platform', '=', period.platform);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('decisions.created_at', '>', after.createdAt),
          eb.and([eb('decisions.created_at', '=', after.createdAt), eb('decisions.id', '>', after.id)]),
        ]),
      );
    const rows = await q.orderBy('decisions.created_at').orderBy('decisions.id').limit(limit).execute();
    return rows.map(({ case_created_at, subject_kind, platform, sources, language, ...row }) => {
      const d = decisionFromRow(row);
      return {
        id: d.id,
        outcome: d.outcome,
        category: d.category,
        actions: d.actions,
        postIds: d.post_ids,
        jurisdiction: d.jurisdiction,
        automated: d.automated,
        createdAt: d.created_at,
        reversedAt: d.reversed_at,
        caseCreatedAt: case_created_at,
        subjectKind: subject_kind,
        platform: platform ?? REFERENCE_PLATFORM,
        sources: parseList(sources, isSource),
        language: language ?? null,
      };
    });
  }

  /** How many decisions the period holds, by outcome (one row per outcome). */
  async countByOutcome(period: Period): Promise<Array<{ outcome: Outcome; decisions: number }>> {
    let q = this.#db
      .selectFrom('decisions')
      .innerJoin('cases', 'cases.id', 'decisions.case_id')
      .select(['decisions.outcome', sql<number>`count(*)`.as('n')])
      .where('decisions.created_at', '>=', period.from)
      .where('decisions.created_at', '<', period.to);
    if (period.platform) q = q.where('cases.platform', '=', period.platform);
    const rows = await q.groupBy('decisions.outcome').orderBy('decisions.outcome').execute();
    return rows.map((r) => ({ outcome: r.outcome, decisions: Number(r.n) }));
  }

  /** Which of `puids` the database at `target` has already accepted. */
  async acceptedAmong(target: string, puids: string[]): Promise<Set<string>> {
    if (puids.length === 0) return new Set();
    const rows = await this.#db.selectFrom('dsa_submissions').select('puid').where('target', '=', target).where('puid', 'in', puids).execute();
    return new Set(rows.map((r) => r.puid));
  }

  async recordAccepted(rows: DsaSubmissionsTable[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#db
      .insertInto('dsa_submissions')
      .values(rows)
      .onConflict((oc) => oc.columns(['target', 'puid']).doNothing())
      .execute();
  }
}
