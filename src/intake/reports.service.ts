// Intake: one validated report → scope check → standing decision or case. The report is committed
// before the answer is sent, and every report gets an answer: at once (out of scope, standing decision)
// or when its case is decided.
import { detectLanguage } from '../shared/language.ts';
import { isLanguage, type Language } from '../shared/i18n/languages.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { writeTransaction } from '../db/group-commit.ts';
import type { CaseEventsTable } from '../db/schema-moderation.ts';
import { AppError, badRequest, type FieldProblemKind, fieldProblem } from '../shared/errors.ts';
import { newId, newTimeOrderedId } from '../shared/ids.ts';
import { hashToken, type ServerSecret } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import { COOLDOWN_MS, isInScope, REPORTER_MISUSE, resolveCategory } from '../policy/policy.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { eventRow } from '../cases/case-log.ts';
import { type CaseFigures, nextCounts, nextFigures } from '../cases/case-aggregate.ts';
import { betterWeight, credibilityOf, isUnproven, textHash, weightUnits } from '../cases/credibility.ts';
import { type Answer, outOfScopeAnswer } from '../cases/answer.ts';
import type { Case, Report } from '../cases/case-rows.ts';
import type { ReportSource, ReportStatus } from '../cases/case-values.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import { parseSubject } from '../subjects/subject-link.ts';
import type { ResolvedSubject } from '../subjects/platform-port.ts';
import type { Subjects } from '../subjects/subjects.ts';
import type { Reporter } from './reporter.ts';
import { receiptOf } from './receipt.ts';
import { assertSameRequest, requestFingerprint } from './idempotency.ts';
import { noWebhooks, type WebhookEmitter, webhookSubject } from '../enforcement/webhook-events.ts';
import { REFERENCE_PLATFORM } from '../shared/platforms.ts';

export interface ReportInput {
  subject: unknown;
  category: string;
  explanation?: string;
  evidence?: string;
  postIds?: string[];
  contact?: { name?: string; email?: string };
  bonaFide?: boolean;
  lifeAtRisk?: boolean;
  jurisdiction?: string;
  legalBasis?: string;
  orderReference?: string;
  /** The language the reporter wrote in (the web form's page language): the status speaks it by default. */
  language?: Language;
}

export interface Acknowledgement {
  id: string;
  status: ReportStatus;
  receipt: string;
  statusUrl: string;
  caseId: string | null;
  /** To a reporter a senior warned or whose reports are set aside (DSA Art. 23): the policy's statement. */
  reporterNotice?: ReporterNotice;
}

export interface ReporterNotice {
  kind: 'warning' | 'set_aside';
  statement: string;
  /** When a set-aside ends. */
  until: string | null;
}

const field = (name: string, kind: FieldProblemKind, message: string, limit?: number) =>
  badRequest('invalid_report', `"${name}" ${message}.`, [fieldProblem(name, kind, message, limit)]);

/** A subject that is not there (404) is a problem with the report's `subject` field: the form marks the link. */
function onSubjectField(err: unknown): never {
  if (err instanceof AppError && err.status === 404 && err.details === undefined)
    throw new AppError(404, err.code, err.message, [fieldProblem('subject', 'not_found', err.message)]);
  throw err;
}

/** The shortest explanation an anonymous notice may give (DSA Art. 16: it says why the content is illegal). */
const MIN_EXPLANATION = 10;

function validate(input: ReportInput, reporter: Reporter): string {
  const category = resolveCategory(input.category);
  if (!category) throw field('category', 'not_a_category', 'is not a policy category or in-app reason');
  if (reporter.source === 'anonymous') {
    // DSA Art. 16: a notice explains why the content is illegal and confirms it is made in good faith.
    if (!input.explanation || input.explanation.trim().length < MIN_EXPLANATION)
      throw field('explanation', 'too_short', `is required (at least ${MIN_EXPLANATION} characters) for reports without an account`, MIN_EXPLANATION);
    if (input.bonaFide !== true) throw field('bonaFide', 'must_confirm', 'must be true: confirm that the report is accurate and made in good faith');
  }
  if (reporter.source === 'authority') {
    const j = input.jurisdiction ?? reporter.country ?? '';
    if (!/^[A-Z]{2}$/.test(j)) throw field('jurisdiction', 'required', 'is required for authorities, as an ISO 3166 country code such as "IQ"');
    // An authority's request carries legal weight only under its own country's law (its key's country).
    if (reporter.country && j !== reporter.country)
      throw field('jurisdiction', 'not_allowed', `must be ${reporter.country}, the country this authority key acts for`);
    if (!input.legalBasis || input.legalBasis.trim() === '')
      throw field('legalBasis', 'required', 'is required for authorities: name the law the request relies on');
  }
  return category;
}

