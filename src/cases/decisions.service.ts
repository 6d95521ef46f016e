// Deciding a case and reversing a decision: the rules of the publishing policy, enforcement, answers to
// every reporter, a statement of reasons to the owner, reporters' track records and the audit trail,
// all in one transaction.
import { noReporterMail, type ReporterMail } from './reporter-mail.ts';
import type { Db } from '../db/database.ts';
import { AppError, badRequest, conflict, forbidden } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { blockNotice, isCategory, PROTECTED_EXPRESSION, removalNotice, restrictionNotice } from '../policy/policy.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import type { MediaHashes } from '../subjects/platform-port.ts';
import type { TakenDown } from '../detection/text/text-index.ts';
import { LinkedCasesRepository } from './linked-cases.repository.ts';
import type { EnforcementActionsTable } from '../db/schema-moderation.ts';
import { isBlockable } from '../subjects/kinds.ts';
import { REFERENCE_PLATFORM } from '../subjects/kinds.ts';
import type { Subjects } from '../subjects/subjects.ts';
import { CasesRepository } from './cases.repository.ts';
import { appendEvent } from './case-log.ts';
import { type Answer, buildAnswer } from './answer.ts';
import type { Case, Report } from './case-rows.ts';
import { type ActionKind, isOpenState, type Outcome } from './case-values.ts';
import type { AuditFn } from './review.service.ts';
import { noWebhooks, type WebhookEmitter } from '../enforcement/webhook-events.ts';
import { emitDecided, emitReleased, emitRestored } from './decision-webhooks.ts';

export interface DecideInput {
  outcome: Outcome;
  actions: ActionKind[];
  category?: string;
  statement: string;
  postIds?: string[];
  /**
   * Also decide every open case linked to this one by a mirror or near-duplicate signal (see
   * `LinkedCasesRepository`), each as its own decision with the same outcome, category, statement and
   * actions (post removal excepted: it names this case's posts), in the same transaction.
   */
  alsoLinked?: boolean;
  /** Instead of all: the linked open cases to decide alike (each must be linked and open). */
  linkedCaseIds?: string[];
}

export interface DecidingActor {
  id: string;
  senior: boolean;
}

/** Adds the hashes of media a decision took down to a hash bank of its category; returns what to run after commit. */
export interface RemovedMediaBanking {
  bank(trx: Db, category: string, media: MediaHashes[], decisionId: string): Promise<() => void>;
  /** Withdraws what `bank` added for the decision (it was reversed on appeal). */
  unbank(trx: Db, decisionId: string): Promise<{ withdrawn: number; afterCommit: () => void }>;
}

/** Indexes what a decision took down for near-duplicate and mirror signals (detection/text/text-index.ts). */
export interface TakenDownIndexing {
  index(trx: Db, d: TakenDown, at: string): Promise<void>;
  unindex(trx: Db, decisionId: string): Promise<void>;
}

/** What a reversal changes beyond the decision's own effects (see `reverseIn`). */
export interface ReversalOptions {
  /** The owner notice's statement; defaults to the reversal's reason after a fixed phrase. */
  ownerStatement?: string;
  /** Also withdraw the media the decision banked (a reversal on appeal). */
  unbank?: boolean;
}

const rule = (field: string, message: string) => badRequest('decision_invalid', message, [{ field, message }]);

export class DecisionsService {
  #db: Db;
  #audit: AuditFn;
  #subjects: Subjects;
  #banking: RemovedMediaBanking | undefined;
  #webhooks: WebhookEmitter;
  #textIndex: TakenDownIndexing | undefined;
  #reporterMail: ReporterMail = noReporterMail;
  constructor(db: Db, audit: AuditFn, subjects: Subjects, banking?: RemovedMediaBanking, webhooks: WebhookEmitter = noWebhooks) {
    this.#db = db;
    this.#audit = audit;
    this.#subjects = subjects;
    this.#banking = banking;
    this.#webhooks = webhooks;
  }

  setBanking(banking: RemovedMediaBanking): void {
    this.#banking = banking;
  }

  setTextIndexing(indexing: TakenDownIndexing): void {
    this.#textIndex = indexing;
  }

  setReporterMail(mail: ReporterMail): void {
    this.#reporterMail = mail;
  }

  /** Tells a case's reporters who wrote by mail its answer, in the deciding transaction (also used on appeal). */
  async mailAnswer(trx: Db, caseId: string, answer: Answer, at: string): Promise<void> {
    const mailed = await new CasesRepository(trx).mailedReportsOfCase(caseId);
    if (mailed.length) await this.#reporterMail.tell(trx, mailed, answer, at);
  }

