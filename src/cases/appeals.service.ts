// Appeals against decisions (DSA Art. 20): the owner of an actioned subject, or a reporter whose report
// ended without action, contests the decision within the policy's window; a senior who did not take the
// decision upholds or reverses it. A reversal goes through the decisions service's reversal (restores the
// subject, releases holds, tells the platform and the owner), withdraws the media the decision banked,
// and gives every reporter a new answer. Filing and deciding are case events.
import type { Db } from '../db/database.ts';
import type { AppealsTable } from '../db/schema-moderation.ts';
import { AppError, badRequest, conflict, type FieldProblemKind, fieldProblem, notFound, unauthorized } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import type { ServerSecret } from '../shared/secrets.ts';
import { safeEqual } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import { APPEAL_REVIEW_DAYS, APPEAL_WINDOW_MONTHS, appealDeadline, category as policyCategory } from '../policy/policy.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import { appealReceiptOf } from '../intake/receipt.ts';
import { reportOpensTo } from '../intake/report-status.service.ts';
import { AppealsRepository } from './appeals.repository.ts';
import { appendEvent } from './case-log.ts';
import type { Answer } from './answer.ts';
import type { Decision } from './case-rows.ts';
import type { AppealOutcome, AppealState } from './case-values.ts';
import { CasesRepository } from './cases.repository.ts';
import type { DecidingActor, DecisionsService } from './decisions.service.ts';
import type { Actor, AuditFn, ReviewService } from './review.service.ts';

export interface FileAppealInput {
  noticeId?: string;
  reportId?: string;
  receipt?: string;
  reason: string;
  evidence?: string;
}
/** Who is filing: an account (owners), and the reporter key the caller's credentials give (reporters). */
export interface AppealCaller {
  accountId?: string;
  reporterKey?: string;
}
export interface AppealAccess {
  receipt?: string;
  accountId?: string;
  reporterKey?: string;
}

const DAY_MS = 86_400_000;
const MIN_REASON = 10;
const isCursor = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');
const invalid = (field: string, kind: FieldProblemKind, message: string, limit?: number) =>
  badRequest('appeal_invalid', message, [fieldProblem(field, kind, message, limit)]);

export class AppealsService {
  #db: Db;
  #secret: ServerSecret;
  #audit: AuditFn;
  #decisions: DecisionsService;
  #review: ReviewService;
  #publicUrl: string;
  constructor(db: Db, secret: ServerSecret, audit: AuditFn, decisions: DecisionsService, review: ReviewService, publicUrl: string) {
    this.#db = db;
    this.#publicUrl = publicUrl;
    this.#secret = secret;
    this.#audit = audit;
    this.#decisions = decisions;
    this.#review = review;
  }