export class ReportsService {
  #db: Db;
  #subjects: Subjects;
  #publicUrl: string;
  #secret: ServerSecret;
  #webhooks: WebhookEmitter;
  constructor(db: Db, subjects: Subjects, publicUrl: string, secret: ServerSecret, webhooks: WebhookEmitter = noWebhooks) {
    this.#db = db;
    this.#subjects = subjects;
    this.#publicUrl = publicUrl;
    this.#secret = secret;
    this.#webhooks = webhooks;
  }

  async submit(input: ReportInput, reporter: Reporter, idempotencyKey?: string): Promise<Acknowledgement> {
    const scopedKey = idempotencyKey ? `${reporter.key}|${idempotencyKey}` : null;
    const fingerprint = scopedKey ? requestFingerprint(input) : null;
    if (scopedKey && fingerprint) {
      const earlier = await new CasesRepository(this.#db).findReportByIdempotencyKey(scopedKey);
      if (earlier) return this.#replay(earlier, fingerprint);
    }
    const category = validate(input, reporter);
    const subject = await this.#subjects.resolve(this.#db, parseSubject(input.subject)).catch(onSubjectField);
    if (input.postIds?.length) {
      if (subject.kind !== 'channel') throw field('postIds', 'not_allowed', 'can only name posts of a channel');
      const named = await this.#subjects.postsOfChannel(this.#db, subject.platform, subject.id, input.postIds);
      subject.postIds = [...new Set([...subject.postIds, ...named.map((p) => p.id)])];
    }
    const id = newTimeOrderedId('rep');
    // Derived, so a replay can re-issue it; the row keeps only its hash, as for the receipts before.
    const receipt = receiptOf(this.#secret, id);
    const row: Report = {
      id,
      case_id: null,
      subject_kind: subject.kind,
      subject_id: subject.id,
      subject_link: subject.link,
      source: reporter.source,
      reporter_key: reporter.key,
      reporter_account_id: reporter.accountId,
      reporter_label: reporter.label,
      contact_name: input.contact?.name?.trim() || null,
      contact_email: input.contact?.email?.trim() || null,
      category,
      claimed: input.category,
      explanation: input.explanation?.trim() || null,
      language: detectLanguage(input.explanation),
      reply_language: input.language ?? null,
      evidence: input.evidence?.trim() || null,
      post_ids: subject.postIds,
      life_at_risk: input.lifeAtRisk === true,
      bona_fide: input.bonaFide === true,
      jurisdiction: reporter.source === 'authority' ? (input.jurisdiction ?? reporter.country) : (input.jurisdiction ?? null),
      legal_basis: input.legalBasis?.trim() || null,
      order_reference: input.orderReference?.trim() || null,
      status: 'received',
      receipt_hash: hashToken(receipt),
      idempotency_key: scopedKey,
      request_fingerprint: fingerprint,
      answer: null,
      created_at: nowIso(),
      answered_at: null,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const notice = await this.#store(row, subject, reporter);
        this.#webhooks.committed();
        return notice ? { ...this.#ack(row, receipt), reporterNotice: notice } : this.#ack(row, receipt);
      } catch (err) {
        if (!isUniqueViolation(err) || attempt === 3) throw err;
        // Two racing requests with the same Idempotency-Key: the loser answers as a replay of the winner
        // (its acknowledgement, or 422 if the bodies differ).
        if (scopedKey && fingerprint) {
          const winner = await new CasesRepository(this.#db).findReportByIdempotencyKey(scopedKey);
          if (winner) return this.#replay(winner, fingerprint);
        }
        // Two racing first reports about one subject: the unique open-case key lets one open it; retry joins
        // it (and a same-key winner that committed meanwhile is found on the next violation).
      }
    }
  }

  /** The first acknowledgement again, for the same request under the same key (422 for another request). */
  #replay(earlier: Report, fingerprint: string): Acknowledgement {
    assertSameRequest(earlier, fingerprint);
    return this.#ack(earlier, receiptOf(this.#secret, earlier.id));
  }

  #ack(r: Report, receipt: string): Acknowledgement {
    return {
      id: r.id,
      status: r.status,
      receipt,
      // The link the reporter keeps opens the page in the language they filed in.
      statusUrl: `${this.#publicUrl}/report/status/${r.id}?receipt=${encodeURIComponent(receipt)}${isLanguage(r.reply_language) ? `&lang=${r.reply_language}` : ''}`,
      caseId: r.case_id,
    };
  }

  async #store(row: Report, subject: ResolvedSubject, reporter: Reporter): Promise<ReporterNotice | undefined> {
    return writeTransaction(this.#db, async (trx): Promise<ReporterNotice | undefined> => {
      const cases = new CasesRepository(trx);
      const at = row.created_at;
      if (!subject.isPublic || !isInScope(subject.kind)) {
        row.status = 'declined_out_of_scope';
        const answer = outOfScopeAnswer(at, subject.kind);
        row.answer = JSON.stringify(answer);
        row.answered_at = at;
        await cases.insertReport(row);
        await this.#webhooks.emit(trx, {
          platform: subject.platform,
          type: 'report.declined',
          key: `report.declined:${row.id}`,
          subject: webhookSubject(subject.platform, subject.kind, subject.id),
          data: { reportId: row.id, category: row.category, reason: answer.statement },
          at,
        });
        return undefined;
      }
      // Wait for a decision being taken on the open case, so this report is either answered by it,
      // answered with it as the standing decision, or joins a case that is still open. The lock also reads
      // the case: its figures are those the previous report committed, so this one only adds to them.
      // The same statement reads the reporter's track record and whether the subject was ever decided, so a
      // report joining an open case of a subject never decided reads nothing else.
      const locked = await cases.lockAndReadOpenBySubject(subject.kind, subject.id, row.reporter_key, row.category);
      const standing = locked && locked.decidedCaseId == null ? undefined : await this.#standingCase(trx, subject, row.source);
      const found = locked ? locked.record : await cases.reporterRecord(row.reporter_key);
      const record = found && { agreed: Number(found.agreed), disagreed: Number(found.disagreed) };
      // How long the reporter has been around: the account's age from its platform; an address's first
      // report, recorded under its keyed hash the first time it reports.
      let since = reporter.since ?? null;
      if (row.source === 'anonymous') {
        since = found?.first_seen_at ?? at;
        if (!found?.first_seen_at) await cases.recordFirstSeen(row.reporter_key, at);
      }
      const setAsideUntil = found?.set_aside_until && found.set_aside_until > at ? found.set_aside_until : null;
      const notice: ReporterNotice | undefined = setAsideUntil
        ? { kind: 'set_aside', statement: REPORTER_MISUSE.setAsideStatement, until: setAsideUntil }
        : found?.warned_at
          ? { kind: 'warning', statement: REPORTER_MISUSE.warningStatement, until: null }
          : undefined;
      const open: Case | undefined = locked?.case;
      const credibility = credibilityOf(row.source, record, { since, setAside: setAsideUntil !== null }, at);
      row.credibility = credibility;
      row.reporter_since = since;
      row.unproven = setAsideUntil === null && isUnproven(row.source, record, since, at);
      const report = { ...row, credibility };
      if (standing) {
        row.case_id = standing.id;
        row.status = 'decided';
        row.answer = standing.answer;
        row.answered_at = at;
        await cases.insertReport(row);
        // The decided case lists this report, so its counts include it; its state, priority and deadline
        // stay those it was decided with. Bumping its event counter takes its row's lock and reads it:
        // concurrent reports count in turn.
        const c = await cases.bumpEventSeq(standing.id);
        const newReporter = await cases.addCaseReporter(standing.id, row.reporter_key, credibility, row.source, since);
        await cases.update(standing.id, { ...nextCounts(c, report, newReporter), updated_at: at });
        await cases.insertEvent(
          eventRow(standing.id, c.last_event_seq, {
            kind: 'report_added',
            actor: `reporter:${row.source}`,
            at,
            data: { reportId: row.id, category: row.category, answeredWithStandingDecision: true },
          }),
        );
        return notice;
      }
      const c: Case = open ?? {
        id: newId('case'),
        subject_kind: subject.kind,
        subject_id: subject.id,
        platform: subject.platform,
        open_key: `${subject.kind}:${subject.id}`,
        owner_account_id: subject.ownerAccountId,
        state: 'open',
        category: row.category,
        priority: 0,
        sla_due_at: at,
        report_count: 0,
        reporter_count: 0,
        sources: [],
        categories: [],
        reach: subject.reach,
        // The subject's own language; a subject with too little text to tell takes its first report's.
        language: subject.language ?? row.language ?? null,
        life_at_risk: false,
        best_credibility: 0,
        assignee_id: null,
        last_event_seq: 0,
        outcome: null,
        decision_id: null,
        created_at: at,
        updated_at: at,
        decided_at: null,
      };
      row.case_id = c.id;
      row.status = c.state === 'open' ? 'received' : 'in_review';
      const hash = textHash(row.explanation);
      const events: CaseEventsTable[] = [];
      let seq = c.last_event_seq;
      let figures: CaseFigures;
      if (!open) {
        figures = nextFigures(c, report, { newReporter: true, reporterBest: undefined, categoryBefore: undefined, sameText: hash ? 1 : 0 }, subject.reach);
        seq += 2;
        await cases.insert({ ...c, ...figures, last_event_seq: seq });
        await cases.insertReport(row);
        await cases.addCaseReporter(c.id, row.reporter_key, credibility, row.source, since);
        await cases.setCategoryWeight(c.id, row.reporter_key, row.category, weightUnits(credibility), row.unproven);
        if (hash) await cases.countText(c.id, hash);
        events.push(eventRow(c.id, 1, { kind: 'opened', actor: 'system', at, data: { subject: { kind: subject.kind, id: subject.id, link: subject.link } } }));
        const platform = c.platform ?? REFERENCE_PLATFORM;
        await this.#webhooks.emit(trx, {
          platform,
          type: 'case.opened',
          key: `case.opened:${c.id}`,
          subject: webhookSubject(platform, subject.kind, subject.id),
          data: { caseId: c.id, category: row.category, postIds: subject.postIds, automated: row.source === 'automated' },
          at,
        });
      } else {
        await cases.insertReport(row);
        const newReporter = await cases.addCaseReporter(c.id, row.reporter_key, credibility, row.source, since);
        const before = locked?.categoryBefore;
        const mine = { weight: weightUnits(credibility), unproven: row.unproven };
        if (!before || betterWeight(before, mine) !== before) await cases.setCategoryWeight(c.id, row.reporter_key, row.category, mine.weight, mine.unproven);
        const sameText = hash ? await cases.countText(c.id, hash) : 0;
        figures = nextFigures(c, report, { newReporter, reporterBest: locked?.reporterBest, categoryBefore: before, sameText }, subject.reach);
        seq += 1;
        await cases.updateFigures(c.id, { ...figures, reach: subject.reach, last_event_seq: seq, updated_at: at });
      }
      events.push(
        eventRow(c.id, seq, {
          kind: 'report_added',
          actor: `reporter:${row.source}`,
          at,
          data: {
            reportId: row.id,
            source: row.source,
            category: row.category,
            lifeAtRisk: row.life_at_risk,
            postIds: row.post_ids,
            priority: figures.priority,
            ...(setAsideUntil ? { setAside: true } : {}),
          },
        }),
      );
      await cases.insertEvent(events);
      return notice;
    });
  }

  /** The answer a report was given (its statement of reasons), once it has one. */
  async answerOf(reportId: string): Promise<Answer | undefined> {
    const r = await new CasesRepository(this.#db).findReport(reportId);
    return r?.answer ? (JSON.parse(r.answer) as Answer) : undefined; // written by buildAnswer/outOfScopeAnswer
  }

  /**
   * A subject still blocked answers new reports with that decision. Within the cool-down after any other
   * decision, so does a report about what was already reviewed; a report naming posts the decision did
   * not look at, or a new automated detection, opens review again.
   */
  async #standingCase(db: Db, subject: ResolvedSubject, source: ReportSource): Promise<{ id: string; answer: string } | undefined> {
    const cases = new CasesRepository(db);
    const last = await cases.latestDecidedBySubject(subject.kind, subject.id);
    if (!last?.decision_id || last.state === 'reversed') return undefined;
    const blocked = await new EnforcementRepository(db).activeBlockOf(subject.kind, subject.id);
    if (!blocked) {
      const recent = Date.now() - new Date(last.decided_at ?? 0).getTime() < COOLDOWN_MS;
      if (!recent || source === 'automated') return undefined;
      // Only a report naming posts needs the reviewed ones; their distinct lists, not every report of the
      // case, which grows with each report it answers.
      if (subject.postIds.length) {
        const reviewed = new Set((await cases.postIdListsOfCase(last.id)).flat());
        if (!subject.postIds.every((id) => reviewed.has(id))) return undefined;
      }
    }
    const decision = await new CasesRepository(db).findDecision(last.decision_id);
    const answer = await new CasesRepository(db).answerOfCase(last.id);
    if (!decision || !answer) return undefined;
    return { id: last.id, answer };
  }
}