  /**
   * `opts.unclaimedOrMine` refuses a case another moderator has claimed (bulk decisions: nobody decides
   * over a colleague's review by ticking a box); `opts.batch` names the bulk decision in the audit entry.
   */
  async decide(caseId: string, actor: DecidingActor, input: DecideInput, opts: { unclaimedOrMine?: boolean; batch?: string } = {}) {
    const at = nowIso();
    const afterCommits: Array<() => void> = [];
    const result = await this.#db.transaction().execute(async (trx) => {
      const main = await this.#decideIn(trx, caseId, actor, input, at, afterCommits, opts);
      const chosen = input.linkedCaseIds ? new Set(input.linkedCaseIds) : undefined;
      if (!input.alsoLinked && !chosen) return main;
      // Linked cases in id order, so two such decisions cannot deadlock on each other's rows (PostgreSQL).
      const open = (await new LinkedCasesRepository(trx).of(caseId)).filter((l) => isOpenState(l.state));
      for (const id of chosen ?? [])
        if (!open.some((l) => l.caseId === id)) throw rule('linkedCaseIds', `Case "${id}" is not an open case linked to this one.`);
      const linked = open.filter((l) => !chosen || chosen.has(l.caseId)).sort((a, b) => a.caseId.localeCompare(b.caseId));
      const also: Array<{ caseId: string; decisionId: string }> = [];
      for (const l of linked) {
        const actions = input.actions.filter((a) => a !== 'remove_posts');
        if (input.outcome === 'actioned' && actions.length === 0) continue;
        const d = await this.#decideIn(
          trx,
          l.caseId,
          actor,
          { ...input, actions, postIds: undefined, alsoLinked: false, linkedCaseIds: undefined },
          at,
          afterCommits,
        );
        also.push({ caseId: d.caseId, decisionId: d.decisionId });
      }
      return { ...main, linked: also };
    });
    for (const f of afterCommits) f();
    this.#webhooks.committed();
    return result;
  }

  async #decideIn(
    trx: Db,
    caseId: string,
    actor: DecidingActor,
    input: DecideInput,
    at: string,
    afterCommits: Array<() => void>,
    opts: { unclaimedOrMine?: boolean; batch?: string } = {},
  ) {
    const cases = new CasesRepository(trx);
    await cases.lock(caseId); // two moderators deciding at once: the second sees the first's decision
    const c = await cases.findById(caseId);
    if (!c) throw badRequest('unknown_case', 'No such case.');
    if (!isOpenState(c.state)) throw conflict('case_closed', `This case is already ${c.state}.`);
    if (opts.unclaimedOrMine && c.assignee_id && c.assignee_id !== actor.id) throw conflict('claimed_by_other', 'Another moderator has claimed this case.');
    const reports = await cases.reportsOfCase(c.id);
    const plan = await this.#plan(trx, c, reports, actor, input);

    const decisionId = newId('dec');
    await cases.insertDecision({
      id: decisionId,
      case_id: c.id,
      outcome: input.outcome,
      category: plan.category,
      actions: input.actions,
      statement: input.statement.trim(),
      post_ids: plan.postIds,
      jurisdiction: plan.country,
      decided_by: `staff:${actor.id}`,
      automated: false,
      created_at: at,
      reversed_at: null,
    });
    const enforcement = new EnforcementRepository(trx);
    // Held content goes public only when a person finds nothing wrong. A decision that finds a violation
    // but hides nothing (a warning, a restriction in one country) must not publish what detection refused.
    if (input.outcome === 'no_violation' || input.outcome === 'protected_expression') {
      const released = await enforcement.releaseHolds(c.id, at);
      await emitReleased(trx, this.#webhooks, c, released, { decisionId, outcome: input.outcome }, at);
    }
    for (const a of plan.restrictions) {
      await enforcement.insertAction({ id: newId('enf'), decision_id: decisionId, case_id: c.id, ...a, created_at: at, reversed_at: null });
    }
    // The platform hosting the subject is told in the same transaction (a delivery job per endpoint).
    await emitDecided(trx, this.#webhooks, c, { decisionId, category: plan.category, statement: input.statement.trim(), actions: plan.restrictions }, at);
    await cases.update(c.id, { state: 'decided', open_key: null, outcome: input.outcome, decision_id: decisionId, decided_at: at, updated_at: at });
    await appendEvent(trx, c.id, {
      kind: 'decided',
      actor: `staff:${actor.id}`,
      reason: input.statement.trim(),
      at,
      data: { decisionId, outcome: input.outcome, actions: input.actions, category: plan.category, postIds: plan.postIds, jurisdiction: plan.country },
    });

    const automatedDetection = reports.some((r) => r.source === 'automated');
    const answer = buildAnswer({
      outcome: input.outcome,
      category: plan.category,
      actions: input.actions,
      statement: input.statement.trim(),
      jurisdiction: plan.country,
      automatedDetection,
      decidedAt: at,
    });
    await cases.answerReports(c.id, 'decided', JSON.stringify(answer), at);
    await this.mailAnswer(trx, c.id, answer, at);

    // Track records: a report that led to action was right; one about content found fine was not.
    if (input.outcome === 'actioned' || input.outcome === 'no_violation') {
      // In a fixed order, so two decisions sharing reporters cannot deadlock on PostgreSQL.
      for (const key of [...new Set(reports.map((r) => r.reporter_key))].sort()) await cases.recordReporterOutcome(key, input.outcome === 'actioned');
    }
    if (input.outcome === 'actioned' && c.owner_account_id) {
      await enforcement.insertNotice({
        id: newId('ntc'),
        account_id: c.owner_account_id,
        decision_id: decisionId,
        subject_kind: c.subject_kind,
        subject_id: c.subject_id,
        statement: JSON.stringify({
          ...answer,
          subject: { kind: c.subject_kind, id: c.subject_id },
          postIds: plan.postIds,
          basis: reports.length > 0 ? 'notice' : 'own_initiative',
        }),
        created_at: at,
      });
    }
    const blocked = input.actions.includes('block');
    if ((this.#banking || this.#textIndex) && plan.category && (input.actions.includes('remove_posts') || blocked)) {
      // Media taken down goes to a bank of its category, so a re-upload is caught on arrival.
      const reported = reports.flatMap((r) => r.post_ids);
      const postIds = [...new Set([...plan.postIds, ...(blocked ? reported : [])])];
      const platform = c.platform ?? REFERENCE_PLATFORM;
      const media = await this.#subjects.mediaOfPosts(trx, platform, postIds);
      if (this.#banking) afterCommits.push(await this.#banking.bank(trx, plan.category, media, decisionId));
      // Texts, owner and links taken down, so near-duplicates and mirrors raise signals.
      await this.#textIndex?.index(
        trx,
        {
          caseId: c.id,
          decisionId,
          category: plan.category,
          platform,
          subject: { kind: c.subject_kind, id: c.subject_id },
          blocked,
          ownerId: c.owner_account_id,
          removedPostIds: plan.postIds,
          media,
        },
        at,
      );
    }
    await this.#audit(trx, {
      actor: `staff:${actor.id}`,
      action: 'case.decided',
      target: `case:${c.id}`,
      data: { decisionId, outcome: input.outcome, actions: input.actions, category: plan.category, ...(opts.batch ? { batch: opts.batch } : {}) },
    });
    return { caseId: c.id, decisionId, answer };
  }

  async #plan(db: Db, c: Case, reports: Report[], actor: DecidingActor, input: DecideInput) {
    const actions = [...new Set(input.actions)];
    if (input.statement.trim().length < 10) throw rule('statement', 'The statement of reasons must say why (at least 10 characters).');
    if (input.outcome === 'actioned') {
      if (actions.length === 0) throw rule('actions', 'An "actioned" decision needs at least one action.');
      if (!input.category || !isCategory(input.category)) throw rule('category', 'An "actioned" decision needs the policy category it enforces.');
    } else if (actions.length > 0) {
      throw rule(
        'actions',
        input.outcome === 'protected_expression'
          ? `${PROTECTED_EXPRESSION.title} is never a ground for action: this outcome carries no action.`
          : `A "${input.outcome}" decision carries no action.`,
      );
    }
    const category = input.outcome === 'actioned' ? (input.category ?? null) : input.category && isCategory(input.category) ? input.category : null;
    const restrictions: Array<Pick<EnforcementActionsTable, 'subject_kind' | 'subject_id' | 'code' | 'category' | 'country' | 'notice_text'>> = [];
    let postIds: string[] = [];
    let country: string | null = null;

    for (const a of actions) {
      // Only an "actioned" decision carries actions, and one without a category was refused above.
      if (category === null) throw rule('category', 'An "actioned" decision needs the policy category it enforces.');
      if (a === 'block') {
        if (!isBlockable(c.subject_kind)) throw rule('actions', `A ${c.subject_kind} cannot be blocked.`);
        restrictions.push({
          subject_kind: c.subject_kind,
          subject_id: c.subject_id,
          code: 'blocked',
          category,
          country: null,
          notice_text: blockNotice(c.subject_kind, category),
        });
      } else if (a === 'remove_posts') {
        if (c.subject_kind !== 'channel') throw rule('actions', 'Only posts of a channel can be removed.');
        postIds = [...new Set(input.postIds ?? [])];
        if (postIds.length === 0) throw rule('postIds', 'Name the posts to remove.');
        const port = this.#subjects.port(c.platform ?? REFERENCE_PLATFORM);
        for (const id of postIds) {
          await port.postsOfChannel(db, c.subject_id, [id]).catch((err: unknown) => {
            throw err instanceof AppError && err.status === 404 ? rule('postIds', `Post "${id}" is not a post of this channel.`) : err;
          });
          restrictions.push({ subject_kind: 'post', subject_id: id, code: 'removed', category, country: null, notice_text: removalNotice(category) });
        }
      } else if (a === 'restrict_in_jurisdiction') {
        if (!actor.senior) throw forbidden('Restricting in one jurisdiction is a senior decision.');
        const order = reports.find((r) => r.source === 'authority' && r.legal_basis && r.jurisdiction);
        if (!order?.legal_basis || !order.jurisdiction)
          throw rule('actions', 'A jurisdiction restriction needs an authority report with a legal basis on this case.');
        if (!isBlockable(c.subject_kind)) throw rule('actions', `A ${c.subject_kind} cannot be restricted.`);
        country = order.jurisdiction;
        restrictions.push({
          subject_kind: c.subject_kind,
          subject_id: c.subject_id,
          code: 'restricted',
          category,
          country,
          notice_text: restrictionNotice(c.subject_kind, order.jurisdiction, order.legal_basis),
        });
      }
    }
    return { category, postIds, country, restrictions };
  }

  async reverse(caseId: string, actor: DecidingActor, reason: string) {
    if (!actor.senior) throw forbidden('Reversing a decision is a senior decision.');
    if (reason.trim().length < 10) throw rule('reason', 'Say why the decision is reversed (at least 10 characters).');
    const at = nowIso();
    let afterCommit = () => {};
    const result = await this.#db.transaction().execute(async (trx) => {
      const cases = new CasesRepository(trx);
      await cases.lock(caseId);
      const c = await cases.findById(caseId);
      if (!c) throw badRequest('unknown_case', 'No such case.');
      if (c.state !== 'decided' || !c.decision_id) throw conflict('not_decided', 'Only a decided case can be reversed.');
      afterCommit = await this.reverseIn(trx, c, actor, reason.trim(), at);
      await this.#audit(trx, {
        actor: `staff:${actor.id}`,
        action: 'case.reversed',
        target: `case:${c.id}`,
        data: { decisionId: c.decision_id, reason: reason.trim() },
      });
      return { caseId: c.id, state: 'reversed' as const };
    });
    afterCommit();
    this.#webhooks.committed();
    return result;
  }

  /**
   * Reverses the decided case `c` inside the caller's transaction, which holds the case row's lock:
   * lifts its enforcement (webhook `subject.restored`), releases detection holds, marks the decision
   * reversed, appends the `reversed` event and tells the owner. Returns what to run after commit; the
   * caller audits and calls `committed()` on the webhooks afterwards (`webhooksCommitted`).
   */
  async reverseIn(trx: Db, c: Case, actor: DecidingActor, reason: string, at: string, opts: ReversalOptions = {}): Promise<() => void> {
    if (!c.decision_id) throw conflict('not_decided', 'Only a decided case can be reversed.');
    const cases = new CasesRepository(trx);
    const enforcement = new EnforcementRepository(trx);
    const lifted = await enforcement.deactivateDecision(c.decision_id, at);
    await emitRestored(trx, this.#webhooks, c, { decisionId: c.decision_id, reason, lifted }, at);
    // Reversing an 'actioned' decision restores what it kept from the public, including detection holds.
    if (c.outcome === 'actioned') {
      const released = await enforcement.releaseHolds(c.id, at);
      await emitReleased(trx, this.#webhooks, c, released, { decisionId: c.decision_id, outcome: 'reversed' }, at);
    }
    await cases.markDecisionReversed(c.decision_id, at);
    await this.#textIndex?.unindex(trx, c.decision_id);
    await cases.update(c.id, { state: 'reversed', updated_at: at });
    await appendEvent(trx, c.id, { kind: 'reversed', actor: `staff:${actor.id}`, reason, at, data: { decisionId: c.decision_id } });
    if (c.outcome === 'actioned' && c.owner_account_id) {
      await enforcement.insertNotice({
        id: newId('ntc'),
        account_id: c.owner_account_id,
        decision_id: c.decision_id,
        subject_kind: c.subject_kind,
        subject_id: c.subject_id,
        statement: JSON.stringify({
          outcome: 'reversed',
          statement: opts.ownerStatement ?? `The earlier decision was reversed: ${reason}`,
          decidedAt: at,
          subject: { kind: c.subject_kind, id: c.subject_id },
        }),
        created_at: at,
      });
    }
    if (opts.unbank && this.#banking) return (await this.#banking.unbank(trx, c.decision_id)).afterCommit;
    return () => {};
  }

  /** After the commit of a transaction that called `reverseIn`: wakes the webhook runner. */
  webhooksCommitted(): void {
    this.#webhooks.committed();
  }
}