  async file(input: FileAppealInput, who: AppealCaller) {
    const reason = input.reason.trim();
    if (reason.length < MIN_REASON) throw invalid('reason', 'too_short', `Say why the decision is wrong (at least ${MIN_REASON} characters).`, MIN_REASON);
    const evidence = input.evidence?.trim() || null;
    if ((input.noticeId === undefined) === (input.reportId === undefined)) {
      throw invalid('noticeId', 'either_or', 'Name either the notice you received (noticeId) or your report (reportId).');
    }
    const at = nowIso();
    const target =
      input.noticeId !== undefined ? await this.#ownerTarget(input.noticeId, who) : await this.#reporterTarget(input.reportId ?? '', input.receipt, who);
    const { decision } = target;
    if (decision.reversed_at) throw conflict('decision_reversed', 'This decision was already reversed; there is nothing to appeal.');
    const closes = appealDeadline(decision.created_at);
    if (Date.parse(at) > closes.getTime()) {
      throw new AppError(
        410,
        'appeal_window_closed',
        `Decisions can be appealed for ${APPEAL_WINDOW_MONTHS} months; this one could be appealed until ${closes.toISOString()}.`,
      );
    }
    const id = newId('apl');
    const row: AppealsTable = {
      id,
      case_id: decision.case_id,
      decision_id: decision.id,
      appellant: target.appellant,
      appellant_key: target.appellantKey,
      account_id: target.appellant === 'owner' ? (who.accountId ?? null) : null,
      notice_id: input.noticeId ?? null,
      report_id: input.reportId ?? null,
      reason,
      evidence,
      state: 'open',
      due_at: new Date(Date.parse(at) + APPEAL_REVIEW_DAYS * DAY_MS).toISOString(),
      statement: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
    };
    await this.#db.transaction().execute(async (trx) => {
      const cases = new CasesRepository(trx);
      await cases.lock(decision.case_id); // two appeals of one appellant at once: the second sees the first
      const appeals = new AppealsRepository(trx);
      if (await appeals.findByAppellant(decision.id, target.appellantKey)) {
        throw conflict('already_appealed', 'You have already appealed this decision; follow that appeal on its status page.');
      }
      await appeals.insert(row);
      // The appellant is named by role only: the case history never says which reporter appealed.
      await appendEvent(trx, decision.case_id, {
        kind: 'appeal_filed',
        actor: `appellant:${target.appellant}`,
        reason,
        at,
        data: { appealId: id, decisionId: decision.id, appellant: target.appellant, dueAt: row.due_at },
      });
    });
    const receipt = appealReceiptOf(this.#secret, id);
    return {
      id,
      state: 'open' as const,
      receipt,
      statusUrl: `${this.#publicUrl}/report/appeal/${id}?receipt=${encodeURIComponent(receipt)}`,
      dueAt: row.due_at,
    };
  }

  async #ownerTarget(noticeId: string, who: AppealCaller) {
    if (!who.accountId) throw unauthorized('Appealing as the owner needs the token of the account that owns the subject.');
    const notice = await new EnforcementRepository(this.#db).findNotice(noticeId);
    if (!notice) throw notFound('Notice');
    if (notice.account_id !== who.accountId) throw new AppError(403, 'not_your_notice', 'This notice is about a subject of another account.');
    const decision = await new CasesRepository(this.#db).findDecision(notice.decision_id);
    if (!decision) throw notFound('Decision');
    if (decision.outcome !== 'actioned') throw conflict('not_appealable', 'Only a decision that acted on your subject can be appealed by its owner.');
    return { appellant: 'owner' as const, appellantKey: `account:${who.accountId}`, decision };
  }

  async #reporterTarget(reportId: string, receipt: string | undefined, who: AppealCaller) {
    const cases = new CasesRepository(this.#db);
    const report = await cases.findReport(reportId);
    // As on the status page: a wrong receipt looks like an unknown report.
    if (!report || !reportOpensTo(this.#secret, report, { receipt, reporterKey: who.reporterKey })) throw notFound('Report');
    const c = report.case_id ? await cases.findById(report.case_id) : undefined;
    if (!c?.decision_id || report.status !== 'decided') throw conflict('not_decided', 'This report has no decision to appeal (yet).');
    const decision = await cases.findDecision(c.decision_id);
    if (!decision) throw notFound('Decision');
    if (decision.outcome === 'actioned') throw conflict('not_appealable', 'Your report led to action; a reporter may appeal only a decision that took none.');
    return { appellant: 'reporter' as const, appellantKey: report.reporter_key, decision };
  }

  /** What the appellant sees: with the appeal's receipt, or as the account or reporter that filed it. */
  async status(id: string, access: AppealAccess) {
    const a = await new AppealsRepository(this.#db).find(id);
    if (!a || !this.#opens(a, access)) throw notFound('Appeal');
    const decision = await new CasesRepository(this.#db).findDecision(a.decision_id);
    if (!decision) throw notFound('Decision');
    return this.#view(a, decision);
  }

  #opens(a: AppealsTable, access: AppealAccess): boolean {
    if (access.receipt && safeEqual(access.receipt, appealReceiptOf(this.#secret, a.id))) return true;
    if (a.appellant === 'owner') return access.accountId !== undefined && a.account_id === access.accountId;
    return access.reporterKey !== undefined && access.reporterKey === a.appellant_key && !a.appellant_key.startsWith('anon:');
  }

  #view(a: AppealsTable, d: Decision) {
    return {
      id: a.id,
      state: a.state,
      appellant: a.appellant,
      reason: a.reason,
      evidence: a.evidence,
      createdAt: a.created_at,
      dueAt: a.due_at,
      decision: {
        id: d.id,
        outcome: d.outcome,
        category: d.category,
        categoryTitle: d.category ? policyCategory(d.category).title : null,
        actions: d.actions,
        statement: d.statement,
        decidedAt: d.created_at,
      },
      outcome: a.state === 'open' ? null : { state: a.state, statement: a.statement ?? '', decidedAt: a.decided_at ?? a.created_at },
    };
  }

  #summary(a: AppealsTable, now: number) {
    return {
      id: a.id,
      caseId: a.case_id,
      decisionId: a.decision_id,
      appellant: a.appellant,
      state: a.state,
      reason: a.reason,
      createdAt: a.created_at,
      dueAt: a.due_at,
      overdue: a.state === 'open' && Date.parse(a.due_at) < now,
      decidedAt: a.decided_at,
    };
  }

  async list(filter: { state?: AppealState; overdue?: boolean }, limit: number, cursor?: string) {
    const now = nowIso();
    const rows = await new AppealsRepository(this.#db).list({ ...filter, now }, limit + 1, decodeCursor(cursor, isCursor));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      appeals: page.map((a) => this.#summary(a, Date.parse(now))),
      nextCursor: rows.length > limit && last ? encodeCursor([last.due_at, last.id]) : null,
    };
  }

  async counts() {
    const { byState, overdue } = await new AppealsRepository(this.#db).counts(nowIso());
    const of = (s: AppealState) => byState.find((r) => r.state === s)?.count ?? 0;
    return { open: of('open'), overdue, upheld: of('upheld'), reversed: of('reversed') };
  }

  /** The console's appeal page: the appeal, the original case and its decision side by side. */
  async detail(id: string, actor: Actor) {
    const a = await new AppealsRepository(this.#db).find(id);
    if (!a) throw notFound('Appeal');
    const decision = await new CasesRepository(this.#db).findDecision(a.decision_id);
    if (!decision) throw notFound('Decision');
    const view = this.#view(a, decision);
    return {
      ...this.#summary(a, Date.now()),
      evidence: a.evidence,
      decision: { ...view.decision, decidedBy: decision.decided_by, reversedAt: decision.reversed_at },
      outcome: view.outcome,
      decidedBy: a.decided_by,
      mayDecide: a.state === 'open' && decision.decided_by !== `staff:${actor.id}`,
      case: await this.#review.get(a.case_id, actor),
    };
  }

  async decide(id: string, actor: DecidingActor, input: { outcome: AppealOutcome; statement: string }) {
    const statement = input.statement.trim();
    if (statement.length < 10)
      throw badRequest('appeal_decision_invalid', 'The statement must say why (at least 10 characters).', [{ field: 'statement', message: 'too short' }]);
    const first = await new AppealsRepository(this.#db).find(id);
    if (!first) throw notFound('Appeal');
    const at = nowIso();
    let afterCommit = () => {};
    await this.#db.transaction().execute(async (trx) => {
      const cases = new CasesRepository(trx);
      await cases.lock(first.case_id);
      const appeals = new AppealsRepository(trx);
      const a = await appeals.find(id);
      if (!a) throw notFound('Appeal');
      if (a.state !== 'open') throw conflict('appeal_decided', `This appeal was already decided (${a.state}).`);
      const decision = await cases.findDecision(a.decision_id);
      if (!decision) throw notFound('Decision');
      if (decision.decided_by === `staff:${actor.id}`) {
        throw new AppError(403, 'own_decision', 'You took the decision under appeal; another senior moderator must decide the appeal.');
      }
      const c = await cases.findById(a.case_id);
      if (!c) throw notFound('Case');
      let reopened = false;
      if (input.outcome === 'reversed') {
        if (decision.reversed_at || c.decision_id !== decision.id || c.state !== 'decided') {
          throw conflict('decision_reversed', 'The decision under appeal no longer stands (it was reversed); uphold is all that is left, or nothing.');
        }
        afterCommit = await this.#decisions.reverseIn(trx, c, actor, `On appeal: ${statement}`, at, {
          ownerStatement: `On appeal, the decision was reversed: ${statement}`,
          unbank: true,
        });
        reopened = await this.#answerAfterReversal(trx, c, decision, statement, at);
      }
      await appeals.decide(id, { state: input.outcome, statement, decided_by: `staff:${actor.id}`, decided_at: at });
      await appendEvent(trx, a.case_id, {
        kind: 'appeal_decided',
        actor: `staff:${actor.id}`,
        reason: statement,
        at,
        data: { appealId: id, decisionId: decision.id, appellant: a.appellant, outcome: input.outcome, ...(reopened ? { reopened: true } : {}) },
      });
      await this.#audit(trx, {
        actor: `staff:${actor.id}`,
        action: 'appeal.decided',
        target: `appeal:${id}`,
        data: { caseId: a.case_id, decisionId: decision.id, outcome: input.outcome },
      });
    });
    afterCommit();
    this.#decisions.webhooksCommitted();
    const a = await new AppealsRepository(this.#db).find(id);
    const decision = await new CasesRepository(this.#db).findDecision(first.decision_id);
    if (!a || !decision) throw notFound('Appeal');
    return this.#view(a, decision);
  }

  /**
   * Every reporter hears of the reversal. An action reversed: a new answer (no action stands). A
   * no-action decision reversed: the case goes back to review (escalated) unless the subject already has
   * another open case, and the reports await the new decision. Returns whether the case was reopened.
   */
  async #answerAfterReversal(
    trx: Db,
    c: { id: string; subject_kind: string; subject_id: string },
    d: Decision,
    statement: string,
    at: string,
  ): Promise<boolean> {
    const cases = new CasesRepository(trx);
    if (d.outcome === 'actioned') {
      const answer: Answer = {
        outcome: 'no_violation',
        category: d.category,
        categoryTitle: d.category ? policyCategory(d.category).title : null,
        actions: [],
        territorialScope: null,
        statement: `On appeal, the decision to act was reversed: ${statement}`,
        automatedDetection: false,
        automatedDecision: false,
        decidedAt: at,
        appeal:
          'This answer replaces the earlier one; the decision on appeal is final within the platform. You may still use an out-of-court dispute settlement body or the courts.',
        appealOutcome: 'reversed',
      };
      await cases.answerReports(c.id, 'decided', JSON.stringify(answer), at);
      await this.#decisions.mailAnswer(trx, c.id, answer, at);
      return false;
    }
    const openKey = `${c.subject_kind}:${c.subject_id}`;
    if (await cases.hasOpenCase(openKey)) return false;
    await cases.update(c.id, { state: 'escalated', open_key: openKey, outcome: null, decision_id: null, decided_at: null, assignee_id: null, updated_at: at });
    await cases.reopenReports(c.id);
    return true;
  }
}
