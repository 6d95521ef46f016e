// Why a case ranks as it does and who reported it, for the console's case view; and the seniors' misuse
// controls (DSA Art. 23): warn a reporter, set its reports aside for a period, reverse that. Each
// control is an audit entry written in the same transaction as the change.
import type { Db } from '../db/database.ts';
import { badRequest, conflict, notFound } from '../shared/errors.ts';
import { nowIso } from '../shared/time.ts';
import { REPORTER_MISUSE } from '../policy/policy.ts';
import { CasesRepository } from './cases.repository.ts';
import { CONFIRMED_WEIGHT, COORDINATION_WINDOW_MS, effectiveWeight, leadOf } from './credibility.ts';
import { priorityFactors } from './priority.ts';
import type { Actor, AuditFn } from './review.service.ts';
import { REPORT_SOURCES, type ReportSource } from './case-values.ts';
import { isOneOf } from '../shared/one-of.ts';

/** How many reporters the case view lists (the most credible first); the totals count them all. */
const LISTED_REPORTERS = 50;
/** A reporter with at least this many unfounded reports and at most this upheld rate is flagged to seniors. */
export const MISUSE_MIN_UNFOUNDED = 5;
export const MISUSE_MAX_UPHELD_RATE = 0.2;

export function misuseSuspected(agreed: number, disagreed: number): boolean {
  return disagreed >= MISUSE_MIN_UNFOUNDED && agreed / (agreed + disagreed) <= MISUSE_MAX_UPHELD_RATE;
}

const standingOf = (warnedAt: string | null | undefined, setAsideUntil: string | null | undefined, now: string) =>
  setAsideUntil && setAsideUntil > now ? ('set_aside' as const) : warnedAt ? ('warned' as const) : ('good' as const);

const units = (n: number) => Math.round(n) / 1000;

export class CredibilityService {
  #db: Db;
  #audit: AuditFn;
  constructor(db: Db, audit: AuditFn) {
    this.#db = db;
    this.#audit = audit;
  }

  async ofCase(caseId: string, actor: Actor) {
    const repo = new CasesRepository(this.#db);
    const c = await repo.findById(caseId);
    if (!c) throw notFound('The case');
    const now = nowIso();
    const weights = c.category_weights ?? {};
    const lead = leadOf(weights);
    const rows = await repo.reportersWithRecords(caseId, LISTED_REPORTERS);
    return {
      caseId: c.id,
      category: c.category,
      confirmed: c.decided_at === null ? lead.confirmed : null,
      lane: c.triage_due_at ? ('triage' as const) : ('normal' as const),
      triageDueAt: c.triage_due_at ?? null,
      slaDueAt: c.sla_due_at,
      priority: {
        ...priorityFactors({
          categoryId: c.category,
          lifeAtRisk: c.life_at_risk,
          reach: c.reach,
          bestCredibility: c.best_credibility ?? 0,
          reporters: c.weighed_reporters ?? 0,
        }),
        stored: c.priority,
        weighedReporters: c.weighed_reporters ?? 0,
      },
      categoryWeights: Object.entries(weights)
        .map(([category, sums]) => ({
          category,
          established: units(sums[0]),
          unproven: units(sums[1]),
          effective: units(effectiveWeight(sums)),
          confirmed: effectiveWeight(sums) >= CONFIRMED_WEIGHT * 1000,
        }))
        .sort((a, b) => b.effective - a.effective || (a.category < b.category ? -1 : 1)),
      coordination: {
        reporters: c.reporter_count,
        reports: c.report_count,
        freshReporters: c.fresh_reporters ?? 0,
        sameTextReports: c.same_text_reports ?? 0,
        windowMinutes: COORDINATION_WINDOW_MS / 60_000,
      },
      reporters: rows.map((r) => {
        const agreed = Number(r.agreed ?? 0);
        const disagreed = Number(r.disagreed ?? 0);
        const source: ReportSource | null = isOneOf(REPORT_SOURCES, r.source) ? r.source : null;
        return {
          // Who reported is shown to seniors only; others see the record without the identity.
          key: actor.seesReporterIdentity ? r.reporter_key : null,
          source,
          since: r.since ?? null,
          ageDays: r.since ? Math.floor((Date.parse(now) - Date.parse(r.since)) / 86_400_000) : null,
          reports: Number(r.reports),
          credibility: Number(r.best_credibility),
          agreed,
          disagreed,
          upheldRate: agreed + disagreed > 0 ? Math.round((agreed / (agreed + disagreed)) * 100) / 100 : null,
          standing: standingOf(r.warned_at, r.set_aside_until, now),
          setAsideUntil: r.set_aside_until && r.set_aside_until > now ? r.set_aside_until : null,
          misuseSuspected: misuseSuspected(agreed, disagreed),
        };
      }),
    };
  }

  /** The record and standing of one reporter. */
  async reporter(key: string) {
    const r = await new CasesRepository(this.#db).reporterRecord(key);
    if (!r) throw notFound('The reporter');
    const now = nowIso();
    const agreed = Number(r.agreed);
    const disagreed = Number(r.disagreed);
    return {
      reporterKey: key,
      agreed,
      disagreed,
      standing: standingOf(r.warned_at, r.set_aside_until, now),
      warnedAt: r.warned_at ?? null,
      setAsideUntil: r.set_aside_until && r.set_aside_until > now ? r.set_aside_until : null,
      misuseSuspected: misuseSuspected(agreed, disagreed),
    };
  }

  /** A senior warns a reporter; its next reports are acknowledged with the policy's warning. */
  async warn(key: string, reason: string, actor: Actor) {
    await this.#change(key, actor, 'reporter.warned', { reason }, async (repo, at) => {
      await repo.setReporterStanding(key, { warned_at: at });
    });
    return this.reporter(key);
  }

  /** A senior sets a warned reporter's reports aside for `days`: stored, answered and counted, weighing nothing. */
  async setAside(key: string, reason: string, days: number | undefined, actor: Actor) {
    const period = days ?? REPORTER_MISUSE.setAsideDays;
    await this.#change(key, actor, 'reporter.set_aside', { reason, days: period }, async (repo, at, current) => {
      if (!current?.warned_at) throw conflict('not_warned', 'Warn the reporter before setting its reports aside.');
      await repo.setReporterStanding(key, { set_aside_until: new Date(Date.parse(at) + period * 86_400_000).toISOString() });
    });
    return this.reporter(key);
  }

  /** A senior reverses a warning and a set-aside: the reporter's next reports weigh as before. */
  async restore(key: string, reason: string, actor: Actor) {
    await this.#change(key, actor, 'reporter.restored', { reason }, async (repo, _at, current) => {
      if (!current?.warned_at && !current?.set_aside_until) throw conflict('not_set_aside', 'The reporter is neither warned nor set aside.');
      await repo.setReporterStanding(key, { warned_at: null, set_aside_until: null });
    });
    return this.reporter(key);
  }

  async #change(
    key: string,
    actor: Actor,
    action: string,
    data: Record<string, unknown>,
    apply: (repo: CasesRepository, at: string, current: Awaited<ReturnType<CasesRepository['reporterRecord']>>) => Promise<void>,
  ): Promise<void> {
    // The keys intake gives reporters (src/intake/reporter.ts): accounts, addresses' keyed hashes, API keys.
    if (!/^(acc|anon|key):[A-Za-z0-9_-]{1,64}$/.test(key))
      throw badRequest('invalid_reporter', 'The reporter key is not one intake gives (acc:…, anon:…, key:…).');
    await this.#db.transaction().execute(async (trx) => {
      const repo = new CasesRepository(trx);
      const current = await repo.reporterRecord(key);
      await apply(repo, nowIso(), current);
      await this.#audit(trx, { actor: `staff:${actor.id}`, action, target: `reporter:${key}`, data });
    });
  }
}
